import type { Catalog, QualifiedName } from '../catalog.js';
import type { Queryable } from '../db/queryable.js';
import { inferModel } from '../inference/infer.js';
import type { SeedModel } from '../inference/model.js';
import { buildPlan } from '../planner/build-plan.js';
import type { Plan } from '../planner/plan-types.js';
import type { GenerationInputs } from '../writer/generate/inputs.js';
import { countRows, keyStarts, sampleExistingKeys } from '../writer/probe.js';

export interface PrepareOptions {
  seed: number;
  rows: number;
  tables?: readonly string[];
  exclude?: readonly string[];
}

export interface Prepared {
  model: SeedModel;
  plan: Plan;
  inputs: GenerationInputs;
}

/** Introspected catalog → model → plan, plus what generation needs to know of existing rows. */
export async function prepare(q: Queryable, catalog: Catalog, options: PrepareOptions): Promise<Prepared> {
  const model = await inferModel(catalog, { seed: options.seed });
  const rows = await countRows(q, catalog);
  const plan = buildPlan(model, { rows }, {
    rows: options.rows,
    ...(options.tables ? { tables: options.tables } : {}),
    ...(options.exclude ? { exclude: options.exclude } : {}),
  });
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

/** `a,b , c` → ['a', 'b', 'c']; undefined when empty. */
export function splitList(value: string | undefined): string[] | undefined {
  const items = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return items.length > 0 ? items : undefined;
}
