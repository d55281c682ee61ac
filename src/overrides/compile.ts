import type { CompiledOverride } from '../inference/model.js';
import { AutoseedError, isAutoseedError } from '../errors.js';
import { isSqlExpression } from './define.js';
import type { OverrideContext } from './types.js';
import { type ColumnTarget, valueProblem } from './value-check.js';

/** Where an override sits, for runtime messages. */
export interface OverrideSite {
  readonly file: string;
  readonly table: string;
  readonly column: string;
}

/**
 * Whether an array override is a list to pick from or one array value: for a column of d array
 * dimensions, an array nested deeper than d is a list (so for a plain or json column every array
 * is a list; for `text[]`, `['a', 'b']` is the value and `[['a'], ['b']]` the list).
 */
export function isList(value: unknown, arrayDims: number): value is readonly unknown[] {
  return Array.isArray(value) && depth(value) > arrayDims;
}

function depth(value: unknown): number {
  return Array.isArray(value) ? 1 + (value.length > 0 ? depth(value[0]) : 0) : 0;
}

/** A validated column override, ready for the generators; functions are checked on every row. */
export function compileOverride(value: unknown, target: ColumnTarget, site: OverrideSite): CompiledOverride {
  const fit = isJsonScalar(target) ? asJson : (v: unknown) => v;
  if (isSqlExpression(value)) return { kind: 'sql', sql: value.sql };
  if (typeof value === 'function') {
    const fn = checkedFunction(value as (ctx: OverrideContext) => unknown, target, site);
    return { kind: 'function', fn: (ctx) => fit(fn(ctx)) };
  }
  if (isList(value, target.column.type.arrayDims)) return { kind: 'list', values: value.map(fit) };
  return { kind: 'constant', value: fit(value) };
}

function isJsonScalar(target: ColumnTarget): boolean {
  return (target.column.type.base === 'json' || target.column.type.base === 'jsonb') && target.column.type.arrayDims === 0;
}

/**
 * A value for a json column: objects are stored as JSON by the writer, but a JS array or string
 * would be taken for a PostgreSQL array or text, so those (and other scalars) go in as JSON text.
 */
function asJson(value: unknown): unknown {
  if (value === null || value === undefined || isSqlExpression(value)) return value;
  if (typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) return value;
  return JSON.stringify(value);
}

/** True when the override may put a SQL expression in some row (such tables are written with INSERT). */
export function mayProduceSql(override: CompiledOverride): boolean {
  switch (override.kind) {
    case 'sql':
      return true;
    // a function may return sql`…` for some rows: the writer copies its table and, should one
    // do, writes the table again with INSERT (see copyTable)
    case 'function':
      return false;
    case 'list':
      return override.values.some(isSqlExpression);
    case 'constant':
      return false;
  }
}

/**
 * The user's function, wrapped: what it throws, or a value that does not fit the column, fails
 * the run naming the table, column and row (functions are not checked before the run).
 */
function checkedFunction(fn: (ctx: OverrideContext) => unknown, target: ColumnTarget, site: OverrideSite): (ctx: OverrideContext) => unknown {
  const fail = (row: number, detail: string, cause?: unknown) =>
    new AutoseedError('OVERRIDE_FAILED', { ...site, row, detail }, cause === undefined ? undefined : { cause });
  return (ctx) => {
    let value: unknown;
    try {
      value = fn(ctx);
    } catch (error) {
      if (isAutoseedError(error)) throw error;
      throw fail(ctx.index, `it threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`, error);
    }
    if (value instanceof Promise) throw fail(ctx.index, 'it returned a Promise: override functions must be synchronous');
    const problem = valueProblem(value, target);
    if (problem) throw fail(ctx.index, problem);
    return value;
  };
}
