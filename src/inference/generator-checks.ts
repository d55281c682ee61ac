import type { GeneratorNeed, Relation } from './domain.js';
import type { ColumnModel, GeneratorCheck, UnverifiedCheck } from './model.js';
import { isTextual } from './patterns.js';
import { decidableRegex } from './regex-subset.js';
import { lengthLimit } from './values.js';

/**
 * Who confirms the CHECKs whose facts hold only with the right generator (a regex JavaScript
 * can decide, a non-empty range): autoseed, when every column involved is generated the way that
 * ensures it; PostgreSQL, row by row, otherwise. Run after inference and again after overrides,
 * which may give a column a function. PostgreSQL still enforces every CHECK as the rows arrive:
 * this only spares the per-batch confirmation query (and lets the table's rows come from the
 * worker threads).
 */
export function settleGeneratorChecks(
  columns: readonly ColumnModel[],
  relations: readonly Relation[],
  generatorChecks: readonly GeneratorCheck[],
  unverified: readonly UnverifiedCheck[],
): { generatorChecks: GeneratorCheck[]; unverifiedChecks: UnverifiedCheck[] } {
  const related = new Set(relations.flatMap((r) => [r.column, r.other]));
  const kept: GeneratorCheck[] = [];
  const left = [...unverified];
  for (const check of generatorChecks) {
    const ensured = check.needs.every((need) => {
      const c = columns.find((x) => x.name === need.column);
      return c !== undefined && !related.has(need.column) && ensures(c, need.kind);
    });
    if (ensured) kept.push(check);
    else {
      left.push({ name: check.name, expression: check.expression, mentions: check.mentions, ...(check.column !== undefined ? { column: check.column } : {}) });
    }
  }
  return { generatorChecks: kept, unverifiedChecks: left };
}

function ensures(c: ColumnModel, kind: GeneratorNeed['kind']): boolean {
  return kind === 'pattern' ? honoursPattern(c) : nonEmptyRanges(c);
}

/**
 * Ranges from autoseed's own generators, `[a, a + k)` with k ≥ 1, or an exclusion constraint's
 * slots (slot-values.ts): never empty. An override may give `'empty'`.
 */
function nonEmptyRanges(c: ColumnModel): boolean {
  if (c.column.type.arrayDims > 0) return false;
  return (c.slot !== null && c.slot.part === 'range') || (c.generator.kind === 'type' && c.generator.base.endsWith('range') && c.domain?.values == null);
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
  if (type.arrayDims > 0 || !isTextual(c.column)) return false;
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
  const limit = lengthLimit(c.column, c.domain);
  return limit === null || length.max <= limit;
}
