import type pg from 'pg';
import type { Queryable } from '../db/queryable.js';
import { AutoseedError } from '../errors.js';
import type { Value } from '../inference/gen-context.js';
import type { TableGenerator } from './generate/table-generator.js';
import { insertSql } from './insert-sql.js';
import { CheckFilter } from './check-filter.js';

/** Rows per INSERT statement (each in its own savepoint). */
const BATCH = 500;
/**
 * A table keeps failing when fewer than this share of attempts succeed: rejected rows are
 * replaced while at least one attempt in five gets through.
 */
const MIN_SUCCESS_SHARE = 0.2;

export interface GuardedResult {
  rows: number;
  rejected: number;
  /** One reason per distinct message, for the report. */
  reasons: string[];
}

/**
 * Writes a table whose triggers may rewrite or reject rows: `INSERT … RETURNING` in batches,
 * each under a savepoint. A batch that fails is split in halves until the failing rows are
 * isolated; those are skipped, recorded, and replaced by fresh rows. Keys the triggers rewrote
 * are read back so children point at the real rows.
 */
export async function insertGuarded(
  client: pg.ClientBase,
  gen: TableGenerator,
  returning: readonly string[],
  checker: Queryable | null,
  onProgress: (done: number) => void,
): Promise<GuardedResult> {
  const reasons = new Set<string>();
  const filter = gen.model.unverifiedChecks.length > 0 && checker ? new CheckFilter(gen.written, gen.model.unverifiedChecks) : null;
  let pending = Array.from({ length: gen.rows }, (_, i) => i);
  let done = 0;
  while (pending.length > 0) {
    const indexes = pending.slice(0, BATCH);
    pending = pending.slice(BATCH);
    const rows = await candidateRows(gen, indexes, filter, checker);
    const failed = await insertIsolating(client, gen, indexes, rows, returning, reasons);
    for (const i of failed) {
      const attempts = gen.rows + gen.rejectedCount + 1;
      if (gen.rejectedCount + 1 > Math.max(3, attempts * (1 - MIN_SUCCESS_SHARE))) {
        throw new AutoseedError('SEED_FAILED', {
          table: gen.key,
          constraint: null,
          detail: `it keeps rejecting rows: ${gen.rejectedCount + 1} of ${attempts} attempts failed (${[...reasons].slice(0, 3).join('; ')})`,
          sample: null,
        });
      }
      pending.push(gen.reject(i));
    }
    done += indexes.length - failed.length;
    onProgress(done);
  }
  return { rows: done, rejected: gen.rejectedCount, reasons: [...reasons] };
}

async function candidateRows(gen: TableGenerator, indexes: readonly number[], filter: CheckFilter | null, checker: Queryable | null): Promise<Value[][]> {
  const rows = indexes.map((i) => gen.row(i));
  if (!filter || !checker) return rows;
  let pending = [...rows.keys()];
  for (let attempt = 1; pending.length > 0 && attempt <= 40; attempt++) {
    const failing = await filter.failing(checker, pending.map((k) => rows[k]!));
    pending = [...failing.keys()].map((idx) => pending[idx]!);
    for (const k of pending) rows[k] = gen.row(indexes[k]!, attempt);
  }
  return rows;
}

/** Inserts the rows; returns the indexes of rows that had to be left out. */
async function insertIsolating(
  client: pg.ClientBase,
  gen: TableGenerator,
  indexes: readonly number[],
  rows: readonly Value[][],
  returning: readonly string[],
  reasons: Set<string>,
): Promise<number[]> {
  await client.query('SAVEPOINT autoseed_batch');
  try {
    const result = await client.query<Record<string, string | null>>(insertSql(gen.model, gen.written, rows, returning));
    await client.query('RELEASE SAVEPOINT autoseed_batch');
    result.rows.forEach((r, k) => {
      const i = indexes[k]!;
      for (const c of returning) gen.recordActual(i, c, r[c] ?? null);
    });
    return [];
  } catch (error) {
    await client.query('ROLLBACK TO SAVEPOINT autoseed_batch');
    await client.query('RELEASE SAVEPOINT autoseed_batch');
    if (rows.length === 1) {
      reasons.add((error as Error).message);
      return [indexes[0]!];
    }
    const half = Math.ceil(rows.length / 2);
    return [
      ...(await insertIsolating(client, gen, indexes.slice(0, half), rows.slice(0, half), returning, reasons)),
      ...(await insertIsolating(client, gen, indexes.slice(half), rows.slice(half), returning, reasons)),
    ];
  }
}
