import type { Queryable } from '../../db/queryable.js';
import { USER_TABLES_CTE } from './scope.js';

export interface RawConstraintRow {
  table_oid: number;
  name: string;
  /** p primary key, u unique, f foreign key, c check, x exclusion */
  contype: 'p' | 'u' | 'f' | 'c' | 'x';
  deferrable: boolean;
  deferred: boolean;
  valid: boolean;
  is_local: boolean;
  no_inherit: boolean;
  /** Cloned from a partitioned parent's constraint. */
  from_parent: boolean;
  index_oid: number;
  columns: string[];
  ref_schema: string | null;
  ref_table: string | null;
  ref_columns: string[] | null;
  /** f full, p partial, s simple */
  match_type: string;
  on_delete: string;
  on_update: string;
  check_expr: string | null;
  exclusion_operators: string[] | null;
  definition: string;
}

const SQL = `
WITH ${USER_TABLES_CTE}
SELECT con.conrelid AS table_oid, con.conname AS name, con.contype::text AS contype,
       con.condeferrable AS deferrable, con.condeferred AS deferred, con.convalidated AS valid,
       con.conislocal AS is_local, con.connoinherit AS no_inherit,
       con.conparentid <> 0 AS from_parent, con.conindid AS index_oid,
       COALESCE((SELECT json_agg(a.attname ORDER BY k.ord)
                   FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum), '[]'::json) AS columns,
       rn.nspname AS ref_schema, rc.relname AS ref_table,
       (SELECT json_agg(a.attname ORDER BY k.ord)
          FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum) AS ref_columns,
       con.confmatchtype::text AS match_type, con.confdeltype::text AS on_delete,
       con.confupdtype::text AS on_update,
       CASE WHEN con.contype = 'c' THEN pg_get_expr(con.conbin, con.conrelid) END AS check_expr,
       CASE WHEN con.contype = 'x' THEN
         (SELECT json_agg(o.oprname ORDER BY k.ord)
            FROM unnest(con.conexclop) WITH ORDINALITY AS k(opr, ord)
            JOIN pg_operator o ON o.oid = k.opr) END AS exclusion_operators,
       pg_get_constraintdef(con.oid) AS definition
FROM rel
JOIN pg_constraint con ON con.conrelid = rel.oid
LEFT JOIN pg_class rc ON rc.oid = con.confrelid
LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
WHERE con.contype IN ('p', 'u', 'f', 'c', 'x')
ORDER BY con.conrelid, con.conname`;

export async function fetchConstraints(q: Queryable): Promise<RawConstraintRow[]> {
  return (await q.query<RawConstraintRow>(SQL)).rows;
}
