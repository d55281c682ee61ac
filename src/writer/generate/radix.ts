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
      return { key, parts, salt: hashString(`${tableKey}:${key.name}`) };
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
    return k.parts.map((p) => {
      if (p.kind === 'finite') return Math.max(1, this.sizes.finite(p.name));
      if (p.kind === 'fk') {
        // a linked FK takes this digit too: the digit may only go as far as both parents reach
        const linked = k.key.links.filter((l) => l.follows === p.name).map((l) => this.sizes.fk(l.foreignKey));
        return Math.max(1, Math.min(this.sizes.fk(p.name), ...linked));
      }
      const n = this.sizes.fk(p.low);
      return Math.max(1, p.strict ? (n * (n - 1)) / 2 : (n * (n + 1)) / 2);
    });
  }

  /** The parent row (for an FK) or value index (for a finite column) row i gets; undefined when no radix key drives it. */
  digit(kind: 'fk' | 'finite', name: string, i: number): number | undefined {
    for (const k of this.keys) {
      const link = kind === 'fk' ? k.key.links.find((l) => l.foreignKey === name) : undefined;
      if (link) return this.digit('fk', link.follows, i);
      const at = k.parts.findIndex((p) => (p.kind === kind && p.name === name) || (kind === 'fk' && p.kind === 'pair' && (p.low === name || p.high === name)));
      if (at < 0) continue;
      const d = radixDigits(i, this.radices(k), k.salt)[at]!;
      const part = k.parts[at]!;
      if (part.kind !== 'pair') return d;
      const [low, high] = triangular(d, part.strict);
      return part.low === name ? low : high;
    }
    return undefined;
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
