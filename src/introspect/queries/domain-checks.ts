import type { Queryable } from '../../db/queryable.js';

export interface RawDomainCheckRow {
  type_oid: number;
  name: string;
  expression: string;
  valid: boolean;
}

const SQL = `
SELECT con.contypid AS type_oid, con.conname AS name,
       pg_get_expr(con.conbin, 0) AS expression, con.convalidated AS valid
FROM pg_constraint con
WHERE con.contypid <> 0 AND con.contype = 'c'
ORDER BY con.contypid, con.conname`;

export async function fetchDomainChecks(q: Queryable): Promise<RawDomainCheckRow[]> {
  return (await q.query<RawDomainCheckRow>(SQL)).rows;
}
