import type pg from 'pg';
import type { Catalog, QualifiedName } from '../catalog.js';
import { qualifiedName } from '../catalog.js';
import { quoteQualified } from '../sql/ident.js';

/**
 * `seed --reset` (R9): the tables being seeded are emptied with
 * `TRUNCATE … RESTART IDENTITY CASCADE`. CASCADE also empties every table whose FKs reach them,
 * so the user is shown those too before confirming.
 */

export interface Truncation {
  /** The tables named in the TRUNCATE: the ones being seeded. */
  readonly tables: readonly QualifiedName[];
  /** Tables CASCADE empties as well: they reference a truncated table, directly or through others. */
  readonly cascaded: readonly QualifiedName[];
}

/** Which tables a TRUNCATE … CASCADE of `tables` empties. Pure: follows the catalog's FKs to their referencing tables. */
export function truncation(catalog: Catalog, tables: readonly QualifiedName[]): Truncation {
  const referencing = new Map<QualifiedName, Set<QualifiedName>>();
  for (const t of catalog.tables) {
    // a partition's rows go with its parent: name the parent, not each partition
    const child = t.partitionOf ? rootOf(catalog, qualifiedName(t.schema, t.name)) : qualifiedName(t.schema, t.name);
    for (const fk of t.foreignKeys) {
      const parent = qualifiedName(fk.references.schema, fk.references.table);
      const set = referencing.get(parent) ?? new Set<QualifiedName>();
      set.add(child);
      referencing.set(parent, set);
    }
  }
  const named = new Set(tables);
  const reached = new Set(tables);
  const stack = [...tables];
  while (stack.length > 0) {
    for (const child of referencing.get(stack.pop()!) ?? []) {
      if (reached.has(child)) continue;
      reached.add(child);
      stack.push(child);
    }
  }
  return { tables: [...tables], cascaded: [...reached].filter((t) => !named.has(t)).sort() };
}

function rootOf(catalog: Catalog, key: QualifiedName): QualifiedName {
  const byKey = new Map(catalog.tables.map((t) => [qualifiedName(t.schema, t.name), t]));
  let current = byKey.get(key);
  while (current?.partitionOf) {
    const parent = byKey.get(current.partitionOf.parent);
    if (!parent) break;
    current = parent;
  }
  return current ? qualifiedName(current.schema, current.name) : key;
}

/** Empties the tables (and, by CASCADE, those referencing them), restarting their sequences. */
export async function truncateTables(client: pg.ClientBase, catalog: Catalog, tables: readonly QualifiedName[]): Promise<void> {
  if (tables.length === 0) return;
  const byKey = new Map(catalog.tables.map((t) => [qualifiedName(t.schema, t.name), t]));
  const names = tables.map((key) => {
    const t = byKey.get(key)!;
    return quoteQualified(t.schema, t.name);
  });
  await client.query(`TRUNCATE TABLE ${names.join(', ')} RESTART IDENTITY CASCADE`);
}
