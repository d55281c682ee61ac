import type { Faker } from '@faker-js/faker';

/** A server-side SQL expression as a column value: `sql\`crypt('secret', gen_salt('bf'))\``. */
export interface SqlExpression {
  readonly sql: string;
}

/** What a column override function receives for each row. */
export interface OverrideContext<Row = Record<string, unknown>> {
  /** The row's other columns, as generated (overridden function columns come last, in table order). */
  readonly row: Readonly<Row>;
  /** 0-based row number in its table. */
  readonly index: number;
  /** A faker seeded for this (table, column, row): same seed, same value. */
  readonly faker: Faker;
  /** The referenced columns of the parent row an FK of this row points at (by FK column or constraint name). */
  parent(fk: string): Readonly<Record<string, unknown>> | null;
}

/**
 * What an override may produce for a column of TypeScript type T. For an untyped column
 * (`unknown`) anything but `undefined`: written `{} | null` so that a function stays a function
 * in the union below and its parameter is still typed.
 */
export type ColumnValue<T> = unknown extends T ? {} | null : T;

/** A column override: a constant, a list to pick from, a function of the row, or a SQL expression. */
export type ColumnOverride<T = unknown, Row = Record<string, unknown>> =
  | ColumnValue<T>
  | readonly ColumnValue<T>[]
  | ((ctx: OverrideContext<Row>) => ColumnValue<T> | SqlExpression)
  | SqlExpression;

export interface TableOverrides<Row = Record<string, unknown>> {
  /** Rows for this table (instead of the run's base count). */
  readonly rows?: number;
  /** Leave the table out of the run. */
  readonly skip?: boolean;
  /** Children per parent row, by FK column (or constraint name): [min, max]. */
  readonly perParent?: Readonly<Record<string, readonly [number, number]>>;
  readonly columns?: { readonly [C in keyof Row]?: ColumnOverride<Row[C], Row> };
}

/** Any schema: table name → column name → value type. `autoseed init` writes the real one. */
export type AnySchema = Record<string, Record<string, unknown>>;

/** The whole overrides file. */
export interface Overrides<Schema = AnySchema> {
  readonly seed?: number;
  readonly rows?: number;
  readonly tables?: { readonly [T in keyof Schema]?: TableOverrides<Schema[T]> };
}
