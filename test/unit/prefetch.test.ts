import { describe, expect, it } from 'vitest';
import { Prefetch } from '../../src/writer/prefetch.js';

interface Batch { readonly rows: readonly number[] }

/** A source of `count` batches of `size` rows; records how far it was read and whether it was closed. */
function source(count: number, size: number, failAt?: number) {
  const seen = { pulled: 0, closed: false };
  async function* gen(): AsyncGenerator<Batch> {
    try {
      for (let b = 0; b < count; b++) {
        if (b === failAt) throw new Error(`batch ${b} failed`);
        seen.pulled++;
        yield { rows: Array.from({ length: size }, (_, k) => b * size + k) };
      }
    } finally {
      seen.closed = true;
    }
  }
  return { it: gen(), seen };
}

const turns = (n: number) => new Promise<void>((resolve) => {
  let left = n;
  const step = () => (--left <= 0 ? resolve() : setImmediate(step));
  setImmediate(step);
});

async function all(p: Prefetch<Batch>): Promise<number[]> {
  const rows: number[] = [];
  for await (const b of p.batches()) rows.push(...b.rows);
  return rows;
}

describe('Prefetch', () => {
  it('pulls ahead up to its limit, then hands every batch over in order', async () => {
    const { it: src, seen } = source(10, 3);
    const p = new Prefetch(src, 7);
    await turns(20);
    expect(seen.pulled).toBe(3); // 3 batches reach 9 rows ≥ 7: it stops there
    expect(await all(p)).toEqual(Array.from({ length: 30 }, (_, k) => k));
    expect(seen.pulled).toBe(10);
  });

  it('a failure while pulling ahead is thrown to the consumer after the batches before it', async () => {
    const { it: src } = source(5, 2, 2);
    const p = new Prefetch(src, 100);
    await turns(10);
    const rows: number[] = [];
    await expect((async () => {
      for await (const b of p.batches()) rows.push(...b.rows);
    })()).rejects.toThrow('batch 2 failed');
    expect(rows).toEqual([0, 1, 2, 3]);
  });

  it('cancel stops pulling and closes the source', async () => {
    const { it: src, seen } = source(1000, 1);
    const p = new Prefetch(src, 1000);
    await turns(5);
    await p.cancel();
    const pulled = seen.pulled;
    await turns(10);
    expect(seen.pulled).toBe(pulled);
    expect(pulled).toBeLessThan(1000);
    expect(seen.closed).toBe(true);
  });
});
