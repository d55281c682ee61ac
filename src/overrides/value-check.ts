import type { Catalog, Column } from '../catalog.js';
import { qualifiedName } from '../catalog.js';
import type { ValueDomain } from '../inference/domain.js';
import { toJsRegex } from '../inference/patterns.js';
import { isSqlExpression } from './define.js';
import { INT_RANGE, typeClass } from './type-class.js';

/** What a value is checked against: the column, the enum labels of its type, and its CHECK domain. */
export interface ColumnTarget {
  readonly column: Column;
  /** Labels when the column's type is an enum. */
  readonly labels: readonly string[] | null;
  readonly domain: ValueDomain | undefined;
}

export function columnTarget(column: Column, catalog: Catalog, domain: ValueDomain | undefined): ColumnTarget {
  const labels = column.type.enum === null
    ? null
    : catalog.enums.find((e) => qualifiedName(e.schema, e.name) === column.type.enum)?.labels ?? null;
  return { column, labels, domain };
}

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/**
 * Why `value` cannot go into the column, or null when it can. SQL expressions are the server's
 * business and always pass; so do values of types autoseed has no rule for beyond "a scalar".
 */
export function valueProblem(value: unknown, target: ColumnTarget): string | null {
  if (isSqlExpression(value)) return null;
  const { column } = target;
  if (value === null || value === undefined) {
    const notNull = column.notNull || column.type.domainNotNull || target.domain?.notNull === true;
    return notNull ? `${show(value)} is not allowed: the column is NOT NULL` : null;
  }
  if (column.type.arrayDims > 0) {
    if (!Array.isArray(value)) return `${show(value)} is not an array (the column is ${column.type.sql})`;
    for (const item of value.flat(column.type.arrayDims - 1)) {
      const problem = item === null ? null : scalarProblem(item, target);
      if (problem) return `array element ${problem}`;
    }
    return null;
  }
  return scalarProblem(value, target);
}

function scalarProblem(value: unknown, target: ColumnTarget): string | null {
  const type = target.column.type;
  const problem = typeProblem(value, target);
  if (problem) return `${show(value)} ${problem} (the column is ${type.sql})`;
  const allowed = target.domain?.values;
  if (type.arrayDims === 0 && allowed && allowed.length > 0 && !allowed.some((a) => a !== null && String(a) === String(value))) {
    return `${show(value)} is not allowed by the column's CHECK: one of ${allowed.map((a) => show(a)).join(', ')}`;
  }
  for (const p of typeof value === 'string' ? target.domain?.patterns ?? [] : []) {
    const regex = toJsRegex(p.pattern, p.caseInsensitive);
    if (regex && !regex.test(value as string)) return `${show(value)} does not match the column's CHECK pattern '${p.pattern}'`;
  }
  return null;
}

function typeProblem(value: unknown, target: ColumnTarget): string | null {
  const type = target.column.type;
  switch (typeClass(type)) {
    case 'int': {
      const [min, max] = INT_RANGE[type.base] ?? [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
      if (typeof value !== 'number' && typeof value !== 'bigint') return 'is not a number';
      if (!Number.isInteger(Number(value))) return 'is not a whole number';
      return Number(value) < min || Number(value) > max ? `is outside ${min}..${max}` : null;
    }
    case 'bigint':
      return (typeof value === 'number' && Number.isInteger(value)) || typeof value === 'bigint' || (typeof value === 'string' && /^-?\d+$/.test(value))
        ? null : 'is not a whole number';
    case 'decimal': {
      const numeric = (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && /^-?(\d+\.?\d*|\.\d+)$/.test(value.trim()));
      if (!numeric) return 'is not a number';
      const digits = type.precision === null ? null : type.precision - (type.scale ?? 0);
      return digits !== null && Math.abs(Number(value)) >= 10 ** digits ? `has more than ${digits} digits before the decimal point` : null;
    }
    case 'float':
      return typeof value === 'number' ? null : 'is not a number';
    case 'bool':
      return typeof value === 'boolean' ? null : 'is not a boolean';
    case 'text': {
      if (typeof value !== 'string') return 'is not a string';
      const max = maxLength(target);
      return max !== null && value.length > max ? `is longer than ${max} characters` : null;
    }
    case 'uuid':
      return typeof value === 'string' && UUID.test(value) ? null : 'is not a uuid';
    case 'datetime':
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'is an invalid Date' : null;
      return typeof value === 'string' ? null : 'is not a date (a string or a Date)';
    case 'json':
      return typeof value === 'function' ? 'is a function, not JSON' : null;
    case 'bytea':
      return value instanceof Uint8Array || typeof value === 'string' ? null : 'is not bytes (a Uint8Array or a \\x… string)';
    case 'enum':
      if (typeof value !== 'string') return 'is not a string';
      return target.labels && !target.labels.includes(value) ? `is not a label of enum ${type.enum} (${target.labels.join(', ')})` : null;
    case 'other':
      return ['string', 'number', 'boolean'].includes(typeof value) ? null : 'is not a string';
  }
}

/** varchar(n) / char(n), or a CHECK's length bound, whichever is tighter. */
function maxLength(target: ColumnTarget): number | null {
  const a = target.column.type.base === 'char' ? 1 : target.column.type.length;
  const b = target.domain?.maxLength ?? null;
  return a !== null && b !== null ? Math.min(a, b) : a ?? b;
}

/** A value as it appears in a message: strings quoted, long ones cut. */
export function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value instanceof Date) return `Date(${Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString()})`;
  if (typeof value === 'function') return 'a function';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
