import type pg from 'pg';
import type { Queryable } from '../db/queryable.js';
import type { ColumnModel } from '../inference/model.js';
import { quoteIdent, quoteQualified } from '../sql/ident.js';
import { copyRows } from './copy.js';
import { encodeCopyField } from './encode-copy.js';
import type { TableGenerator } from './generate/table-generator.js';
import { tableRows } from './table-rows.js';

/** The session's staging table for a table whose columns take SQL expressions (dropped after use). */
const STAGE = 'autoseed_stage';

/**
 * The columns of a table that take one overrides.ts sql`…` expression for every row, when all
 * its other columns can go as text and none of those is a key (the database would decide the
 * key, which must then be read back row by row): then the table can be staged. Null otherwise.
 */
export function stagedSqlColumns(gen: TableGenerator): ReadonlySet<string> | null {
  const sql = new Set<string>();
  for (const c of gen.written) {
    const spec = c.generator;
    if (spec.kind !== 'override') continue;
    if (spec.override.kind === 'sql') {
      if (c.stable) return null;
      sql.add(c.name);
    } else if (spec.override.kind !== 'constant') {
      // a list may mix SQL and text; a function may return sql`…` for some rows
      return null;
    }
  }
  return sql.size > 0 ? sql : null;
}

/**
 * Writes a table whose columns take SQL expressions without one INSERT per batch: the text
 * columns are COPYed into a temporary table, then one `INSERT … SELECT` adds each row with the
 * expressions evaluated by PostgreSQL for it, as `INSERT … VALUES` would. Throws what the
 * server says; the caller then writes the table the guarded way. Returns the rows written.
 */
export async function insertStaged(
  client: pg.ClientBase,
  gen: TableGenerator,
  sqlColumns: ReadonlySet<string>,
  checker: Queryable | null,
  onProgress: (done: number) => void,
): Promise<number> {
  const t = gen.model.table;
  const target = quoteQualified(t.schema, t.name);
  const staged = gen.written.filter((c) => !sqlColumns.has(c.name));
  const positions = staged.map((c) => gen.written.indexOf(c));
  await client.query(`DROP TABLE IF EXISTS pg_temp.${STAGE}`);
  // the columns' own types, no defaults, no constraints: the target checks the rows
  await client.query(`CREATE TEMPORARY TABLE ${STAGE} AS SELECT ${staged.map((c) => quoteIdent(c.name)).join(', ')} FROM ${target} WITH NO DATA`);
  let done = 0;
  const lines = async function* (): AsyncGenerator<string> {
    for await (const batch of tableRows(gen, checker)) {
      let text = '';
      for (const row of batch.rows) {
        for (let k = 0; k < positions.length; k++) text += (k === 0 ? '' : '\t') + encodeCopyField(row[positions[k]!]!);
        text += '\n';
      }
      done += batch.rows.length;
      onProgress(done);
      yield text;
    }
  };
  await copyRows(client, { schema: 'pg_temp', name: STAGE }, staged.map((c) => c.name), lines());
  const result = await client.query(insertSelect(gen.written, sqlColumns, target));
  await client.query(`DROP TABLE pg_temp.${STAGE}`);
  return result.rowCount ?? 0;
}

/** `INSERT INTO t (all columns) SELECT staged columns and (expressions) FROM the staging table`. */
function insertSelect(written: readonly ColumnModel[], sqlColumns: ReadonlySet<string>, target: string): string {
  const columns = written.map((c) => quoteIdent(c.name)).join(', ');
  const values = written.map((c) => {
    const spec = c.generator;
    return sqlColumns.has(c.name) && spec.kind === 'override' && spec.override.kind === 'sql' ? `(${spec.override.sql})` : `s.${quoteIdent(c.name)}`;
  }).join(', ');
  const overriding = written.some((c) => c.column.identity === 'always') ? ' OVERRIDING SYSTEM VALUE' : '';
  return `INSERT INTO ${target} (${columns})${overriding} SELECT ${values} FROM pg_temp.${STAGE} AS s`;
}
