import type { Relation } from './domain.js';
import type { ColumnModel, RegexCheck, UnverifiedCheck } from './model.js';
import { decidableRegex } from './regex-subset.js';

/**
 * Who confirms a table's regex CHECKs that JavaScript can decide: autoseed, when every column
 * the regexes are on draws its values through the pattern test of its generator (column-fn.ts,
 * withPatterns), which then always finds a match; PostgreSQL, row by row, otherwise. Run after
 * inference and again after overrides, which may give a column a function. PostgreSQL still
 * enforces every CHECK as the rows arrive: this only spares the per-batch confirmation query.
 */
export function settleRegexChecks(
  columns: readonly ColumnModel[],
  relations: readonly Relation[],
  regexChecks: readonly RegexCheck[],
  unverified: readonly UnverifiedCheck[],
): { regexChecks: RegexCheck[]; unverifiedChecks: UnverifiedCheck[] } {
  const related = new Set(relations.flatMap((r) => [r.column, r.other]));
  const kept: RegexCheck[] = [];
  const left = [...unverified];
  for (const check of regexChecks) {
    const honoured = check.columns.every((name) => {
      const c = columns.find((x) => x.name === name);
      return c !== undefined && !related.has(name) && honoursPattern(c);
    });
    if (honoured) kept.push(check);
    else if (!left.some((u) => u.name === check.name && u.column === check.column)) {
      left.push({ name: check.name, expression: check.expression, mentions: check.mentions, ...(check.column !== undefined ? { column: check.column } : {}) });
    }
  }
  return { regexChecks: kept, unverifiedChecks: left };
}

/**
 * Whether every value of the column passes through its one pattern's test, with a pattern
 * drawn string to fall back on that fits the column: a plain scalar text column generated from
 * its kind, type, CHECK list or an overrides.ts constant or list (both checked against the
 * pattern when the file loads), or an injective key. FKs, slots, finite key digits and functions
 * produce values the pattern test never sees.
 */
function honoursPattern(c: ColumnModel): boolean {
  const type = c.column.type;
  if (type.arrayDims > 0 || !(type.category === 'string' || type.base === 'citext')) return false;
  // an injective key is tested too, falling back to a pattern-shaped key (TableGenerator.columnValue);
  // a finite key column's digit picks its value directly
  if (c.slot || c.reason.startsWith('key:')) return false;
  const g = c.generator;
  const plain = g.kind === 'semantic' || g.kind === 'type' || g.kind === 'pick'
    || (g.kind === 'override' && (g.override.kind === 'constant' || g.override.kind === 'list'));
  const patterns = c.domain?.patterns ?? [];
  if (!plain || patterns.length !== 1) return false;
  const length = decidableRegex(patterns[0]!.pattern, patterns[0]!.caseInsensitive);
  if (!length) return false;
  if ((c.domain?.minLength ?? 0) > length.min) return false;
  if (type.base === 'bpchar') {
    // char(n) pads with blanks the pattern sees: only strings of exactly n fit
    const width = type.length ?? 1;
    return length.min === width && length.max === width;
  }
  const limits = [type.length, c.domain?.maxLength ?? null].filter((x): x is number => x !== null);
  return limits.length === 0 || length.max <= Math.min(...limits);
}
