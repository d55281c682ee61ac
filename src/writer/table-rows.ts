import type { Queryable } from '../db/queryable.js';
import type { Value } from '../inference/gen-context.js';
import { AutoseedError } from '../errors.js';
import { BATCH_ROWS } from './batching.js';
import { CheckFilter } from './check-filter.js';
import { encodeText } from './encode-copy.js';
import type { TableGenerator } from './generate/table-generator.js';

/** Re-rolls of a row whose CHECK fails before the table is declared unsatisfiable. */
const MAX_ATTEMPTS = 40;

export interface RowBatch {
  readonly start: number;
  readonly rows: readonly Value[][];
  /** Rows that needed more than one attempt. */
  readonly retried: number;
}

/**
 * The rows of a table, batch by batch. Where some CHECK could not be built into the generators,
 * each batch is confirmed by PostgreSQL (on `checker`, a connection outside the run's
 * transaction) and failing rows are regenerated with the next attempt number, deterministically.
 * A batch's confirmation runs while the next batch is generated: the generator does not wait on
 * the server, and the batches come out as they would one by one.
 */
export function tableRows(gen: TableGenerator, checker: Queryable | null, phase: 'insert' | 'final' = 'insert'): AsyncGenerator<RowBatch> {
  const checks = gen.model.unverifiedChecks;
  if (checks.length === 0 || !checker) return plainRows(gen, phase);
  return confirmedRows(gen, new CheckFilter(gen.written, checks), checker, phase);
}

/** Nothing to confirm: each batch goes at once (held back, its rows would outlive a young-generation collection). */
async function* plainRows(gen: TableGenerator, phase: 'insert' | 'final'): AsyncGenerator<RowBatch> {
  for (let start = 0; start < gen.rows; start += BATCH_ROWS) {
    yield { start, rows: firstAttempts(gen, start, phase), retried: 0 };
  }
}

async function* confirmedRows(gen: TableGenerator, filter: CheckFilter, checker: Queryable, phase: 'insert' | 'final'): AsyncGenerator<RowBatch> {
  let waiting: Checked | null = null;
  try {
    for (let start = 0; start < gen.rows; start += BATCH_ROWS) {
      const batch = checked(filter, checker, start, firstAttempts(gen, start, phase));
      if (waiting) yield await confirmed(gen, filter, checker, waiting, phase);
      waiting = batch;
    }
    if (waiting) yield await confirmed(gen, filter, checker, waiting, phase);
  } finally {
    // a consumer that stops early leaves no confirmation unawaited
    await waiting?.first.catch(() => undefined);
  }
}

/** The first attempt at the batch of rows from `start`. */
function firstAttempts(gen: TableGenerator, start: number, phase: 'insert' | 'final'): Value[][] {
  const end = Math.min(gen.rows, start + BATCH_ROWS);
  const rows: Value[][] = [];
  for (let i = start; i < end; i++) rows.push(gen.row(i, 0, phase));
  return rows;
}

/** A batch of first attempts and the confirmation of them in flight. */
interface Checked {
  readonly start: number;
  readonly rows: Value[][];
  readonly first: Promise<Map<number, string>>;
}

function checked(filter: CheckFilter, checker: Queryable, start: number, rows: Value[][]): Checked {
  const first = filter.failing(checker, rows);
  // awaited in confirmed(); until then a failure must not count as unhandled
  first.catch(() => undefined);
  return { start, rows, first };
}

/** The batch once every row passes: failing rows regenerated, attempt by attempt. */
async function confirmed(gen: TableGenerator, filter: CheckFilter, checker: Queryable, batch: Checked, phase: 'insert' | 'final'): Promise<RowBatch> {
  const { start, rows } = batch;
  let retried = 0;
  let pending = [...rows.keys()];
  let failing = await batch.first;
  for (let attempt = 1; failing.size > 0; attempt++) {
    const again = [...failing.keys()].map((idx) => pending[idx]!);
    if (attempt > MAX_ATTEMPTS) {
      const k = again[0]!;
      throw new AutoseedError('CHECK_UNSATISFIABLE', {
        table: gen.key,
        check: failing.get(0) ?? [...failing.values()][0] ?? '?',
        attempts: MAX_ATTEMPTS,
        sample: describeRow(gen, rows[k]!),
      });
    }
    for (const k of again) rows[k] = gen.row(start + k, attempt, phase);
    retried += attempt === 1 ? again.length : 0;
    pending = again;
    failing = await filter.failing(checker, pending.map((k) => rows[k]!));
  }
  return { start, rows, retried };
}

/** `{col: value, …}` for messages, long values cut. */
export function describeRow(gen: TableGenerator, row: readonly Value[]): string {
  const parts = gen.written.map((c, k) => {
    const v = row[k];
    const text = v === null || v === undefined ? 'NULL' : encodeText(v) ?? 'NULL';
    return `${c.name}=${text.length > 40 ? `${text.slice(0, 37)}…` : text}`;
  });
  return `{${parts.join(', ')}}`;
}
