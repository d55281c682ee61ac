import type pg from 'pg';
import type { Queryable } from '../db/queryable.js';
import type { Value } from '../inference/gen-context.js';
import type { TableGenerator } from './generate/table-generator.js';
import { insertSql } from './insert-sql.js';
import { tableRows } from './table-rows.js';

/**
 * Inserts the tables of a cycle of NOT NULL, non-deferrable FKs in ONE statement: each table but
 * the last in a data-modifying CTE. PostgreSQL checks non-deferred FKs at the end of the
 * statement, so rows may point at each other in any direction. Rows go through the same
 * verified fallback as COPY (CHECKs left to PostgreSQL are evaluated on `checker` and failing
 * rows re-rolled) before the statement is sent.
 */
export async function insertTogether(client: pg.ClientBase, gens: readonly TableGenerator[], checker: Queryable | null): Promise<void> {
  const inserts: string[] = [];
  for (const gen of gens.filter((g) => g.rows > 0)) inserts.push(insertSql(gen.model, gen.written, await verifiedRows(gen, checker)));
  if (inserts.length === 0) return;
  const last = inserts.pop()!;
  const ctes = inserts.map((sql, k) => `t${k} AS (${sql})`);
  await client.query(ctes.length > 0 ? `WITH ${ctes.join(', ')} ${last}` : last);
}

async function verifiedRows(gen: TableGenerator, checker: Queryable | null): Promise<Value[][]> {
  const rows: Value[][] = [];
  for await (const batch of tableRows(gen, checker, 'final')) rows.push(...batch.rows);
  return rows;
}
