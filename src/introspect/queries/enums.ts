import type { Queryable } from '../../db/queryable.js';

export interface RawEnumLabelsRow {
  type_oid: number;
  labels: string[];
}

const SQL = `
SELECT e.enumtypid AS type_oid, json_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
FROM pg_enum e
GROUP BY e.enumtypid`;

/** Labels of every enum, keyed by type oid; which enums are listed is decided by the types query. */
export async function fetchEnumLabels(q: Queryable): Promise<RawEnumLabelsRow[]> {
  return (await q.query<RawEnumLabelsRow>(SQL)).rows;
}
