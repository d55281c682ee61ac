import type { Catalog, QualifiedName, Table } from '../catalog.js';
import { qualifiedName } from '../catalog.js';
import { didYouMean } from './suggest.js';

export type TableLookup =
  | { readonly ok: true; readonly key: QualifiedName; readonly table: Table }
  | { readonly ok: false; readonly problem: string };

/**
 * The table an overrides key names: `schema.table`, or a bare `table` when one schema has it.
 * Partitions are seeded through their partitioned table, so they are not override targets.
 */
export function lookupTable(name: string, catalog: Catalog): TableLookup {
  const seedable = catalog.tables.filter((t) => t.kind !== 'partition');
  const exact = seedable.find((t) => qualifiedName(t.schema, t.name) === name);
  if (exact) return { ok: true, key: name, table: exact };
  const bare = seedable.filter((t) => t.name === name);
  if (bare.length === 1) return { ok: true, key: qualifiedName(bare[0]!.schema, bare[0]!.name), table: bare[0]! };
  if (bare.length > 1) {
    const keys = bare.map((t) => `"${qualifiedName(t.schema, t.name)}"`).join(', ');
    return { ok: false, problem: `table "${name}" is ambiguous: it is in several schemas (${keys}); write it schema-qualified` };
  }
  const partition = catalog.tables.find((t) => t.kind === 'partition' && (qualifiedName(t.schema, t.name) === name || t.name === name));
  if (partition?.partitionOf) {
    return { ok: false, problem: `table "${name}" is a partition of ${partition.partitionOf.parent}: override ${partition.partitionOf.parent} instead` };
  }
  const candidates = name.includes('.')
    ? seedable.map((t) => qualifiedName(t.schema, t.name))
    : [...seedable.map((t) => t.name), ...seedable.map((t) => qualifiedName(t.schema, t.name))];
  return { ok: false, problem: `unknown table "${name}"${didYouMean(name, candidates)}` };
}
