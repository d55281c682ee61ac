import type { Queryable } from '../../db/queryable.js';
import { USER_TABLES_CTE } from './scope.js';

export interface RawColumnRow {
  table_oid: number;
  attnum: number;
  name: string;
  type_oid: number;
  typmod: number;
  ndims: number;
  not_null: boolean;
  /** Default expression, or the generation expression when `generated` is 's'. */
  default_expr: string | null;
  /** '' | 'a' (always) | 'd' (by default) */
  identity: string;
  /** '' | 's' (stored) */
  generated: string;
  collation: string | null;
  type_sql: string;
  /** The sequence a `nextval(…)` default depends on. */
  default_sequence: { schema: string; name: string } | null;
  comment: string | null;
}

const SQL = `
WITH ${USER_TABLES_CTE}
SELECT a.attrelid AS table_oid, a.attnum, a.attname AS name, a.atttypid AS type_oid,
       a.atttypmod AS typmod, a.attndims AS ndims, a.attnotnull AS not_null,
       pg_get_expr(ad.adbin, ad.adrelid) AS default_expr,
       a.attidentity::text AS identity, a.attgenerated::text AS generated,
       -- only a collation that differs from the type's default is worth reporting
       CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation
            THEN quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END AS collation,
       format_type(a.atttypid, a.atttypmod) AS type_sql,
       (SELECT json_build_object('schema', sn.nspname, 'name', s.relname)
          FROM pg_depend d
          JOIN pg_class s ON s.oid = d.refobjid AND s.relkind = 'S'
          JOIN pg_namespace sn ON sn.oid = s.relnamespace
         WHERE d.classid = 'pg_attrdef'::regclass AND d.objid = ad.oid
           AND d.refclassid = 'pg_class'::regclass
         LIMIT 1) AS default_sequence,
       col_description(a.attrelid, a.attnum) AS comment
FROM rel
JOIN pg_attribute a ON a.attrelid = rel.oid AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_collation co ON co.oid = a.attcollation
LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
ORDER BY a.attrelid, a.attnum`;

export async function fetchColumns(q: Queryable): Promise<RawColumnRow[]> {
  return (await q.query<RawColumnRow>(SQL)).rows;
}
