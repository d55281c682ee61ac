import type { ForeignKey, QualifiedName } from '../../catalog.js';
import { qualifiedName } from '../../catalog.js';
import { SeededFaker } from '../../inference/faker-context.js';
import type { GenContext, Persona, Place, Value, ValueFn } from '../../inference/gen-context.js';
import { PlaceMaker } from '../../inference/places.js';
import { LazyPool } from '../../inference/lazy-pool.js';
import { LOCALES } from '../../inference/faker-locales.js';
import { type ColumnModel, type CompiledOverride, type TableModel, isFunctionOverride } from '../../inference/model.js';
import { satisfies } from '../../inference/domain-test.js';
import { hashString, streamSeed } from '../../inference/rng.js';
import { lengthLimit } from '../../inference/values.js';
import { fkNullable } from '../../planner/fk-nullable.js';
import { isImplicit } from '../../planner/select.js';
import { columnOwners } from '../../inference/infer.js';
import type { PlannedTable } from '../../planner/plan-types.js';
import type { PatternGenerator } from '../../inference/patterns.js';
import { compileColumnFn, patternGenerators, toValue } from './column-fn.js';
import { isSelfReference } from './fk-choice.js';
import { RadixKeys } from './radix.js';
import { RowContext } from './row-context.js';
import { RowStates } from './row-states.js';
import { ParentTimes } from './parent-times.js';
import { type CompiledFk, FkResolver } from './fk-resolver.js';
import type { GeneratorLookup } from './inputs.js';
import { injectiveValue } from './key-values.js';
import { applyRelations } from './relations.js';
import { slotValue } from './slot-values.js';

type OverrideFn = Extract<CompiledOverride, { kind: 'function' }>['fn'];

/** From this attempt on, failing rows also try plain values (NULL, 0) in the columns a CHECK mentions. */
const SIMPLIFY_FROM_ATTEMPT = 3;
/** Row-dependent values kept for children that ask again (bounded: memory stays flat). */
const ROW_MEMO_LIMIT = 200_000;

interface CompiledColumn {
  readonly model: ColumnModel;
  readonly hash: number;
  readonly fn: ValueFn;
  readonly fk: ForeignKey | undefined;
  readonly patterns: readonly PatternGenerator[];
  /** For an injective column: the length its keys must fit (type or CHECK), or null. */
  readonly keyLimit: number | null;
  /** For an injective column: the salt of its key permutation. */
  readonly salt: number;
  /** For an FK column: its position in the FK's columns. */
  readonly fkPosition: number;
  /** For a column in an exclusion slot: the stream and the salt of its slot values. */
  readonly slotHash: number;
  readonly slotSalt: number;
}


/** Generates any row, or any column of any row, of one table: row-addressable by design. */
export class TableGenerator {
  private askingCapacity = false;
  readonly key: QualifiedName;
  readonly model: TableModel;
  readonly planned: PlannedTable;
  /** Columns written on insert, in table order (generated columns left to the server). */
  readonly written: readonly ColumnModel[];
  /** `--disable-triggers` switched this table's triggers off for the current transaction. */
  triggersDisabled = false;
  readonly columns: Map<string, CompiledColumn>;
  readonly fks: Map<string, CompiledFk>;
  private readonly tableHash: number;
  private readonly sf = new SeededFaker();
  // a second faker, so computing a persona never disturbs the column's own stream
  private readonly personaSf = new SeededFaker();
  private readonly places = new PlaceMaker();
  readonly radix: RadixKeys;
  private relationColumns: Set<string> | undefined;
  private readonly times: ParentTimes;
  private readonly rowMemo = new Map<string, Map<number, Value>>();
  private memoSize = 0;
  private readonly fkCache = new Map<string, readonly Value[]>();
  private rowDepth = 0;
  private readonly resolver = new FkResolver(this);
  readonly states = new RowStates(() => this.rows, () => this.radix.capacity());
  private readonly rowContext = new RowContext({
    persona: (i) => this.persona(i),
    place: (i) => this.place(i),
    pool: (key, make) => this.set.pool(key, make),
  }, this.sf);

  constructor(
    model: TableModel,
    readonly set: GeneratorLookup,
  ) {
    this.key = model.key;
    this.model = model;
    this.planned = set.planned(model.key)!;
    this.tableHash = hashString(model.key);
    this.written = model.columns.filter((c) => c.generator.kind !== 'omit');
    const fkByColumn = columnOwners(model.foreignKeys);
    this.columns = new Map(model.columns.map((c) => {
      const fk = c.generator.kind === 'fk' ? fkByColumn.get(c.name) : undefined;
      return [c.name, {
        model: c, hash: hashString(c.name), fn: compileColumnFn(c), fk,
        patterns: c.injective ? patternGenerators(c) : [],
        keyLimit: lengthLimit(c.column, c.domain),
        salt: mixSalt(set.seed, this.tableHash, hashString(c.name)),
        fkPosition: fk ? fk.columns.indexOf(c.name) : -1,
        slotHash: c.slot ? hashString(`slot:${c.slot.exclusion}`) : 0,
        slotSalt: c.slot ? hashString(`${this.key}:${c.slot.exclusion}`) : 0,
      }];
    }));
    this.fks = new Map(model.foreignKeys.map((fk) => [fk.name, {
      fk,
      hash: hashString(`fk:${fk.name}`),
      parent: qualifiedName(fk.references.schema, fk.references.table),
      nullable: fkNullable(model, fk),
      stable: fk.columns.some((c) => model.columns.find((x) => x.name === c)?.stable),
      self: isSelfReference(fk, model.table.schema, model.table.name),
      implicit: isImplicit(fk),
      nulls: Object.freeze(fk.columns.map(() => null)),
    }]));
    this.times = new ParentTimes({
      key: this.key,
      written: this.written,
      fks: this.fks,
      set: this.set,
      parentIndex: (f, i, attempt) => this.resolver.parentIndex(f, i, attempt),
      rng: (hash, i, attempt) => this.context(hash, i, attempt).rng,
      value: (column, i) => this.value(column, i),
    });
    this.radix = new RadixKeys(model, this.key, {
      fk: (name) => {
        const f = this.fks.get(name)!;
        if (f.self) return this.planned.rows;
        // digits count only the parent rows this FK may point at (CHECKs, a target partition)
        return this.resolver.admissibleParents(f, this.resolver.parentCount(f))?.length ?? this.resolver.parentCount(f);
      },
      finite: (column) => {
        const gen = this.model.columns.find((x) => x.name === column)?.generator;
        return gen?.kind === 'pick' ? gen.values.length : 2;
      },
    });
  }

  /** Rows to write: as planned, unless parents came out short and the radix keys now hold fewer. */
  get rows(): number {
    // round an FK cycle of radix keys each table's capacity asks the next one's rows: the question
    // coming back to a table gets its planned count
    if (this.askingCapacity) return this.planned.rows;
    this.askingCapacity = true;
    try {
      const capacity = this.radix.capacity();
      return capacity < this.planned.rows ? Math.floor(capacity) : this.planned.rows;
    } finally {
      this.askingCapacity = false;
    }
  }

  /** Rows that exist once this table is written: what children may point at. */
  liveCount(): number {
    return this.states.hasDead() ? this.liveRows().length : this.rows;
  }

  get inputs(): GeneratorLookup['inputs'] {
    return this.set.inputs;
  }

  /** The values of `written` for row i; `attempt` > 0 re-rolls what a failed CHECK may depend on. */
  row(i: number, attempt = 0, phase: 'insert' | 'final' = 'insert'): Value[] {
    // one FK tuple per FK and row; the map is reused unless a row is computed inside another (self-references)
    const fkCache = this.rowDepth++ === 0 ? this.fkCache : new Map<string, readonly Value[]>();
    fkCache.clear();
    try {
      return this.rowWith(i, attempt, phase, fkCache);
    } finally {
      this.rowDepth--;
    }
  }

  private rowWith(i: number, attempt: number, phase: 'insert' | 'final', fkCache: Map<string, readonly Value[]>): Value[] {
    const values: Value[] = new Array(this.written.length);
    for (let k = 0; k < values.length; k++) values[k] = this.columnValue(this.written[k]!.name, i, attempt, phase, fkCache);
    this.applyFunctionOverrides(values, i, attempt, phase, fkCache);
    if (attempt >= SIMPLIFY_FROM_ATTEMPT) this.simplify(values, i, attempt);
    if (i >= this.rows) this.plain(values, i);
    this.times.apply(values, i, attempt);
    if (this.model.relations.length === 0) return values;
    return applyRelations(this.model, this.written, values, (name) => this.streamFor(name, i, attempt + 1000));
  }

  /** Columns whose final value depends on other columns of the row (relations, parents' times). */
  private rowDependent(column: string): boolean {
    return this.inRelation(column) || this.times.moves(column);
  }

  /**
   * Row k's value of a column that depends on the row only through its parents' times (moved after
   * them, in no CHECK relation; overridden columns never are): the column and its links, without
   * computing the whole row.
   * The same value row(k, 0, 'final') has there; undefined when the column needs the whole row.
   */
  private timeLinkedValue(column: string, k: number): Value | undefined {
    if (!this.times.moves(column) || this.inRelation(column) || k >= this.rows) return undefined;
    return this.times.applyTo(column, this.columnValue(column, k, 0, 'final', null), k);
  }

  /**
   * Row k's value of a column CHECK relations may move, from the columns it is related to (the
   * closure over the table's relations) instead of the whole row: the same value row(k, 0,
   * 'final') has there, as nothing else of the row reaches those columns. Undefined when an
   * overrides.ts function fills one of them (it sees the whole row).
   */
  private relatedValue(column: string, k: number): Value | undefined {
    if (k >= this.rows) return undefined;
    let positions = this.closures.get(column);
    if (positions === undefined) this.closures.set(column, (positions = this.relationClosure(column)));
    if (positions === null) return undefined;
    const values: Value[] = new Array(this.written.length).fill(null);
    for (const n of positions) values[n] = this.columnValue(this.written[n]!.name, k, 0, 'final', null);
    this.times.apply(values, k, 0);
    applyRelations(this.model, this.written, values, (name) => this.streamFor(name, k, 1000));
    return values[this.written.findIndex((c) => c.name === column)] ?? null;
  }

  private readonly closures = new Map<string, number[] | null>();

  /** Positions in `written` of the columns connected to `column` through relations; null when a function override is among them. */
  private relationClosure(column: string): number[] | null {
    const seen = new Set([column]);
    const queue = [column];
    while (queue.length > 0) {
      const c = queue.pop()!;
      for (const r of this.model.relations) {
        const other = r.column === c ? r.other : r.other === c ? r.column : null;
        if (other !== null && !seen.has(other)) {
          seen.add(other);
          queue.push(other);
        }
      }
    }
    const positions = [...seen].map((name) => this.written.findIndex((w) => w.name === name));
    if (positions.some((n) => n < 0 || isFunctionOverride(this.written[n]!.generator))) return null;
    return positions;
  }

  /** Row i's value of a date or timestamp column as epoch ms, for children created after it (see ParentTimes). */
  timeOf(column: string, i: number): number | null {
    return this.times.timeOf(column, i);
  }

  /**
   * Whether a CHECK relation may move this column's value (applyRelations): never an FK column
   * or a stable one (a key, a referenced column), so a parent's key needs no whole row.
   */
  private inRelation(column: string): boolean {
    if (!this.relationColumns) {
      const movable = (name: string) => {
        const c = this.columns.get(name)?.model;
        return c !== undefined && c.generator.kind !== 'fk' && !c.stable;
      };
      this.relationColumns = new Set(this.model.relations.flatMap((r) => [r.column, r.other]).filter(movable));
    }
    return this.relationColumns.has(column);
  }

  /** overrides.ts functions, in table order, each seeing the row generated so far. */
  private applyFunctionOverrides(values: Value[], i: number, attempt: number, phase: 'insert' | 'final', fkCache: Map<string, readonly Value[]>): void {
    const overridden = this.functionColumns();
    if (overridden.length === 0) return;
    // one row object per row, kept current as each function's value lands
    const row: Record<string, Value> = {};
    for (let n = 0; n < this.written.length; n++) row[this.written[n]!.name] = values[n] ?? null;
    const parent = (name: string) => {
      const f = this.fkByName(name);
      if (!f) return null;
      let tuple = fkCache.get(f.fk.name);
      if (!tuple) fkCache.set(f.fk.name, (tuple = this.resolver.fkTuple(f, i, attempt, phase)));
      if (tuple.every((v) => v === null)) return null;
      return Object.fromEntries(f.fk.references.columns.map((col, n) => [col, tuple![n] ?? null]));
    };
    for (const { k, c, fn, hash } of overridden) {
      const g = this.context(hash, i, c.stable ? 0 : attempt);
      values[k] = toValue(fn({ row, index: i, faker: g.faker, parent }), c.column);
      row[c.name] = values[k] ?? null;
    }
  }

  private functionList: { k: number; c: ColumnModel; fn: OverrideFn; hash: number }[] | undefined;

  /** The written columns an overrides.ts function fills, with their positions. */
  private functionColumns(): { k: number; c: ColumnModel; fn: OverrideFn; hash: number }[] {
    if (this.functionList) return this.functionList;
    const list: { k: number; c: ColumnModel; fn: OverrideFn; hash: number }[] = [];
    this.written.forEach((c, k) => {
      const spec = c.generator;
      if (spec.kind === 'override' && spec.override.kind === 'function') list.push({ k, c, fn: spec.override.fn, hash: this.columns.get(c.name)!.hash });
    });
    return (this.functionList = list);
  }

  /** The FK `parent(name)` means in a function override: by constraint name or by one of its columns. */
  private fkByName(name: string): CompiledFk | undefined {
    for (const f of this.fks.values()) if (f.fk.name === name || f.fk.columns.includes(name)) return f;
    return undefined;
  }

  /**
   * A row replacing one a trigger rejected: leave out most optional values, which is what
   * triggers enforcing "only when …" rules usually object to.
   */
  private plain(values: Value[], i: number): void {
    const rng = this.streamFor('plain', i, 0);
    this.written.forEach((c, k) => {
      if (c.stable || c.nullRate === 0 || c.slot || this.resolver.inNonNullGroup(c.name) || !rng.chance(0.6)) return;
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
      if (!mentioned.has(c.name) || c.stable || this.resolver.inNonNullGroup(c.name) || !rng.chance(0.5)) return;
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
    if (isFunctionOverride(spec) || this.rowDependent(column)) {
      const k = this.states.resolve(i);
      const linked = this.timeLinkedValue(column, k);
      if (linked !== undefined) return linked;
      const known = this.rowMemo.get(column)?.get(k);
      if (known !== undefined) return known;
      if (!isFunctionOverride(spec)) {
        const related = this.relatedValue(column, k);
        if (related !== undefined) return related;
      }
      const row = this.row(k, 0, 'final');
      // children ask for the same parents again and again: keep the row's dependent values
      if (++this.memoSize > ROW_MEMO_LIMIT) {
        this.rowMemo.clear();
        this.memoSize = 0;
      }
      this.written.forEach((c, n) => {
        if (!this.rowDependent(c.name) && c.name !== column) return;
        let memo = this.rowMemo.get(c.name);
        if (!memo) this.rowMemo.set(c.name, (memo = new Map()));
        memo.set(k, row[n] ?? null);
      });
      return row[this.written.findIndex((c) => c.name === column)] ?? null;
    }
    const adopted = this.states.adopted(i, column);
    if (adopted !== undefined) return adopted;
    const k = this.states.resolve(i);
    const actual = this.states.actual(k, column);
    if (actual !== undefined) return actual;
    return this.columnValue(column, k, 0, 'final', null);
  }

  /** The row that stands for row i (see RowStates). */
  resolve(i: number): number {
    return this.states.resolve(i);
  }

  adopt(columns: readonly string[], rows: readonly (readonly Value[])[]): void {
    this.states.adopt(columns, rows);
  }

  isEmpty(): boolean {
    return this.states.isEmpty();
  }

  giveUp(rows: readonly number[]): void {
    this.states.giveUp(rows);
  }

  reject(i: number): number {
    return this.states.reject(i);
  }

  get rejectedCount(): number {
    return this.states.rejectedCount;
  }

  liveRows(): number[] {
    return this.states.liveRows();
  }

  liveRow(j: number): number {
    return this.states.liveRow(j);
  }

  /** Keys the database returned for row i, kept where they differ from the generated ones. */
  recordActual(i: number, column: string, value: Value): void {
    const generated = this.columnValue(column, i, 0, 'final', null);
    if (generated !== null && String(generated) === String(value)) return;
    this.states.recordActual(i, column, value);
  }

  /** The values of one FK's columns in row i, as they are once every cycle edge is filled. */
  fkValues(fkName: string, i: number): readonly Value[] {
    return this.resolver.fkTuple(this.fks.get(fkName)!, i, 0, 'final');
  }

  /** Column `name` of row i; `fkCache` shares an FK's tuple between its columns (null: not kept). */
  private columnValue(name: string, i: number, attempt: number, phase: 'insert' | 'final', fkCache: Map<string, readonly Value[]> | null): Value {
    const c = this.columns.get(name)!;
    const m = c.model;
    if (c.fk) {
      let tuple = fkCache?.get(c.fk.name);
      if (!tuple) {
        tuple = this.resolver.fkTuple(this.fks.get(c.fk.name)!, i, attempt, phase);
        fkCache?.set(c.fk.name, tuple);
      }
      return tuple[c.fkPosition] ?? null;
    }
    const finiteDigit = m.generator.kind === 'pick' ? this.radix.digit('finite', name, this.states.digitRow(i)) : undefined;
    if (finiteDigit !== undefined && m.generator.kind === 'pick') return m.generator.values[finiteDigit] ?? null;
    if (m.slot) {
      const rng = this.context(c.slotHash, i, 0).rng;
      return slotValue(m, i, this.rows, c.slotSalt, rng);
    }
    const policy = this.resolver.nullPolicy(name, i);
    if (policy === 'null') return null;
    const g = this.context(c.hash, i, m.stable ? 0 : attempt);
    if (m.injective) {
      const start = this.set.inputs.keyStart.get(this.key)?.get(name) ?? 0;
      const text = m.generator.kind === 'semantic' ? (c.fn(g) as string | null) : null;
      const n = start + i + 1;
      const key = injectiveValue(m.column, n, c.salt, text, c.keyLimit, m.domain?.truncate ?? null);
      // a key a regex CHECK shapes: enumerate the pattern's language instead
      const patterns = c.patterns;
      if (patterns.length === 0 || (typeof key === 'string' && patterns.every((p) => p.matches(key)))) return key;
      return patterns[0]!.keyed(n);
    }
    if (m.nullRate > 0 && g.rng.chance(m.nullRate) && policy !== 'value') return null;
    let v = c.fn(g);
    const avoid = m.domain?.notEqual;
    if (avoid === undefined || avoid.length === 0) return v;
    // numerically too: '0.0' from a numeric(p,1) column is the 0 of `CHECK (x <> 0)`
    const same = (a: unknown) => a === v || String(a) === String(v) || (typeof a === 'number' && v !== null && typeof v !== 'object' && typeof v !== 'boolean' && Number(v) === a);
    for (let k = 0; k < 8 && avoid.some(same); k++) v = c.fn(g);
    return v;
  }

  streamFor(name: string, i: number, attempt: number) {
    return this.context(hashString(name), i, attempt).rng;
  }

  /** Points the shared faker at the stream of (column, row, attempt). */
  context(columnHash: number, i: number, attempt: number): GenContext {
    this.sf.at(streamSeed(this.set.seed, this.tableHash, columnHash, i, attempt));
    return this.rowContext.at(i);
  }

  private place(i: number): Place {
    return this.places.at(streamSeed(this.set.seed, this.tableHash, PLACE_HASH, i));
  }

  private persona(i: number): Persona {
    const pf = this.personaSf.at(streamSeed(this.set.seed, this.tableHash, PERSONA_HASH, i));
    return { firstName: pf.faker.person.firstName(), lastName: LAST_NAMES.pick(pf.rng.next()) };
  }
}

// faker expands a template per last name (1.7 µs, five times a first name's)
const LAST_NAMES = new LazyPool('persona:last-name', LOCALES.en, (f) => f.person.lastName());

const PERSONA_HASH = hashString('persona');
const PLACE_HASH = hashString('place');

function mixSalt(seed: number, table: number, column: number): number {
  return streamSeed(seed, table, column, 0, 0);
}
