import type { Queryable } from '../db/queryable.js';
import { quoteIdent } from '../sql/ident.js';
import type { RollbackTarget } from './rollback-targets.js';

/**
 * The SQL of a rollback. Values travel as text arrays (`unnest($1::text[], …)`), cast to each
 * column's type: a key is matched with `=` (the key's index does the work), a row without a key
 * by its whole text form (`ROW(…)::text`, which tells NULL from '' and lets PostgreSQL hash-join).
 */

/** Tuples per statement. */
const BATCH = 50_000;

/** How many rows of the table match the target's tuples now. */
export async function countMatches(q: Queryable, target: RollbackTarget): Promise<number> {
  let found = 0;
  for (const batch of batches(target)) {
    const { sql, params } = matchSql(target, batch, 'x', 1);
    const { rows } = await q.query<{ n: string }>(`SELECT count(*) AS n FROM ${target.from} AS x WHERE EXISTS (SELECT 1 FROM ${sql})`, params);
    found += Number(rows[0]!.n);
  }
  return found;
}

/** Sets the deferred cycle edges of the target's rows back to NULL (they were NULL before the run's UPDATE pass). */
export async function nullDeferredEdges(q: Queryable, target: RollbackTarget): Promise<void> {
  const columns = target.nullFirst.flatMap((f) => f.columns);
  if (columns.length === 0 || !target.byKey) return;
  const set = columns.map((c) => `${quoteIdent(c)} = NULL`).join(', ');
  for (const batch of batches(target)) {
    const { sql, params } = matchSql(target, batch, 'x', 1);
    await q.query(`UPDATE ${target.from} AS x SET ${set} FROM ${sql}`, params);
  }
}

/**
 * Deletes the rows of a group of tables in ONE statement (each table but the last in a
 * data-modifying CTE): non-deferrable FKs are checked at the end of the statement, so the rows
 * of a NOT NULL cycle may go together. Returns the rows deleted per table.
 */
export async function deleteGroup(q: Queryable, group: readonly RollbackTarget[]): Promise<number[]> {
  if (group.length === 1) return [await deleteTable(q, group[0]!)];
  const params: unknown[] = [];
  const ctes = group.map((target, k) => {
    const { sql, params: p } = matchSql(target, target.tuples, 'x', params.length + 1);
    params.push(...p);
    return `d${k} AS (DELETE FROM ${target.from} AS x USING ${sql} RETURNING 1)`;
  });
  const counts = group.map((_, k) => `(SELECT count(*) FROM d${k})::int AS n${k}`).join(', ');
  const { rows } = await q.query<Record<string, number>>(`WITH ${ctes.join(', ')} SELECT ${counts}`, params);
  return group.map((_, k) => rows[0]![`n${k}`] ?? 0);
}

/**
 * Deletes one table's rows, last batch first: in a self-referencing tree a row points at an
 * earlier row, so the rows pointing at a batch are gone before it.
 */
async function deleteTable(q: Queryable, target: RollbackTarget): Promise<number> {
  let deleted = 0;
  for (const batch of batches(target).reverse()) {
    const { sql, params } = matchSql(target, batch, 'x', 1);
    const result = await q.query(`DELETE FROM ${target.from} AS x USING ${sql}`, params) as { rowCount?: number | null };
    deleted += result.rowCount ?? 0;
  }
  return deleted;
}

function batches(target: RollbackTarget): (readonly (string | null)[])[][] {
  const out: (readonly (string | null)[])[][] = [];
  for (let start = 0; start < target.tuples.length; start += BATCH) out.push(target.tuples.slice(start, start + BATCH));
  return out;
}

/**
 * A FROM item holding the tuples (`v`) and the condition tying them to the table's alias:
 * `(SELECT … FROM unnest($1::text[], …) AS v(…)) AS w WHERE …`, to follow FROM / USING / EXISTS.
 */
function matchSql(target: RollbackTarget, tuples: readonly (readonly (string | null)[])[], alias: string, firstParam: number): { sql: string; params: unknown[] } {
  const params = target.columns.map((_, k) => tuples.map((t) => t[k] ?? null));
  const arrays = target.columns.map((_, k) => `$${firstParam + k}::text[]`).join(', ');
  const names = target.columns.map((_, k) => `c${k}`).join(', ');
  if (target.byKey) {
    const typed = target.columns.map((c, k) => `v.c${k}::${c.type} AS c${k}`).join(', ');
    const match = target.columns.map((c, k) => `${alias}.${quoteIdent(c.name)} = w.c${k}`).join(' AND ');
    return { sql: `(SELECT DISTINCT ${typed} FROM unnest(${arrays}) AS v(${names})) AS w WHERE ${match}`, params };
  }
  // text forms on both sides: types without an equality operator (json, point, xml) compare too
  const theirs = target.columns.map((c, k) => `v.c${k}::${c.type}::text`).join(', ');
  const ours = target.columns.map((c) => `${alias}.${quoteIdent(c.name)}::text`).join(', ');
  return { sql: `(SELECT DISTINCT ROW(${theirs})::text AS r FROM unnest(${arrays}) AS v(${names})) AS w WHERE ROW(${ours})::text = w.r`, params };
}
