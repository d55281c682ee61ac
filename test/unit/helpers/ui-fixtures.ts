import type { Table } from '../../../src/catalog.js';
import type { SeedEvent } from '../../../src/events.js';
import { inferModel } from '../../../src/inference/infer.js';
import type { SeedModel } from '../../../src/inference/model.js';
import { buildPlan } from '../../../src/planner/build-plan.js';
import type { Plan } from '../../../src/planner/plan-types.js';
import { withRowOverrides } from '../../../src/planner/row-overrides.js';
import type { Connected, Selection, UiBackend, VerifyResult } from '../../../src/ui/backend.js';
import { initialState, reduce } from '../../../src/ui/state.js';
import type { UiAction, UiState } from '../../../src/ui/state-types.js';
import { catalog, col, fk, idCol, table } from './catalog-builder.js';

/**
 * A small shop for the UI tests: orders need users (NOT NULL FK), countries already hold 12 rows,
 * a partitioned table without partitions cannot hold rows, and one table has a very long name.
 */
export const SHOP: Table[] = [
  table('users', [idCol(), col('email', 'text', { notNull: true })], { pk: ['id'] }),
  table('orders', [idCol(), col('user_id', 'int4', { notNull: true }), col('country_id', 'int4')], {
    pk: ['id'],
    foreignKeys: [fk('orders_user_fk', ['user_id'], 'users'), fk('orders_country_fk', ['country_id'], 'countries')],
  }),
  table('countries', [idCol(), col('name', 'text', { notNull: true })], { pk: ['id'] }),
  table('events', [idCol(), col('at', 'timestamptz')], { kind: 'partitioned', partitions: [] }),
  table('customer_loyalty_programme_membership_history_entries', [idCol()], { pk: ['id'] }),
];

export const BASE_ROWS = 100;
export const EXISTING = new Map([['public.countries', 12]]);

export async function shopModel(tables: Table[] = SHOP): Promise<SeedModel> {
  return inferModel(catalog(tables), { seed: 1 });
}

/** The plan the real planner makes for a selection of the shop. */
export function planFor(model: SeedModel, selection: Selection): Plan {
  return buildPlan(model, { rows: EXISTING }, withRowOverrides({ rows: BASE_ROWS, tables: selection.tables }, selection.rows));
}

export function connectedShop(model: SeedModel): Connected {
  const tables = model.tables.map((t) => ({ key: t.key, schema: t.table.schema, name: t.table.name, existingRows: EXISTING.get(t.key) ?? 0 }));
  const selected = tables.map((t) => t.key);
  return { database: 'shop', tables, selected, plan: planFor(model, { tables: selected, rows: {} }), pii: null };
}

/** Planned rows of a shop table (the planner decides: natural volumes, lookups, caps). */
export function rowsIn(plan: Plan, name: string): number {
  return plan.tables.find((t) => t.key === `public.${name}`)!.rows;
}

/** Rows the plan seeds in all. */
export function seededRows(plan: Plan): number {
  return plan.tables.filter((t) => t.mode === 'seed').reduce((n, t) => n + t.rows, 0);
}

/** The state after connecting to the shop, on the picker. */
export async function pickState(size = { columns: 80, rows: 24 }): Promise<UiState> {
  const start = initialState({ target: 'me@localhost:5432/shop', verify: true, ...size, now: 0 });
  return reduce(start, { type: 'connected', data: connectedShop(await shopModel()) });
}

export function apply(state: UiState, ...actions: UiAction[]): UiState {
  return actions.reduce(reduce, state);
}

/** The events a writer emits for a plan: start, two progress steps and done per table, run-done. */
export function runEvents(plan: Plan): SeedEvent[] {
  const seeded = plan.tables.filter((t) => t.mode === 'seed');
  const rows = seeded.reduce((n, t) => n + t.rows, 0);
  const events: SeedEvent[] = [{ type: 'run-start', seed: plan.seed, tables: seeded.length, rows, steps: plan.steps.length }];
  for (const t of seeded) {
    events.push({ type: 'table-start', table: t.key, rows: t.rows, method: 'copy' });
    events.push({ type: 'progress', table: t.key, rows: Math.floor(t.rows / 2), total: t.rows });
    events.push({ type: 'table-done', table: t.key, rows: t.rows, ms: 12, retried: 0 });
  }
  const skipped = Object.fromEntries(plan.tables.filter((t) => t.mode === 'skip').map((t) => [t.key, t.skip?.reason ?? 'not selected']));
  events.push({ type: 'run-done', tables: Object.fromEntries(seeded.map((t) => [t.key, t.rows])), rows, ms: 345, skipped, short: {} });
  return events;
}

export const CLEAN: VerifyResult = { checks: 9, violations: [], failures: [], ms: 20 };

/** A backend over the real planner with a scripted writer; `release()` lets the seed finish. */
export async function fakeBackend(verify: VerifyResult = CLEAN) {
  const model = await shopModel();
  const seeded: Selection[] = [];
  let release = () => undefined as void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const backend: UiBackend = {
    connect: async (status) => {
      status('Reading the schema');
      return connectedShop(model);
    },
    plan: async (selection) => planFor(model, selection),
    seed: async (selection, emit) => {
      seeded.push(selection);
      const events = runEvents(planFor(model, selection));
      for (const e of events.slice(0, 3)) emit(e);
      await gate;
      for (const e of events.slice(3)) emit(e);
    },
    verify: async () => verify,
    close: async () => undefined,
  };
  return { backend, seeded, release: () => release() };
}
