import pLimit from 'p-limit';
import { qualifiedName } from '../catalog.js';
import type { Queryable } from '../db/queryable.js';
import { conditionQuery, rowCountSql, type TableScan, type TableScanRow } from './row-scan.js';
import type { SequenceCheck } from './sequences.js';
import type { CheckFailure, ConstraintQuery, Violation, ViolationRow } from './types.js';

/** What the checks found, before the coverage report is derived from the row counts. */
export interface Findings {
  violations: Violation[];
  failures: CheckFailure[];
  /** Rows per scanned table, keyed by "schema.table". */
  rowCounts: Map<string, number>;
}

/** Runs one constraint query and records its violation, if the constraint does not hold. */
export async function runQuery(q: Queryable, query: ConstraintQuery, findings: Findings): Promise<void> {
  const result = await attempt(() => q.query<ViolationRow>(query.sql), query, findings);
  if (!result || result.rows.length === 0) return;
  const { sql: _sql, ...where } = query;
  findings.violations.push({ ...where, count: Number(result.rows[0]!.total), samples: result.rows.map((r) => r.sample) });
}

/**
 * Runs a table's combined scan; for each constraint it finds broken, fetches samples. If the scan
 * itself fails (a CHECK that raises on some row), each constraint runs alone, so only the one
 * that cannot be evaluated is reported as a failure.
 */
export async function runScan(q: Queryable, scan: TableScan, findings: Findings): Promise<void> {
  const table = qualifiedName(scan.table.schema, scan.table.name);
  let row: TableScanRow | undefined;
  try {
    row = (await q.query<TableScanRow>(scan.sql)).rows[0];
  } catch (error) {
    if (!isStatementError(error)) throw error;
  }
  if (!row) {
    const counted = await attempt(() => q.query<TableScanRow>(rowCountSql(scan.table)), { kind: 'row-count', constraint: 'count(*)', table }, findings);
    if (counted?.rows[0]) findings.rowCounts.set(table, Number(counted.rows[0].row_count));
    for (const condition of scan.conditions) await runQuery(q, conditionQuery(scan.table, condition), findings);
    return;
  }
  findings.rowCounts.set(table, Number(row.row_count));
  for (const [i, condition] of scan.conditions.entries()) {
    if (Number(row[`v${i}`] ?? 0) > 0) await runQuery(q, conditionQuery(scan.table, condition), findings);
  }
}

/** Runs one sequence check: a violation for each column whose values reach the next value. */
export async function runSequence(q: Queryable, check: SequenceCheck, findings: Findings): Promise<void> {
  const name = qualifiedName(check.sequence.schema, check.sequence.name);
  const first = check.users[0];
  const where = { kind: 'sequence' as const, constraint: name, table: first ? qualifiedName(first.table.schema, first.table.name) : name };
  const result = await attempt(() => q.query<Record<string, string | boolean | null>>(check.sql), where, findings);
  const row = result?.rows[0];
  if (!row) return;
  for (const [i, user] of check.users.entries()) {
    if (row[`b${i}`] !== true) continue;
    findings.violations.push({
      kind: 'sequence',
      constraint: name,
      table: qualifiedName(user.table.schema, user.table.name),
      column: user.column.name,
      count: 1,
      samples: [{ next_value: row.next_value, [check.sequence.increment.startsWith('-') ? 'min_value' : 'max_value']: row[`m${i}`] }],
    });
  }
}

/** Runs `tasks` at most `concurrency` at a time, reporting progress after each. */
export async function runAll(
  tasks: readonly (() => Promise<void>)[],
  concurrency: number,
  onProgress: ((done: number, total: number) => void) | undefined,
): Promise<void> {
  const limit = pLimit(Math.max(1, concurrency));
  let done = 0;
  await Promise.all(tasks.map((task) => limit(async () => {
    await task();
    onProgress?.(++done, tasks.length);
  })));
}

/** A query's result, or undefined after recording why the check could not run. */
async function attempt<R>(
  work: () => Promise<R>,
  where: Pick<CheckFailure, 'kind' | 'constraint' | 'table'>,
  findings: Findings,
): Promise<R | undefined> {
  try {
    return await work();
  } catch (error) {
    if (!isStatementError(error)) throw error;
    const { code, message } = error as { code: string; message: string };
    findings.failures.push({ ...where, message, sqlState: code });
    return undefined;
  }
}

/**
 * An error PostgreSQL raised for this one statement (bad data, missing privilege, a function that
 * raises), as opposed to a lost connection, which must stop the whole run.
 */
function isStatementError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  // SQLSTATE class 08 (connection exception) and 57P (shutdown, database dropped); 57014, a
  // statement timeout or cancel, is this check's failure
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !/^(08|57P)/.test(code);
}
