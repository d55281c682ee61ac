import type { QualifiedName } from '../../catalog.js';
import type { Value } from '../../inference/gen-context.js';
import type { ColumnModel } from '../../inference/model.js';
import { hashString, type Rng } from '../../inference/rng.js';
import { constToTime, formatDate, formatTimestamp } from '../../inference/values.js';
import type { CompiledFk } from './fk-resolver.js';
import type { GeneratorLookup } from './inputs.js';

/** A `created_at` that must come after the parent's `created_at` reached through `fk`. */
interface TimeLink {
  readonly column: string;
  /** Its position in the written columns. */
  readonly index: number;
  readonly fk: CompiledFk;
  readonly parentColumn: string;
  /** The stream that moves the time after the parent's. */
  readonly hash: number;
}

/** What ParentTimes needs of its table's generator. */
export interface ParentTimesHost {
  readonly key: QualifiedName;
  readonly written: readonly ColumnModel[];
  readonly fks: ReadonlyMap<string, CompiledFk>;
  readonly set: GeneratorLookup;
  parentIndex(f: CompiledFk, i: number, attempt: number): number | null;
  rng(hash: number, i: number, attempt: number): Rng;
  value(column: string, i: number): Value;
}

/** Entries of a column's cache of times (a power of two): 3 MB at most. */
const CACHE_SIZE = 1 << 18;

const CREATED = /^(created|inserted|added)(_?(at|on|date|time))?$/;

/**
 * A child is created after its parents: comments after their post and their author, orders after
 * their customer. Finds those links, moves a row's time after its parents', and answers
 * children's questions about this table's times from a small cache.
 */
export class ParentTimes {
  private linkList: TimeLink[] | null = null;
  private linked: Set<string> | null = null;
  private readonly cache = new Map<string, { rows: Int32Array; times: Float64Array }>();

  constructor(private readonly host: ParentTimesHost) {}

  /** Whether `column` of this table is moved after a parent's time. */
  moves(column: string): boolean {
    this.linked ??= new Set(this.links().map((l) => l.column));
    return this.linked.has(column);
  }

  /** Moves the row's linked times after its parents'. */
  apply(values: Value[], i: number, attempt: number): void {
    for (const link of this.links()) values[link.index] = this.after(link, values[link.index] ?? null, i, attempt);
  }

  /** `own`, the column's value in row i, after every parent time it is linked to. */
  applyTo(column: string, own: Value, i: number): Value {
    let v = own;
    for (const link of this.links()) if (link.column === column) v = this.after(link, v, i, 0);
    return v;
  }

  /**
   * Row i's value of a date or timestamp column as epoch milliseconds (null for NULL or another
   * shape): what children created after it compare with. Children ask for the same parents again
   * and again: answers are kept in a direct-mapped cache per column (flat memory).
   */
  timeOf(column: string, i: number): number | null {
    let cache = this.cache.get(column);
    if (!cache) this.cache.set(column, (cache = { rows: new Int32Array(CACHE_SIZE).fill(-1), times: new Float64Array(CACHE_SIZE) }));
    const slot = i & (CACHE_SIZE - 1);
    if (cache.rows[slot] === i) {
      const t = cache.times[slot]!;
      return Number.isNaN(t) ? null : t;
    }
    const v = this.host.value(column, i);
    const t = typeof v === 'string' ? constToTime(v) : null;
    cache.rows[slot] = i;
    cache.times[slot] = t ?? Number.NaN;
    return t;
  }

  /** `own`, moved after the time of the row's parent through `link` when it is not already later. */
  private after(link: TimeLink, own: Value, i: number, attempt: number): Value {
    if (typeof own !== 'string') return own;
    const h = this.host;
    // null too when the parent has no rows
    const j = h.parentIndex(link.fk, i, attempt);
    if (j === null) return own;
    const parent = h.set.generator(link.fk.parent)!;
    const b = parent.timeOf(link.parentColumn, parent.liveRow(j));
    const a = constToTime(own);
    if (a === null || b === null || a >= b) return own;
    const column = h.written[link.index]!.column;
    const later = b + h.rng(link.hash, i, attempt).int(1, 30 * 24) * 3_600_000;
    return column.type.base === 'date' ? formatDate(later) : formatTimestamp(later, Math.min(column.type.timePrecision ?? 0, 3), column.type.base === 'timestamptz');
  }

  private links(): TimeLink[] {
    if (this.linkList) return this.linkList;
    const h = this.host;
    const links: TimeLink[] = [];
    for (const c of h.written) {
      if (!CREATED.test(c.name.toLowerCase()) || c.column.type.category !== 'datetime' || c.stable || c.slot || c.generator.kind !== 'type') continue;
      // every parent counts: a comment comes after its post and after its author
      for (const f of h.fks.values()) {
        if (f.self || f.implicit || h.set.planned(f.parent)?.mode !== 'seed') continue;
        const parentColumn = h.set.generator(f.parent)?.written.find((p) => CREATED.test(p.name.toLowerCase()) && p.column.type.category === 'datetime');
        if (parentColumn && !h.set.dependsOn(f.parent, h.key)) links.push({ column: c.name, index: h.written.indexOf(c), fk: f, parentColumn: parentColumn.name, hash: hashString(`after:${c.name}`) });
      }
    }
    return (this.linkList = links);
  }
}
