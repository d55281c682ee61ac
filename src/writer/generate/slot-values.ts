import type { Value } from '../../inference/gen-context.js';
import type { ColumnModel } from '../../inference/model.js';
import { type Rng, permute } from '../../inference/rng.js';
import { TIME_FROM, formatDate, formatTimestamp } from '../../inference/values.js';

const HOUR = 3_600_000;
const DAY = 86_400_000;

/**
 * Row i's slot for an exclusion constraint: slot k = a permutation of i covers
 * [start_k, start_k + step), and the value stays strictly inside it, so no two rows ever
 * overlap. `durationRng` is the row's stream for the constraint: both bound columns of a
 * `rangefn(lower, upper)` pair draw the same duration from it.
 */
export function slotValue(model: ColumnModel, i: number, rows: number, salt: number, durationRng: Rng): Value {
  const slot = model.slot!;
  const k = permute(i, Math.max(rows, 1), salt);
  const fraction = 0.1 + durationRng.next() * 0.7;
  switch (slot.kind) {
    case 'time': {
      const step = 12 * HOUR;
      const start = TIME_FROM + k * step + Math.floor(durationRng.next() * 4) * HOUR;
      const end = start + Math.max(HOUR, Math.round((fraction * step) / HOUR) * HOUR);
      const zone = model.column.type.base === 'timestamptz' || model.column.type.base === 'tstzrange';
      return bound(slot.part, formatTimestamp(start, 0, zone), formatTimestamp(end, 0, zone), true);
    }
    case 'date': {
      const step = 4 * DAY;
      const start = TIME_FROM + k * step;
      const end = start + (1 + Math.floor(fraction * 3)) * DAY;
      return bound(slot.part, formatDate(start), formatDate(end), false);
    }
    case 'number': {
      const step = 10;
      const start = k * step + 1;
      return bound(slot.part, String(start), String(start + 1 + Math.floor(fraction * 8)), false);
    }
  }
}

function bound(part: 'range' | 'lower' | 'upper', lower: string, upper: string, quote: boolean): Value {
  if (part === 'lower') return lower;
  if (part === 'upper') return upper;
  return quote ? `["${lower}","${upper}")` : `[${lower},${upper})`;
}
