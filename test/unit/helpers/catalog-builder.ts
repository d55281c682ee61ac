import type {
  Catalog, Check, Column, ColumnType, DomainType, EnumType, ForeignKey, Table, TypeCategory, UniqueKey,
} from '../../../src/catalog.js';

/**
 * Small builders for `Catalog` fixtures, so inference and planner tests need no database.
 * Every field gets the value an ordinary table in schema `public` would have.
 */

const CATEGORY: Record<string, TypeCategory> = {
  int2: 'numeric', int4: 'numeric', int8: 'numeric', numeric: 'numeric', float4: 'numeric', float8: 'numeric',
  text: 'string', varchar: 'string', bpchar: 'string', name: 'string', bool: 'boolean',
  date: 'datetime', timestamp: 'datetime', timestamptz: 'datetime', inet: 'network', uuid: 'user', bytea: 'user',
};

export type ColumnOptions = Partial<Omit<Column, 'type' | 'name'>> & { type?: Partial<ColumnType> };

/** A column of base type `base` (nullable, no default, no domain unless given). */
export function col(name: string, base: string, options: ColumnOptions = {}): Column {
  const { type, ...rest } = options;
  return {
    name, position: 0, notNull: false, default: null, identity: null, generated: null, collation: null,
    sequence: null, comment: null, ...rest,
    type: {
      sql: base, base, baseSchema: 'pg_catalog', category: CATEGORY[base] ?? 'unknown', arrayDims: 0, domain: null,
      domainNotNull: false, enum: null, rangeSubtype: null, length: null, precision: null, scale: null,
      timePrecision: null, ...type,
    },
  };
}

/** `id int4 NOT NULL` fed by an identity: the usual surrogate key. */
export function idCol(name = 'id'): Column {
  return col(name, 'int4', { notNull: true, identity: 'by-default' });
}

export type TableOptions = Partial<Omit<Table, 'name' | 'columns'>> & { pk?: readonly string[] };

/** A plain table; `pk` names the primary key columns (constraint `<name>_pkey`). */
export function table(name: string, columns: readonly Column[], options: TableOptions = {}): Table {
  const { pk, ...rest } = options;
  return {
    schema: 'public', name, kind: 'table', primaryKey: pk ? { name: `${name}_pkey`, columns: pk } : null,
    uniques: [], foreignKeys: [], checks: [], exclusions: [], triggers: [], rules: [], partitionKey: null,
    partitionOf: null, partitions: [], inheritsFrom: [], estimatedRows: -1, unlogged: false, rowSecurity: false,
    comment: null, ...rest,
    columns: columns.map((c, i) => ({ ...c, position: i + 1 })),
  };
}

/** `FOREIGN KEY (columns) REFERENCES public.target (refColumns)`. */
export function fk(name: string, columns: readonly string[], target: string, refColumns: readonly string[] = ['id'], options: Partial<ForeignKey> = {}): ForeignKey {
  return {
    name, columns, references: { schema: 'public', table: target, columns: refColumns }, match: 'simple',
    onDelete: 'no action', onUpdate: 'no action', deferrable: false, initiallyDeferred: false, valid: true,
    definition: `FOREIGN KEY (${columns.join(', ')}) REFERENCES ${target}(${refColumns.join(', ')})`, ...options,
  };
}

export function check(name: string, expression: string): Check {
  return { name, expression, columns: [], valid: true, noInherit: false, inherited: false };
}

export function unique(name: string, columns: readonly string[]): UniqueKey {
  return {
    name, source: 'constraint', parts: columns.map((column) => ({ column })), columns, predicate: null,
    nullsNotDistinct: false, deferrable: false, initiallyDeferred: false, definition: `UNIQUE (${columns.join(', ')})`,
  };
}

export function domainType(schema: string, name: string, over: string, checks: readonly string[], notNull = false): DomainType {
  return {
    schema, name, over, notNull, default: null,
    checks: checks.map((expression, i) => ({ name: `${name}_check${i || ''}`, expression, valid: true })),
  };
}

export function catalog(tables: readonly Table[], extra: { enums?: readonly EnumType[]; domains?: readonly DomainType[] } = {}): Catalog {
  return {
    serverVersion: '17.4', serverVersionNum: 170004, database: 'test', schemas: ['public'], tables,
    enums: extra.enums ?? [], domains: extra.domains ?? [], sequences: [],
  };
}
