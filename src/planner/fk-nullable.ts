import type { ForeignKey } from '../catalog.js';
import type { TableModel } from '../inference/model.js';

/** FK columns that may hold NULL (every column nullable, no CHECK or domain saying otherwise). */
export function fkNullable(table: TableModel, fk: ForeignKey): boolean {
  return fk.columns.every((c) => {
    const column = table.columns.find((x) => x.name === c);
    return column !== undefined && !column.column.notNull && column.domain?.notNull !== true && !column.stable;
  });
}
