import type pg from 'pg';
import { quoteIdent, quoteQualified, quoteLiteral } from '../sql/ident.js';
import type { TableGenerator } from './generate/table-generator.js';

/**
 * Moves every sequence that feeds a seeded column past the column's max, so the application's
 * next INSERT gets a fresh key. Sequences already ahead are left alone.
 */
export async function advanceSequences(client: pg.ClientBase, gens: readonly TableGenerator[]): Promise<void> {
  for (const gen of gens) {
    const t = gen.model.table;
    for (const c of gen.written) {
      const seq = c.column.sequence;
      if (!seq || c.column.type.category !== 'numeric' || c.column.type.arrayDims > 0) continue;
      const [schema, ...rest] = seq.split('.');
      const seqSql = quoteQualified(schema!, rest.join('.'));
      await client.query(
        `SELECT setval(${quoteLiteral(seqSql)}::regclass, m, true)
         FROM (SELECT floor(max(${quoteIdent(c.name)})::numeric)::bigint AS m FROM ${quoteQualified(t.schema, t.name)}) AS x,
              (SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END AS next FROM ${seqSql}) AS s
         WHERE m IS NOT NULL AND m >= s.next`);
    }
  }
}
