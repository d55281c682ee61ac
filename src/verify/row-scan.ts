import type { Table } from '../catalog.js';
import { qualifiedName } from '../catalog.js';
import type { RowCondition } from './row-conditions.js';
import { jsonSample, rowIdentity, scanTarget, violationSelect, withColumns } from './sql-text.js';
import type { ConstraintQuery } from './types.js';

/** The one scan of a table that counts its rows and the rows breaking each row-level constraint. */
export interface TableScan {
  readonly table: Table;
  readonly conditions: readonly RowCondition[];
  /** Returns one row: `row_count`, then `v0`, `v1`, … in the order of `conditions`. */
  readonly sql: string;
}

/** The row `TableScan.sql` returns (counts are bigint, so strings). */
export type TableScanRow = Record<string, string>;

/**
 * One pass over the table for all its row-level constraints at once: a table with thirty NOT NULL
 * columns and ten CHECKs is read once, not forty times.
 */
export function tableScan(table: Table, conditions: readonly RowCondition[]): TableScan {
  const counts = conditions.map((c, i) => `,\n       count(*) FILTER (WHERE ${c.violated}) AS v${i}`);
  return { table, conditions, sql: `SELECT count(*) AS row_count${counts.join('')}\nFROM ${scanTarget(table)}` };
}

/** The count-only query of a table, for when its combined scan fails. */
export function rowCountSql(table: Table): string {
  return `SELECT count(*) AS row_count FROM ${scanTarget(table)}`;
}

/**
 * The standalone query for one condition: the count and up to five offending rows (their key, or
 * ctid, and the columns involved). Run for a condition the scan found violated, or alone when the
 * combined scan failed, so a CHECK that raises an error is pinned to that one CHECK.
 */
export function conditionQuery(table: Table, condition: RowCondition): ConstraintQuery {
  const sample = jsonSample(withColumns(rowIdentity(table), condition.sampleColumns));
  return {
    kind: condition.kind,
    constraint: condition.constraint,
    table: qualifiedName(table.schema, table.name),
    ...(condition.column === undefined ? {} : { column: condition.column }),
    ...(condition.domain === undefined ? {} : { domain: condition.domain }),
    sql: violationSelect(sample, `FROM ${scanTarget(table)}\nWHERE ${condition.violated}`),
  };
}
