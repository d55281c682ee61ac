import type { Queryable } from '../../db/queryable.js';
import { USER_TABLES_CTE } from './scope.js';

export interface RawTriggerRow {
  table_oid: number;
  name: string;
  /** pg_trigger.tgtype bit mask */
  tgtype: number;
  /** O origin, D disabled, R replica, A always */
  enabled: string;
  is_constraint: boolean;
  deferrable: boolean;
  deferred: boolean;
  function_schema: string;
  function_name: string;
  /** The function's body when it is written in SQL or PL/pgSQL, else null. */
  function_source: string | null;
}

function sql(serverVersionNum: number): string {
  // clones of a partitioned table's trigger on each partition (PostgreSQL 13+) are not the user's own
  const notClone = serverVersionNum >= 130000 ? 'AND t.tgparentid = 0' : '';
  return `
WITH ${USER_TABLES_CTE}
SELECT t.tgrelid AS table_oid, t.tgname AS name, t.tgtype::int AS tgtype, t.tgenabled::text AS enabled,
       t.tgconstraint <> 0 AS is_constraint, t.tgdeferrable AS deferrable, t.tginitdeferred AS deferred,
       pn.nspname AS function_schema, p.proname AS function_name,
       CASE WHEN l.lanname IN ('plpgsql', 'sql') THEN p.prosrc END AS function_source
FROM rel
JOIN pg_trigger t ON t.tgrelid = rel.oid
JOIN pg_proc p ON p.oid = t.tgfoid
JOIN pg_namespace pn ON pn.oid = p.pronamespace
JOIN pg_language l ON l.oid = p.prolang
WHERE NOT t.tgisinternal ${notClone}
ORDER BY t.tgrelid, t.tgname`;
}

export async function fetchTriggers(q: Queryable, serverVersionNum: number): Promise<RawTriggerRow[]> {
  return (await q.query<RawTriggerRow>(sql(serverVersionNum))).rows;
}
