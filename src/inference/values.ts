import type { Column } from '../catalog.js';
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
  // fastest path, by character codes: the forms autoseed itself writes (every generated time)
  const own = ownFormatTime(value);
  if (own !== null) return own;
  // the same shape with fields out of range (month 13, hour 24): Date.UTC rolls them over
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

const DAY_MS = 86_400_000;
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const pad = (n: number, width = 2) => (width === 2 && n >= 0 && n < 100 ? TWO_DIGITS[n]! : String(n).padStart(width, '0'));

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** `YYYY-MM-DD` of a day count since 1970-01-01 (civil_from_days; no array per date: it runs per value). */
function dateOfDays(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y >= 1000 && y <= 9999 ? y : pad(y, 4)}-${TWO_DIGITS[m]}-${TWO_DIGITS[d]}`;
}

const digitAt = (s: string, k: number) => s.charCodeAt(k) - 48;
const twoAt = (s: string, k: number) => digitAt(s, k) * 10 + digitAt(s, k + 1);

/**
 * `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS`, with `.f…` and `+00` optional: what autoseed writes.
 * Read by character codes (no regex, no Date); null for any other shape.
 */
function ownFormatTime(v: string): number | null {
  const n = v.length;
  if (n < 10 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return null;
  const y = digitAt(v, 0) * 1000 + digitAt(v, 1) * 100 + twoAt(v, 2);
  const mo = twoAt(v, 5);
  const d = twoAt(v, 8);
  if (!(y >= 0 && y <= 9999 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31)) return null;
  let ms = daysFromCivil(y, mo, d) * DAY_MS;
  if (n === 10) return ms;
  if (n < 19 || v.charCodeAt(10) !== 32 || v.charCodeAt(13) !== 58 || v.charCodeAt(16) !== 58) return null;
  const h = twoAt(v, 11);
  const mi = twoAt(v, 14);
  const s = twoAt(v, 17);
  if (!(h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && s >= 0 && s <= 59)) return null;
  ms += h * 3_600_000 + mi * 60_000 + s * 1000;
  let k = 19;
  if (k < n && v.charCodeAt(k) === 46) {
    let frac = 0;
    let scale = 100;
    k++;
    const start = k;
    while (k < n && v.charCodeAt(k) >= 48 && v.charCodeAt(k) <= 57) {
      if (scale >= 1) frac += digitAt(v, k) * scale;
      scale /= 10;
      k++;
    }
    if (k === start || k - start > 6) return null;
    ms += frac;
  }
  if (k === n) return ms;
  return k + 3 === n && v.charCodeAt(k) === 43 && v.charCodeAt(k + 1) === 48 && v.charCodeAt(k + 2) === 48 ? ms : null;
}

export function formatDate(ms: number): string {
  return dateOfDays(Math.floor(ms / DAY_MS));
}

export function formatTime(ms: number, fractionDigits: number): string {
  const inDay = ms - Math.floor(ms / DAY_MS) * DAY_MS;
  const seconds = Math.floor(inDay / 1000);
  const base = `${TWO_DIGITS[Math.floor(seconds / 3600)]}:${TWO_DIGITS[Math.floor(seconds / 60) % 60]}:${TWO_DIGITS[seconds % 60]}`;
  return fractionDigits > 0 ? `${base}.${pad(inDay % 1000, 3).slice(0, Math.min(3, fractionDigits))}` : base;
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

/** The longest text a column holds: its type's length (varchar(n), char(n)) or a CHECK's bound, the tighter; null when free. */
export function lengthLimit(column: Column, domain: ValueDomain | undefined): number | null {
  const a = column.type.length;
  const b = domain?.maxLength ?? null;
  return a !== null && b !== null ? Math.min(a, b) : a ?? b;
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
