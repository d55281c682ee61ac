import type { ForeignKey, QualifiedName } from '../../catalog.js';
import { restricts, satisfies } from '../../inference/domain-test.js';
import type { GenContext, Value, ValueFn } from '../../inference/gen-context.js';
import type { ColumnModel, TableModel } from '../../inference/model.js';
import { isBuiltinBase } from '../../inference/registry.js';
import type { Rng } from '../../inference/rng.js';
import { hashString } from '../../inference/rng.js';
import { FanOut } from '../../planner/fan-out.js';
import type { PlannedTable } from '../../planner/plan-types.js';
import { compileColumnFn } from './column-fn.js';
import { skewedParent, treeParent } from './fk-choice.js';
import type { GeneratorLookup } from './inputs.js';
import { inSlot } from './partition-slot.js';
import type { RadixKeys } from './radix.js';
import type { RowStates } from './row-states.js';

/** FK columns naming a person in a role: siblings do not make them agree. */
const PERSON_ROLE = /(^|_)(author|user|creator|owner|sender|recipient|receiver|assignee|reviewer|editor|actor|customer|employee|member|approver|reporter|by)(_id)?$/i;

/** Share of NULLs in a nullable FK: most rows point somewhere. */
const FK_NULL_RATE = 0.1;
/** Share of roots in a nullable self-reference (tree). */
const ROOT_RATE = 0.2;

export interface CompiledFk {
  readonly fk: ForeignKey;
  readonly hash: number;
  readonly parent: QualifiedName;
  readonly nullable: boolean;
  readonly stable: boolean;
  readonly self: boolean;
  readonly implicit: boolean;
  /** The all-NULL tuple (shared: never modified). */
  readonly nulls: readonly Value[];
}

/** A non-NULL group as a row's choice needs it: the columns one of which is set, and the stream they share. */
interface CompiledGroup {
  readonly choices: readonly string[];
  readonly hash: number;
  readonly exactly: boolean;
}

/** What the FK resolver needs of its table's generator. */
export interface FkHost {
  readonly key: QualifiedName;
  readonly model: TableModel;
  readonly planned: PlannedTable;
  readonly set: GeneratorLookup;
  readonly rows: number;
  readonly fks: ReadonlyMap<string, CompiledFk>;
  readonly columns: ReadonlyMap<string, { readonly model: ColumnModel; readonly hash: number }>;
  readonly radix: RadixKeys;
  readonly states: RowStates;
  context(columnHash: number, i: number, attempt: number): GenContext;
  streamFor(name: string, i: number, attempt: number): Rng;
  value(column: string, i: number): Value;
}

/**
 * Which parent row each FK of a row points at, and the values that brings: radix digits for
 * unique keys, trees for self-references, fan-out from overrides, CHECK- and partition-restricted
 * parents, rows that agree across sibling FKs, and "exactly one of these is set" groups.
 */
export class FkResolver {
  private readonly admissible = new Map<string, number[] | null>();
  private readonly fallbacks = new Map<string, ValueFn>();
  private readonly valueIndex = new Map<string, Map<string, number>>();
  private readonly fanOuts = new Map<string, FanOut>();
  private readonly siblings = new Map<string, CompiledFk[]>();
  private readonly distinct = new Map<string, { own: number; otherFk: CompiledFk; other: number }[]>();
  private readonly groups = new Map<string, CompiledGroup | null>();

  constructor(private readonly host: FkHost) {}

  fkTuple(f: CompiledFk, i: number, attempt: number, phase: 'insert' | 'final'): readonly Value[] {
    const nulls = f.nulls;
    if (this.host.planned.nullFks.includes(f.fk.name)) return nulls;
    if (phase === 'insert' && this.host.planned.deferredFks.includes(f.fk.name)) return nulls;
    if (f.implicit && !this.parentAvailable(f)) {
      // the implicitly referenced table is not seeded: the column gets ordinary values
      return f.fk.columns.map((c) => this.fallback(c)(this.host.context(hashString(c), i, attempt)));
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
    const pairs = this.distinctPairs(f);
    if (pairs.length === 0 || this.host.radix.digit('fk', f.fk.name, i) !== undefined) return values;
    for (const { own, otherFk, other } of pairs) {
      const theirs = this.fkTuple(otherFk, i, attempt, 'final')[other];
      const parentRows = this.host.set.planned(f.parent)?.rows ?? 0;
      for (let step = 1; step < parentRows && String(values[own]) === String(theirs); step++) {
        values = this.parentValues(f, (j + step) % parentRows);
      }
    }
    return values;
  }

  /**
   * The `<>` relations between a column of `f` and a column of an FK before it (in the table's
   * order), with the positions of the two columns in their FKs: once per FK.
   */
  private distinctPairs(f: CompiledFk): { own: number; otherFk: CompiledFk; other: number }[] {
    let pairs = this.distinct.get(f.fk.name);
    if (pairs) return pairs;
    pairs = [];
    const order = [...this.host.fks.keys()];
    const mine = order.indexOf(f.fk.name);
    for (const r of this.host.model.relations) {
      if (r.op !== '<>') continue;
      const [own, other] = f.fk.columns.includes(r.column) ? [r.column, r.other] : f.fk.columns.includes(r.other) ? [r.other, r.column] : [null, null];
      if (own === null || other === null) continue;
      const otherFk = [...this.host.fks.values()].find((x) => x !== f && x.fk.columns.includes(other));
      if (!otherFk || order.indexOf(otherFk.fk.name) > mine) continue;
      pairs.push({ own: f.fk.columns.indexOf(own), otherFk, other: otherFk.fk.columns.indexOf(other) });
    }
    this.distinct.set(f.fk.name, pairs);
    return pairs;
  }

  private parentAvailable(f: CompiledFk): boolean {
    const mode = this.host.set.planned(f.parent)?.mode;
    return f.self || mode === 'seed' || (mode === 'existing' && (this.host.set.inputs.existingKeys.get(f.parent)?.rows.length ?? 0) > 0);
  }

  private fallback(column: string): ValueFn {
    let fn = this.fallbacks.get(column);
    if (!fn) {
      const m = this.host.columns.get(column)!.model;
      fn = isBuiltinBase(m.column.type.base)
        ? compileColumnFn({ ...m, generator: { kind: 'type', base: m.column.type.base } })
        : () => null;
      this.fallbacks.set(column, fn);
    }
    return fn;
  }

  /** The other FKs whose parent has this FK's columns too (what siblingAgreement consults), once per FK. */
  private siblingsOf(f: CompiledFk): CompiledFk[] {
    let list = this.siblings.get(f.fk.name);
    if (list) return list;
    list = [];
    // a person in a role (a comment's author) is chosen freely; a scope (room, project, tenant) is shared
    if (!f.fk.columns.some((c) => PERSON_ROLE.test(c))) {
      for (const other of this.host.fks.values()) {
        if (other === f || other.self || other.fk.columns.some((c) => f.fk.columns.includes(c))) continue;
        const otherParent = this.host.set.generator(other.parent);
        if (!otherParent || this.host.set.planned(other.parent)?.mode !== 'seed') continue;
        // a parent whose values depend on this table (a cycle) would make the lookup recurse
        if (this.host.set.dependsOn(other.parent, this.host.key) || this.host.set.dependsOn(f.parent, this.host.key)) continue;
        if (f.fk.columns.every((c) => otherParent.model.columns.some((x) => x.name === c))) list.push(other);
      }
    }
    this.siblings.set(f.fk.name, list);
    return list;
  }

  /**
   * When another FK of this row leads to a parent that has columns of the same names as this
   * FK (order_lines.customer_id next to order_id → orders.customer_id), take the values that
   * parent row has, if they exist in this FK's parent: the row then agrees with itself, as
   * triggers and application code often require. Null when there is no such sibling.
   */
  private siblingAgreement(f: CompiledFk, i: number, attempt: number): Value[] | null {
    if (f.self || this.host.radix.digit('fk', f.fk.name, i) !== undefined) return null;
    for (const other of this.siblingsOf(f)) {
      const otherParent = this.host.set.generator(other.parent)!;
      const j = this.parentIndex(other, i, attempt);
      if (j === null) return null;
      const wanted = f.fk.columns.map((c) => otherParent.value(c, j));
      if (wanted.some((v) => v === null)) return null;
      // the agreed values must still satisfy this row's own CHECKs on those columns
      const domains = f.fk.columns.map((c) => this.host.columns.get(c)?.model.domain);
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
      const rows = this.host.set.planned(f.parent)?.rows ?? 0;
      for (let j = 0; j < rows; j++) {
        const key = JSON.stringify(this.parentValues(f, j));
        if (!index.has(key)) index.set(key, j);
      }
      this.valueIndex.set(f.fk.name, index);
    }
    return index.get(JSON.stringify(values));
  }

  inNonNullGroup(column: string): boolean {
    return this.groupOf(column) !== null;
  }

  /**
   * For a column in an "exactly one / at least one is set" group: 'value' when row i must set
   * it, 'null' when it must not, 'free' otherwise. The chosen column depends on the row only.
   */
  nullPolicy(column: string, i: number): 'null' | 'value' | 'free' {
    const group = this.groupOf(column);
    if (!group) return 'free';
    const rng = this.host.context(group.hash, i, 0).rng;
    const chosen = group.choices[Math.floor(rng.next() * group.choices.length)];
    if (column === chosen) return 'value';
    return group.exactly ? 'null' : 'free';
  }

  /** A column's non-NULL group, compiled once per column: asked for every value of every row. */
  private groupOf(column: string): CompiledGroup | null {
    let compiled = this.groups.get(column);
    if (compiled !== undefined) return compiled;
    const group = this.host.model.nonNullGroups.find((g) => g.columns.includes(column));
    compiled = null;
    if (group) {
      const required = group.columns.filter((c) => this.host.columns.get(c)?.model.column.notNull === true);
      compiled = { choices: required.length > 0 ? required : group.columns, hash: hashString(`group:${group.columns.join(',')}`), exactly: group.exactly };
    }
    this.groups.set(column, compiled);
    return compiled;
  }

  /** Which parent row row i points at through `f`, or null for NULL. */
  parentIndex(f: CompiledFk, i: number, attempt: number, required = false): number | null {
    const rng = this.host.context(f.hash, i, f.stable ? 0 : attempt).rng;
    const parentRows = f.self ? this.host.rows : this.parentCount(f);
    if (parentRows === 0) return null;

    let j: number;
    const fanOut = this.fanOut(f, parentRows);
    if (fanOut) return Math.min(fanOut.parentOf(this.host.states.originRow(i)), parentRows - 1);
    const digit = this.host.radix.digit('fk', f.fk.name, this.host.states.digitRow(i));
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
  admissibleParents(f: CompiledFk, parentRows: number): number[] | null {
    if (this.admissible.has(f.fk.name)) return this.admissible.get(f.fk.name)!;
    const domains = f.fk.columns.map((c) => this.host.columns.get(c)?.model.domain);
    const partition = this.host.model.partitionTargets[f.fk.name];
    const parent = partition ? this.host.set.generator(f.parent) : undefined;
    const steered = this.steeredKeys(f, parentRows);
    let allowed: number[] | null = null;
    if (domains.some(restricts) || parent || steered) {
      allowed = [];
      for (let j = 0; j < parentRows; j++) {
        const values = this.parentValues(f, j);
        if (!values.every((v, k) => !domains[k] || satisfies(v, domains[k]!))) continue;
        if (steered && !steered.has(String(values[0]))) continue;
        // an FK into one partition: the parent row must land in that partition
        if (parent && partition && !inSlot(parent.value(partition.keyColumn, parent.liveRow(j)), partition.slot)) continue;
        allowed.push(j);
      }
    }
    this.admissible.set(f.fk.name, allowed);
    return allowed;
  }

  /**
   * For an FK an INSERT trigger compares through another column of the parent (TableModel.
   * triggerSteers): the parent's values of that column, as text. Null when nothing steers the FK,
   * the parent is not seeded in this run, or no parent row's key is among them (then any parent
   * row is as good as another).
   */
  private steeredKeys(f: CompiledFk, parentRows: number): Set<string> | null {
    const column = this.host.model.triggerSteers[f.fk.name];
    const parent = column !== undefined && !f.self && this.host.set.planned(f.parent)?.mode === 'seed' ? this.host.set.generator(f.parent) : undefined;
    if (!parent) return null;
    const keys = new Set<string>();
    for (let j = 0; j < parentRows; j++) {
      const v = parent.value(column!, parent.liveRow(j));
      if (v !== null) keys.add(String(v));
    }
    for (let j = 0; j < parentRows; j++) if (keys.has(String(this.parentValues(f, j)[0]))) return keys;
    return null;
  }

  /** overrides.ts `perParent` for this FK: children laid out parent by parent. */
  private fanOut(f: CompiledFk, parentRows: number): FanOut | null {
    const range = this.host.model.perParent[f.fk.name];
    if (!range) return null;
    let fan = this.fanOuts.get(f.fk.name);
    if (!fan) this.fanOuts.set(f.fk.name, (fan = new FanOut(this.host.set.seed, this.host.key, f.fk.name, parentRows, range)));
    return fan;
  }

  /** How many rows the parent of `f` has to point at: its live rows if seeded, its sample if existing. */
  parentCount(f: CompiledFk): number {
    if (this.host.set.planned(f.parent)?.mode === 'seed') return this.host.set.generator(f.parent)!.liveCount();
    return this.host.set.inputs.existingKeys.get(f.parent)?.rows.length ?? 0;
  }

  /** The referenced values of the parent's j-th live row (or sampled existing row). */
  private parentValues(f: CompiledFk, j: number): Value[] {
    const refs = f.fk.references.columns;
    if (f.self) return refs.length === 1 ? [this.host.value(refs[0]!, j)] : refs.map((c) => this.host.value(c, j));
    const parent = this.host.set.generator(f.parent);
    if (parent && this.host.set.planned(f.parent)?.mode === 'seed') {
      const k = parent.liveRow(j);
      // most keys are one column: no closure per row and FK
      return refs.length === 1 ? [parent.value(refs[0]!, k)] : refs.map((c) => parent.value(c, k));
    }
    const existing = this.host.set.inputs.existingKeys.get(f.parent);
    const row = existing?.rows[j];
    return refs.map((c) => (row ? row[existing!.columns.indexOf(c)] ?? null : null));
  }
}
