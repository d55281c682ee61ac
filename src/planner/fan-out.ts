import { hashString, mix } from '../inference/rng.js';

/**
 * `perParent: { author_id: [0, 25] }`: how many children each parent row gets, as a pure
 * function of (seed, child table, FK, parent row), so the planner and the generators agree.
 */
export class FanOut {
  private readonly prefix: number[];

  constructor(seed: number, table: string, fk: string, parents: number, readonly range: readonly [number, number]) {
    const salt = mix(seed >>> 0, hashString(`${table}:${fk}`));
    const [min, max] = range;
    this.prefix = [0];
    for (let j = 0; j < parents; j++) {
      const k = min + (mix(salt, j) % (max - min + 1));
      this.prefix.push(this.prefix[j]! + k);
    }
  }

  /** Children in all. */
  get total(): number {
    return this.prefix[this.prefix.length - 1]!;
  }

  /** The parent row of child row i (binary search over the running totals). */
  parentOf(i: number): number {
    let lo = 0;
    let hi = this.prefix.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.prefix[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
