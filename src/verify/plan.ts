import type { Catalog, Table } from '../catalog.js';
import { qualifiedName } from '../catalog.js';
import { exclusionQuery } from './exclusions.js';
import { foreignKeyQuery } from './foreign-keys.js';
import { rowConditions } from './row-conditions.js';
import { type TableScan, tableScan } from './row-scan.js';
import { type SequenceCheck, sequenceChecks } from './sequences.js';
import type { ConstraintQuery } from './types.js';
import { uniqueQuery, uniqueSpecs } from './uniques.js';

/** Every query a verification runs, built from the catalog alone (no I/O). */
export interface VerifyPlan {
  /** One per table that stores rows (not partitioned parents): row count + row-level constraints. */
  readonly scans: readonly TableScan[];
  /** One per foreign key, unique key and exclusion constraint. */
  readonly queries: readonly ConstraintQuery[];
  readonly sequences: readonly SequenceCheck[];
  /** Partitioned tables of the selection, with the leaf partitions that hold their rows. */
  readonly partitioned: readonly { readonly table: Table; readonly leaves: readonly Table[] }[];
}

/** Plans the checks of `tables` (every table of the catalog by default). */
export function planVerification(catalog: Catalog, tables: readonly Table[] = catalog.tables): VerifyPlan {
  const byName = new Map(catalog.tables.map((t) => [qualifiedName(t.schema, t.name), t]));
  const parentOf = (t: Table) => (t.partitionOf ? byName.get(t.partitionOf.parent) : undefined);
  const ancestors = (t: Table): Table[] => {
    const chain: Table[] = [];
    for (let p = parentOf(t); p && chain.length < 64; p = parentOf(p)) chain.push(p);
    return chain;
  };
  const leaves = (t: Table): Table[] => t.kind !== 'partitioned'
    ? [t]
    : t.partitions.flatMap((name) => { const p = byName.get(name); return p ? leaves(p) : []; });

  const scans = tables
    .filter((t) => t.kind !== 'partitioned')
    .map((t) => tableScan(t, rowConditions(t, ancestors(t), catalog.domains)));
  // a partition checked without its parent also answers for the parent's keys over its rows
  // (a partitioned table's unique and exclusion keys include the partition key, so no duplicate
  // spans two partitions); with its parent selected, the parent's queries already cover it
  const selected = new Set(tables);
  const coveringParent = (t: Table) => { const p = parentOf(t); return p && selected.has(p) ? p : undefined; };
  const queries = tables.flatMap((t): ConstraintQuery[] => {
    const owners = [t, ...(coveringParent(t) ? [] : ancestors(t))];
    return [
      ...owners.flatMap((o) => o.foreignKeys).map((fk) =>
        foreignKeyQuery(t, fk, byName.get(qualifiedName(fk.references.schema, fk.references.table)))),
      ...uniqueSpecs(t, coveringParent(t)).map((key) => uniqueQuery(t, key)),
      ...owners.slice(1).flatMap((o) => o.uniques).map((key) => uniqueQuery(t, key)),
      ...owners.flatMap((o) => o.exclusions).map((x) => exclusionQuery(t, x)),
    ];
  });
  return {
    scans,
    queries,
    sequences: sequenceChecks(catalog, tables),
    partitioned: tables.filter((t) => t.kind === 'partitioned').map((table) => ({ table, leaves: leaves(table) })),
  };
}
