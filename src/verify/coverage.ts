import type { QualifiedName, Table } from '../catalog.js';
import { qualifiedName } from '../catalog.js';
import type { VerifyPlan } from './plan.js';
import type { Violation } from './types.js';

export interface Coverage {
  readonly tables: Record<QualifiedName, number>;
  readonly totalRows: number;
  readonly emptyTables: QualifiedName[];
  readonly cannotHoldRows: QualifiedName[];
  /** With `requireRows`: one `empty-table` violation per empty table. */
  readonly violations: Violation[];
}

/**
 * Row counts per table and the empty ones. A partitioned table counts the rows of its leaf
 * partitions and is judged through them; one with no leaf partition cannot hold a row, which is
 * reported as such and is never a failure.
 */
export function coverage(plan: VerifyPlan, rowCounts: ReadonlyMap<string, number>, requireRows: boolean): Coverage {
  const tables: Record<QualifiedName, number> = {};
  const emptyTables: QualifiedName[] = [];
  const cannotHoldRows: QualifiedName[] = [];
  let totalRows = 0;
  const name = (t: Table) => qualifiedName(t.schema, t.name);
  for (const { table } of plan.scans) {
    const rows = rowCounts.get(name(table));
    if (rows === undefined) continue; // its count failed, which is reported as a failure
    tables[name(table)] = rows;
    totalRows += rows;
    if (rows === 0) emptyTables.push(name(table));
  }
  for (const { table, leaves } of plan.partitioned) {
    if (leaves.length === 0) cannotHoldRows.push(name(table));
    const counts = leaves.map((leaf) => rowCounts.get(name(leaf)));
    if (counts.every((n) => n !== undefined)) tables[name(table)] = counts.reduce((sum: number, n) => sum + (n ?? 0), 0);
  }
  emptyTables.sort();
  cannotHoldRows.sort();
  const violations: Violation[] = requireRows
    ? emptyTables.map((table) => ({ kind: 'empty-table', constraint: 'require-rows', table, count: 1, samples: [] }))
    : [];
  return { tables: sortKeys(tables), totalRows, emptyTables, cannotHoldRows, violations };
}

function sortKeys(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
