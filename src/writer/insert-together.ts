import type pg from 'pg';
import { quoteIdent, quoteQualified, quoteLiteral } from '../sql/ident.js';
import { encodeText } from './encode-copy.js';
import type { TableGenerator } from './generate/table-generator.js';

/**
 * Inserts the tables of a cycle of NOT NULL, non-deferrable FKs in ONE statement: each table but
 * the last in a data-modifying CTE. PostgreSQL checks non-deferred FKs at the end of the
 * statement, so rows may point at each other in any direction.
 */
export async function insertTogether(client: pg.ClientBase, gens: readonly TableGenerator[]): Promise<void> {
  const inserts = gens.filter((g) => g.rows > 0).map((g) => insertSql(g));
  if (inserts.length === 0) return;
  const last = inserts.pop()!;
  const ctes = inserts.map((sql, k) => `t${k} AS (${sql})`);
  await client.query(ctes.length > 0 ? `WITH ${ctes.join(', ')} ${last}` : last);
}

function insertSql(gen: TableGenerator): string {
  const columns = gen.written.map((c) => quoteIdent(c.name)).join(', ');
  const tuples: string[] = [];
  for (let i = 0; i < gen.rows; i++) {
    const row = gen.row(i, 0, 'final');
    tuples.push(`(${row.map((v) => {
      const text = encodeText(v);
      return text === null ? 'NULL' : quoteLiteral(text);
    }).join(', ')})`);
  }
  const t = gen.model.table;
  return `INSERT INTO ${quoteQualified(t.schema, t.name)} (${columns}) VALUES ${tuples.join(', ')}`;
}
