import { parse } from 'libpg-query';
import type { Queryable } from './queryable.js';

interface RawStmt {
  stmt_location?: number;
  stmt_len?: number;
}

/**
 * Splits a SQL script into its statements with PostgreSQL's own parser (so `$$` bodies,
 * quoted semicolons and comments are handled exactly as the server would).
 */
export async function splitSqlStatements(sql: string): Promise<string[]> {
  const tree = (await parse(sql)) as { stmts?: RawStmt[] };
  // the parser reports byte offsets into the UTF-8 text, not character offsets
  const bytes = Buffer.from(sql, 'utf8');
  return (tree.stmts ?? []).map((s) => {
    const start = s.stmt_location ?? 0;
    const end = s.stmt_len ? start + s.stmt_len : bytes.length;
    return bytes.subarray(start, end).toString('utf8').trim();
  }).filter((s) => s.length > 0);
}

/**
 * Runs a script statement by statement, each in its own implicit transaction, like psql does.
 * One multi-statement query would run as a single transaction and can exhaust the lock table
 * on a large schema (thousands of tables).
 */
export async function runSqlScript(q: Queryable, sql: string): Promise<void> {
  for (const statement of await splitSqlStatements(sql)) {
    await q.query(statement);
  }
}
