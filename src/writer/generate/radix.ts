import type { RadixKey, TableModel } from '../../inference/model.js';
import { hashString } from '../../inference/rng.js';
import { radixDigits } from './fk-choice.js';

/** How many choices one part of a radix key has: parent rows of an FK, values of a finite column. */
export interface RadixSizes {
  fk(name: string): number;
  finite(column: string): number;
}

type Part = { kind: 'fk'; name: string } | { kind: 'finite'; name: string } | { kind: 'pair'; low: string; high: string; strict: boolean };

interface Compiled {
  key: RadixKey;
  /** One entry per digit: an FK, a finite column, or an ordered pair of FKs into one parent. */
  parts: Part[];
  salt: number;
  /** Per part: the FKs linked to it (they take its digit, so it may go only as far as they reach). */
  linked: string[][];
  /** Part positions by FK (a pair under both of its FKs) and by finite column. */
  fkAt: Map<string, number>;
  finiteAt: Map<string, number>;
  /** A linked FK: the FK whose digit it takes. */
  follows: Map<string, string>;
  /** A row's columns ask for its digits one by one: the last row's, with the radices they came from. */
  memo: { row: number; radices: number[]; digits: number[] };
}

/**
 * The radix keys of a table: unique keys made only of FKs and finite columns. Row i is written
 * in mixed radix over the parts' sizes (after a bijective scramble), so distinct rows get
 * distinct combinations by construction. Two FKs into the same parent that a CHECK orders
 * (`tag1 < tag2`) form one part: the pairs (a, b) with a < b (or a <= b), numbered triangularly.
 */
export class RadixKeys {
  private readonly keys: Compiled[];

  /**
   * `sizes` is asked each time: a parent's row count is only final once it is written (rows a
   * trigger kept rejecting make it short), and digits must index the rows that exist.
   */
  constructor(model: TableModel, tableKey: string, private readonly sizes: RadixSizes) {
    this.keys = model.radixKeys.map((key) => {
      const pairs = orderedPairs(model, key);
      const paired = new Set(pairs.flatMap((p) => [p.low, p.high]));
      const parts: Part[] = [
        ...pairs.map((p) => ({ kind: 'pair' as const, ...p })),
        ...key.foreignKeys.filter((f) => !paired.has(f)).map((name) => ({ kind: 'fk' as const, name })),
        ...key.finiteColumns.map((name) => ({ kind: 'finite' as const, name })),
      ];
      const fkAt = new Map<string, number>();
      const finiteAt = new Map<string, number>();
      const first = (map: Map<string, number>, name: string, n: number) => { if (!map.has(name)) map.set(name, n); };
      parts.forEach((p, n) => {
        if (p.kind === 'pair') for (const name of [p.low, p.high]) first(fkAt, name, n);
        else first(p.kind === 'fk' ? fkAt : finiteAt, p.name, n);
      });
      const follows = new Map<string, string>();
      for (const l of key.links) if (!follows.has(l.foreignKey)) follows.set(l.foreignKey, l.follows);
      const linked = parts.map((p) => (p.kind === 'fk' ? key.links.filter((l) => l.follows === p.name).map((l) => l.foreignKey) : []));
      const memo = { row: -1, radices: [], digits: [] };
      return { key, parts, salt: hashString(`${tableKey}:${key.name}`), linked, fkAt, finiteAt, follows, memo };
    });
  }

  /** The most rows the radix keys allow (Infinity without radix keys). */
  capacity(): number {
    return this.tightest()?.rows ?? Number.POSITIVE_INFINITY;
  }

  /** The key that allows the fewest rows, with that number (null without radix keys). */
  tightest(): { name: string; rows: number } | null {
    let best: { name: string; rows: number } | null = null;
    for (const k of this.keys) {
      const rows = this.radices(k).reduce((a, b) => a * b, 1);
      if (!best || rows < best.rows) best = { name: k.key.name, rows };
    }
    return best;
  }

  private radices(k: Compiled): number[] {
    return k.parts.map((p, n) => this.radix(k, p, n));
  }

  private radix(k: Compiled, p: Part, n: number): number {
    if (p.kind === 'finite') return Math.max(1, this.sizes.finite(p.name));
    if (p.kind === 'fk') {
      // a linked FK takes this digit too: the digit may only go as far as both parents reach
      let reach = this.sizes.fk(p.name);
      for (const fk of k.linked[n]!) reach = Math.min(reach, this.sizes.fk(fk));
      return Math.max(1, reach);
    }
    const size = this.sizes.fk(p.low);
    return Math.max(1, p.strict ? (size * (size - 1)) / 2 : (size * (size + 1)) / 2);
  }

  /** The parent row (for an FK) or value index (for a finite column) row i gets; undefined when no radix key drives it. */
  digit(kind: 'fk' | 'finite', name: string, i: number): number | undefined {
    for (const k of this.keys) {
      const follows = kind === 'fk' ? k.follows.get(name) : undefined;
      if (follows !== undefined) return this.digit('fk', follows, i);
      const at = (kind === 'fk' ? k.fkAt : k.finiteAt).get(name);
      if (at === undefined) continue;
      const d = this.digits(k, i)[at]!;
      const part = k.parts[at]!;
      if (part.kind !== 'pair') return d;
      const [low, high] = triangular(d, part.strict);
      return part.low === name ? low : high;
    }
    return undefined;
  }

  /** Row i's digits of key k: computed again only for another row or when a part's size moved. */
  private digits(k: Compiled, i: number): number[] {
    const memo = k.memo;
    let same = memo.row === i;
    for (let n = 0; n < k.parts.length; n++) {
      const r = this.radix(k, k.parts[n]!, n);
      if (memo.radices[n] !== r) same = false;
      memo.radices[n] = r;
    }
    if (!same) {
      memo.digits = radixDigits(i, memo.radices, k.salt);
      memo.row = i;
    }
    return memo.digits;
  }
}

/** Pairs (a, b), a < b (strict) or a <= b, numbered 0, 1, 2, … in order of b. */
function triangular(t: number, strict: boolean): [number, number] {
  if (strict) {
    const b = Math.floor((1 + Math.sqrt(1 + 8 * t)) / 2);
    return [t - (b * (b - 1)) / 2, b];
  }
  const b = Math.floor((Math.sqrt(1 + 8 * t) - 1) / 2);
  return [t - (b * (b + 1)) / 2, b];
}

/** FK pairs of one radix key into the same parent that a CHECK compares (`a < b`, `a >= b`). */
function orderedPairs(model: TableModel, key: RadixKey): { low: string; high: string; strict: boolean }[] {
  const owner = (column: string) => model.foreignKeys.find((f) => key.foreignKeys.includes(f.name) && f.columns.length === 1 && f.columns[0] === column);
  const pairs: { low: string; high: string; strict: boolean }[] = [];
  for (const r of model.relations) {
    if (!['<', '<=', '>', '>='].includes(r.op)) continue;
    const a = owner(r.column);
    const b = owner(r.other);
    if (!a || !b || a === b || a.references.table !== b.references.table || a.references.schema !== b.references.schema) continue;
    if (pairs.some((p) => [p.low, p.high].some((x) => x === a.name || x === b.name))) continue;
    const aIsLow = r.op === '<' || r.op === '<=';
    pairs.push({ low: aIsLow ? a.name : b.name, high: aIsLow ? b.name : a.name, strict: r.op === '<' || r.op === '>' });
  }
  return pairs;
}
