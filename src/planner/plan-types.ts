import type { QualifiedName } from '../catalog.js';

/** How a table takes part in a run. */
export interface PlannedTable {
  readonly key: QualifiedName;
  /** seed: rows are generated; existing: not seeded, its rows are referenced; skip: left alone. */
  readonly mode: 'seed' | 'existing' | 'skip';
  readonly rows: number;
  /** Pulled in because a selected table needs its rows (NOT NULL FK). */
  readonly required: boolean;
  readonly skip: { readonly reason: string; readonly fix: string | null } | null;
  /** FKs written NULL first and filled by an UPDATE once their parent is loaded (cycle edges). */
  readonly deferredFks: readonly string[];
  /** Deferrable FKs checked at COMMIT instead of per statement (cycle edges). */
  readonly deferredConstraints: readonly string[];
  /** FKs always written NULL: their parent is neither seeded nor has rows. */
  readonly nullFks: readonly string[];
  /** The most rows the table's keys can hold, when that is what limits it. */
  readonly capacity: { readonly rows: number; readonly key: string } | null;
}

export type PlanStep =
  | { readonly kind: 'copy'; readonly table: QualifiedName }
  /** A cycle of NOT NULL, non-deferrable FKs: all its tables in one statement (data-modifying CTEs). */
  | { readonly kind: 'insert-together'; readonly tables: readonly QualifiedName[] }
  | { readonly kind: 'update'; readonly table: QualifiedName; readonly foreignKeys: readonly string[] };

export interface CycleReport {
  readonly tables: readonly QualifiedName[];
  readonly strategy: 'deferred-edges' | 'single-statement';
  /** The edges that break the cycle and how: NULL then UPDATE, or checked at COMMIT. */
  readonly edges: readonly { readonly table: QualifiedName; readonly foreignKey: string; readonly how: 'null-then-update' | 'deferred-constraint' }[];
}

export interface Plan {
  readonly seed: number;
  readonly steps: readonly PlanStep[];
  readonly tables: readonly PlannedTable[];
  readonly cycles: readonly CycleReport[];
  readonly warnings: readonly string[];
}

export interface PlanOptions {
  /** Base row count per table. */
  rows: number;
  /** Only these tables (qualified or bare names); parents they need are pulled in. */
  tables?: readonly string[];
  exclude?: readonly string[];
  /** Row counts for some tables (overrides.ts `rows`, or the picker), instead of the base count. */
  tableRows?: Readonly<Record<string, number>>;
}

/** What the database holds before the run: rows per table (for tables autoseed may reference). */
export interface ExistingState {
  readonly rows: ReadonlyMap<QualifiedName, number>;
}
