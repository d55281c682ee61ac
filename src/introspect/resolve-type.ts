import type { ColumnType, TypeCategory } from '../catalog.js';
import { qualifiedName } from '../catalog.js';
import type { RawTypeRow } from './queries/types.js';

const CATEGORY: Record<string, TypeCategory> = {
  A: 'array', B: 'boolean', C: 'composite', D: 'datetime', E: 'enum', G: 'geometric',
  I: 'network', N: 'numeric', P: 'pseudo', R: 'range', S: 'string', T: 'timespan',
  U: 'user', V: 'bitstring', X: 'unknown', Z: 'internal',
};

/** PostgreSQL stores varchar/char lengths and numeric precision with a 4-byte header offset. */
const VARHDRSZ = 4;

interface Modifiers {
  length: number | null;
  precision: number | null;
  scale: number | null;
  timePrecision: number | null;
}

const NO_MODIFIERS: Modifiers = { length: null, precision: null, scale: null, timePrecision: null };

/** Decodes atttypmod for the built-in types whose modifier matters to a generator. */
export function decodeTypmod(baseSchema: string, base: string, typmod: number): Modifiers {
  if (typmod < 0 || baseSchema !== 'pg_catalog') return NO_MODIFIERS;
  switch (base) {
    case 'varchar':
    case 'bpchar':
      return { ...NO_MODIFIERS, length: typmod - VARHDRSZ };
    case 'bit':
    case 'varbit':
      return { ...NO_MODIFIERS, length: typmod };
    case 'numeric': {
      const t = typmod - VARHDRSZ;
      // scale is an 11-bit two's-complement number since PostgreSQL 15 (negative scales)
      return { ...NO_MODIFIERS, precision: (t >> 16) & 0xffff, scale: ((t & 0x7ff) ^ 1024) - 1024 };
    }
    case 'time':
    case 'timetz':
    case 'timestamp':
    case 'timestamptz':
      return { ...NO_MODIFIERS, timePrecision: typmod };
    case 'interval': {
      const p = typmod & 0xffff;
      return { ...NO_MODIFIERS, timePrecision: p === 0xffff ? null : p };
    }
    default:
      return NO_MODIFIERS;
  }
}

/**
 * Follows domains and array elements from a column's declared type down to the value's base
 * type, collecting what a generator needs (length, precision, enum, range subtype, domain).
 */
export function resolveColumnType(
  types: ReadonlyMap<number, RawTypeRow>,
  typeOid: number,
  typmod: number,
  ndims: number,
  sql: string,
): ColumnType {
  let t = mustGet(types, typeOid);
  let mod = typmod;
  let dims = ndims;
  let arrayDims = 0;
  let domain: string | null = null;
  let domainNotNull = false;

  // A type graph never loops, but a corrupt catalog must not hang us.
  for (let hops = 0; hops < 64; hops++) {
    if (t.typtype === 'd') {
      domain ??= qualifiedName(t.schema, t.name);
      domainNotNull ||= t.not_null;
      if (mod === -1) mod = t.base_typmod;
      if (dims === 0) dims = t.ndims;
      t = mustGet(types, t.base_type);
    } else if (t.category === 'A' && t.elem !== 0 && arrayDims === 0) {
      arrayDims = Math.max(dims, 1);
      t = mustGet(types, t.elem);
    } else {
      break;
    }
  }

  const subtype = t.range_subtype === null ? null : types.get(t.range_subtype);
  return {
    sql,
    base: t.name,
    baseSchema: t.schema,
    category: CATEGORY[t.category] ?? 'unknown',
    arrayDims,
    domain,
    domainNotNull,
    enum: t.typtype === 'e' ? qualifiedName(t.schema, t.name) : null,
    rangeSubtype: subtype ? subtype.name : null,
    ...decodeTypmod(t.schema, t.name, mod),
  };
}

function mustGet(types: ReadonlyMap<number, RawTypeRow>, oid: number): RawTypeRow {
  const t = types.get(oid);
  if (!t) throw new Error(`type ${oid} missing from the types query`);
  return t;
}
