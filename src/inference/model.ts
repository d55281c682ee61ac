import type { Column, ForeignKey, QualifiedName, Table } from '../catalog.js';
import type { Const } from './checks/ast.js';
import type { GeneratorNeed, NonNullGroup, Relation, ValueDomain } from './domain.js';
import type { SemanticKind } from './kinds.js';
import type { SlotSpec } from './exclusions.js';
import type { PartitionSlot } from './partition-bounds.js';
import type { OverrideSite } from '../overrides/compile.js';
import type { OverrideContext } from '../overrides/types.js';
import type { ColumnTarget } from '../overrides/value-check.js';
import type { BuiltinBase } from './registry.js';

/** How a column gets its value. Plain data: `plan --json` prints it. */
export type GeneratorSpec =
  /** Left out of the insert: the server fills it (stored generated column). */
  | { kind: 'omit' }
  | { kind: 'null' }
  /** Copied from the referenced row of this foreign key. */
  | { kind: 'fk'; constraint: string }
  | { kind: 'semantic'; semantic: SemanticKind }
  | { kind: 'type'; base: BuiltinBase }
  | { kind: 'pick'; values: Const[] }
  | { kind: 'partition-key'; slots: PartitionSlot[]; base: BuiltinBase }
  /** No generator for this type: NULL when allowed, else the table cannot be seeded. */
  | { kind: 'unsupported'; type: string }
  /** From overrides.ts: a constant, a list, a function of the row, or a SQL expression. */
  | { kind: 'override'; override: CompiledOverride };

/** An overrides.ts function override: it sees the whole row, so the row must be computed. */
export function isFunctionOverride(spec: GeneratorSpec | undefined): boolean {
  return spec?.kind === 'override' && spec.override.kind === 'function';
}

/**
 * Where a function override was written, so that a worker thread can load it again (functions
 * are code: they do not cross threads). The file's entry as written (a bare or qualified table
 * name), the column, and what compileOverride checks its values against.
 */
export interface FunctionSource {
  readonly path: string;
  readonly entry: string;
  readonly column: string;
  readonly target: ColumnTarget;
  readonly site: OverrideSite;
}

/** An overrides.ts column override, ready for generation. */
export type CompiledOverride =
  | { readonly kind: 'constant'; readonly value: unknown }
  | { readonly kind: 'list'; readonly values: readonly unknown[] }
  | { readonly kind: 'function'; readonly fn: (ctx: OverrideContext) => unknown; readonly source?: FunctionSource }
  | { readonly kind: 'sql'; readonly sql: string };

export interface ColumnModel {
  readonly name: string;
  readonly column: Column;
  readonly generator: GeneratorSpec;
  /** Why this generator: `name:email`, `type:uuid`, `check:IN`, `enum`, `fk`, `generated`, … */
  readonly reason: string;
  /** Share of rows that get NULL (0 for NOT NULL columns). */
  readonly nullRate: number;
  readonly domain: ValueDomain | undefined;
  /** Each row gets a distinct value: this column carries a unique key's uniqueness. */
  readonly injective: boolean;
  /** Part of a key or referenced by an FK: never changes between attempts of a row. */
  readonly stable: boolean;
  /** Laid out in non-overlapping slots for an exclusion constraint. */
  readonly slot: SlotSpec | null;
}

/** A unique key (PK, unique constraint or unique index) whose columns are all FK or finite-domain. */
export interface RadixKey {
  readonly name: string;
  /** FKs whose parent rows must form distinct combinations. */
  readonly foreignKeys: readonly string[];
  /** Columns with a finite value set (enum, boolean, IN list). */
  readonly finiteColumns: readonly string[];
  /** FKs of an overlapping unique key that take the digit of one of this key's FKs. */
  readonly links: readonly { readonly foreignKey: string; readonly follows: string }[];
}

/** The partition an FK points at, as a condition on the partitioned parent's key column. */
export interface PartitionTarget {
  readonly keyColumn: string;
  readonly slot: PartitionSlot;
}

/** A CHECK PostgreSQL confirms per candidate row, with the columns it mentions. */
export interface UnverifiedCheck {
  readonly name: string;
  readonly expression: string;
  /** For a domain check: the column that VALUE stands for. */
  readonly column?: string;
  readonly mentions: readonly string[];
}

/** A CHECK the generators of its `needs` columns ensure: not confirmed per batch (generator-checks.ts). */
export interface GeneratorCheck extends UnverifiedCheck {
  readonly needs: readonly GeneratorNeed[];
}

export interface TableModel {
  readonly key: QualifiedName;
  readonly table: Table;
  readonly columns: readonly ColumnModel[];
  readonly relations: readonly Relation[];
  /** Column groups of which exactly one (or at least one) is set per row. */
  readonly nonNullGroups: readonly NonNullGroup[];
  /** CHECKs PostgreSQL must confirm for each candidate row. */
  readonly unverifiedChecks: readonly UnverifiedCheck[];
  /** CHECKs left out of `unverifiedChecks` because the columns' generators ensure them (absent: none). */
  readonly generatorChecks?: readonly GeneratorCheck[];
  /** FKs whose values this table writes (the table's own, minus those it cannot satisfy). */
  readonly foreignKeys: readonly ForeignKey[];
  /** Keys made only of FK and finite columns; no column belongs to two of them. */
  readonly radixKeys: readonly RadixKey[];
  /** FKs that point at one partition: only parent rows whose partition key lands there qualify. */
  readonly partitionTargets: Readonly<Record<string, PartitionTarget>>;
  /** Children per parent row, by FK name: [min, max] (overrides.ts perParent). */
  readonly perParent: Readonly<Record<string, readonly [number, number]>>;
  /** Some column is a SQL expression: rows go through INSERT, not COPY. */
  readonly insertOnly: boolean;
  /** A partitioned table one of whose partitions has CHECKs, FKs, triggers or partitions of its own. */
  readonly partitionsAddRules: boolean;
  /** Tables its INSERT triggers read: seeded before it where the foreign keys allow. */
  readonly triggerReads: readonly QualifiedName[];
  /**
   * FKs whose parent rows an INSERT trigger compares through another column of the parent
   * (`whitelist.attribute_type = attribute_type.root`), by FK name: that parent column. Only
   * parent rows whose key appears among the parent's values of it are chosen.
   */
  readonly triggerSteers: Readonly<Record<string, string>>;
  /** Why the table is not seeded, or null. */
  readonly skip: { reason: string; fix: string | null } | null;
}

export interface SeedModel {
  readonly seed: number;
  readonly tables: readonly TableModel[];
}
