import { describe, expect, it } from 'vitest';
import { MemoryCap } from '../../src/writer/memory-cap.js';

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
