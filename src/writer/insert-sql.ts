import type { Value } from '../inference/gen-context.js';
import type { ColumnModel, TableModel } from '../inference/model.js';
import { quoteIdent, quoteLiteral, quoteQualified } from '../sql/ident.js';
import { encodeText } from './encode-copy.js';

/**
 * `INSERT INTO t (cols) [OVERRIDING SYSTEM VALUE] VALUES (…), … [RETURNING …]` with literal
 * values: the form used where COPY cannot go (one statement for a cycle, rows a trigger may
 * rewrite or reject). Identity ALWAYS columns take our computed keys, as COPY's do.
 */
export function insertSql(
  model: TableModel,
  written: readonly ColumnModel[],
  rows: readonly (readonly Value[])[],
  returning: readonly string[] = [],
): string {
  const t = model.table;
  const columns = written.map((c) => quoteIdent(c.name)).join(', ');
  const overriding = written.some((c) => c.column.identity === 'always') ? ' OVERRIDING SYSTEM VALUE' : '';
  const tuples = rows.map((row) => `(${row.map(literal).join(', ')})`).join(', ');
  const ret = returning.length > 0 ? ` RETURNING ${returning.map((c) => `${quoteIdent(c)}::text`).join(', ')}` : '';
  return `INSERT INTO ${quoteQualified(t.schema, t.name)} (${columns})${overriding} VALUES ${tuples}${ret}`;
}

function literal(v: Value): string {
  // an overrides.ts sql`…` value goes in as the expression it is
  if (v !== null && typeof v === 'object' && 'sql' in v) return `(${v.sql})`;
  const text = encodeText(v);
  return text === null ? 'NULL' : quoteLiteral(text);
}
