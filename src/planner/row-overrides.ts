import type { QualifiedName } from '../catalog.js';
import type { PlanOptions } from './plan-types.js';

/** Requested rows per table (`schema.table` → rows), as the picker's ←/→ set them. */
export type RowOverrides = Readonly<Record<QualifiedName, number>>;

/**
 * Plan options with the picker's per-table counts laid over any others (overrides.ts `rows`):
 * `buildPlan` then counts those tables from them instead of the base count, still capped by
 * what their keys can hold. Pure; returns `options` itself when there is nothing to add.
 */
export function withRowOverrides<O extends PlanOptions>(options: O, overrides: RowOverrides | undefined): O {
  const counts = Object.entries(overrides ?? {}).filter(([, n]) => Number.isInteger(n) && n >= 0);
  if (counts.length === 0) return options;
  return { ...options, tableRows: { ...options.tableRows, ...Object.fromEntries(counts) } };
}
