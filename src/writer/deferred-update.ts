import type pg from 'pg';
import type { Column } from '../catalog.js';
import { quoteIdent, quoteQualified, quoteLiteral } from '../sql/ident.js';
import { encodeText } from './encode-copy.js';
import type { TableGenerator } from './generate/table-generator.js';

const UPDATE_BATCH = 1_000;

/**
 * Fills FK columns of a cycle that were inserted as NULL, once their parent is loaded: one
 * `UPDATE … FROM (VALUES …)` per batch of rows, rows found again through the table's key.
 * Returns how many rows were updated.
 */
export async function updateDeferred(client: pg.ClientBase, gen: TableGenerator, foreignKeys: readonly string[]): Promise<number> {
  const t = gen.model.table;
  const keyColumns = t.primaryKey?.columns
    ?? t.uniques.find((u) => u.predicate === null && u.columns.length === u.parts.length)?.columns
    ?? [];
  if (keyColumns.length === 0) return 0;
  const fks = foreignKeys.map((name) => t.foreignKeys.find((f) => f.name === name)!);
  const setColumns = fks.flatMap((fk) => fk.columns);
  const column = (name: string): Column => t.columns.find((c) => c.name === name)!;
  const alias = [...keyColumns.map((_, k) => `k${k}`), ...setColumns.map((_, k) => `s${k}`)];
  let updated = 0;
  const live = gen.liveRows();
  for (let start = 0; start < live.length; start += UPDATE_BATCH) {
    const tuples: string[] = [];
    for (const i of live.slice(start, start + UPDATE_BATCH)) {
      const sets = fks.flatMap((fk) => gen.fkValues(fk.name, i));
      if (sets.every((v) => v === null)) continue;
      const keys = keyColumns.map((c) => gen.value(c, i));
      tuples.push(`(${[...keys, ...sets].map((v) => literal(encodeText(v))).join(', ')})`);
    }
    if (tuples.length === 0) continue;
    const assignments = setColumns.map((c, k) => `${quoteIdent(c)} = v.s${k}::${column(c).type.sql}`).join(', ');
    const match = keyColumns.map((c, k) => `x.${quoteIdent(c)} = v.k${k}::${column(c).type.sql}`).join(' AND ');
    const result = await client.query(
      `UPDATE ${quoteQualified(t.schema, t.name)} AS x SET ${assignments} FROM (VALUES ${tuples.join(', ')}) AS v(${alias.join(', ')}) WHERE ${match}`);
    updated += result.rowCount ?? 0;
  }
  return updated;
}

function literal(text: string | null): string {
  return text === null ? 'NULL' : quoteLiteral(text);
}
