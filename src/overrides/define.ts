import { quoteLiteral } from '../sql/ident.js';
import type { AnySchema, Overrides, SqlExpression } from './types.js';

/**
 * Declares an overrides file. Identity at runtime; typed by `Schema`, the type `autoseed init`
 * writes to `autoseed-schema.d.ts`, so a misspelt table or column is a compile error:
 *
 * ```ts
 * import { defineOverrides } from 'autoseed';
 * import type { Schema } from './autoseed-schema.js';
 * export default defineOverrides<Schema>({ tables: { 'public.users': { rows: 50 } } });
 * ```
 */
export function defineOverrides<Schema = AnySchema>(overrides: Overrides<NoInfer<Schema>>): Overrides<Schema> {
  return overrides;
}

/**
 * A server-side SQL expression as a column value: `sql\`crypt(${password}, gen_salt('bf'))\``.
 * Interpolated values are quoted as SQL literals (strings, numbers, booleans, null, Dates), or
 * inlined when they are themselves `sql` expressions.
 */
export function sql(strings: TemplateStringsArray, ...values: readonly unknown[]): SqlExpression {
  let text = strings[0] ?? '';
  values.forEach((value, k) => {
    text += sqlLiteral(value) + (strings[k + 1] ?? '');
  });
  return Object.freeze({ sql: text });
}

/** True for a `sql\`…\`` value (or any object of that shape: overrides files may bundle their own copy). */
export function isSqlExpression(value: unknown): value is SqlExpression {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    && typeof (value as { sql?: unknown }).sql === 'string' && Object.keys(value).length === 1;
}

function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (isSqlExpression(value)) return value.sql;
  if (typeof value === 'number' || typeof value === 'bigint') {
    if (!Number.isFinite(Number(value))) return quoteLiteral(String(value));
    // parenthesised: `x-${-1}` must not become the comment `x--1`
    return Number(value) < 0 ? `(${String(value)})` : String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return quoteLiteral(value.toISOString());
  if (typeof value === 'object') return quoteLiteral(JSON.stringify(value));
  return quoteLiteral(String(value));
}
