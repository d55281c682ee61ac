import type { ForeignKey, QualifiedName } from '../../catalog.js';
import { qualifiedName } from '../../catalog.js';
import { SeededFaker } from '../../inference/faker-context.js';
import type { GenContext, Persona, Place, Value, ValueFn } from '../../inference/gen-context.js';
import { PlaceMaker } from '../../inference/places.js';
import { constToTime, formatDate, formatTimestamp } from '../../inference/values.js';
import type { ColumnModel, TableModel } from '../../inference/model.js';
import { restricts, satisfies } from '../../inference/domain-test.js';
import { hashString, streamSeed } from '../../inference/rng.js';
import { fkNullable } from '../../planner/fk-nullable.js';
import { isImplicit } from '../../planner/select.js';
import { columnOwners } from '../../inference/infer.js';
import { isBuiltinBase } from '../../inference/registry.js';
import type { PlannedTable } from '../../planner/plan-types.js';
import type { PatternGenerator } from '../../inference/patterns.js';
import { compileColumnFn, patternGenerators, toValue } from './column-fn.js';
import { FanOut } from '../../planner/fan-out.js';
import { isSelfReference, skewedParent, treeParent } from './fk-choice.js';
import { RadixKeys } from './radix.js';
import type { GeneratorLookup } from './inputs.js';
import { injectiveValue } from './key-values.js';
import { applyRelations } from './relations.js';
import { inSlot } from './partition-slot.js';
import { slotValue } from './slot-values.js';

/** From this attempt on, failing rows also try plain values (NULL, 0) in the columns a CHECK mentions. */
const SIMPLIFY_FROM_ATTEMPT = 3;
/** Row-dependent values kept for children that ask again (bounded: memory stays flat). */
const ROW_MEMO_LIMIT = 200_000;
/** Share of NULLs in a nullable FK: most rows point somewhere. */
const FK_NULL_RATE = 0.1;
/** Share of roots in a nullable self-reference (tree). */
const ROOT_RATE = 0.2;

interface CompiledColumn {
  readonly model: ColumnModel;
  readonly hash: number;
  readonly fn: ValueFn;
  readonly fk: ForeignKey | undefined;
  readonly patterns: readonly PatternGenerator[];
}

interface CompiledFk {
  readonly fk: ForeignKey;
  readonly hash: number;
  readonly parent: QualifiedName;
  readonly nullable: boolean;
  readonly stable: boolean;
  readonly self: boolean;
  readonly implicit: boolean;
}

/** Generates any row, or any column of any row, of one table: row-addressable by design. */
export class TableGenerator {
  readonly key: QualifiedName;
  readonly model: TableModel;
  readonly planned: PlannedTable;
  /** Columns written on insert, in table order (generated columns left to the server). */
  readonly written: readonly ColumnModel[];
  private readonly columns: Map<string, CompiledColumn>;
  private readonly fks: Map<string, CompiledFk>;
  private readonly tableHash: number;
  private readonly sf = new SeededFaker();
  // a second faker, so computing a persona never disturbs the column's own stream
  private readonly personaSf = new SeededFaker();
  private readonly places = new PlaceMaker();
  private readonly radix: RadixKeys;
  private readonly admissible = new Map<string, number[] | null>();
  private readonly fallbacks = new Map<string, ValueFn>();
  private readonly fanOuts = new Map<string, FanOut>();
  private timeLinks: { column: string; fk: CompiledFk; parentColumn: string }[] | null = null;
  private dependentColumns: Set<string> | null = null;
  private readonly rowMemo = new Map<string, Value>();
  private readonly replacedBy = new Map<number, number>();
  private readonly origin = new Map<number, number>();
  private readonly actualKeys = new Map<number, Map<string, Value>>();
  private extraRows = 0;
  private readonly dead = new Set<number>();
  private live: { stamp: string; rows: number[] } | null = null;
  private adopted: { columns: readonly string[]; rows: readonly (readonly Value[])[] } | null = null;
  private readonly valueIndex = new Map<string, Map<string, number>>();

  constructor(
    model: TableModel,
    private readonly set: GeneratorLookup,
  ) {
    this.key = model.key;
    this.model = model;
    this.planned = set.planned(model.key)!;
    this.tableHash = hashString(model.key);
    this.written = model.columns.filter((c) => c.generator.kind !== 'omit');
    const fkByColumn = columnOwners(model.foreignKeys);
    this.columns = new Map(model.columns.map((c) => [c.name, {
      model: c, hash: hashString(c.name), fn: compileColumnFn(c), fk: c.generator.kind === 'fk' ? fkByColumn.get(c.name) : undefined,
      patterns: c.injective ? patternGenerators(c) : [],
    }]));
    this.fks = new Map(model.foreignKeys.map((fk) => [fk.name, {
      fk,
      hash: hashString(`fk:${fk.name}`),
      parent: qualifiedName(fk.references.schema, fk.references.table),
      nullable: fkNullable(model, fk),
      stable: fk.columns.some((c) => model.columns.find((x) => x.name === c)?.stable),
      self: isSelfReference(fk, model.table.schema, model.table.name),
      implicit: isImplicit(fk),
    }]));
    this.radix = new RadixKeys(model, this.key, {
      fk: (name) => {
        const f = this.fks.get(name)!;
        if (f.self) return this.planned.rows;
        // digits count only the parent rows this FK may point at (CHECKs, a target partition)
        return this.admissibleParents(f, this.parentCount(f))?.length ?? this.parentCount(f);
      },
      finite: (column) => {
        const gen = this.model.columns.find((x) => x.name === column)?.generator;
        return gen?.kind === 'pick' ? gen.values.length : 2;
      },
    });
  }

  /** Rows to write: as planned, unless parents came out short and the radix keys now hold fewer. */
  get rows(): number {
    const capacity = this.radix.capacity();
    return capacity < this.planned.rows ? Math.floor(capacity) : this.planned.rows;
  }

  /** Rows that exist once this table is written: what children may point at. */
  liveCount(): number {
    return this.dead.size === 0 ? this.rows : this.liveRows().length;
  }

  get inputs(): GeneratorLookup['inputs'] {
    return this.set.inputs;
  }

  /** The values of `written` for row i; `attempt` > 0 re-rolls what a failed CHECK may depend on. */
  row(i: number, attempt = 0, phase: 'insert' | 'final' = 'insert'): Value[] {
    const fkCache = new Map<string, Value[]>();
    const values = this.written.map((c) => this.columnValue(c.name, i, attempt, phase, fkCache));
    this.applyFunctionOverrides(values, i, attempt, phase, fkCache);
    if (attempt >= SIMPLIFY_FROM_ATTEMPT) this.simplify(values, i, attempt);
    if (i >= this.rows) this.plain(values, i);
    this.afterParents(values, i, attempt);
    return applyRelations(this.model, this.written, values, (name) => this.streamFor(name, i, attempt + 1000));
  }

  /** Columns whose final value depends on other columns of the row (relations, parents' times). */
  private rowDependent(column: string): boolean {
    let dependent = this.dependentColumns;
    if (!dependent) {
      dependent = new Set([
        ...this.model.relations.flatMap((r) => [r.column, r.other]),
        ...this.parentTimeLinks().map((l) => l.column),
      ]);
      this.dependentColumns = dependent;
    }
    return dependent.has(column);
  }

  /** A child is created after its parent: comments after their post, orders after their customer. */
  private afterParents(values: Value[], i: number, attempt: number): void {
    for (const link of this.parentTimeLinks()) {
      const k = this.written.findIndex((c) => c.name === link.column);
      const own = values[k];
      if (typeof own !== 'string') continue;
      const parentRows = this.parentCount(link.fk);
      const j = parentRows > 0 ? this.parentIndex(link.fk, i, attempt) : null;
      if (j === null) continue;
      const parent = this.set.generator(link.fk.parent)!;
      const before = parent.value(link.parentColumn, parent.liveRows()[j] ?? j);
      const b = typeof before === 'string' ? constToTime(before) : null;
      const a = constToTime(own);
      if (a === null || b === null || a >= b) continue;
      const rng = this.streamFor(`after:${link.column}`, i, attempt);
      const column = this.written[k]!.column;
      const later = b + rng.int(1, 30 * 24) * 3_600_000;
      values[k] = column.type.base === 'date' ? formatDate(later) : formatTimestamp(later, Math.min(column.type.timePrecision ?? 0, 3), column.type.base === 'timestamptz');
    }
  }

  private parentTimeLinks(): { column: string; fk: CompiledFk; parentColumn: string }[] {
    if (this.timeLinks) return this.timeLinks;
    const created = /^(created|inserted|added)(_?(at|on|date|time))?$/;
    const links: { column: string; fk: CompiledFk; parentColumn: string }[] = [];
    for (const c of this.written) {
      if (!created.test(c.name.toLowerCase()) || c.column.type.category !== 'datetime' || c.stable || c.slot || c.generator.kind !== 'type') continue;
      // every parent counts: a comment comes after its post and after its author
      for (const f of this.fks.values()) {
        if (f.self || f.implicit || this.set.planned(f.parent)?.mode !== 'seed') continue;
        const parentColumn = this.set.generator(f.parent)?.written.find((p) => created.test(p.name.toLowerCase()) && p.column.type.category === 'datetime');
        if (parentColumn && !this.set.dependsOn(f.parent, this.key)) links.push({ column: c.name, fk: f, parentColumn: parentColumn.name });
      }
    }
    return (this.timeLinks = links);
  }

  /** overrides.ts functions, in table order, each seeing the row generated so far. */
  private applyFunctionOverrides(values: Value[], i: number, attempt: number, phase: 'insert' | 'final', fkCache: Map<string, Value[]>): void {
    this.written.forEach((c, k) => {
      const spec = c.generator;
      if (spec.kind !== 'override' || spec.override.kind !== 'function') return;
      const row = Object.fromEntries(this.written.map((w, n) => [w.name, values[n] ?? null]));
      const g = this.context(this.columns.get(c.name)!.hash, i, c.stable ? 0 : attempt);
      const parent = (name: string) => {
        const f = [...this.fks.values()].find((x) => x.fk.name === name || x.fk.columns.includes(name));
        if (!f) return null;
        let tuple = fkCache.get(f.fk.name);
        if (!tuple) fkCache.set(f.fk.name, (tuple = this.fkTuple(f, i, attempt, phase)));
        if (tuple.every((v) => v === null)) return null;
        return Object.fromEntries(f.fk.references.columns.map((col, n) => [col, tuple![n] ?? null]));
      };
      values[k] = toValue(spec.override.fn({ row, index: i, faker: g.faker, parent }), c.column);
    });
  }

  /**
   * A row replacing one a trigger rejected: leave out most optional values, which is what
   * triggers enforcing "only when …" rules usually object to.
   */
  private plain(values: Value[], i: number): void {
    const rng = this.streamFor('plain', i, 0);
    this.written.forEach((c, k) => {
      if (c.stable || c.nullRate === 0 || c.slot || this.inNonNullGroup(c.name) || !rng.chance(0.6)) return;
      const fk = c.generator.kind === 'fk' ? this.fks.get(c.generator.constraint) : undefined;
      if (fk && !(fk.nullable && fk.fk.columns.length === 1)) return;
      values[k] = null;
    });
  }

  /**
   * Later attempts at a row that keeps failing a CHECK PostgreSQL verifies: try the plain values
   * such checks are usually written around (NULL, 0, the lower bound) in the columns it mentions.
   */
  private simplify(values: Value[], i: number, attempt: number): void {
    const rng = this.streamFor('simplify', i, attempt);
    const mentioned = new Set(this.model.unverifiedChecks.flatMap((c) => c.mentions));
    this.written.forEach((c, k) => {
      if (!mentioned.has(c.name) || c.stable || this.inNonNullGroup(c.name) || !rng.chance(0.5)) return;
      const fk = c.generator.kind === 'fk' ? this.fks.get(c.generator.constraint) : undefined;
      if (fk) {
        // a NULL single-column FK is always valid, and checks like "exactly one parent" want it
        if (fk.nullable && fk.fk.columns.length === 1) values[k] = null;
        return;
      }
      const options: Value[] = [];
      if (c.nullRate > 0) options.push(null);
      // `tags = '{}' OR tags <@ ARRAY[…]`: the empty array is the usual way out
      if (c.column.type.arrayDims > 0) options.push([]);
      if (c.column.type.category === 'numeric' && c.column.type.arrayDims === 0) {
        const min = typeof c.domain?.min === 'number' ? c.domain.min : null;
        options.push(0, 1, ...(min !== null ? [min, min + 1] : []));
      }
      // the plain values must still satisfy what the generators already guarantee
      const allowed = options.filter((v) => !c.domain || satisfies(v, c.domain));
      if (allowed.length > 0) values[k] = rng.pick(allowed);
    });
  }

  /**
   * One (stable) column of row i: what a child row needs of its parent. A row that was rejected
   * stands for its replacement; a key a trigger rewrote is the key the database returned.
   */
  value(column: string, i: number): Value {
    const spec = this.columns.get(column)?.model.generator;
    // a function override sees the whole row, and a time moved after a parent's or another
    // column's depends on it too: compute the row
    if ((spec?.kind === 'override' && spec.override.kind === 'function') || this.rowDependent(column)) {
      const k = this.resolve(i);
      const key = `${column}\u0000${k}`;
      if (this.rowMemo.has(key)) return this.rowMemo.get(key)!;
      const row = this.row(k, 0, 'final');
      // children ask for the same parents again and again: keep the row's dependent values
      if (this.rowMemo.size > ROW_MEMO_LIMIT) this.rowMemo.clear();
      this.written.forEach((c, n) => {
        if (this.rowDependent(c.name) || c.name === column) this.rowMemo.set(`${c.name}\u0000${k}`, row[n] ?? null);
      });
      return row[this.written.findIndex((c) => c.name === column)] ?? null;
    }
    if (this.adopted) {
      const row = this.adopted.rows[i % this.adopted.rows.length];
      const at = this.adopted.columns.indexOf(column);
      if (row && at >= 0) return row[at] ?? null;
    }
    const k = this.resolve(i);
    const actual = this.actualKeys.get(k);
    if (actual && actual.has(column)) return actual.get(column)!;
    return this.columnValue(column, k, 0, 'final', new Map());
  }

  /** The row that stands for row i: itself, the replacement of a rejected row, or (for a row that never made it in) a row that did. */
  resolve(i: number): number {
    let k = i;
    while (this.replacedBy.has(k)) k = this.replacedBy.get(k)!;
    if (this.dead.size > 0 && this.dead.has(k)) {
      const live = this.liveRows();
      if (live.length > 0) k = live[i % live.length]!;
    }
    return k;
  }

  /**
   * The table was filled by other tables' triggers instead of by us: children reference those
   * rows (their referenced columns, as read back) rather than rows we would have generated.
   */
  adopt(columns: readonly string[], rows: readonly (readonly Value[])[]): void {
    if (rows.length > 0) this.adopted = { columns, rows };
  }

  /** True when rows were planned but none of them could be written. */
  isEmpty(): boolean {
    return this.dead.size > 0 && this.liveRows().length === 0;
  }

  /** Rows autoseed stopped trying to write: references to them go to rows that exist. */
  giveUp(rows: readonly number[]): void {
    for (const r of rows) this.dead.add(this.resolveReplaced(r));
  }

  private resolveReplaced(i: number): number {
    let k = i;
    while (this.replacedBy.has(k)) k = this.replacedBy.get(k)!;
    return k;
  }

  /** Records that row i was rejected; returns the index of the row that replaces it. */
  reject(i: number): number {
    const replacement = this.rows + this.extraRows++;
    this.replacedBy.set(i, replacement);
    this.origin.set(replacement, this.origin.get(i) ?? i);
    return replacement;
  }

  /** The planned row a (replacement) row stands for: radix keys use its digits, which the rejected row freed. */
  private digitRow(i: number): number {
    return this.origin.get(i) ?? i;
  }

  /** How many rows were rejected (each was replaced). */
  get rejectedCount(): number {
    return this.replacedBy.size;
  }

  /** The indexes of the rows in the table: every planned row, through its replacement, minus those given up. */
  liveRows(): number[] {
    const rows = this.rows;
    // the cache is only as good as the state it was built from
    const stamp = `${rows}:${this.dead.size}:${this.replacedBy.size}`;
    if (this.live?.stamp !== stamp) {
      this.live = { stamp, rows: Array.from({ length: rows }, (_, i) => this.resolveReplaced(i)).filter((k) => !this.dead.has(k)) };
    }
    return this.live.rows;
  }

  /** Keys the database returned for row i where they differ from the generated ones. */
  recordActual(i: number, column: string, value: Value): void {
    const generated = this.columnValue(column, i, 0, 'final', new Map());
    if (generated !== null && String(generated) === String(value)) return;
    let map = this.actualKeys.get(i);
    if (!map) this.actualKeys.set(i, (map = new Map()));
    map.set(column, value);
  }

  /** The values of one FK's columns in row i, as they are once every cycle edge is filled. */
  fkValues(fkName: string, i: number): Value[] {
    return this.fkTuple(this.fks.get(fkName)!, i, 0, 'final');
  }

  private columnValue(name: string, i: number, attempt: number, phase: 'insert' | 'final', fkCache: Map<string, Value[]>): Value {
    const c = this.columns.get(name)!;
    const m = c.model;
    if (c.fk) {
      let tuple = fkCache.get(c.fk.name);
      if (!tuple) fkCache.set(c.fk.name, (tuple = this.fkTuple(this.fks.get(c.fk.name)!, i, attempt, phase)));
      return tuple[c.fk.columns.indexOf(name)] ?? null;
    }
    const finiteDigit = m.generator.kind === 'pick' ? this.radix.digit('finite', name, this.digitRow(i)) : undefined;
    if (finiteDigit !== undefined && m.generator.kind === 'pick') return m.generator.values[finiteDigit] ?? null;
    if (m.slot) {
      const rng = this.context(hashString(`slot:${m.slot.exclusion}`), i, 0).rng;
      return slotValue(m, i, this.rows, hashString(`${this.key}:${m.slot.exclusion}`), rng);
    }
    const policy = this.nullPolicy(name, i);
    if (policy === 'null') return null;
    const g = this.context(c.hash, i, m.stable ? 0 : attempt);
    if (m.injective) {
      const start = this.set.inputs.keyStart.get(this.key)?.get(name) ?? 0;
      const text = m.generator.kind === 'semantic' ? (c.fn(g) as string | null) : null;
      const n = start + i + 1;
      const limit = [m.column.type.length, m.domain?.maxLength ?? null].filter((x): x is number => x !== null);
      const salt = mixSalt(this.set.seed, this.tableHash, c.hash);
      const key = injectiveValue(m.column, n, salt, text, limit.length > 0 ? Math.min(...limit) : null, m.domain?.truncate ?? null);
      // a key a regex CHECK shapes: enumerate the pattern's language instead
      const patterns = c.patterns;
      if (patterns.length === 0 || (typeof key === 'string' && patterns.every((p) => p.matches(key)))) return key;
      return patterns[0]!.keyed(n);
    }
    if (m.nullRate > 0 && g.rng.chance(m.nullRate) && policy !== 'value') return null;
    let v = c.fn(g);
    const avoid = m.domain?.notEqual ?? [];
    for (let k = 0; k < 8 && avoid.some((a) => a === v || String(a) === String(v)); k++) v = c.fn(g);
    return v;
  }

  private fkTuple(f: CompiledFk, i: number, attempt: number, phase: 'insert' | 'final'): Value[] {
    const nulls = f.fk.columns.map(() => null);
    if (this.planned.nullFks.includes(f.fk.name)) return nulls;
    if (phase === 'insert' && this.planned.deferredFks.includes(f.fk.name)) return nulls;
    if (f.implicit && !this.parentAvailable(f)) {
      // the implicitly referenced table is not seeded: the column gets ordinary values
      return f.fk.columns.map((c) => this.fallback(c)(this.context(hashString(c), i, attempt)));
    }
    const policy = this.nullPolicy(f.fk.columns[0]!, i);
    if (policy === 'null') return nulls;
    const j = this.parentIndex(f, i, attempt, policy === 'value');
    if (j === null) return nulls;
    const sibling = this.siblingAgreement(f, i, attempt);
    return sibling ?? this.distinctFromEarlierFks(f, i, attempt, j);
  }

  /**
   * `CHECK (entity0 <> entity1)` between two FK columns: the later FK moves to the next parent
   * row when it would land on the same value as the earlier one.
   */
  private distinctFromEarlierFks(f: CompiledFk, i: number, attempt: number, j: number): Value[] {
    let values = this.parentValues(f, j);
    const order = [...this.fks.keys()];
    const mine = order.indexOf(f.fk.name);
    for (const r of this.model.relations) {
      if (r.op !== '<>') continue;
      const [own, other] = f.fk.columns.includes(r.column) ? [r.column, r.other] : f.fk.columns.includes(r.other) ? [r.other, r.column] : [null, null];
      if (own === null || other === null) continue;
      const otherFk = [...this.fks.values()].find((x) => x !== f && x.fk.columns.includes(other));
      if (!otherFk || order.indexOf(otherFk.fk.name) > mine || this.radix.digit('fk', f.fk.name, i) !== undefined) continue;
      const theirs = this.fkTuple(otherFk, i, attempt, 'final')[otherFk.fk.columns.indexOf(other)];
      const parentRows = this.set.planned(f.parent)?.rows ?? 0;
      for (let step = 1; step < parentRows && String(values[f.fk.columns.indexOf(own)]) === String(theirs); step++) {
        values = this.parentValues(f, (j + step) % parentRows);
      }
    }
    return values;
  }

  private parentAvailable(f: CompiledFk): boolean {
    const mode = this.set.planned(f.parent)?.mode;
    return f.self || mode === 'seed' || (mode === 'existing' && (this.set.inputs.existingKeys.get(f.parent)?.rows.length ?? 0) > 0);
  }

  private fallback(column: string): ValueFn {
    let fn = this.fallbacks.get(column);
    if (!fn) {
      const m = this.columns.get(column)!.model;
      fn = isBuiltinBase(m.column.type.base)
        ? compileColumnFn({ ...m, generator: { kind: 'type', base: m.column.type.base } })
        : () => null;
      this.fallbacks.set(column, fn);
    }
    return fn;
  }

  /**
   * When another FK of this row leads to a parent that has columns of the same names as this
   * FK (order_lines.customer_id next to order_id → orders.customer_id), take the values that
   * parent row has, if they exist in this FK's parent: the row then agrees with itself, as
   * triggers and application code often require. Null when there is no such sibling.
   */
  private siblingAgreement(f: CompiledFk, i: number, attempt: number): Value[] | null {
    if (f.self || this.radix.digit('fk', f.fk.name, i) !== undefined) return null;
    for (const other of this.fks.values()) {
      if (other === f || other.self || other.fk.columns.some((c) => f.fk.columns.includes(c))) continue;
      const otherParent = this.set.generator(other.parent);
      if (!otherParent || this.set.planned(other.parent)?.mode !== 'seed') continue;
      // a parent whose values depend on this table (a cycle) would make the lookup recurse
      if (this.set.dependsOn(other.parent, this.key) || this.set.dependsOn(f.parent, this.key)) continue;
      if (!f.fk.columns.every((c) => otherParent.model.columns.some((x) => x.name === c))) continue;
      const j = this.parentIndex(other, i, attempt);
      if (j === null) return null;
      const wanted = f.fk.columns.map((c) => otherParent.value(c, j));
      if (wanted.some((v) => v === null)) return null;
      // the agreed values must still satisfy this row's own CHECKs on those columns
      const domains = f.fk.columns.map((c) => this.columns.get(c)?.model.domain);
      if (wanted.some((v, k) => domains[k] && !satisfies(v, domains[k]!))) return null;
      const match = this.parentRowWith(f, wanted);
      return match === undefined ? null : this.parentValues(f, match);
    }
    return null;
  }

  /** The parent row of `f` whose referenced columns hold `values`, found through a lazily built index. */
  private parentRowWith(f: CompiledFk, values: readonly Value[]): number | undefined {
    let index = this.valueIndex.get(f.fk.name);
    if (!index) {
      index = new Map();
      const rows = this.set.planned(f.parent)?.rows ?? 0;
      for (let j = 0; j < rows; j++) {
        const key = JSON.stringify(this.parentValues(f, j));
        if (!index.has(key)) index.set(key, j);
      }
      this.valueIndex.set(f.fk.name, index);
    }
    return index.get(JSON.stringify(values));
  }

  private inNonNullGroup(column: string): boolean {
    return this.model.nonNullGroups.some((g) => g.columns.includes(column));
  }

  /**
   * For a column in an "exactly one / at least one is set" group: 'value' when row i must set
   * it, 'null' when it must not, 'free' otherwise. The chosen column depends on the row only.
   */
  private nullPolicy(column: string, i: number): 'null' | 'value' | 'free' {
    const group = this.model.nonNullGroups.find((g) => g.columns.includes(column));
    if (!group) return 'free';
    const required = group.columns.filter((c) => this.columns.get(c)?.model.column.notNull === true);
    const choices = required.length > 0 ? required : group.columns;
    const rng = this.context(hashString(`group:${group.columns.join(',')}`), i, 0).rng;
    const chosen = choices[Math.floor(rng.next() * choices.length)];
    if (column === chosen) return 'value';
    return group.exactly ? 'null' : 'free';
  }

  /** Which parent row row i points at through `f`, or null for NULL. */
  private parentIndex(f: CompiledFk, i: number, attempt: number, required = false): number | null {
    const rng = this.context(f.hash, i, f.stable ? 0 : attempt).rng;
    const parentRows = f.self ? this.rows : this.parentCount(f);
    if (parentRows === 0) return null;

    let j: number;
    const fanOut = this.fanOut(f, parentRows);
    if (fanOut) return Math.min(fanOut.parentOf(this.digitRow(i)), parentRows - 1);
    const digit = this.radix.digit('fk', f.fk.name, this.digitRow(i));
    if (digit !== undefined) {
      const allowed = f.self ? null : this.admissibleParents(f, parentRows);
      if (allowed && allowed.length === 0) return null;
      j = allowed ? allowed[digit % allowed.length]! : digit;
    } else if (f.self) {
      if (i === 0 || (f.nullable && rng.chance(ROOT_RATE))) {
        if (f.nullable && !required) return null;
        j = i === 0 ? 0 : treeParent(rng, i);
      } else {
        j = treeParent(rng, i);
      }
    } else {
      if (f.nullable && !required && rng.chance(FK_NULL_RATE)) return null;
      const allowed = this.admissibleParents(f, parentRows);
      if (allowed === null) j = skewedParent(rng, parentRows, f.hash);
      else if (allowed.length === 0) return null;
      else j = allowed[skewedParent(rng, allowed.length, f.hash)]!;
    }
    return j;
  }

  /**
   * When a CHECK restricts an FK column (`entity_class IN (1, 2)`), only parent rows whose key
   * satisfies it may be chosen: the list of those rows, or null when nothing restricts the FK.
   */
  private admissibleParents(f: CompiledFk, parentRows: number): number[] | null {
    if (this.admissible.has(f.fk.name)) return this.admissible.get(f.fk.name)!;
    const domains = f.fk.columns.map((c) => this.columns.get(c)?.model.domain);
    const partition = this.model.partitionTargets[f.fk.name];
    const parent = partition ? this.set.generator(f.parent) : undefined;
    let allowed: number[] | null = null;
    if (domains.some(restricts) || parent) {
      allowed = [];
      const live = parent?.liveRows();
      for (let j = 0; j < parentRows; j++) {
        const values = this.parentValues(f, j);
        if (!values.every((v, k) => !domains[k] || satisfies(v, domains[k]!))) continue;
        // an FK into one partition: the parent row must land in that partition
        if (parent && partition && !inSlot(parent.value(partition.keyColumn, live![j] ?? j), partition.slot)) continue;
        allowed.push(j);
      }
    }
    this.admissible.set(f.fk.name, allowed);
    return allowed;
  }

  /** overrides.ts `perParent` for this FK: children laid out parent by parent. */
  private fanOut(f: CompiledFk, parentRows: number): FanOut | null {
    const range = this.model.perParent[f.fk.name];
    if (!range) return null;
    let fan = this.fanOuts.get(f.fk.name);
    if (!fan) this.fanOuts.set(f.fk.name, (fan = new FanOut(this.set.seed, this.key, f.fk.name, parentRows, range)));
    return fan;
  }

  /** How many rows the parent of `f` has to point at: its live rows if seeded, its sample if existing. */
  private parentCount(f: CompiledFk): number {
    if (this.set.planned(f.parent)?.mode === 'seed') return this.set.generator(f.parent)!.liveCount();
    return this.set.inputs.existingKeys.get(f.parent)?.rows.length ?? 0;
  }

  /** The referenced values of the parent's j-th live row (or sampled existing row). */
  private parentValues(f: CompiledFk, j: number): Value[] {
    const refs = f.fk.references.columns;
    if (f.self) return refs.map((c) => this.value(c, j));
    const parent = this.set.generator(f.parent);
    if (parent && this.set.planned(f.parent)?.mode === 'seed') {
      const live = parent.liveRows();
      const k = live[j] ?? j;
      return refs.map((c) => parent.value(c, k));
    }
    const existing = this.set.inputs.existingKeys.get(f.parent);
    const row = existing?.rows[j];
    return refs.map((c) => (row ? row[existing!.columns.indexOf(c)] ?? null : null));
  }

  private streamFor(name: string, i: number, attempt: number) {
    return this.context(hashString(name), i, attempt).rng;
  }

  /** Points the shared faker at the stream of (column, row, attempt). */
  private context(columnHash: number, i: number, attempt: number): GenContext {
    const seed = this.set.seed;
    const sf = this.sf.at(streamSeed(seed, this.tableHash, columnHash, i, attempt));
    let persona: Persona | undefined;
    let place: Place | undefined;
    const self = this;
    return {
      rng: sf.rng,
      faker: sf.faker,
      row: i,
      persona() {
        return (persona ??= self.persona(i));
      },
      place() {
        return (place ??= self.places.at(streamSeed(self.set.seed, self.tableHash, PLACE_HASH, i)));
      },
    };
  }

  private persona(i: number): Persona {
    const pf = this.personaSf.at(streamSeed(this.set.seed, this.tableHash, PERSONA_HASH, i));
    return { firstName: pf.faker.person.firstName(), lastName: pf.faker.person.lastName() };
  }
}

const PERSONA_HASH = hashString('persona');
const PLACE_HASH = hashString('place');

function mixSalt(seed: number, table: number, column: number): number {
  return streamSeed(seed, table, column, 0, 0);
}
