import type { Value } from './gen-context.js';
import { compareConst, type ValueDomain } from './domain.js';
import { constToTime } from './values.js';

/** True when a domain restricts values beyond NULL-ness (a set, bounds or exclusions). */
export function restricts(domain: ValueDomain | undefined): boolean {
  return !!domain && (domain.values !== null || domain.min !== null || domain.max !== null || domain.notEqual.length > 0);
}

/** Does `value` (as generated or read back as text) satisfy the domain's set, bounds and exclusions? */
export function satisfies(value: Value, domain: ValueDomain): boolean {
  if (value === null) return !domain.notNull;
  if (typeof value === 'object') return true;
  const v = value as string | number | boolean | bigint;
  const same = (c: unknown) => c === v || String(c) === String(v) || (typeof c === 'number' && Number(v) === c);
  if (domain.values && !domain.values.some(same)) return false;
  if (domain.notEqual.some(same)) return false;
  const cmp = (bound: unknown) => {
    if (typeof bound === 'number') return Number(v) - bound;
    const a = constToTime(String(v));
    const b = constToTime(String(bound));
    return a !== null && b !== null ? a - b : compareConst(String(v), String(bound));
  };
  if (domain.min !== null) {
    const d = cmp(domain.min);
    if (d < 0 || (d === 0 && !domain.minInclusive)) return false;
  }
  if (domain.max !== null) {
    const d = cmp(domain.max);
    if (d > 0 || (d === 0 && !domain.maxInclusive)) return false;
  }
  return true;
}
