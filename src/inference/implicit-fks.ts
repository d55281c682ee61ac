import type { Catalog, ForeignKey, Table } from '../catalog.js';
import { qualifiedName } from '../catalog.js';

/**
 * References the schema does not declare but the names make plain: `events.room_id` next to a
 * table `rooms` keyed by `room_id` (or `id`) of the same type. Following them makes data
 * consistent across tables even in schemas without FK constraints. An implicit reference is
 * only taken when it creates no cycle with the declared FKs and the references already taken.
 */
export function implicitForeignKeys(catalog: Catalog): Map<string, ForeignKey[]> {
  const byName = new Map(catalog.tables.map((t) => [qualifiedName(t.schema, t.name), t]));
  const parents = new Map<string, Set<string>>();
  const addEdge = (child: string, parent: string) => {
    if (!parents.has(child)) parents.set(child, new Set());
    parents.get(child)!.add(parent);
  };
  for (const t of catalog.tables) {
    for (const fk of t.foreignKeys) addEdge(qualifiedName(t.schema, t.name), qualifiedName(fk.references.schema, fk.references.table));
  }
  const reaches = (from: string, to: string) => {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node === to) return true;
      if (seen.has(node)) continue;
      seen.add(node);
      for (const p of parents.get(node) ?? []) stack.push(p);
    }
    return false;
  };

  const result = new Map<string, ForeignKey[]>();
  for (const table of catalog.tables) {
    if (table.kind === 'partition') continue;
    const key = qualifiedName(table.schema, table.name);
    const declared = new Set(table.foreignKeys.flatMap((fk) => fk.columns));
    for (const column of table.columns) {
      if (declared.has(column.name) || column.generated !== null || column.type.arrayDims > 0) continue;
      const stem = /^(.+)_id$/i.exec(column.name)?.[1];
      if (!stem) continue;
      const target = findTarget(stem, column.name, column.type.base, table, byName);
      if (!target) continue;
      const parentKey = qualifiedName(target.table.schema, target.table.name);
      if (parentKey === key || reaches(parentKey, key)) continue;
      addEdge(key, parentKey);
      const fk: ForeignKey = {
        name: `implicit:${column.name}`,
        columns: [column.name],
        references: { schema: target.table.schema, table: target.table.name, columns: [target.column] },
        match: 'simple', onDelete: 'no action', onUpdate: 'no action',
        deferrable: false, initiallyDeferred: false, valid: true,
        definition: `implicit: ${column.name} names ${parentKey}(${target.column})`,
      };
      result.set(key, [...(result.get(key) ?? []), fk]);
    }
  }
  return result;
}

function findTarget(
  stem: string,
  columnName: string,
  base: string,
  table: Table,
  byName: ReadonlyMap<string, Table>,
): { table: Table; column: string } | null {
  const s = stem.toLowerCase();
  const names = [s, `${s}s`, `${s}es`, s.replace(/y$/, 'ies')];
  for (const name of names) {
    const target = byName.get(qualifiedName(table.schema, name));
    if (!target || target.kind === 'partition') continue;
    const keys = [
      ...(target.primaryKey ? [target.primaryKey.columns] : []),
      ...target.uniques.filter((u) => u.predicate === null && u.parts.length === 1 && u.columns.length === 1).map((u) => u.columns),
    ];
    for (const cols of keys) {
      if (cols.length !== 1) continue;
      const col = cols[0]!;
      if (col !== columnName && col !== 'id') continue;
      const targetColumn = target.columns.find((c) => c.name === col);
      if (targetColumn && targetColumn.type.base === base && targetColumn.type.arrayDims === 0) return { table: target, column: col };
    }
  }
  return null;
}
