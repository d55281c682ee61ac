/**
 * verify-integrity: checks any database's rows against its own constraints. Each check is one
 * set-based query built from the Catalog (pure, in the builder modules) and run here over a pool.
 */
import type { Catalog, Table } from '../catalog.js';
import type { Queryable } from '../db/queryable.js';
import { coverage } from './coverage.js';
import { type Findings, runAll, runQuery, runScan, runSequence } from './execute.js';
import { planVerification } from './plan.js';
import type { CheckFailure, Violation, VerifyReport } from './types.js';

export { formatReport } from './format-report.js';
export { planVerification, type VerifyPlan } from './plan.js';
export { selectTables, splitNames, type TableSelection } from './select-tables.js';
export type * from './types.js';

export interface VerifyOptions {
  /** The tables to check (see `selectTables`); every table of the catalog by default. */
  readonly tables?: readonly Table[];
  /** Queries run at once; give a pool with at least as many connections. Default 4. */
  readonly concurrency?: number;
  /** Report every empty table as an `empty-table` violation. */
  readonly requireRows?: boolean;
  /** Called after each check with how many are done out of how many. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Checks the rows behind `q` (a pg Pool, for concurrency) against the constraints of `catalog`:
 * foreign keys, unique keys, NOT NULL, CHECKs (table and domain, NOT VALID included), exclusion
 * constraints and sequences, plus row counts. Read-only; returns plain data, prints nothing.
 */
export async function verifyIntegrity(catalog: Catalog, q: Queryable, options: VerifyOptions = {}): Promise<VerifyReport> {
  const plan = planVerification(catalog, options.tables);
  const findings: Findings = { violations: [], failures: [], rowCounts: new Map() };
  const tasks = [
    ...plan.scans.map((scan) => () => runScan(q, scan, findings)),
    ...plan.queries.map((query) => () => runQuery(q, query, findings)),
    ...plan.sequences.map((check) => () => runSequence(q, check, findings)),
  ];
  await runAll(tasks, options.concurrency ?? 4, options.onProgress);
  const covered = coverage(plan, findings.rowCounts, options.requireRows === true);
  return {
    violations: [...findings.violations, ...covered.violations].sort(byPlace),
    tables: covered.tables,
    totalRows: covered.totalRows,
    emptyTables: covered.emptyTables,
    cannotHoldRows: covered.cannotHoldRows,
    failures: findings.failures.sort(byPlace),
    checks: tasks.length,
  };
}

type Place = Pick<Violation | CheckFailure, 'table' | 'kind' | 'constraint'>;

function byPlace(a: Place, b: Place): number {
  return compare(a.table, b.table) || compare(a.kind, b.kind) || compare(a.constraint, b.constraint);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
