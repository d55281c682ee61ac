import toposort from 'toposort';
import type { ForeignKey, QualifiedName } from '../catalog.js';
import { qualifiedName } from '../catalog.js';
import type { ColumnModel, SeedModel, TableModel } from '../inference/model.js';
import { breakCycle, type CycleEdge } from './cycles.js';
import { stronglyConnected } from './graph.js';
import { FanOut } from './fan-out.js';
import { naturalRows } from './volumes.js';
import { fkNullFirst } from './fk-nullable.js';
import { triggerEdges } from './trigger-order.js';
import type { CycleReport, ExistingState, Plan, PlanOptions, PlanStep, PlannedTable } from './plan-types.js';
import { isImplicit, selectTables, type Selection } from './select.js';

export type { ExistingState, PlanOptions } from './plan-types.js';

/** Decides which tables get how many rows, in what order, and how FK cycles are broken. Pure. */
export function buildPlan(model: SeedModel, existing: ExistingState, options: PlanOptions): Plan {
  const selection = selectTables(model, existing, options);
  const seeded = model.tables.filter((t) => selection.mode.get(t.key) === 'seed');
  const seededKeys = new Set(seeded.map((t) => t.key));

  const { steps, cycles, deferred } = order(seeded, seededKeys);
  const rows = countRows(model, selection, existing, options.rows, steps, options.tableRows);

  const tables: PlannedTable[] = model.tables.map((t) => ({
    key: t.key,
    mode: selection.mode.get(t.key) ?? 'skip',
    rows: selection.mode.get(t.key) === 'seed' ? rows.counts.get(t.key) ?? 0 : existing.rows.get(t.key) ?? 0,
    required: selection.required.has(t.key),
    skip: selection.skip.get(t.key) ?? null,
    deferredFks: deferred.get(t.key)?.nullable ?? [],
    deferredConstraints: deferred.get(t.key)?.deferrable ?? [],
    nullFks: selection.nullFks.get(t.key) ?? [],
    capacity: rows.capacity.get(t.key) ?? null,
  }));
  const warnings = [
    ...[...selection.skip].map(([key, s]) => `${key} is not seeded: ${s.reason}${s.fix ? `. Fix: ${s.fix}` : ''}`),
    ...tables.filter((t) => t.capacity && t.mode === 'seed').map((t) => `${t.key} holds at most ${t.capacity!.rows} rows (key ${t.capacity!.key}); seeding ${t.rows}`),
  ];
  return { seed: model.seed, steps, tables, cycles, warnings };
}

function parentKey(fk: ForeignKey): QualifiedName {
  return qualifiedName(fk.references.schema, fk.references.table);
}

function order(seeded: readonly TableModel[], seededKeys: ReadonlySet<string>) {
  const adjacency = new Map<string, string[]>();
  for (const t of seeded) {
    adjacency.set(t.key, [...new Set(t.foreignKeys.map(parentKey).filter((p) => p !== t.key && seededKeys.has(p)))]);
  }
  const keys = seeded.map((t) => t.key);
  const components = stronglyConnected(keys, adjacency);
  const componentOf = new Map<string, number>();
  components.forEach((c, i) => c.forEach((k) => componentOf.set(k, i)));
  // parents before children: edges go parent component → child component
  const componentEdges: [string, string][] = [];
  for (const [child, parents] of adjacency) {
    for (const p of parents) {
      const a = componentOf.get(p)!;
      const b = componentOf.get(child)!;
      if (a !== b) componentEdges.push([String(a), String(b)]);
    }
  }
  componentEdges.push(...triggerEdges(seeded, componentOf, componentEdges));
  const componentOrder = toposort.array(components.map((_, i) => String(i)), componentEdges).map(Number);

  const byKey = new Map(seeded.map((t) => [t.key, t]));
  const steps: PlanStep[] = [];
  const cycles: CycleReport[] = [];
  const deferred = new Map<string, { nullable: string[]; deferrable: string[] }>();
  for (const ci of componentOrder) {
    const members = components[ci]!.slice().sort();
    if (members.length === 1) {
      steps.push({ kind: 'copy', table: members[0]! });
      continue;
    }
    const edges: CycleEdge[] = members.flatMap((child) =>
      byKey.get(child)!.foreignKeys
        .filter((fk) => parentKey(fk) !== child && members.includes(parentKey(fk)))
        .map((fk) => ({
          child, parent: parentKey(fk), fk, deferrable: fk.deferrable,
          nullable: fkNullFirst(byKey.get(child)!, fk) && addressable(byKey.get(child)!),
        })));
    const broken = breakCycle(members, edges);
    if (!broken) {
      steps.push({ kind: 'insert-together', tables: members });
      cycles.push({ tables: members, strategy: 'single-statement', edges: [] });
      continue;
    }
    const removed = new Set(broken.removed);
    const inner = edges.filter((e) => !removed.has(e)).map((e): [string, string] => [e.parent, e.child]);
    for (const key of toposort.array(members, inner)) steps.push({ kind: 'copy', table: key });
    const updates = new Map<string, string[]>();
    for (const e of broken.removed) {
      const entry = deferred.get(e.child) ?? { nullable: [], deferrable: [] };
      if (e.deferrable) entry.deferrable.push(e.fk.name);
      else {
        entry.nullable.push(e.fk.name);
        updates.set(e.child, [...(updates.get(e.child) ?? []), e.fk.name]);
      }
      deferred.set(e.child, entry);
    }
    for (const [table, foreignKeys] of updates) steps.push({ kind: 'update', table, foreignKeys });
    cycles.push({
      tables: members,
      strategy: 'deferred-edges',
      edges: broken.removed.map((e) => ({ table: e.child, foreignKey: e.fk.name, how: e.deferrable ? 'deferred-constraint' : 'null-then-update' })),
    });
  }
  return { steps, cycles, deferred };
}

/** An UPDATE can find a row again only through a key. */
function addressable(table: TableModel): boolean {
  return table.table.primaryKey !== null || table.table.uniques.some((u) => u.predicate === null && u.parts.every((p) => 'column' in p) && u.columns.every((c) => table.table.columns.find((x) => x.name === c)?.notNull));
}

/** Rows per seeded table: the base count, capped by what its radix key can hold. */
function countRows(
  model: SeedModel,
  selection: Selection,
  existing: ExistingState,
  base: number,
  steps: readonly PlanStep[],
  tableRows?: Readonly<Record<string, number>>,
): { counts: Map<string, number>; capacity: Map<string, { rows: number; key: string }> } {
  const counts = new Map<string, number>();
  const capacity = new Map<string, { rows: number; key: string }>();
  const byKey = new Map(model.tables.map((t) => [t.key, t]));
  const rowsOf = (key: string) =>
    selection.mode.get(key) === 'seed' ? counts.get(key) ?? tableRows?.[key] ?? base : existing.rows.get(key) ?? 0;
  const ordered = steps.flatMap((s) => (s.kind === 'copy' ? [s.table] : s.kind === 'insert-together' ? s.tables : []));
  const depth = new Map<string, number>();
  const referenced = new Set(model.tables.flatMap((t) => t.foreignKeys.map(parentKey)));
  for (const key of ordered) {
    const t = byKey.get(key)!;
    // parents come first in `ordered`; a parent in the same cycle has no depth yet and counts as 0
    const d = Math.max(-1, ...t.foreignKeys.filter((f) => !isImplicit(f) && parentKey(f) !== key).map((f) => depth.get(parentKey(f)) ?? -1)) + 1;
    depth.set(key, d);
    let rows = tableRows?.[key] ?? naturalRows(t, d, referenced.has(key), base);
    // perParent fan-out decides the count: the sum of every parent's children
    const fanFk = Object.keys(t.perParent)[0];
    if (fanFk) {
      const fk = t.foreignKeys.find((f) => f.name === fanFk);
      if (fk) rows = new FanOut(model.seed, key, fanFk, rowsOf(parentKey(fk)), t.perParent[fanFk]!).total;
    }
    for (const radix of t.radixKeys) {
      let cap = 1;
      for (const fkName of radix.foreignKeys) {
        const fk = t.foreignKeys.find((f) => f.name === fkName)!;
        cap *= parentKey(fk) === key ? base : rowsOf(parentKey(fk));
      }
      for (const c of radix.finiteColumns) {
        const gen = t.columns.find((x) => x.name === c)?.generator;
        cap *= gen?.kind === 'pick' ? gen.values.length : 2;
      }
      if (cap < rows) {
        rows = cap;
        capacity.set(key, { rows: cap, key: radix.name });
      }
    }
    for (const c of t.columns) {
      const cap = c.injective ? injectiveCapacity(c) : null;
      if (cap !== null && cap < rows) {
        rows = cap;
        capacity.set(key, { rows: cap, key: `${c.name} (${c.column.type.sql})` });
      }
    }
    counts.set(key, rows);
  }
  return { counts, capacity };
}

/** How many distinct values an injective column's type can hold (null: more than anyone seeds). */
function injectiveCapacity(c: ColumnModel): number | null {
  const t = c.column.type;
  const max = typeof c.domain?.max === 'number' ? c.domain.max : null;
  const bound = (typeMax: number) => Math.max(0, Math.floor(Math.min(typeMax, max ?? typeMax)));
  switch (t.base) {
    case 'int2': return bound(32767);
    case 'int4': return bound(2147483647);
    case 'numeric': return t.precision === null ? (max === null ? null : bound(max)) : bound(10 ** (t.precision - Math.max(t.scale ?? 0, 0)) - 1);
    case 'varchar':
    case 'bpchar':
      return t.length !== null && t.length <= 12 ? 36 ** t.length : null;
    default: return null;
  }
}
