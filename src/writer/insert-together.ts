import type pg from 'pg';
import type { TableGenerator } from './generate/table-generator.js';
import { insertSql } from './insert-sql.js';

/**
 * Inserts the tables of a cycle of NOT NULL, non-deferrable FKs in ONE statement: each table but
 * the last in a data-modifying CTE. PostgreSQL checks non-deferred FKs at the end of the
 * statement, so rows may point at each other in any direction.
 */
export async function insertTogether(client: pg.ClientBase, gens: readonly TableGenerator[]): Promise<void> {
  const inserts = gens.filter((g) => g.rows > 0).map((g) => statementFor(g));
  if (inserts.length === 0) return;
  const last = inserts.pop()!;
  const ctes = inserts.map((sql, k) => `t${k} AS (${sql})`);
  await client.query(ctes.length > 0 ? `WITH ${ctes.join(', ')} ${last}` : last);
}

function statementFor(gen: TableGenerator): string {
  const rows = Array.from({ length: gen.rows }, (_, i) => gen.row(i, 0, 'final'));
  return insertSql(gen.model, gen.written, rows);
}
