import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * A large run allocates fast, and V8 lets its heap grow far past what is live: a 2-million-row
 * run kept 40–80 MB live in a 450 MB process. When the heap passes the budget, a full collection
 * runs (V8's own `gc`, exposed at run time), which also gives the unused heap back; when what is
 * live really needs more, the budget follows it (twice the live size) instead of collecting over
 * and over. `AUTOSEED_HEAP_MB` sets the budget (default 160 MB of heap, about 250 MB resident).
 */
export class MemoryCap {
  private budget: number;
  private collect: (() => void) | null | undefined;

  constructor(megabytes = budgetFromEnv()) {
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

function budgetFromEnv(): number {
  const value = Number(process.env.AUTOSEED_HEAP_MB);
  return Number.isFinite(value) && value > 0 ? value : 160;
}
