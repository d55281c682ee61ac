import type { ForeignKey } from '../catalog.js';
import type { TableModel } from '../inference/model.js';

/** FK columns that may hold NULL (every column nullable, no CHECK or domain saying otherwise). */
export function fkNullable(table: TableModel, fk: ForeignKey): boolean {
  return fk.columns.every((c) => {
    const column = table.columns.find((x) => x.name === c);
    return column !== undefined && !column.column.notNull && column.domain?.notNull !== true && !column.stable;
  });
}

/**
 * An FK a cycle may be broken at (written NULL, filled by an UPDATE later): nullable, and not in a
 * `num_nonnulls(fk, other) = 1` group, where a NULL first would break the CHECK until the UPDATE.
 */
export function fkNullFirst(table: TableModel, fk: ForeignKey): boolean {
  return fkNullable(table, fk) && !table.nonNullGroups.some((g) => g.columns.some((c) => fk.columns.includes(c)));
}
