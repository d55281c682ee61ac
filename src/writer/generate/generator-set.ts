import type { QualifiedName } from '../../catalog.js';
import { qualifiedName } from '../../catalog.js';
import type { Faker } from '@faker-js/faker';
import { SeededFaker } from '../../inference/faker-context.js';
import { hashString, streamSeed } from '../../inference/rng.js';

/** Values per pool: plenty of variety, built in milliseconds. */
const POOL_SIZE = 2048;
import type { TableModel } from '../../inference/model.js';
import type { PlannedTable } from '../../planner/plan-types.js';
import type { GenerationInputs } from './inputs.js';
import { TableGenerator } from './table-generator.js';

/** The row generators of one run, built on first use (children ask for their parents). */
export class GeneratorSet {
  private readonly generators = new Map<QualifiedName, TableGenerator>();
  private readonly plannedByKey: Map<QualifiedName, PlannedTable>;
  private readonly modelByKey;
  private readonly dependencies = new Map<string, boolean>();
  private readonly pools = new Map<string, readonly string[]>();
  private readonly poolFaker = new SeededFaker();

  constructor(readonly inputs: GenerationInputs) {
    this.plannedByKey = new Map(inputs.plan.tables.map((t) => [t.key, t]));
    this.modelByKey = new Map(inputs.model.tables.map((t) => [t.key, t]));
  }

  /** The run-wide pool for `key`, built on first use from a faker seeded by (seed, key). */
  pool(key: string, make: (faker: Faker) => string): readonly string[] {
    let pool = this.pools.get(key);
    if (!pool) {
      const sf = this.poolFaker.at(streamSeed(this.seed, hashString('pool'), hashString(key), 0));
      pool = Array.from({ length: POOL_SIZE }, () => make(sf.faker));
      this.pools.set(key, pool);
    }
    return pool;
  }

  /** Does generating `table` (through its FKs, transitively) read values of `target`? */
  dependsOn(table: QualifiedName, target: QualifiedName): boolean {
    const key = `${table}\u0000${target}`;
    let answer = this.dependencies.get(key);
    if (answer === undefined) {
      const seen = new Set<string>();
      const stack = [table];
      answer = false;
      while (stack.length > 0) {
        const node = stack.pop()!;
        if (node === target) {
          answer = true;
          break;
        }
        if (seen.has(node)) continue;
        seen.add(node);
        for (const fk of this.modelByKey.get(node)?.foreignKeys ?? []) stack.push(qualifiedName(fk.references.schema, fk.references.table));
      }
      this.dependencies.set(key, answer);
    }
    return answer;
  }

  get seed(): number {
    return this.inputs.model.seed;
  }

  planned(key: QualifiedName): PlannedTable | undefined {
    return this.plannedByKey.get(key);
  }

  /** The model of a table of the run (seeded or not). */
  model(key: QualifiedName): TableModel | undefined {
    return this.modelByKey.get(key);
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
