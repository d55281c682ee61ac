import type { TableModel } from '../inference/model.js';

/**
 * Row counts shaped like real data: lookup tables (statuses, types, countries…) stay small,
 * and a table grows with its depth below the root tables (customers → orders → order lines),
 * up to three times the base count. A 1:1 table is then capped to its parent by its radix key.
 */
export function naturalRows(table: TableModel, depth: number, referenced: boolean, base: number): number {
  if (referenced && isLookup(table)) return Math.min(base, Math.max(5, Math.round(base / 10)));
  return Math.round(base * Math.min(1 + 0.5 * depth, 3));
}

const LOOKUP_NAMES = /(_|^)(types?|kinds?|statuse?s?|states|categor(y|ies)|levels?|roles?|countries|currencies|languages|genders?|priorities|reasons?|sources?|channels?|classes|colou?rs?|units?|frequencies|modes?|stages?)$/;

/** A small reference table: few columns, a name/code, no FKs of its own. */
function isLookup(table: TableModel): boolean {
  const t = table.table;
  if (table.foreignKeys.length > 0 || t.columns.length > 5) return false;
  return LOOKUP_NAMES.test(t.name.toLowerCase()) && t.columns.some((c) => /^(name|code|label|title|description|value)$/.test(c.name.toLowerCase()));
}
