import type { Value } from '../../inference/gen-context.js';

/**
 * What happened to a table's rows once the database had its say: rows a trigger or constraint
 * rejected and the rows that replaced them, rows given up on, keys a trigger rewrote, rows other
 * tables' triggers wrote instead of us. Children consult it to point at rows that exist.
 */
export class RowStates {
  private readonly replacedBy = new Map<number, number>();
  private readonly origin = new Map<number, number>();
  private readonly actualKeys = new Map<number, Map<string, Value>>();
  private readonly dead = new Set<number>();
  private extraRows = 0;
  private live: { stamp: string; rows: number[] } | null = null;
  private adoptedRows: { columns: readonly string[]; rows: readonly (readonly Value[])[] } | null = null;

  /**
   * `rows()` is the table's planned (or capacity-capped) row count, `combinations()` how many rows
   * its radix keys can tell apart (Infinity without them); both asked when needed.
   */
  constructor(private readonly rows: () => number, private readonly combinations: () => number = () => Number.POSITIVE_INFINITY) {}

  /** The row that stands for row i: itself, its replacement, or (for a row given up on) one that exists. */
  resolve(i: number): number {
    let k = this.replaced(i);
    if (this.dead.size > 0 && this.dead.has(k)) {
      const live = this.liveRows();
      if (live.length > 0) k = live[i % live.length]!;
    }
    return k;
  }

  /** Records that row i was rejected; returns the index of the row that replaces it. */
  reject(i: number): number {
    const replacement = this.rows() + this.extraRows++;
    this.replacedBy.set(i, replacement);
    this.origin.set(replacement, this.origin.get(i) ?? i);
    return replacement;
  }

  /**
   * The row whose radix digits row i takes. A replacement takes a combination no planned row uses
   * while the keys have spare ones (a trigger that rejected a pair would reject it again); past
   * that, the digits of the planned row it stands for, which the rejected row freed.
   */
  digitRow(i: number): number {
    // only replacements (indexes past the planned rows) have an origin; planned rows keep their own
    const origin = this.origin.get(i);
    if (origin === undefined) return i;
    return i < this.combinations() ? i : origin;
  }

  /** The planned row a (replacement) row stands for. */
  originRow(i: number): number {
    return this.origin.get(i) ?? i;
  }

  /** Nothing happened to the rows yet: each is exactly as generated (what a worker thread knows). */
  pristine(): boolean {
    return this.replacedBy.size === 0 && this.dead.size === 0 && this.actualKeys.size === 0 && this.adoptedRows === null && this.extraRows === 0;
  }

  get rejectedCount(): number {
    return this.replacedBy.size;
  }

  /** Rows autoseed stopped trying to write: references to them go to rows that exist. */
  giveUp(rows: readonly number[]): void {
    for (const r of rows) this.dead.add(this.replaced(r));
  }

  /** Rows were planned but none of them could be written. */
  isEmpty(): boolean {
    return this.dead.size > 0 && this.liveRows().length === 0;
  }

  hasDead(): boolean {
    return this.dead.size > 0;
  }

  /** The j-th live row, without building the list while no row was replaced or given up (memory stays flat). */
  liveRow(j: number): number {
    if (this.replacedBy.size === 0 && this.dead.size === 0) return j;
    return this.liveRows()[j] ?? j;
  }

  /** Every planned row, through its replacement, minus those given up. */
  liveRows(): number[] {
    const rows = this.rows();
    // the cache is only as good as the state it was built from
    const stamp = `${rows}:${this.dead.size}:${this.replacedBy.size}`;
    if (this.live?.stamp !== stamp) {
      this.live = { stamp, rows: Array.from({ length: rows }, (_, i) => this.replaced(i)).filter((k) => !this.dead.has(k)) };
    }
    return this.live.rows;
  }

  /** A key the database returned for row i, where it differs from the generated one. */
  recordActual(i: number, column: string, value: Value): void {
    let map = this.actualKeys.get(i);
    if (!map) this.actualKeys.set(i, (map = new Map()));
    map.set(column, value);
  }

  actual(i: number, column: string): Value | undefined {
    return this.actualKeys.get(i)?.get(column);
  }

  /** The table was filled by other tables' triggers: children reference those rows, as read back. */
  adopt(columns: readonly string[], rows: readonly (readonly Value[])[]): void {
    if (rows.length > 0) this.adoptedRows = { columns, rows };
  }

  adopted(i: number, column: string): Value | undefined {
    if (!this.adoptedRows) return undefined;
    const row = this.adoptedRows.rows[i % this.adoptedRows.rows.length];
    const at = this.adoptedRows.columns.indexOf(column);
    return row && at >= 0 ? row[at] ?? null : undefined;
  }

  private replaced(i: number): number {
    let k = i;
    while (this.replacedBy.has(k)) k = this.replacedBy.get(k)!;
    return k;
  }
}
