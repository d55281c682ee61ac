import { describe, expect, it } from 'vitest';
import { MemoryCap, heapBudgetMb, threadShare } from '../../src/writer/memory-cap.js';

describe('MemoryCap', () => {
  it('over budget it collects, and then follows what is live instead of collecting again and again', () => {
    // 1 MB of heap: always over, so the first check collects and the budget moves to twice the live heap
    const cap = new MemoryCap(1);
    const garbage: string[][] = [];
    for (let k = 0; k < 50; k++) garbage.push(Array.from({ length: 1000 }, (_, i) => `row ${k} ${i}`));
    garbage.length = 0;
    cap.check();
    const live = process.memoryUsage().heapUsed;
    expect(cap.budgetBytes).toBeGreaterThan(live * 1.5);
    const budget = cap.budgetBytes;
    cap.check();
    expect(cap.budgetBytes).toBe(budget);
  });

  it('under budget it does nothing', () => {
    const cap = new MemoryCap(1_000_000);
    cap.check();
    expect(cap.budgetBytes).toBe(1_000_000 * 1024 * 1024);
  });
});

describe('the heap budget shared with worker threads', () => {
  it('AUTOSEED_HEAP_MB sets the process budget (150 MB unless a positive number is given)', () => {
    expect(heapBudgetMb({})).toBe(150);
    expect(heapBudgetMb({ AUTOSEED_HEAP_MB: '96' })).toBe(96);
    expect(heapBudgetMb({ AUTOSEED_HEAP_MB: '-3' })).toBe(150);
    expect(heapBudgetMb({ AUTOSEED_HEAP_MB: 'lots' })).toBe(150);
  });

  it('no threads: the main thread has it all; threads: the main thread half, the threads a quarter, never under 40 MB each', () => {
    expect(threadShare(160, 0)).toEqual({ main: 160, thread: 0 });
    expect(threadShare(160, 1)).toEqual({ main: 80, thread: 40 });
    expect(threadShare(400, 2)).toEqual({ main: 200, thread: 50 });
    expect(threadShare(160, 4)).toEqual({ main: 80, thread: 40 });
  });

  it('reset starts the cap over at a new budget', () => {
    const cap = new MemoryCap(500);
    cap.reset(80);
    expect(cap.budgetBytes).toBe(80 * 1024 * 1024);
  });
});
