import type { Const } from './checks/ast.js';
import type { ValueDomain } from './domain.js';
import type { Rng } from './rng.js';

/** Default window for generated timestamps: recent enough to look real, fixed for determinism. */
export const TIME_FROM = Date.UTC(2019, 0, 1);
export const TIME_TO = Date.UTC(2026, 9, 31);

const OWN_FORMAT = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(?:\+00)?)?$/;

/** Parses a constant from a CHECK as a point in time (ms since epoch), or null. */
export function constToTime(value: Const | null): number | null {
  if (typeof value !== 'string') return null;
  // fast path for the form autoseed itself writes: 2024-05-06[ 07:08:09[.123][+00]]
  const m = OWN_FORMAT.exec(value);
  if (m) {
    const [, y, mo, d, h, mi, sec, frac] = m;
    return Date.UTC(+y!, +mo! - 1, +d!, h ? +h : 0, mi ? +mi : 0, sec ? +sec : 0, frac ? +frac.padEnd(3, '0').slice(0, 3) : 0);
  }
  // PostgreSQL prints offsets as +00 or +0530; JavaScript wants +00:00
  const iso = value.trim().replace(' ', 'T').replace(/(T[\d:.]+)([+-]\d\d)(:?(\d\d))?$/, (_, time: string, h: string, _m: string, m?: string) => `${time}${h}:${m ?? '00'}`);
  const withZone = /[zZ]|[+-]\d\d:\d\d$/.test(iso) || !iso.includes('T') ? iso : `${iso}Z`;
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(withZone) ? `${withZone}T00:00:00Z` : withZone);
  return Number.isNaN(ms) ? null : ms;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function formatDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function formatTime(ms: number, fractionDigits: number): string {
  const d = new Date(ms);
  const base = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return fractionDigits > 0 ? `${base}.${pad(d.getUTCMilliseconds(), 3).slice(0, Math.min(3, fractionDigits))}` : base;
}

export function formatTimestamp(ms: number, fractionDigits: number, withZone: boolean): string {
  return `${formatDate(ms)} ${formatTime(ms, fractionDigits)}${withZone ? '+00' : ''}`;
}

/** A time within the domain's bounds (or the default window), at whole seconds unless asked. */
export function timeIn(rng: Rng, domain: ValueDomain | undefined, granularityMs = 1000): number {
  let from = constToTime(domain?.min ?? null) ?? TIME_FROM;
  let to = constToTime(domain?.max ?? null) ?? TIME_TO;
  if (domain?.min != null && !domain.minInclusive) from += granularityMs;
  if (domain?.max != null && !domain.maxInclusive) to -= granularityMs;
  if (domain?.max != null && domain.min == null) from = Math.min(from, to - 365 * 86_400_000);
  if (domain?.min != null && domain.max == null) to = Math.max(to, from + 365 * 86_400_000);
  if (to < from) to = from;
  const steps = Math.floor((to - from) / granularityMs);
  return from + rng.int(0, steps) * granularityMs;
}

/** Numeric bounds from the domain, clamped to what the type can hold. */
export function numericRange(
  domain: ValueDomain | undefined,
  typeMin: number,
  typeMax: number,
  step: number,
  fallback: [number, number],
): [number, number] {
  const min = typeof domain?.min === 'number' ? domain.min + (domain.minInclusive ? 0 : step) : null;
  const max = typeof domain?.max === 'number' ? domain.max - (domain.maxInclusive ? 0 : step) : null;
  let lo = min ?? (max !== null ? Math.min(fallback[0], max - (fallback[1] - fallback[0])) : fallback[0]);
  let hi = max ?? (min !== null ? Math.max(fallback[1], min + (fallback[1] - fallback[0])) : fallback[1]);
  lo = Math.max(lo, typeMin);
  hi = Math.min(hi, typeMax);
  // a name's hint that the type cannot hold (`year numeric(5,3)`): the type's own range, from 0 up
  if (hi < lo && min === null && max === null) return [Math.min(Math.max(typeMin, 0), typeMax), typeMax];
  if (hi < lo) hi = lo;
  return [lo, hi];
}

/** Cuts text to the column's maximum length without leaving trailing blanks. */
export function fitLength(text: string, max: number | null, min: number | null, rng: Rng): string {
  let s = text;
  if (max !== null && s.length > max) s = s.slice(0, max).trimEnd() || s.slice(0, max);
  if (min !== null && s.length < min) {
    s += 'x'.repeat(min - s.length);
  }
  if (max !== null && min !== null && max === min && s.length !== max) {
    s = (s + rng.int(0, 9).toString().repeat(max)).slice(0, max);
  }
  return s;
}

/** `date_trunc(unit, t)` in UTC, for the units CHECKs use. */
export function truncateTime(ms: number, unit: string | null): number {
  if (unit === null) return ms;
  const d = new Date(ms);
  switch (unit) {
    case 'year': return Date.UTC(d.getUTCFullYear(), 0, 1);
    case 'quarter': return Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3, 1);
    case 'month': return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    case 'week': {
      const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
      return day - ((d.getUTCDay() + 6) % 7) * 86_400_000;
    }
    case 'day': return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    case 'hour': return ms - (ms % 3_600_000);
    case 'minute': return ms - (ms % 60_000);
    case 'second': return ms - (ms % 1000);
    default: return ms;
  }
}
