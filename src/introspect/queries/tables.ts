import type { Queryable } from '../../db/queryable.js';
import { USER_TABLES_CTE } from './scope.js';

export interface RawTableRow {
  oid: number;
  schema: string;
  name: string;
  relkind: 'r' | 'p';
  is_partition: boolean;
  partition_bound: string | null;
  partition_key: string | null;
  partition_key_columns: string[] | null;
  /** For a partition: its parent; otherwise the INHERITS parents, in order. */
  parents: { schema: string; name: string }[];
  reltuples: number;
  unlogged: boolean;
  row_security: boolean;
  comment: string | null;
}

const SQL = `
WITH ${USER_TABLES_CTE}
SELECT rel.oid, rel.schema, rel.name, c.relkind, c.relispartition AS is_partition,
       CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
       (SELECT json_agg(a.attname ORDER BY k.ord)
          FROM pg_partitioned_table pt
          CROSS JOIN LATERAL unnest(pt.partattrs::int2[]) WITH ORDINALITY AS k(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = pt.partrelid AND a.attnum = k.attnum
         WHERE pt.partrelid = c.oid) AS partition_key_columns,
       COALESCE((SELECT json_agg(json_build_object('schema', pn.nspname, 'name', pc.relname) ORDER BY i.inhseqno)
                   FROM pg_inherits i
                   JOIN pg_class pc ON pc.oid = i.inhparent
                   JOIN pg_namespace pn ON pn.oid = pc.relnamespace
                  WHERE i.inhrelid = c.oid), '[]'::json) AS parents,
       c.reltuples::float8 AS reltuples,
       c.relpersistence = 'u' AS unlogged,
       c.relrowsecurity AS row_security,
       obj_description(c.oid, 'pg_class') AS comment
FROM rel
JOIN pg_class c ON c.oid = rel.oid
ORDER BY rel.schema, rel.name`;

export async function fetchTables(q: Queryable): Promise<RawTableRow[]> {
  return (await q.query<RawTableRow>(SQL)).rows;
}
