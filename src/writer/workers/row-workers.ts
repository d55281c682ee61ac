import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { QualifiedName } from '../../catalog.js';
import { AutoseedError, type ErrorCode } from '../../errors.js';
import type { Plan } from '../../planner/plan-types.js';
import type { GeneratorSet } from '../generate/generator-set.js';
import type { TableGenerator } from '../generate/table-generator.js';
import { functionsCrossThreads, withoutFunctions } from './function-stubs.js';
import { type EncodedBatch, rowRangeBytes } from '../copy-bytes.js';
import { heapBudgetMb, threadShare } from '../memory-cap.js';
import type { WorkerJob, WorkerReply, WorkerStart } from './protocol.js';

/** Rows per job: a few MB of COPY text, small enough to keep every worker busy to the end. */
const JOB_ROWS = 5_000;
/** Jobs in flight per worker: one being generated, one waiting, while the main thread streams. */
const JOBS_PER_WORKER = 2;
/** A thread's young generation, MB. */
const YOUNG_GENERATION_MB = 4;

/**
 * Worker threads that generate row ranges of large plain-COPY tables while the main thread
 * streams COPY and generates a share of the jobs itself. `AUTOSEED_WORKERS` sets how many (0:
 * none; default: see workerCount), `AUTOSEED_WORKER_ROWS` from how many planned rows a table uses them
 * (default 50,000: below it a worker's start-up costs more than it saves), `AUTOSEED_WORKER_JOB_ROWS`
 * rows per job (default 5,000). Rows are addressed by index, so the data is the same for any
 * worker count and job size.
 */
export class RowWorkers {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, { resolve: (chunks: Buffer[] | null) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private turn = 0;
  private failure: Error | null = null;
  private closing = false;

  private readonly jobRows: number;

  private constructor(gens: GeneratorSet, count: number, env: NodeJS.ProcessEnv) {
    this.jobRows = positive(env.AUTOSEED_WORKER_JOB_ROWS) ?? JOB_ROWS;
    const url = new URL('./row-worker.js', import.meta.url);
    this.workers = Array.from({ length: count }, () => {
      const workerData: WorkerStart = { inputs: withoutFunctions(gens.inputs), heapMb: threadShare(heapBudgetMb(env), count).thread };
      // a small young generation: a thread's allocations are short-lived rows (measured, 2 threads:
      // 395 MB peak resident at 4 MB, 444 MB at V8's default, no slower)
      const worker = new Worker(url, { workerData, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      worker.on('message', (reply: WorkerReply) => this.settle(reply));
      worker.on('error', (error) => this.fail(new Error(`row generation failed in a worker thread: ${error.message}`, { cause: error })));
      worker.on('exit', (code) => {
        if (!this.closing) this.fail(new Error(`a row generation worker thread stopped (exit code ${code})`));
      });
      return worker;
    });
  }

  /**
   * Workers for a run, or null when none would be used: none asked for, or no table large enough.
   * Each thread loads the overrides file again for its functions (see function-stubs.ts); where it
   * cannot, a job whose rows need one is generated on the main thread.
   */
  static forRun(gens: GeneratorSet, plan: Plan, fast: boolean, env: NodeJS.ProcessEnv = process.env): RowWorkers | null {
    const count = workerCount(env, fast);
    const min = workerMinRows(env);
    if (count === 0 || !plan.tables.some((t) => t.mode === 'seed' && t.rows >= min)) return null;
    return new RowWorkers(gens, count, env);
  }

  /**
   * Whether a table's rows may come from the workers: it is written by COPY (the caller knows),
   * large enough, every overrides.ts function of its own comes from a file the threads load
   * (FunctionSource), has no CHECK PostgreSQL must confirm per batch, and neither it nor any
   * table it reads values of has rows the database rewrote, rejected or wrote itself (the workers
   * know only the generated rows).
   */
  takes(gen: TableGenerator, gens: GeneratorSet, checker: unknown, env: NodeJS.ProcessEnv = process.env): boolean {
    if (this.failure || gen.rows < workerMinRows(env)) return false;
    if (gen.model.unverifiedChecks.length > 0 && checker) return false;
    if (!functionsCrossThreads(gen.model.columns)) return false;
    return generatedOnly(gen, gens);
  }

  /**
   * The table's rows as COPY bytes, in order, one batch per job. The main thread takes every
   * (threads + 1)-th job itself, generated when it comes to the head: without a share of its own
   * it would only wait on the threads, and with one thread on two cores the run would go no faster.
   */
  async *lines(gen: TableGenerator): AsyncGenerator<EncodedBatch> {
    const total = gen.rows;
    const lanes = this.workers.length + 1;
    const depth = this.workers.length * JOBS_PER_WORKER + 1;
    // bytes: null for the main thread's own jobs
    const queue: { bytes: Promise<Buffer[] | null> | null; rows: number; start: number }[] = [];
    let next = 0;
    let lane = 0;
    const fill = () => {
      while (queue.length < depth && next < total) {
        const end = Math.min(total, next + this.jobRows);
        const mine = lane++ % lanes === this.workers.length;
        const bytes = mine ? null : this.run({ id: this.nextId++, table: gen.key, start: next, end });
        // a batch the consumer never reaches (the COPY failed) must not be an unhandled rejection
        bytes?.catch(() => undefined);
        queue.push({ bytes, rows: end - next, start: next });
        next = end;
      }
    };
    fill();
    while (queue.length > 0) {
      const head = queue.shift()!;
      fill();
      const bytes = head.bytes ? await head.bytes : null;
      const data = bytes ?? rowRangeBytes(gen, head.start, head.start + head.rows);
      yield { data, rows: head.rows, retried: 0 };
    }
  }

  get size(): number {
    return this.workers.length;
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  /** The job's COPY bytes; null when its rows need an overrides.ts function (the main thread's to generate). */
  private run(job: WorkerJob): Promise<Buffer[] | null> {
    if (this.failure) return Promise.reject(this.failure);
    const worker = this.workers[this.turn++ % this.workers.length]!;
    return new Promise<Buffer[] | null>((resolve, reject) => {
      this.pending.set(job.id, { resolve, reject });
      worker.postMessage(job);
    });
  }

  private settle(reply: WorkerReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if ('chunks' in reply) {
      // a Uint8Array arrives: the same memory as a Buffer, no copy
      waiting.resolve(reply.chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength)));
      return;
    }
    if ('mainThread' in reply) {
      waiting.resolve(null);
      return;
    }
    const { code, data, message, stack } = reply.error;
    if (code) {
      waiting.reject(new AutoseedError(code as ErrorCode, data as never));
    } else {
      const error = new Error(message);
      if (stack) error.stack = stack;
      waiting.reject(error);
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

/**
 * Threads for a run: AUTOSEED_WORKERS, else one per core beyond what the server's backend needs
 * (one core in a normal run, where it checks each row's FKs and keeps every index up; none with
 * --fast, which leaves it little to do per row) and the main thread's, at most 4. Measured on 2
 * cores: a thread in a normal run took the server's core (blog 7.2 s vs 6.2 s without), with --fast
 * it helps (blog 4.6 s vs 4.7 s, the demo schema's tables 51 s vs 58 s).
 */
export function workerCount(env: NodeJS.ProcessEnv, fast: boolean, cores = availableParallelism()): number {
  const asked = Number(env.AUTOSEED_WORKERS);
  if (env.AUTOSEED_WORKERS !== undefined && env.AUTOSEED_WORKERS !== '' && Number.isInteger(asked) && asked >= 0) return Math.min(asked, 16);
  return Math.min(4, Math.max(0, cores - (fast ? 1 : 2)));
}

function workerMinRows(env: NodeJS.ProcessEnv): number {
  return positive(env.AUTOSEED_WORKER_ROWS) ?? 50_000;
}

function positive(value: string | undefined): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** The table and every table it reads values of (through FKs, transitively) hold generated rows only. */
function generatedOnly(gen: TableGenerator, gens: GeneratorSet): boolean {
  const seen = new Set<QualifiedName>();
  const stack: TableGenerator[] = [gen];
  while (stack.length > 0) {
    const g = stack.pop()!;
    if (seen.has(g.key)) continue;
    seen.add(g.key);
    if (!g.states.pristine()) return false;
    for (const fk of g.model.foreignKeys) {
      const parent = gens.generator(`${fk.references.schema}.${fk.references.table}`);
      if (parent && gens.planned(parent.key)?.mode === 'seed') stack.push(parent);
    }
  }
  return true;
}
