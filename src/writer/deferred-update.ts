import type pg from 'pg';
import type { Column } from '../catalog.js';
import type { Value } from '../inference/gen-context.js';
import { quoteIdent, quoteQualified, quoteLiteral } from '../sql/ident.js';
import { copyRows } from './copy.js';
import { encodeCopyRow, encodeText } from './encode-copy.js';
import type { TableGenerator } from './generate/table-generator.js';

/** Rows per `UPDATE … FROM (VALUES …)` where the staging table cannot be created. */
const UPDATE_BATCH = 1_000;
/** The session's staging table for one cycle table's deferred values (dropped after use). */
const STAGE = 'pg_temp.autoseed_deferred';

interface Layout {
  readonly table: string;
  readonly keyColumns: readonly string[];
  readonly setColumns: readonly string[];
  readonly fkNames: readonly string[];
  readonly column: (name: string) => Column;
}

/**
 * Fills FK columns of a cycle that were inserted as NULL, once their parent is loaded. The rows'
 * keys and FK values are COPYed into a temporary table and applied by one `UPDATE … FROM` join:
 * one pass over the table, where `UPDATE … FROM (VALUES …)` per batch scanned it once per batch
 * (with `--fast` the key's index is not there yet). Without the TEMP privilege it falls back to
 * those batches. Returns how many rows were updated.
 */
export async function updateDeferred(client: pg.ClientBase, gen: TableGenerator, foreignKeys: readonly string[]): Promise<number> {
  const t = gen.model.table;
  const keyColumns = t.primaryKey?.columns
    ?? t.uniques.find((u) => u.predicate === null && u.columns.length === u.parts.length)?.columns
    ?? [];
  if (keyColumns.length === 0) return 0;
  const fks = foreignKeys.map((name) => t.foreignKeys.find((f) => f.name === name)!);
  const layout: Layout = {
    table: quoteQualified(t.schema, t.name),
    keyColumns,
    setColumns: fks.flatMap((fk) => fk.columns),
    fkNames: foreignKeys,
    column: (name) => t.columns.find((c) => c.name === name)!,
  };
  await client.query('SAVEPOINT autoseed_stage');
  try {
    await client.query(`DROP TABLE IF EXISTS ${STAGE}`);
    const select = [...keyColumns.map((c, k) => `${quoteIdent(c)} AS k${k}`), ...layout.setColumns.map((c, k) => `${quoteIdent(c)} AS s${k}`)];
    await client.query(`CREATE TEMPORARY TABLE autoseed_deferred AS SELECT ${select.join(', ')} FROM ${layout.table} WITH NO DATA`);
    await client.query('RELEASE SAVEPOINT autoseed_stage');
  } catch {
    // no TEMP privilege on the database (or no room for the table): the batched way
    await client.query('ROLLBACK TO SAVEPOINT autoseed_stage');
    await client.query('RELEASE SAVEPOINT autoseed_stage');
    return updateInBatches(client, gen, layout);
  }
  const stageColumns = [...keyColumns.map((_, k) => `k${k}`), ...layout.setColumns.map((_, k) => `s${k}`)];
  await copyRows(client, { schema: 'pg_temp', name: 'autoseed_deferred' }, stageColumns, stagedLines(gen, layout));
  // its row count and value spread, so the join is planned as the hash join it should be
  await client.query(`ANALYZE ${STAGE}`);
  const assignments = layout.setColumns.map((c, k) => `${quoteIdent(c)} = v.s${k}`).join(', ');
  const match = keyColumns.map((c, k) => `x.${quoteIdent(c)} = v.k${k}`).join(' AND ');
  const result = await client.query(`UPDATE ${layout.table} AS x SET ${assignments} FROM ${STAGE} AS v WHERE ${match}`);
  await client.query(`DROP TABLE ${STAGE}`);
  return result.rowCount ?? 0;
}

/** Each live row's key and deferred FK values, as COPY lines; rows whose FKs stay NULL are left out. */
function* stagedLines(gen: TableGenerator, layout: Layout): Generator<string> {
  for (const i of gen.liveRows()) {
    const values = rowUpdate(gen, layout, i);
    if (values) yield encodeCopyRow(values);
  }
}

/** Row i's key values then its FK values, or null when every FK value is NULL (nothing to set). */
function rowUpdate(gen: TableGenerator, layout: Layout, i: number): Value[] | null {
  const sets = layout.fkNames.flatMap((name) => gen.fkValues(name, i));
  if (sets.every((v) => v === null)) return null;
  return [...layout.keyColumns.map((c) => gen.value(c, i)), ...sets];
}

/** `UPDATE … FROM (VALUES …)`, a batch of rows at a time. */
async function updateInBatches(client: pg.ClientBase, gen: TableGenerator, layout: Layout): Promise<number> {
  const { keyColumns, setColumns, column } = layout;
  const alias = [...keyColumns.map((_, k) => `k${k}`), ...setColumns.map((_, k) => `s${k}`)];
  const assignments = setColumns.map((c, k) => `${quoteIdent(c)} = v.s${k}::${column(c).type.sql}`).join(', ');
  const match = keyColumns.map((c, k) => `x.${quoteIdent(c)} = v.k${k}::${column(c).type.sql}`).join(' AND ');
  let updated = 0;
  const live = gen.liveRows();
  for (let start = 0; start < live.length; start += UPDATE_BATCH) {
    const tuples: string[] = [];
    for (const i of live.slice(start, start + UPDATE_BATCH)) {
      const values = rowUpdate(gen, layout, i);
      if (values) tuples.push(`(${values.map((v) => literal(encodeText(v))).join(', ')})`);
    }
    if (tuples.length === 0) continue;
    const result = await client.query(`UPDATE ${layout.table} AS x SET ${assignments} FROM (VALUES ${tuples.join(', ')}) AS v(${alias.join(', ')}) WHERE ${match}`);
    updated += result.rowCount ?? 0;
  }
  return updated;
}

function literal(text: string | null): string {
  return text === null ? 'NULL' : quoteLiteral(text);
}
