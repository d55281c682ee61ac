import type { Queryable } from '../../db/queryable.js';
import { USER_TABLES_CTE, notExtensionMember, userSchema } from './scope.js';

/** One pg_type row: every type a user column uses, every user enum and domain, and what they build on. */
export interface RawTypeRow {
  oid: number;
  schema: string;
  name: string;
  /** b base, c composite, d domain, e enum, p pseudo, r range, m multirange */
  typtype: string;
  /** pg_type.typcategory letter */
  category: string;
  elem: number;
  base_type: number;
  base_typmod: number;
  not_null: boolean;
  ndims: number;
  default_expr: string | null;
  sql: string;
  /** For a domain: `format_type(typbasetype, typtypmod)`. */
  over_sql: string | null;
  range_subtype: number | null;
  extension_member: boolean;
}

const MULTIRANGE_SUBTYPE = `(SELECT rg.rngsubtype FROM pg_range rg WHERE rg.rngmultitypid = t.oid)`;

function sql(serverVersionNum: number): string {
  const subtype = serverVersionNum >= 140000
    ? `COALESCE((SELECT rg.rngsubtype FROM pg_range rg WHERE rg.rngtypid = t.oid), ${MULTIRANGE_SUBTYPE})`
    : `(SELECT rg.rngsubtype FROM pg_range rg WHERE rg.rngtypid = t.oid)`;
  return `
WITH RECURSIVE ${USER_TABLES_CTE},
seed(oid) AS (
  SELECT a.atttypid FROM rel JOIN pg_attribute a ON a.attrelid = rel.oid AND a.attnum > 0 AND NOT a.attisdropped
  UNION
  SELECT t.oid FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
   WHERE t.typtype IN ('d', 'e') AND ${userSchema('n')} AND ${notExtensionMember('pg_type', 't.oid')}
),
closure(oid) AS (
  SELECT oid FROM seed
  UNION
  -- follow array element, domain base and range subtype until nothing new appears
  SELECT nxt.oid
    FROM closure c
    JOIN pg_type t ON t.oid = c.oid
    CROSS JOIN LATERAL (VALUES (NULLIF(t.typelem, 0)), (NULLIF(t.typbasetype, 0)), (${subtype})) AS nxt(oid)
   WHERE nxt.oid IS NOT NULL
)
SELECT t.oid, n.nspname AS schema, t.typname AS name, t.typtype::text AS typtype,
       t.typcategory::text AS category, t.typelem AS elem, t.typbasetype AS base_type,
       t.typtypmod AS base_typmod, t.typnotnull AS not_null, t.typndims AS ndims,
       pg_get_expr(t.typdefaultbin, 0) AS default_expr,
       format_type(t.oid, NULL) AS sql,
       CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END AS over_sql,
       ${subtype} AS range_subtype,
       NOT ${notExtensionMember('pg_type', 't.oid')} AS extension_member
FROM closure
JOIN pg_type t ON t.oid = closure.oid
JOIN pg_namespace n ON n.oid = t.typnamespace`;
}

export async function fetchTypes(q: Queryable, serverVersionNum: number): Promise<RawTypeRow[]> {
  return (await q.query<RawTypeRow>(sql(serverVersionNum))).rows;
}
