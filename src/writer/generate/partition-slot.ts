import type { Value } from '../../inference/gen-context.js';
import type { PartitionSlot } from '../../inference/partition-bounds.js';
import { compareConst } from '../../inference/domain.js';
import { constToTime } from '../../inference/values.js';

/** Does a partition key value fall in a partition's bound? (Hash partitions: assumed yes.) */
export function inSlot(value: Value, slot: PartitionSlot): boolean {
  if (value === null || typeof value === 'object') return false;
  const v = value as string | number | boolean | bigint;
  switch (slot.kind) {
    case 'default':
    case 'hash':
      return true;
    case 'list':
      return slot.values.some((x) => x === v || String(x) === String(v));
    case 'range': {
      const cmp = (bound: unknown) => {
        if (typeof bound === 'number') return Number(v) - bound;
        const a = constToTime(String(v));
        const b = constToTime(String(bound));
        return a !== null && b !== null ? a - b : compareConst(String(v), String(bound));
      };
      return (slot.from === 'minvalue' || cmp(slot.from) >= 0) && (slot.to === 'maxvalue' || cmp(slot.to) < 0);
    }
  }
}
