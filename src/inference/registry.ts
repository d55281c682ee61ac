import type { Column } from '../catalog.js';
import type { ValueDomain } from './domain.js';
import type { GenContext, Value, ValueFn } from './gen-context.js';
import {
  TIME_FROM, TIME_TO, fitLength, formatDate, lengthLimit, formatTime, formatTimestamp, numericRange, timeIn, truncateTime,
} from './values.js';

/** What a type generator is compiled from: the column and its merged constraints. */
export interface TypeSpec {
  readonly column: Column;
  readonly domain: ValueDomain | undefined;
  /** Numbers the name suggests, e.g. [1, 100] for a quantity. */
  readonly numberHint?: [number, number];
}

export type TypeGen = (spec: TypeSpec) => ValueFn;

const INT2: [number, number] = [-32768, 32767];
const INT4: [number, number] = [-2147483648, 2147483647];
const INT8: [number, number] = [-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];

const integer = (bounds: [number, number]): TypeGen => (spec) => {
  const [lo, hi] = numericRange(spec.domain, bounds[0], bounds[1], 1, spec.numberHint ?? [1, 1000]);
  const min = Math.ceil(lo);
  const max = Math.floor(hi);
  return (g) => g.rng.int(min, max);
};

const decimal: TypeGen = (spec) => {
  const scale = spec.column.type.scale ?? 2;
  const precision = spec.column.type.precision;
  const limit = precision ? 10 ** (precision - Math.max(scale, 0)) - 10 ** -Math.max(scale, 0) : Number.MAX_SAFE_INTEGER;
  const step = 10 ** -Math.max(scale, 0);
  const [lo, hi] = numericRange(spec.domain, -limit, limit, step, spec.numberHint ?? [0, 1000]);
  return (g) => {
    const v = lo + g.rng.next() * (hi - lo);
    return clampFixed(v, lo, hi, Math.max(scale, 0));
  };
};

function clampFixed(v: number, lo: number, hi: number, digits: number): string {
  const factor = 10 ** digits;
  let n = Math.round(v * factor) / factor;
  if (n < lo) n = Math.ceil(lo * factor) / factor;
  if (n > hi) n = Math.floor(hi * factor) / factor;
  return n.toFixed(digits);
}

const float: TypeGen = (spec) => {
  const [lo, hi] = numericRange(spec.domain, -1e15, 1e15, 1e-6, spec.numberHint ?? [0, 1000]);
  return (g) => Math.round((lo + g.rng.next() * (hi - lo)) * 1e4) / 1e4;
};

const text: TypeGen = (spec) => {
  const maxLength = lengthLimit(spec.column, spec.domain);
  const minLength = spec.domain?.minLength ?? null;
  return (g) => fitLength(words(g, maxLength), maxLength, minLength, g.rng);
};

/** Fixed-width char(n): short codes for small n, words otherwise. */
const bpchar: TypeGen = (spec) => {
  const n = spec.column.type.length ?? 1;
  if (n <= 4) return (g) => g.faker.string.alpha({ length: n, casing: 'upper' });
  return text(spec);
};

function words(g: GenContext, maxLength: number | null): string {
  if (maxLength !== null && maxLength <= 3) return g.faker.string.alpha({ length: maxLength, casing: 'lower' });
  if (maxLength !== null && maxLength < 12) return g.faker.lorem.word({ length: { min: 1, max: maxLength } });
  return g.pooled('words', (f) => f.lorem.words({ min: 1, max: 4 }));
}

const timestamp = (withZone: boolean): TypeGen => (spec) => {
  const digits = Math.min(spec.column.type.timePrecision ?? 0, 3);
  const unit = spec.domain?.truncate ?? null;
  return (g) => formatTimestamp(truncateTime(timeIn(g.rng, spec.domain), unit), digits, withZone);
};

const date: TypeGen = (spec) => {
  const unit = spec.domain?.truncate ?? null;
  return (g) => formatDate(truncateTime(timeIn(g.rng, spec.domain, 86_400_000), unit));
};

const time = (withZone: boolean): TypeGen => (spec) => {
  const digits = Math.min(spec.column.type.timePrecision ?? 0, 3);
  return (g) => `${formatTime(g.rng.int(0, 86_399) * 1000, digits)}${withZone ? '+00' : ''}`;
};

const bits = (varying: boolean): TypeGen => (spec) => {
  const n = spec.column.type.length ?? (varying ? 16 : 1);
  return (g) => {
    const length = varying ? g.rng.int(1, n) : n;
    let s = '';
    for (let i = 0; i < length; i++) s += g.rng.chance(0.5) ? '1' : '0';
    return s;
  };
};

const range = (element: (g: GenContext) => [string, string]): TypeGen => () => (g) => {
  const [lo, hi] = element(g);
  return `[${lo},${hi})`;
};

const timeRange = (format: (ms: number) => string, dayGranularity: boolean) =>
  (g: GenContext): [string, string] => {
    const unit = dayGranularity ? 86_400_000 : 3_600_000;
    const start = TIME_FROM + g.rng.int(0, Math.floor((TIME_TO - TIME_FROM) / unit)) * unit;
    return [format(start), format(start + g.rng.int(1, 72) * unit)];
  };

const uuid: TypeGen = () => (g) => g.faker.string.uuid();

const json: TypeGen = (spec) => {
  switch (spec.domain?.jsonType) {
    case 'array': return (g) => ({ json: [g.faker.lorem.word(), g.faker.lorem.word()] });
    case 'string': return (g) => ({ json: g.faker.lorem.word() });
    case 'number': return (g) => ({ json: g.rng.int(0, 1000) });
    case 'boolean': return (g) => ({ json: g.rng.chance(0.5) });
    default:
      return (g) => ({
        json: { id: g.rng.int(1, 100000), label: g.faker.lorem.word(), active: g.rng.chance(0.7), tags: [g.faker.lorem.word(), g.faker.lorem.word()] },
      });
  }
};

const bytea: TypeGen = (spec) => {
  // octet_length(col) CHECKs bound the size (encryption IVs are often exactly 12 bytes)
  const max = spec.domain?.maxLength ?? 16;
  const min = Math.min(spec.domain?.minLength ?? Math.min(max, 16), max);
  return (g) => {
    const bytes = new Uint8Array(g.rng.int(min, Math.min(max, 16) < min ? min : Math.min(max, 16)));
    for (let i = 0; i < bytes.length; i++) bytes[i] = g.rng.int(0, 255);
    return bytes;
  };
};

const constant = (v: Value): TypeGen => () => () => v;

/** Every built-in (or common extension) base type autoseed generates, keyed by pg_type name. */
export type BuiltinBase =
  | 'int2' | 'int4' | 'int8' | 'oid' | 'numeric' | 'money' | 'float4' | 'float8' | 'bool'
  | 'text' | 'varchar' | 'bpchar' | 'char' | 'name' | 'citext'
  | 'uuid' | 'date' | 'time' | 'timetz' | 'timestamp' | 'timestamptz' | 'interval'
  | 'json' | 'jsonb' | 'bytea' | 'inet' | 'cidr' | 'macaddr' | 'macaddr8' | 'bit' | 'varbit'
  | 'tsvector' | 'tsquery' | 'xml' | 'int4range' | 'int8range' | 'numrange' | 'tsrange' | 'tstzrange' | 'daterange'
  | 'point' | 'box' | 'circle' | 'line' | 'lseg' | 'path' | 'polygon' | 'tid' | 'pg_lsn' | 'cube' | 'ltree' | 'hstore';

export const REGISTRY: Record<BuiltinBase, TypeGen> = {
  int2: integer(INT2),
  int4: integer(INT4),
  int8: integer(INT8),
  oid: integer([1, 4294967295]),
  numeric: decimal,
  money: (spec) => decimal({ ...spec, column: { ...spec.column, type: { ...spec.column.type, precision: 12, scale: 2 } } }),
  float4: float,
  float8: float,
  bool: () => (g) => g.rng.chance(0.5),
  text,
  varchar: text,
  bpchar,
  char: () => (g) => g.faker.string.alpha({ length: 1, casing: 'lower' }),
  name: text,
  citext: text,
  uuid,
  date,
  time: time(false),
  timetz: time(true),
  timestamp: timestamp(false),
  timestamptz: timestamp(true),
  interval: () => (g) => `${g.rng.int(0, 30)} days ${formatTime(g.rng.int(0, 86_399) * 1000, 0)}`,
  json,
  jsonb: json,
  bytea,
  inet: () => (g) => g.faker.internet.ipv4(),
  cidr: () => (g) => `10.${g.rng.int(0, 255)}.${g.rng.int(0, 255)}.0/24`,
  macaddr: () => (g) => g.faker.internet.mac(),
  macaddr8: () => (g) => `${g.faker.internet.mac()}:${g.faker.string.hexadecimal({ length: 2, prefix: '', casing: 'lower' })}:00`,
  bit: bits(false),
  varbit: bits(true),
  tsvector: () => (g) => g.faker.lorem.words(3),
  tsquery: () => (g) => g.faker.lorem.word(),
  xml: () => (g) => `<note><body>${g.faker.lorem.word()}</body></note>`,
  int4range: range((g) => { const a = g.rng.int(1, 1000); return [String(a), String(a + g.rng.int(1, 100))]; }),
  int8range: range((g) => { const a = g.rng.int(1, 100000); return [String(a), String(a + g.rng.int(1, 1000))]; }),
  numrange: range((g) => { const a = g.rng.int(0, 1000); return [String(a), String(a + g.rng.int(1, 100))]; }),
  tsrange: range(timeRange((ms) => `"${formatTimestamp(ms, 0, false)}"`, false)),
  tstzrange: range(timeRange((ms) => `"${formatTimestamp(ms, 0, true)}"`, false)),
  daterange: range(timeRange(formatDate, true)),
  point: () => (g) => `(${g.rng.int(-180, 180)},${g.rng.int(-90, 90)})`,
  box: () => (g) => { const x = g.rng.int(0, 100); const y = g.rng.int(0, 100); return `((${x},${y}),(${x + 5},${y + 5}))`; },
  circle: () => (g) => `<(${g.rng.int(0, 100)},${g.rng.int(0, 100)}),${g.rng.int(1, 10)}>`,
  line: () => (g) => `{1,${g.rng.int(-10, 10) || 1},${g.rng.int(-10, 10)}}`,
  lseg: () => (g) => `[(0,0),(${g.rng.int(1, 100)},${g.rng.int(1, 100)})]`,
  path: () => (g) => `[(0,0),(${g.rng.int(1, 100)},${g.rng.int(1, 100)}),(${g.rng.int(1, 100)},0)]`,
  polygon: () => (g) => `((0,0),(${g.rng.int(1, 100)},0),(0,${g.rng.int(1, 100)}))`,
  tid: () => (g) => `(${g.rng.int(0, 1000)},${g.rng.int(1, 50)})`,
  pg_lsn: () => (g) => `${g.rng.int(0, 15).toString(16)}/${g.rng.int(0, 0xffffff).toString(16).toUpperCase()}`,
  cube: () => (g) => `(${g.rng.int(-100, 100)}, ${g.rng.int(-100, 100)}, ${g.rng.int(-100, 100)})`,
  ltree: () => (g) => `${g.faker.lorem.word()}.${g.faker.lorem.word()}`,
  hstore: () => (g) => `"${g.faker.lorem.word()}"=>"${g.faker.lorem.word()}"`,
};

export const constantGen = constant;

export function isBuiltinBase(base: string): base is BuiltinBase {
  return Object.hasOwn(REGISTRY, base);
}
