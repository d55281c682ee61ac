import type { Catalog, Table } from '../catalog.js';
import { qualifiedName } from '../catalog.js';

export interface TableSelection {
  readonly tables: readonly Table[];
  /** Names that match no table, as given. */
  readonly unknown: readonly string[];
}

/**
 * Resolves `--tables` / `--exclude` names: `schema.table` or a bare table name (every schema's
 * table of that name). Selecting a partitioned table selects its partitions too, since they hold
 * its rows. No `include` list means every table.
 */
export function selectTables(
  catalog: Catalog,
  include: readonly string[] | undefined,
  exclude: readonly string[] = [],
): TableSelection {
  const unknown: string[] = [];
  const byName = new Map(catalog.tables.map((t) => [qualifiedName(t.schema, t.name), t]));
  const resolve = (names: readonly string[]): Set<Table> => {
    const found = new Set<Table>();
    for (const name of names) {
      const matches = match(catalog.tables, name);
      if (matches.length === 0) unknown.push(name);
      for (const t of matches) addWithPartitions(byName, t, found);
    }
    return found;
  };
  const included = include === undefined ? new Set(catalog.tables) : resolve(include);
  const excluded = resolve(exclude);
  return { tables: catalog.tables.filter((t) => included.has(t) && !excluded.has(t)), unknown };
}

/** Splits a comma-separated flag value, dropping blanks. */
export function splitNames(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}

function match(tables: readonly Table[], name: string): Table[] {
  // the exact schema.table wins, so a table whose name contains a dot stays reachable
  const exact = tables.filter((t) => qualifiedName(t.schema, t.name) === name);
  return exact.length > 0 ? exact : tables.filter((t) => t.name === name);
}

function addWithPartitions(byName: ReadonlyMap<string, Table>, table: Table, into: Set<Table>): void {
  if (into.has(table)) return;
  into.add(table);
  for (const name of table.partitions) {
    const partition = byName.get(name);
    if (partition) addWithPartitions(byName, partition, into);
  }
}
