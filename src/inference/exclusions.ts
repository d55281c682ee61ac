import type { Column, Table } from '../catalog.js';

/** A column that takes part in an `EXCLUDE … WITH &&` constraint: its values are laid out in slots that never overlap. */
export interface SlotSpec {
  readonly exclusion: string;
  /** The whole range, or the lower / upper bound of `rangefn(lower, upper)`. */
  readonly part: 'range' | 'lower' | 'upper';
  readonly kind: 'time' | 'date' | 'number';
}

const RANGE_FUNCTIONS = new Set(['tstzrange', 'tsrange', 'daterange', 'int4range', 'int8range', 'numrange']);

/**
 * Columns that must not overlap for an exclusion constraint: a range column compared with `&&`,
 * or the two columns of `tstzrange(starts_at, ends_at) WITH &&`. Other elements (`=`) need nothing:
 * when no two rows overlap at all, rows with equal keys do not overlap either.
 */
export function exclusionSlots(table: Table): Map<string, SlotSpec> {
  const slots = new Map<string, SlotSpec>();
  for (const x of table.exclusions) {
    for (const e of x.elements) {
      if (e.operator !== '&&') continue;
      if ('column' in e) {
        const column = table.columns.find((c) => c.name === e.column);
        const kind = column ? rangeKind(column.type.base) : null;
        if (column && kind && !slots.has(column.name)) slots.set(column.name, { exclusion: x.name, part: 'range', kind });
        continue;
      }
      const call = /^\s*(\w+)\s*\(\s*"?(\w+)"?\s*,\s*"?(\w+)"?\s*(?:,[^)]*)?\)\s*$/.exec(e.expression);
      if (!call || !RANGE_FUNCTIONS.has(call[1]!.toLowerCase())) continue;
      const kind = rangeKind(call[1]!.toLowerCase());
      if (!kind) continue;
      for (const [name, part] of [[call[2]!, 'lower'], [call[3]!, 'upper']] as const) {
        if (table.columns.some((c) => c.name === name) && !slots.has(name)) slots.set(name, { exclusion: x.name, part, kind });
      }
    }
  }
  return slots;
}

function rangeKind(base: string): SlotSpec['kind'] | null {
  if (base === 'tstzrange' || base === 'tsrange') return 'time';
  if (base === 'daterange') return 'date';
  if (base === 'int4range' || base === 'int8range' || base === 'numrange') return 'number';
  return null;
}

export type { Column };
