import type { Faker } from '@faker-js/faker';
import type { QualifiedName } from '../../catalog.js';
import type { Value } from '../../inference/gen-context.js';
import type { SeedModel } from '../../inference/model.js';
import type { Plan, PlannedTable } from '../../planner/plan-types.js';
import type { TableGenerator } from './table-generator.js';

/** Everything row generation depends on: the same inputs give the same rows, byte for byte. */
export interface GenerationInputs {
  readonly model: SeedModel;
  readonly plan: Plan;
  /**
   * Per table and injective column, the key number the run starts after (the column's current
   * max for integers, the table's row count otherwise), so new keys never collide with old ones.
   */
  readonly keyStart: ReadonlyMap<QualifiedName, ReadonlyMap<string, number>>;
  /** For tables referenced but not seeded: a sample of their rows' referenced columns. */
  readonly existingKeys: ReadonlyMap<QualifiedName, ExistingKeys>;
  /** Row counts before the run. */
  readonly existingRows: ReadonlyMap<QualifiedName, number>;
}

/** Rows of an existing table, projected on the columns some FK references. */
export interface ExistingKeys {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Value[])[];
}

/** What a table's generator needs of the others (implemented by GeneratorSet). */
export interface GeneratorLookup {
  readonly seed: number;
  readonly inputs: GenerationInputs;
  generator(key: QualifiedName): TableGenerator | undefined;
  planned(key: QualifiedName): PlannedTable | undefined;
  /** Does generating `table` (through its FKs, transitively) read values of `target`? */
  dependsOn(table: QualifiedName, target: QualifiedName): boolean;
  /** A run-wide pool of costly values (see GenContext.pooled). */
  pool(key: string, make: (faker: Faker) => string): readonly string[];
}
