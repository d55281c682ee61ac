import type { QualifiedName } from '../catalog.js';

export type ViolationKind =
  | 'foreign-key' | 'unique' | 'not-null' | 'check' | 'exclusion' | 'sequence' | 'empty-table';

/** One offending row, key or pair, as column → value (values cast to text, so nothing loses precision). */
export type Sample = Readonly<Record<string, unknown>>;

/**
 * The rows that break one constraint of one table.
 * `count` is: rows (foreign-key, not-null, check), duplicated key values (unique), conflicting
 * pairs (exclusion), or 1 (sequence, empty-table).
 */
export interface Violation {
  readonly kind: ViolationKind;
  /** The constraint or index name; for NOT NULL `column NOT NULL`; for a sequence its name. */
  readonly constraint: string;
  /** Where the rows are: for partitioned tables' CHECK / NOT NULL, the partition that holds them. */
  readonly table: QualifiedName;
  readonly column?: string;
  /** For a domain's CHECK or NOT NULL: the domain that declares it. */
  readonly domain?: QualifiedName;
  readonly count: number;
  /** Up to five examples. */
  readonly samples: readonly Sample[];
}

/** A check that could not run (e.g. a CHECK expression that raises on a bypassed row). */
export interface CheckFailure {
  readonly kind: ViolationKind | 'row-count';
  readonly constraint: string;
  readonly table: QualifiedName;
  readonly message: string;
  /** SQLSTATE, when PostgreSQL reported one. */
  readonly sqlState?: string;
}

/** What `verifyIntegrity` returns: plain data, ready for `JSON.stringify`. */
export interface VerifyReport {
  readonly violations: readonly Violation[];
  /** "schema.table" → rows; a partitioned table counts the rows of its partitions. */
  readonly tables: Readonly<Record<QualifiedName, number>>;
  /** Rows stored in the checked tables, each counted once (not again for a partitioned parent). */
  readonly totalRows: number;
  /** Tables that hold no row (partitioned parents are judged by their partitions). */
  readonly emptyTables: readonly QualifiedName[];
  /** Partitioned tables without a (leaf) partition: no row can be inserted; not a failure. */
  readonly cannotHoldRows: readonly QualifiedName[];
  readonly failures: readonly CheckFailure[];
  /** Number of queries the verification ran (sample look-ups left out). */
  readonly checks: number;
}

/**
 * One set-based query that finds the violations of one constraint: it returns up to five rows
 * `(sample json, total bigint)`, where every row carries the full count; no row means clean.
 */
export interface ConstraintQuery {
  readonly kind: ViolationKind;
  readonly constraint: string;
  readonly table: QualifiedName;
  readonly column?: string;
  readonly domain?: QualifiedName;
  readonly sql: string;
}

/** The row shape every `ConstraintQuery` returns. */
export interface ViolationRow {
  sample: Sample;
  total: string | number;
}
