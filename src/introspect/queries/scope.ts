/**
 * SQL fragments that decide what "the user's schema" is, shared by every catalog query so they
 * all describe the same set of objects.
 */

/** A namespace that holds user objects: not pg_*, not information_schema, not our ledger. */
export function userSchema(nspAlias: string): string {
  return `(${nspAlias}.nspname !~ '^pg_' AND ${nspAlias}.nspname NOT IN ('information_schema', 'autoseed'))`;
}

/** The object is not a member of an extension (e.g. earthdistance's `earth` domain). */
export function notExtensionMember(catalog: 'pg_class' | 'pg_type', oidExpr: string): string {
  // deptype 'e' links every object an extension's script created to the extension
  return `NOT EXISTS (SELECT 1 FROM pg_depend dep WHERE dep.classid = '${catalog}'::regclass AND dep.objid = ${oidExpr} AND dep.deptype = 'e')`;
}

/**
 * CTE `rel(oid, schema, name)`: every ordinary and partitioned table in a user schema
 * (partitions included; views, foreign tables and extension-owned tables left out).
 */
export const USER_TABLES_CTE = `rel AS (
  SELECT c.oid, n.nspname AS schema, c.relname AS name
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p')
    AND ${userSchema('n')}
    AND ${notExtensionMember('pg_class', 'c.oid')}
)`;
