import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * A large run allocates fast, and V8 lets its heap grow far past what is live: a 2-million-row
 * run kept 40–80 MB live in a 450 MB process. When the heap passes the budget, a full collection
 * runs (V8's own `gc`, exposed at run time), which also gives the unused heap back; when what is
 * live really needs more, the budget follows it (twice the live size) instead of collecting over
 * and over. `AUTOSEED_HEAP_MB` sets the process's budget (default 150 MB of heap, about 250 MB
 * resident); worker threads have heaps of their own and take a share of it (`threadShare`).
 */
export class MemoryCap {
  private budget: number;
  private collect: (() => void) | null | undefined;

  constructor(megabytes = heapBudgetMb()) {
    this.budget = megabytes * 1024 * 1024;
  }

  /** Starts over at `megabytes` (a run sets the main thread's share). */
  reset(megabytes: number): void {
    this.budget = megabytes * 1024 * 1024;
  }

  /** The heap size that triggers a collection, bytes. */
  get budgetBytes(): number {
    return this.budget;
  }

  /** Cheap when under budget (one heap-size read); call it between batches. */
  check(): void {
    if (process.memoryUsage().heapTotal < this.budget) return;
    this.collect ??= exposeGc();
    if (!this.collect) return;
    this.collect();
    const live = process.memoryUsage().heapUsed;
    if (live * 2 > this.budget) this.budget = live * 2;
  }
}

function exposeGc(): (() => void) | null {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
}

/** The process's heap budget, MB: `AUTOSEED_HEAP_MB`, default 150 (measured: the 10.25-million-row blog run peaked at 303 MB resident with 160, 296 MB with 150). */
export function heapBudgetMb(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.AUTOSEED_HEAP_MB);
  return Number.isFinite(value) && value > 0 ? value : 150;
}

/** A thread's heap never goes below this budget: it holds the generators (about 25 MB live). */
const MIN_THREAD_MB = 40;

/**
 * The budget of each thread, MB, when `threads` worker threads generate rows too: the main thread
 * keeps half (it generates the tables the threads do not take), the threads share a quarter:
 * a thread's heap is mostly its generators, and the other quarter is what each isolate costs
 * beyond its heap (code, its own young generation). Measured, blog ×3 with --fast, one thread:
 * 300 MB peak resident with half for the threads, 260 MB with a quarter.
 */
export function threadShare(totalMb: number, threads: number): { main: number; thread: number } {
  if (threads <= 0) return { main: totalMb, thread: 0 };
  return { main: totalMb / 2, thread: Math.max(MIN_THREAD_MB, totalMb / 4 / threads) };
}

/** One budget for the main thread: a run's tables share it. */
export const mainMemoryCap = new MemoryCap();
