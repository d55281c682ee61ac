import type { Catalog, QualifiedName } from '../catalog.js';
import { qualifiedName } from '../catalog.js';
import type { Queryable } from '../db/queryable.js';
import type { SeedModel } from '../inference/model.js';
import type { Plan } from '../planner/plan-types.js';
import { modelAndPlan, type PrepareOptions, type Prepared } from '../commands/prepare.js';
import type { ExistingKeys, GenerationInputs } from '../writer/generate/inputs.js';
import { sampleExistingKeys } from '../writer/probe.js';
import { matchKey, type StoredKeys } from './keys.js';
import type { RunDetail, RunDraft } from './store.js';

/**
 * The generation inputs of a past run, rebuilt from what the ledger stored: same catalog (its
 * fingerprint is checked by the caller), same seed and request, the row counts from before the
 * run, the key starts, and the samples key columns depended on. Every other input is recomputed,
 * so the generators give back the run's rows: resume continues them, rollback finds them.
 */
export async function inputsOfRun(
  q: Queryable,
  catalog: Catalog,
  run: RunDetail,
  /** The overrides file (its fingerprint checked against the run's by the caller) and the password hash input. */
  files: Pick<PrepareOptions, 'overrides' | 'password'>,
): Promise<Prepared> {
  const existingRows = new Map(Object.entries(run.existingRows));
  const request: PrepareOptions = {
    seed: run.seed,
    rows: run.options.rows,
    ...(run.options.tables ? { tables: run.options.tables } : {}),
    ...(run.options.exclude ? { exclude: run.options.exclude } : {}),
    ...(run.options.rowOverrides ? { rowOverrides: run.options.rowOverrides } : {}),
    ...(files.overrides ? { overrides: files.overrides } : {}),
    ...(files.password ? { password: files.password } : {}),
  };
  const { model, plan } = await modelAndPlan(catalog, request, existingRows);
  const keyStart = new Map(run.tables.map((t) => [t.table, new Map(Object.entries(t.keyStart))]));
  const existing = new Set(plan.tables.filter((t) => t.mode === 'existing').map((t) => t.key));
  // parents the run's keys did not depend on are sampled again: any of their rows is a valid reference
  const existingKeys = await sampleExistingKeys(q, model, existing);
  for (const [key, stored] of Object.entries(run.existingKeys)) existingKeys.set(key, stored);
  const inputs: GenerationInputs = { model, plan, keyStart, existingKeys, existingRows };
  return { model, plan, inputs };
}

/** What the ledger records of a new run's inputs: counts before it, key starts, and the samples its keys depend on. */
export function draftInputs(prepared: Prepared): Pick<RunDraft, 'existingRows' | 'existingKeys' | 'tables'> {
  const { model, plan, inputs } = prepared;
  const seeded = plan.tables.filter((t) => t.mode === 'seed');
  const order = seededOrder(plan);
  return {
    existingRows: Object.fromEntries(inputs.existingRows),
    existingKeys: Object.fromEntries([...keySamples(model, plan, inputs.existingKeys)].map(([k, v]) => [k, toStoredKeys(v)])),
    tables: seeded.map((t) => ({
      table: t.key,
      position: order.get(t.key) ?? 0,
      plannedRows: t.rows,
      rows: 0,
      status: 'pending' as const,
      method: null,
      keyStart: Object.fromEntries(inputs.keyStart.get(t.key) ?? []),
      keys: null,
    })),
  };
}

/** Position of each seeded table in the plan's steps. */
export function seededOrder(plan: Plan): Map<QualifiedName, number> {
  const order = new Map<QualifiedName, number>();
  for (const step of plan.steps) {
    const tables = step.kind === 'copy' ? [step.table] : step.kind === 'insert-together' ? step.tables : [];
    for (const t of tables) if (!order.has(t)) order.set(t, order.size);
  }
  return order;
}

/**
 * Samples of pre-existing parents that a seeded table's match key (or, without one, its whole
 * row) was drawn from: they cannot be sampled again later (the parent may have changed), and
 * rollback needs them to recompute those keys. Other samples are not stored.
 */
function keySamples(model: SeedModel, plan: Plan, samples: ReadonlyMap<QualifiedName, ExistingKeys>): Map<QualifiedName, ExistingKeys> {
  const mode = new Map(plan.tables.map((t) => [t.key, t.mode]));
  const needed = new Map<QualifiedName, ExistingKeys>();
  for (const t of model.tables) {
    if (mode.get(t.key) !== 'seed') continue;
    const key = matchKey(t.table);
    for (const fk of t.foreignKeys) {
      const parent = qualifiedName(fk.references.schema, fk.references.table);
      const sample = samples.get(parent);
      if (mode.get(parent) !== 'existing' || !sample) continue;
      if (key === null || fk.columns.some((c) => key.includes(c))) needed.set(parent, sample);
    }
  }
  return needed;
}

function toStoredKeys(sample: ExistingKeys): StoredKeys {
  // samples are read as text (probe.ts), so they are stored as they are
  return { columns: sample.columns, rows: sample.rows.map((r) => r.map((v) => (v === null ? null : String(v)))) };
}
