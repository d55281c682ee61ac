import type pg from 'pg';
import type { Queryable } from '../db/queryable.js';
import type { Value } from '../inference/gen-context.js';
import type { TableGenerator } from './generate/table-generator.js';
import { insertSql } from './insert-sql.js';
import { CheckFilter } from './check-filter.js';

/** Rows per INSERT statement (each in its own savepoint). */
const BATCH = 500;
/**
 * Attempts per planned row before autoseed stops replacing a table's rejected rows: a table whose
 * triggers reject four rows in five still fills; past that it is reported short, not forced.
 */
const ATTEMPTS_PER_ROW = 5;
/**
 * A table keyed by a few parents' combinations (`PRIMARY KEY (link, attribute_type)`) whose trigger
 * accepts few of them may try every combination up to this many: the search is exhaustive when
 * the key space is small, so the rows the parents allow are found.
 */
const COMBINATION_SEARCH = 10_000;

export interface GuardedResult {
  rows: number;
  rejected: number;
  /** Planned rows that could not be written (the table is short by this many). */
  missing: number;
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
  const dead: number[] = [];
  let done = 0;
  const combinations = gen.radix.capacity();
  const budget = Math.max(20, gen.rows * ATTEMPTS_PER_ROW, Math.min(combinations, COMBINATION_SEARCH));
  while (pending.length > 0 && gen.rows + gen.rejectedCount <= budget + BATCH) {
    const indexes = pending.slice(0, BATCH);
    pending = pending.slice(BATCH);
    const rows = await candidateRows(gen, indexes, filter, checker);
    const failed = await insertIsolating(client, gen, indexes, rows, returning, reasons);
    const hopeless = done === 0 && failed.length === indexes.length ? unfillable(gen, [...reasons]) : null;
    if (hopeless) {
      // no replacement can do better: say why once, instead of spending the attempts
      reasons.clear();
      reasons.add(hopeless);
      dead.push(...failed, ...pending);
      pending = [];
      break;
    }
    for (const i of failed) {
      if (gen.rows + gen.rejectedCount < budget) pending.push(gen.reject(i));
      else dead.push(i);
    }
    done += indexes.length - failed.length;
    onProgress(done);
  }
  const missing = dead.length + pending.length;
  // children of the missing rows point at rows that made it in (or, if none did, get NULL or are left out)
  if (missing > 0) gen.giveUp([...dead, ...pending]);
  const exhausted = missing > 0 && combinations <= COMBINATION_SEARCH && gen.rows + gen.rejectedCount >= combinations;
  // every parent combination was tried: the parents' data, not luck, is what the trigger refuses
  const searched = exhausted ? [`all ${combinations} combinations of its key's parents were tried; the rows its triggers accept need other parent data (overrides on the parents, or another --seed)`] : [];
  return { rows: done, rejected: gen.rejectedCount, missing, reasons: [...searched, ...reasons] };
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

/**
 * The reason no row of the table can be written, when every rejection says a trigger wrote the row
 * into a partitioned table that has no partition at all (gitlab's `merge_request_diff_files` syncs
 * into `merge_request_diff_files_99208b8fac`); null when some other row might get through.
 */
function unfillable(gen: TableGenerator, reasons: readonly string[]): string | null {
  const targets = reasons.map((r) => {
    const name = /no partition of relation "([^"]+)" found for row/.exec(r)?.[1];
    return gen.set.inputs.model.tables.find((t) => t.table.name === name && t.key !== gen.key && t.table.kind === 'partitioned' && t.table.partitions.length === 0);
  });
  const target = targets[0];
  if (!target || targets.some((t) => t !== target)) return null;
  return `cannot hold rows: a trigger writes each row into ${target.key}, a partitioned table with no partition. Fix: create a partition of ${target.key}, or seed with --disable-triggers`;
}
