import type { QualifiedName, Table } from '../catalog.js';
import { qualifiedName } from '../catalog.js';
import type { Value } from '../inference/gen-context.js';
import type { SeedModel } from '../inference/model.js';
import { encodeText } from '../writer/encode-copy.js';
import type { GeneratorSet } from '../writer/generate/generator-set.js';
import type { TableGenerator } from '../writer/generate/table-generator.js';

/**
 * Which columns find a run's rows again, and the few keys the ledger must store because
 * recomputation cannot give them back.
 */

/** JSON-safe values: what the ledger's jsonb holds for a key value. */
export type StoredValue = string | number | boolean | null;

/** Key tuples of one table: `rows[i]` holds the values of `columns` for planned row i. */
export interface StoredKeys {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly StoredValue[])[];
}

/**
 * The columns that identify a row: the primary key, else a unique key of NOT NULL plain columns
 * with no predicate (the key the deferred-FK UPDATE uses too). Null: the table has none, and
 * its rows are matched by every column written.
 */
export function matchKey(table: Table): readonly string[] | null {
  if (table.primaryKey) return table.primaryKey.columns;
  const notNull = (c: string) => table.columns.find((x) => x.name === c)?.notNull === true;
  const unique = table.uniques.find((u) => u.predicate === null && u.columns.length === u.parts.length && u.columns.every(notNull));
  return unique?.columns ?? null;
}

/** Columns of `key` that some FK of the model points at: what children read of their parent rows. */
export function referencedColumns(model: SeedModel, key: QualifiedName): string[] {
  const columns = new Set<string>();
  for (const t of model.tables) {
    for (const fk of t.foreignKeys) {
      if (qualifiedName(fk.references.schema, fk.references.table) === key) fk.references.columns.forEach((c) => columns.add(c));
    }
  }
  return [...columns];
}

/**
 * For a table whose keys the database decided (insert triggers may rewrite keys or reject rows,
 * or other tables' triggers filled it): its match key and referenced columns, for every planned
 * row, as the writer resolved them (rejected rows through their replacements, rewritten keys as
 * returned). Null when there is nothing to identify or reference.
 */
export function keysAsWritten(gen: TableGenerator, model: SeedModel): StoredKeys | null {
  const columns = [...new Set([...(matchKey(gen.model.table) ?? []), ...referencedColumns(model, gen.key)])];
  if (columns.length === 0 || gen.rows === 0) return null;
  const rows = Array.from({ length: gen.rows }, (_, i) => columns.map((c) => toStored(gen.value(c, i))));
  return { columns, rows };
}

/** Gives the generators of a resumed or rolled-back run the keys the database decided, so children resolve to them. */
export function restoreKeys(gens: GeneratorSet, tables: readonly { table: QualifiedName; keys: StoredKeys | null }[]): void {
  for (const t of tables) {
    if (t.keys && t.keys.rows.length > 0) gens.generator(t.table)?.adopt(t.keys.columns, t.keys.rows);
  }
}

/** A generated value as jsonb can hold it: plain scalars as they are (so a restored key compares as the original did), the rest as PostgreSQL text. */
export function toStored(value: Value): StoredValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  return encodeText(value);
}
