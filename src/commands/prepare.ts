import type { Catalog, QualifiedName } from '../catalog.js';
import type { Queryable } from '../db/queryable.js';
import { inferModel } from '../inference/infer.js';
import { applyOverrides, planOptionsFromOverrides } from '../overrides/apply.js';
import type { LoadedOverrides } from '../overrides/load.js';
import type { SeedModel } from '../inference/model.js';
import { buildPlan } from '../planner/build-plan.js';
import type { Plan } from '../planner/plan-types.js';
import { type RowOverrides, withRowOverrides } from '../planner/row-overrides.js';
import type { GenerationInputs } from '../writer/generate/inputs.js';
import { countRows, keyStarts, sampleExistingKeys } from '../writer/probe.js';

export interface PrepareOptions {
  seed: number;
  rows: number;
  /** The password password-hash columns get the bcrypt hash of (AUTOSEED_PASSWORD). */
  password?: string;
  tables?: readonly string[];
  exclude?: readonly string[];
  /** overrides.ts, loaded: applied to the model; its per-table rows and skips join the plan options. */
  overrides?: LoadedOverrides;
  /** Per-table counts chosen in the terminal UI's picker; they win over the overrides file. */
  rowOverrides?: RowOverrides;
}

export interface Prepared {
  model: SeedModel;
  plan: Plan;
  inputs: GenerationInputs;
}

/** Introspected catalog → model → plan, plus what generation needs to know of existing rows. */
export async function prepare(q: Queryable, catalog: Catalog, options: PrepareOptions): Promise<Prepared> {
  const rows = await countRows(q, catalog);
  const { model, plan } = await modelAndPlan(catalog, options, rows);
  const seeded = new Set<QualifiedName>(plan.tables.filter((t) => t.mode === 'seed').map((t) => t.key));
  const existing = new Set<QualifiedName>(plan.tables.filter((t) => t.mode === 'existing').map((t) => t.key));
  const inputs: GenerationInputs = {
    model,
    plan,
    keyStart: await keyStarts(q, model, seeded, rows),
    existingKeys: await sampleExistingKeys(q, model, existing),
    existingRows: rows,
  };
  return { model, plan, inputs };
}

/**
 * The model and plan for `options` given the rows each table held: pure once the catalog is
 * read. The ledger rebuilds a past run's plan with this and the counts it recorded.
 */
export async function modelAndPlan(catalog: Catalog, options: PrepareOptions, rows: ReadonlyMap<QualifiedName, number>): Promise<{ model: SeedModel; plan: Plan }> {
  const inferred = await inferModel(catalog, { seed: options.seed, ...(options.password ? { password: options.password } : {}) });
  const loaded = options.overrides;
  const model = loaded ? applyOverrides(inferred, loaded.overrides, catalog, loaded.file, loaded.path) : inferred;
  const plan = buildPlan(model, { rows }, withRowOverrides({
    rows: options.rows,
    ...(options.tables ? { tables: options.tables } : {}),
    ...(options.exclude ? { exclude: options.exclude } : {}),
    ...(loaded ? planOptionsFromOverrides(loaded.overrides, catalog, options) : {}),
  }, options.rowOverrides));
  return { model, plan };
}

/** `a,b , c` → ['a', 'b', 'c']; undefined when empty. */
export function splitList(value: string | undefined): string[] | undefined {
  const items = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return items.length > 0 ? items : undefined;
}
