import { describe, expect, it } from 'vitest';
import type { Table } from '../../src/catalog.js';
import { inferModel } from '../../src/inference/infer.js';
import { buildPlan } from '../../src/planner/build-plan.js';
import { breakCycle, type CycleEdge } from '../../src/planner/cycles.js';
import { isAcyclic, stronglyConnected } from '../../src/planner/graph.js';
import type { Plan, PlanOptions } from '../../src/planner/plan-types.js';
import { catalog, col, fk, idCol, table, unique } from './helpers/catalog-builder.js';

const sets = (components: string[][]) => components.map((c) => [...c].sort().join(',')).sort();

describe('stronglyConnected / isAcyclic', () => {
  const edges = new Map([['a', ['b']], ['b', ['c']], ['c', ['a', 'd']], ['d', ['d']], ['e', []]]);

  it('finds a 3-cycle, a self-loop and an isolated node as separate components', () => {
    expect(sets(stronglyConnected(['a', 'b', 'c', 'd', 'e'], edges))).toEqual(['a,b,c', 'd', 'e']);
  });

  it('emits components in reverse topological order (targets first)', () => {
    const order = stronglyConnected(['a', 'b', 'c', 'd', 'e'], edges).map((c) => [...c].sort().join(','));
    expect(order.indexOf('d')).toBeLessThan(order.indexOf('a,b,c'));
  });

  it('two cycles joined by one edge stay two components; a DAG gives singletons', () => {
    const g = new Map([['a', ['b']], ['b', ['a', 'c']], ['c', ['d']], ['d', ['c']]]);
    expect(sets(stronglyConnected(['a', 'b', 'c', 'd'], g))).toEqual(['a,b', 'c,d']);
    const dag = new Map([['a', ['b', 'c']], ['b', ['c']]]);
    expect(sets(stronglyConnected(['a', 'b', 'c'], dag))).toEqual(['a', 'b', 'c']);
  });

  it('handles a 50,000-node chain without overflowing the stack', () => {
    const n = 50_000;
    const nodes = Array.from({ length: n }, (_, i) => `t${i}`);
    const chain = new Map(nodes.slice(0, -1).map((k, i) => [k, [nodes[i + 1]!]]));
    chain.set(nodes[n - 1]!, [nodes[0]!]);
    expect(stronglyConnected(nodes, chain)).toHaveLength(1);
  });

  it('isAcyclic ignores self-loops but not longer cycles', () => {
    expect(isAcyclic(['a'], [['a', 'a']])).toBe(true);
    expect(isAcyclic(['a', 'b'], [['a', 'b']])).toBe(true);
    expect(isAcyclic(['a', 'b', 'c'], [['a', 'b'], ['b', 'c'], ['c', 'a']])).toBe(false);
  });
});

describe('breakCycle', () => {
  const edge = (child: string, parent: string, kind: 'deferrable' | 'nullable' | 'fixed'): CycleEdge => ({
    child, parent, fk: fk(`${child}_${parent}_fk`, [`${parent}_id`], parent), deferrable: kind === 'deferrable', nullable: kind === 'nullable',
  });
  const names = (b: ReturnType<typeof breakCycle>) => b?.removed.map((e) => e.fk.name).sort() ?? null;

  it('prefers a deferrable edge (cost 1) over a nullable one (cost 2)', () => {
    expect(names(breakCycle(['a', 'b'], [edge('a', 'b', 'nullable'), edge('b', 'a', 'deferrable')]))).toEqual(['b_a_fk']);
  });

  it('in a 3-cycle, removes only the cheapest edge', () => {
    const edges = [edge('a', 'b', 'nullable'), edge('b', 'c', 'nullable'), edge('c', 'a', 'deferrable')];
    expect(names(breakCycle(['a', 'b', 'c'], edges))).toEqual(['c_a_fk']);
  });

  it('one shared edge breaking two cycles beats one edge per cycle', () => {
    // cycles a→b→a and a→b→c→a share a→b
    const edges = [edge('a', 'b', 'nullable'), edge('b', 'a', 'nullable'), edge('b', 'c', 'nullable'), edge('c', 'a', 'nullable')];
    expect(names(breakCycle(['a', 'b', 'c'], edges))).toEqual(['a_b_fk']);
  });

  it('two nullable edges cost more than three deferrable ones', () => {
    const edges = [edge('a', 'b', 'nullable'), edge('b', 'a', 'deferrable'), edge('b', 'c', 'nullable'), edge('c', 'b', 'deferrable')];
    expect(names(breakCycle(['a', 'b', 'c'], edges))).toEqual(['b_a_fk', 'c_b_fk']);
  });

  it('null when every edge is NOT NULL and not deferrable, or the breakable ones do not suffice', () => {
    expect(breakCycle(['a', 'b'], [edge('a', 'b', 'fixed'), edge('b', 'a', 'fixed')])).toBeNull();
    const edges = [edge('a', 'b', 'nullable'), edge('b', 'a', 'fixed'), edge('b', 'c', 'fixed'), edge('c', 'b', 'fixed')];
    expect(breakCycle(['a', 'b', 'c'], edges)).toBeNull();
  });
});

async function plan(tables: Table[], options: PlanOptions = { rows: 10 }, existing: Record<string, number> = {}): Promise<Plan> {
  const model = await inferModel(catalog(tables), { seed: 1 });
  return buildPlan(model, { rows: new Map(Object.entries(existing)) }, options);
}
const copied = (p: Plan) => p.steps.flatMap((s) => (s.kind === 'copy' ? [s.table] : s.kind === 'insert-together' ? s.tables : []));
const planned = (p: Plan, key: string) => p.tables.find((t) => t.key === key)!;

const users = table('users', [idCol(), col('email', 'text', { notNull: true })], { pk: ['id'] });
const products = table('products', [idCol(), col('name', 'text')], { pk: ['id'] });
const orders = table('orders', [idCol(), col('user_id', 'int4', { notNull: true })], { pk: ['id'], foreignKeys: [fk('orders_user_fk', ['user_id'], 'users')] });
const items = table('order_items', [idCol(), col('order_id', 'int4', { notNull: true }), col('product_id', 'int4', { notNull: true })], {
  pk: ['id'], foreignKeys: [fk('items_order_fk', ['order_id'], 'orders'), fk('items_product_fk', ['product_id'], 'products')],
});

/** Two tables pointing at each other; `kind` decides how the cycle can be broken. */
function pair(kind: 'nullable' | 'deferrable' | 'fixed'): Table[] {
  const make = (name: string, other: string) => table(name, [idCol(), col(`${other}_id`, 'int4', { notNull: kind !== 'nullable' })], {
    pk: ['id'], foreignKeys: [fk(`${name}_${other}_fk`, [`${other}_id`], other, ['id'], { deferrable: kind === 'deferrable' })],
  });
  return [make('a', 'b'), make('b', 'a')];
}

describe('buildPlan: order and cycles', () => {
  it('parents come before children; every table is copied once', async () => {
    const p = await plan([items, orders, products, users]);
    const order = copied(p);
    expect([...order].sort()).toEqual(['public.order_items', 'public.orders', 'public.products', 'public.users']);
    expect(order.indexOf('public.users')).toBeLessThan(order.indexOf('public.orders'));
    expect(order.indexOf('public.orders')).toBeLessThan(order.indexOf('public.order_items'));
    expect(order.indexOf('public.products')).toBeLessThan(order.indexOf('public.order_items'));
    expect(p.cycles).toEqual([]);
    expect(p.tables.every((t) => t.mode === 'seed')).toBe(true);
    // counts follow the FK structure: roots get the base count, children more (depth 1: ×1.5, 2: ×2)
    expect(planned(p, 'public.users').rows).toBe(10);
    expect(planned(p, 'public.orders').rows).toBe(15);
    expect(planned(p, 'public.order_items').rows).toBe(20);
  });

  it('a nullable 2-table cycle: one FK written NULL, then an update step', async () => {
    const p = await plan(pair('nullable'));
    const deferred = p.tables.filter((t) => t.deferredFks.length > 0);
    expect(deferred).toHaveLength(1);
    const [child] = deferred;
    expect(p.steps.filter((s) => s.kind === 'update')).toEqual([{ kind: 'update', table: child!.key, foreignKeys: child!.deferredFks }]);
    // the table with the NULL-first FK is copied first, the update comes after both copies
    expect(p.steps.map((s) => s.kind)).toEqual(['copy', 'copy', 'update']);
    expect(p.steps[0]).toEqual({ kind: 'copy', table: child!.key });
    expect(p.cycles).toEqual([{ tables: ['public.a', 'public.b'], strategy: 'deferred-edges', edges: [{ table: child!.key, foreignKey: child!.deferredFks[0], how: 'null-then-update' }] }]);
  });

  it('a deferrable NOT NULL cycle: deferred constraint, no update', async () => {
    const p = await plan(pair('deferrable'));
    expect(p.tables.flatMap((t) => t.deferredConstraints)).toHaveLength(1);
    expect(p.tables.flatMap((t) => t.deferredFks)).toEqual([]);
    expect(p.steps.map((s) => s.kind)).toEqual(['copy', 'copy']);
    expect(p.cycles[0]?.edges[0]?.how).toBe('deferred-constraint');
  });

  it('a NOT NULL, non-deferrable cycle: both tables in one insert-together step', async () => {
    const p = await plan(pair('fixed'));
    expect(p.steps).toEqual([{ kind: 'insert-together', tables: ['public.a', 'public.b'] }]);
    expect(p.cycles).toEqual([{ tables: ['public.a', 'public.b'], strategy: 'single-statement', edges: [] }]);
  });
});

describe('buildPlan: what triggers read', () => {
  const trigger = (source: string): Table['triggers'][number] => ({
    name: 'guard', timing: 'before', events: ['insert'], level: 'row', constraint: false, deferrable: false,
    initiallyDeferred: false, enabled: 'origin', function: 'public.guard', functionSource: source,
  });
  const allowed = table('allowed', [idCol(), col('tag', 'text', { notNull: true })], { pk: ['id'] });
  const guarded = (source: string) => table('a_guarded', [idCol(), col('tag', 'text', { notNull: true })], { pk: ['id'], triggers: [trigger(source)] });

  it('a table whose INSERT trigger reads another is seeded after it', async () => {
    const source = "BEGIN IF NOT EXISTS (SELECT 1 FROM public.allowed a WHERE a.tag = NEW.tag) THEN RAISE EXCEPTION 'no'; END IF; RETURN NEW; END";
    const order = copied(await plan([guarded(source), allowed]));
    expect(order).toEqual(['public.allowed', 'public.a_guarded']);
    // without the trigger, the tables keep their own order
    expect(copied(await plan([guarded('BEGIN RETURN NEW; END'), allowed]))).toEqual(['public.a_guarded', 'public.allowed']);
  });

  it('foreign keys win over what a trigger reads; DELETE FROM, comments and strings are not reads', async () => {
    const child = table('allowed', [idCol(), col('g_id', 'int4', { notNull: true })], { pk: ['id'], foreignKeys: [fk('allowed_g_fk', ['g_id'], 'a_guarded')] });
    const reads = "BEGIN PERFORM 1 FROM allowed; RETURN NEW; END";
    expect(copied(await plan([guarded(reads), child]))).toEqual(['public.a_guarded', 'public.allowed']);
    const noReads = "BEGIN DELETE FROM allowed; -- FROM allowed\n RAISE NOTICE 'join allowed'; /* from allowed */ RETURN NEW; END";
    expect(copied(await plan([guarded(noReads), allowed]))).toEqual(['public.a_guarded', 'public.allowed']);
  });
});

describe('buildPlan: selection', () => {
  const events = table('events', [idCol(), col('at', 'timestamptz', { notNull: true })], {
    kind: 'partitioned', pk: ['id', 'at'], partitionKey: { strategy: 'range', definition: 'RANGE (at)', columns: ['at'] },
  });
  const evFk = (name: string) => fk(name, ['event_id', 'event_at'], 'events', ['id', 'at']);
  const needs = table('attendance', [idCol(), col('event_id', 'int4', { notNull: true }), col('event_at', 'timestamptz', { notNull: true })], { pk: ['id'], foreignKeys: [evFk('att_event_fk')] });
  const mentions = table('mentions', [idCol(), col('event_id', 'int4'), col('event_at', 'timestamptz')], { pk: ['id'], foreignKeys: [evFk('men_event_fk')] });

  it('a partitioned table without partitions is skipped with a fix; NOT NULL children too; nullable ones get nullFks', async () => {
    const p = await plan([events, needs, mentions]);
    expect(planned(p, 'public.events').mode).toBe('skip');
    expect(planned(p, 'public.events').skip?.fix).toBe('CREATE TABLE "public"."events_default" PARTITION OF "public"."events" DEFAULT;');
    expect(planned(p, 'public.attendance').mode).toBe('skip');
    expect(planned(p, 'public.attendance').skip?.reason).toContain('att_event_fk');
    expect(planned(p, 'public.mentions')).toMatchObject({ mode: 'seed', nullFks: ['men_event_fk'] });
    expect(copied(p)).toEqual(['public.mentions']);
    expect(p.warnings.join('\n')).toContain('PARTITION OF "public"."events" DEFAULT');
  });

  it('--tables pulls in the parents a NOT NULL FK needs, and nothing else', async () => {
    const p = await plan([users, products, orders, items], { rows: 10, tables: ['orders'] });
    expect(planned(p, 'public.orders')).toMatchObject({ mode: 'seed', required: false });
    expect(planned(p, 'public.users')).toMatchObject({ mode: 'seed', required: true });
    expect(planned(p, 'public.products').mode).toBe('skip');
    expect(planned(p, 'public.order_items').mode).toBe('skip');
    expect(copied(p)).toEqual(['public.users', 'public.orders']);
  });

  it('an excluded table with rows is existing: referenced, not seeded', async () => {
    const p = await plan([users, orders], { rows: 10, exclude: ['users'] }, { 'public.users': 5 });
    expect(planned(p, 'public.users')).toMatchObject({ mode: 'existing', rows: 5 });
    expect(copied(p)).toEqual(['public.orders']);
  });

  it('an unknown table name is a usage error suggesting near names', async () => {
    await expect(plan([users, orders], { rows: 10, tables: ['user'] })).rejects.toThrow(/Did you mean public\.users/);
    await expect(plan([users, orders], { rows: 10, exclude: ['nope'] })).rejects.toThrow(/No table "nope"/);
  });
});

describe('buildPlan: capacity', () => {
  it('a junction table keyed by two FKs holds at most parentA × parentB rows', async () => {
    const students = table('students', [idCol()], { pk: ['id'] });
    const courses = table('courses', [idCol()], { pk: ['id'] });
    const enrol = table('enrollments', [col('student_id', 'int4', { notNull: true }), col('course_id', 'int4', { notNull: true })], {
      pk: ['student_id', 'course_id'], foreignKeys: [fk('en_student_fk', ['student_id'], 'students'), fk('en_course_fk', ['course_id'], 'courses')],
    });
    const p = await plan([students, courses, enrol], { rows: 50, exclude: ['students', 'courses'] }, { 'public.students': 3, 'public.courses': 4 });
    expect(planned(p, 'public.enrollments')).toMatchObject({ rows: 12, capacity: { rows: 12, key: 'enrollments_pkey' } });
    expect(p.warnings.some((w) => w.includes('public.enrollments holds at most 12 rows'))).toBe(true);
    // with enough parents nothing caps it
    const roomy = await plan([students, courses, enrol], { rows: 5 });
    expect(planned(roomy, 'public.enrollments')).toMatchObject({ rows: 8, capacity: null });
  });

  it('a unique boolean column caps the table at 2 rows', async () => {
    const flags = table('settings', [idCol(), col('is_default', 'bool', { notNull: true })], { pk: ['id'], uniques: [unique('settings_default_key', ['is_default'])] });
    const p = await plan([flags], { rows: 10 });
    expect(planned(p, 'public.settings')).toMatchObject({ rows: 2, capacity: { rows: 2, key: 'settings_default_key' } });
  });
});
