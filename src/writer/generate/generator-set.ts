import type { QualifiedName } from '../../catalog.js';
import type { PlannedTable } from '../../planner/plan-types.js';
import type { GenerationInputs } from './inputs.js';
import { TableGenerator } from './table-generator.js';

/** The row generators of one run, built on first use (children ask for their parents). */
export class GeneratorSet {
  private readonly generators = new Map<QualifiedName, TableGenerator>();
  private readonly plannedByKey: Map<QualifiedName, PlannedTable>;
  private readonly modelByKey;

  constructor(readonly inputs: GenerationInputs) {
    this.plannedByKey = new Map(inputs.plan.tables.map((t) => [t.key, t]));
    this.modelByKey = new Map(inputs.model.tables.map((t) => [t.key, t]));
  }

  get seed(): number {
    return this.inputs.model.seed;
  }

  planned(key: QualifiedName): PlannedTable | undefined {
    return this.plannedByKey.get(key);
  }

  generator(key: QualifiedName): TableGenerator | undefined {
    let g = this.generators.get(key);
    if (!g) {
      const model = this.modelByKey.get(key);
      if (!model) return undefined;
      g = new TableGenerator(model, this);
      this.generators.set(key, g);
    }
    return g;
  }
}
