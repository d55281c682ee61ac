import type { Value } from '../../inference/gen-context.js';
import type { ColumnModel, TableModel } from '../../inference/model.js';
import type { Rng } from '../../inference/rng.js';
import { satisfies } from '../../inference/domain-test.js';
import { constToTime, formatDate, formatTimestamp } from '../../inference/values.js';

/**
 * Makes `a op b` CHECKs between two columns of a row hold, by moving the side that nothing else
 * depends on (not an FK, not part of a key). Relations between two fixed sides are left to
 * PostgreSQL's verification.
 */
export function applyRelations(
  model: TableModel,
  written: readonly ColumnModel[],
  values: Value[],
  rngFor: (column: string) => Rng,
): Value[] {
  for (const { r, ai, bi } of compiled(model, written)) {
    const a = values[ai] ?? null;
    const b = values[bi] ?? null;
    if (a === null || b === null || holds(a, r.op, b)) continue;
    const movable = (c: ColumnModel) => c.generator.kind !== 'fk' && !c.stable;
    // the side with room inside its own type and bounds moves; with none, PostgreSQL's verification decides
    const movedA = movable(written[ai]!) ? moveWithin(a, b, r.op, rngFor(r.column), written[ai]!) : null;
    if (movedA !== null) values[ai] = movedA;
    else if (movable(written[bi]!)) values[bi] = moveWithin(b, a, flip(r.op), rngFor(r.other), written[bi]!) ?? b;
  }
  return values;
}

const COMPILED = new WeakMap<readonly ColumnModel[], { r: TableModel['relations'][number]; ai: number; bi: number }[]>();

/**
 * The relations with their columns' positions in `written`, computed once per table: what names
 * imply first, what CHECKs declare last, so a move for realism never undoes a declared relation.
 */
function compiled(model: TableModel, written: readonly ColumnModel[]) {
  let list = COMPILED.get(written);
  if (!list) {
    const ordered = [...model.relations.filter((r) => r.check === null), ...model.relations.filter((r) => r.check !== null)];
    list = ordered
      .map((r) => ({ r, ai: written.findIndex((c) => c.name === r.column), bi: written.findIndex((c) => c.name === r.other) }))
      .filter((x) => x.ai >= 0 && x.bi >= 0);
    COMPILED.set(written, list);
  }
  return list;
}

function flip(op: string): string {
  return op === '>' ? '<' : op === '>=' ? '<=' : op === '<' ? '>' : op === '<=' ? '>=' : op;
}

function holds(a: Value, op: string, b: Value): boolean {
  const x = comparable(a);
  const y = comparable(b);
  if (x === null || y === null) return true;
  switch (op) {
    case '>': return x > y;
    case '>=': return x >= y;
    case '<': return x < y;
    case '<=': return x <= y;
    case '=': return x === y;
    case '<>': return x !== y;
    default: return true;
  }
}

function comparable(v: Value): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    // a date or time (YYYY-MM-…, the '-' where no number has one) skips the number test
    if (v.length >= 10 && v.charCodeAt(4) === 45) return constToTime(v);
    if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
    return constToTime(v);
  }
  return null;
}

/**
 * `moveTo`, kept inside the column's own CHECK bounds (a BETWEEN, a `<` constant): a plausible
 * distance first, then the smallest step; null when neither fits.
 */
function moveWithin(a: Value, b: Value, op: string, rng: Rng, column: ColumnModel): Value | null {
  const fits = (v: Value | null) => v !== null && (column.domain === undefined || satisfies(v, { ...column.domain, notNull: false }));
  const moved = moveTo(a, b, op, rng, column);
  if (fits(moved)) return moved;
  const nearest = moveTo(a, b, op, rng, column, true);
  return fits(nearest) ? nearest : null;
}

/** A new value for `a` that satisfies `a op b`, a plausible distance from b; null when `a`'s type or bounds leave no room. */
function moveTo(a: Value, b: Value, op: string, rng: Rng, column: ColumnModel, smallest = false): Value | null {
  const base = column.column.type.base;
  const sign = op === '>' || op === '>=' ? 1 : op === '<' || op === '<=' ? -1 : 0;
  if (op === '=') return b;
  const numeric = typeof b === 'number' || (typeof b === 'string' && /^-?\d+(\.\d+)?$/.test(b));
  if (numeric) {
    const digits = typeof b === 'string' && b.includes('.') ? b.split('.')[1]!.length : 0;
    const [lo, hi] = numericBounds(column);
    const from = Number(b);
    const direction = sign || (hi - from >= from - lo ? 1 : -1);
    const room = direction > 0 ? hi - from : from - lo;
    const step = 10 ** -digits;
    if (room < step) return null;
    const offset = smallest ? step : Math.min(rng.int(1, 100), Math.floor(room / step) * step);
    const moved = from + direction * offset;
    return typeof b === 'number' ? moved : moved.toFixed(digits);
  }
  const t = comparable(b);
  if (t === null) return a;
  if (base === 'date') return formatDate(t + (sign || 1) * (smallest ? 1 : rng.int(1, 60)) * 86_400_000);
  const digits = Math.min(column.column.type.timePrecision ?? 0, 3);
  return formatTimestamp(t + (sign || 1) * (smallest ? 1 : rng.int(1, 72 * 60)) * 60_000, digits, base === 'timestamptz');
}

const INTEGER_LIMITS: Record<string, number> = { int2: 32767, int4: 2147483647, int8: Number.MAX_SAFE_INTEGER };

/** The numbers a column can hold: its type's range (numeric(p,s), intN) within its CHECK bounds. */
function numericBounds(column: ColumnModel): [number, number] {
  const { base, precision, scale } = column.column.type;
  let limit = INTEGER_LIMITS[base] ?? Number.MAX_SAFE_INTEGER;
  if (base === 'numeric' && precision) limit = 10 ** (precision - Math.max(scale ?? 0, 0)) - 10 ** -Math.max(scale ?? 0, 0);
  let lo = base === 'int2' || base === 'int4' ? -limit - 1 : -limit;
  let hi = limit;
  const d = column.domain;
  if (typeof d?.min === 'number') lo = Math.max(lo, d.minInclusive ? d.min : d.min + 10 ** -Math.max(scale ?? 0, 0));
  if (typeof d?.max === 'number') hi = Math.min(hi, d.maxInclusive ? d.max : d.max - 10 ** -Math.max(scale ?? 0, 0));
  return [lo, hi];
}
