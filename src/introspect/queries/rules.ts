import type { Queryable } from '../../db/queryable.js';
import { USER_TABLES_CTE } from './scope.js';

export interface RawRuleRow {
  table_oid: number;
  name: string;
  /** 1 select, 2 update, 3 insert, 4 delete */
  event: string;
  instead: boolean;
  definition: string;
}

const SQL = `
WITH ${USER_TABLES_CTE}
SELECT r.ev_class AS table_oid, r.rulename AS name, r.ev_type::text AS event,
       r.is_instead AS instead, pg_get_ruledef(r.oid) AS definition
FROM rel
JOIN pg_rewrite r ON r.ev_class = rel.oid
WHERE r.rulename <> '_RETURN'
ORDER BY r.ev_class, r.rulename`;

export async function fetchRules(q: Queryable): Promise<RawRuleRow[]> {
  return (await q.query<RawRuleRow>(SQL)).rows;
}
