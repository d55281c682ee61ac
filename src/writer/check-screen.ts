import type { Column } from '../catalog.js';
import type { CompareOp, Fact } from '../inference/checks/facts.js';
import { translateCheck } from '../inference/checks/translate-check.js';
import type { Value } from '../inference/gen-context.js';
import type { ColumnModel } from '../inference/model.js';
import { toJsRegex } from '../inference/patterns.js';
import { decidableRegex } from '../inference/regex-subset.js';

/** True when the row surely satisfies the CHECK; false when PostgreSQL has to say. */
export type Screen = (row: readonly Value[]) => boolean;

/**
 * What JavaScript can decide of a CHECK that PostgreSQL confirms per batch (an overrides.ts
 * function's e-mail against a domain's regex, `manager_id <> id`), so that rows which surely
 * pass need no round trip: a CHECK whose translation is the whole expression and whose every
 * part is a regex JavaScript decides for PostgreSQL (regex-subset.ts) on a text column, a
 * comparison of two integer columns, or a column being (not) NULL. A JavaScript match implies
 * PostgreSQL's; a row JavaScript does not pass still goes to PostgreSQL. Null for a CHECK
 * with any other part, or about a column the rows do not carry.
 */
export function checkScreen(check: { expression: string; column?: string }, columns: readonly ColumnModel[]): Screen | null {
  const t = translateCheck(check.expression, check.column);
  if (!t.complete || t.facts.length === 0) return null;
  const parts: Screen[] = [];
  for (const fact of t.facts) {
    const part = factScreen(fact, columns);
    if (!part) return null;
    parts.push(part);
  }
  return parts.length === 1 ? parts[0]! : (row) => parts.every((p) => p(row));
}

function factScreen(fact: Fact, columns: readonly ColumnModel[]): Screen | null {
  const at = (name: string) => columns.findIndex((c) => c.name === name);
  switch (fact.kind) {
    case 'regex': {
      const k = at(fact.column);
      if (k < 0 || !plainText(columns[k]!.column) || decidableRegex(fact.pattern, fact.caseInsensitive) === null) return null;
      const re = toJsRegex(fact.pattern, fact.caseInsensitive);
      if (!re) return null;
      // a NULL makes the CHECK NULL, which passes
      return (row) => {
        const v = row[k];
        return v === null || (typeof v === 'string' && re.test(v));
      };
    }
    case 'relation': {
      const a = at(fact.column);
      const b = at(fact.other);
      if (a < 0 || b < 0 || !integer(columns[a]!.column) || !integer(columns[b]!.column)) return null;
      const op = fact.op;
      return (row) => {
        const x = row[a];
        const y = row[b];
        if (x === null || y === null) return true;
        return (typeof x === 'number' || typeof x === 'bigint') && (typeof y === 'number' || typeof y === 'bigint') && holds(x, op, y);
      };
    }
    case 'not-null': {
      const k = at(fact.column);
      return k < 0 ? null : (row) => row[k] !== null;
    }
    case 'is-null': {
      const k = at(fact.column);
      return k < 0 ? null : (row) => row[k] === null;
    }
    default:
      return null;
  }
}

/** text or varchar, no array: the value PostgreSQL matches is the string itself (char(n) pads, citext folds case). */
function plainText(column: Column): boolean {
  return column.type.arrayDims === 0 && (column.type.base === 'text' || column.type.base === 'varchar');
}

function integer(column: Column): boolean {
  return column.type.arrayDims === 0 && (column.type.base === 'int2' || column.type.base === 'int4' || column.type.base === 'int8');
}

function holds(x: number | bigint, op: CompareOp, y: number | bigint): boolean {
  switch (op) {
    case '<': return x < y;
    case '<=': return x <= y;
    case '>': return x > y;
    case '>=': return x >= y;
    // == compares a number with a bigint by value
    case '=': return x == y;
    case '<>': return x != y;
  }
}
