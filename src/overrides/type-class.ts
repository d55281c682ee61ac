import type { ColumnType } from '../catalog.js';

/**
 * What JavaScript values a PostgreSQL type takes in an override. One table shared by the runtime
 * check (value-check.ts) and the TypeScript types `autoseed init` writes (schema-types.ts), so
 * the compiler and the runtime agree.
 */
export type TypeClass = 'int' | 'bigint' | 'decimal' | 'float' | 'bool' | 'text' | 'uuid' | 'datetime' | 'json' | 'bytea' | 'enum' | 'other';

const BY_BASE: Readonly<Record<string, TypeClass>> = {
  int2: 'int', int4: 'int', oid: 'int',
  int8: 'bigint',
  numeric: 'decimal', money: 'decimal',
  float4: 'float', float8: 'float',
  bool: 'bool',
  text: 'text', varchar: 'text', bpchar: 'text', char: 'text', name: 'text', citext: 'text',
  uuid: 'uuid',
  date: 'datetime', timestamp: 'datetime', timestamptz: 'datetime',
  json: 'json', jsonb: 'json',
  bytea: 'bytea',
};

/** The class of a column's scalar (element, for arrays) type. */
export function typeClass(type: ColumnType): TypeClass {
  if (type.enum !== null) return 'enum';
  return BY_BASE[type.base] ?? 'other';
}

/** Integer bounds of the int class, by base type. */
export const INT_RANGE: Readonly<Record<string, readonly [number, number]>> = {
  int2: [-32768, 32767],
  int4: [-2147483648, 2147483647],
  oid: [0, 4294967295],
};

/** The TypeScript type an override of this scalar class produces (enum labels are given by the caller). */
export const TS_TYPE: Readonly<Record<Exclude<TypeClass, 'enum'>, string>> = {
  int: 'number',
  bigint: 'string | number',
  decimal: 'string | number',
  float: 'number',
  bool: 'boolean',
  text: 'string',
  uuid: 'string',
  datetime: 'string | Date',
  json: 'unknown',
  bytea: 'Uint8Array | string',
  other: 'string',
};
