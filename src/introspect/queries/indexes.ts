import type { Queryable } from '../../db/queryable.js';
import { USER_TABLES_CTE } from './scope.js';

/** A unique index, or the index behind an exclusion constraint. */
export interface RawIndexRow {
  index_oid: number;
  table_oid: number;
  name: string;
  is_unique: boolean;
  method: string;
  /** Key parts in order: `{column}` or `{expression}`. */
  parts: ({ column: string; expression: null } | { column: null; expression: string })[];
  predicate: string | null;
  nulls_not_distinct: boolean;
  /** Attached to an index of a partitioned parent. */
  from_parent: boolean;
  immediate: boolean;
  definition: string;
}

function sql(serverVersionNum: number): string {
  // NULLS NOT DISTINCT exists from PostgreSQL 15 on
  const nnd = serverVersionNum >= 150000 ? 'i.indnullsnotdistinct' : 'false';
  return `
WITH ${USER_TABLES_CTE}
SELECT i.indexrelid AS index_oid, i.indrelid AS table_oid, ic.relname AS name,
       i.indisunique AS is_unique, am.amname AS method,
       (SELECT json_agg(json_build_object(
                 'column', a.attname,
                 'expression', CASE WHEN k.attnum = 0 THEN pg_get_indexdef(i.indexrelid, k.ord::int, true) END)
               ORDER BY k.ord)
          FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
          LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum AND k.attnum <> 0
         -- INCLUDE columns are stored after the key columns and are not part of the key
         WHERE k.ord <= i.indnkeyatts) AS parts,
       pg_get_expr(i.indpred, i.indrelid) AS predicate,
       ${nnd} AS nulls_not_distinct,
       EXISTS (SELECT 1 FROM pg_inherits inh WHERE inh.inhrelid = i.indexrelid) AS from_parent,
       i.indimmediate AS immediate,
       pg_get_indexdef(i.indexrelid) AS definition
FROM rel
JOIN pg_index i ON i.indrelid = rel.oid
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_am am ON am.oid = ic.relam
WHERE i.indisready
  AND (i.indisunique OR EXISTS (SELECT 1 FROM pg_constraint x WHERE x.conindid = i.indexrelid AND x.contype = 'x'))
ORDER BY i.indrelid, ic.relname`;
}

export async function fetchIndexes(q: Queryable, serverVersionNum: number): Promise<RawIndexRow[]> {
  return (await q.query<RawIndexRow>(sql(serverVersionNum))).rows;
}
