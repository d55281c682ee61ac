/**
 * Row-addressable randomness (DESIGN.md decision 1): every value is drawn from a stream whose
 * seed depends only on (run seed, table, column, row, attempt), so any batch size, worker or
 * order gives the same bytes.
 */

/** FNV-1a, 32-bit: stable hash of a name. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mixes two 32-bit words into one (murmur3's finaliser over a combination). */
export function mix(a: number, b: number): number {
  let h = (a ^ Math.imul(b + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The seed of the stream for one (seed, table, column, row, attempt). */
export function streamSeed(seed: number, tableHash: number, columnHash: number, row: number, attempt = 0): number {
  return mix(mix(mix(mix(seed >>> 0, tableHash), columnHash), row >>> 0), Math.floor(row / 4294967296) + attempt * 7919);
}

/** A small, fast PRNG (mulberry32) whose whole state is one 32-bit word, so re-seeding is free. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  reseed(seed: number): void {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max] (inclusive), for spans up to 2^53. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }
}

/**
 * A seeded bijection on [0, n): spreads sequential indexes over the range so injective keys
 * do not look sequential, while staying collision-free.
 */
export function permute(index: number, n: number, salt: number): number {
  if (n <= 1) return 0;
  // columns ask with the same few (n, salt) row after row, interleaved: their coefficients are kept
  const slot = ((salt ^ n) & (COEFFICIENT_SLOTS - 1)) * 4;
  if (coefficients[slot] !== n || coefficients[slot + 1] !== salt) {
    // an odd multiplier coprime to n (no `| 1`: n may exceed 2^31, where bit operations wrap)
    let a = mix(salt, n) % n;
    if (a % 2 === 0) a += 1;
    while (gcd(a, n) !== 1) a += 2;
    coefficients[slot] = n;
    coefficients[slot + 1] = salt;
    coefficients[slot + 2] = a;
    coefficients[slot + 3] = mix(salt, 0x5bd1e995) % n;
  }
  const a = coefficients[slot + 2]!;
  const b = coefficients[slot + 3]!;
  // (a * index + b) mod n, exactly: in doubles while the product stays below 2^53, else in BigInt
  if (n < 67_108_864) return (a * index + b) % n;
  return Number((BigInt(a) * BigInt(index) + BigInt(b)) % BigInt(n));
}

/** (n, salt, a, b) per slot, a slot chosen by hash: a memo of a pure function, so collisions only cost time. */
const COEFFICIENT_SLOTS = 64;
const coefficients = new Float64Array(COEFFICIENT_SLOTS * 4).fill(-1);

function gcd(a: number, b: number): number {
  while (b !== 0) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}
