import type { Value } from '../../inference/gen-context.js';
import type { ColumnModel, TableModel } from '../../inference/model.js';
import type { Rng } from '../../inference/rng.js';
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
  for (const r of model.relations) {
    const ai = written.findIndex((c) => c.name === r.column);
    const bi = written.findIndex((c) => c.name === r.other);
    if (ai < 0 || bi < 0) continue;
    const a = values[ai] ?? null;
    const b = values[bi] ?? null;
    if (a === null || b === null || holds(a, r.op, b)) continue;
    const movable = (c: ColumnModel) => c.generator.kind !== 'fk' && !c.stable;
    if (movable(written[ai]!)) values[ai] = moveTo(a, b, r.op, rngFor(r.column), written[ai]!);
    else if (movable(written[bi]!)) values[bi] = moveTo(b, a, flip(r.op), rngFor(r.other), written[bi]!);
  }
  return values;
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
    if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
    return constToTime(v);
  }
  return null;
}

/** A new value for `a` that satisfies `a op b`, a plausible distance from b. */
function moveTo(a: Value, b: Value, op: string, rng: Rng, column: ColumnModel): Value {
  const base = column.column.type.base;
  const sign = op === '>' || op === '>=' ? 1 : op === '<' || op === '<=' ? -1 : 0;
  if (op === '=') return b;
  if (typeof b === 'number') return b + (sign || 1) * rng.int(1, 100);
  if (typeof b === 'string' && /^-?\d+(\.\d+)?$/.test(b)) {
    const digits = b.includes('.') ? b.split('.')[1]!.length : 0;
    return (Number(b) + (sign || 1) * rng.int(1, 100)).toFixed(digits);
  }
  const t = comparable(b);
  if (t === null) return a;
  if (base === 'date') return formatDate(t + (sign || 1) * rng.int(1, 60) * 86_400_000);
  const digits = Math.min(column.column.type.timePrecision ?? 0, 3);
  return formatTimestamp(t + (sign || 1) * rng.int(1, 72 * 60) * 60_000, digits, base === 'timestamptz');
}
