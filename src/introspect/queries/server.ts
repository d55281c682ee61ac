import type { Queryable } from '../../db/queryable.js';
import { userSchema } from './scope.js';

export interface RawServerRow {
  server_version: string;
  server_version_num: number;
  database: string;
  schemas: string[];
}

const SQL = `
SELECT current_setting('server_version') AS server_version,
       current_setting('server_version_num')::int AS server_version_num,
       current_database() AS database,
       COALESCE((SELECT json_agg(n.nspname ORDER BY n.nspname)
                 FROM pg_namespace n
                 WHERE ${userSchema('n')}
                   -- schemas an extension created are not the user's
                   AND NOT EXISTS (SELECT 1 FROM pg_depend dep
                                   WHERE dep.classid = 'pg_namespace'::regclass
                                     AND dep.objid = n.oid AND dep.deptype = 'e')),
                '[]'::json) AS schemas`;

export async function fetchServer(q: Queryable): Promise<RawServerRow> {
  const { rows } = await q.query<RawServerRow>(SQL);
  const row = rows[0];
  if (!row) throw new Error('server query returned no row');
  return row;
}
