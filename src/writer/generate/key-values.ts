import type { Column } from '../../catalog.js';
import type { Value } from '../../inference/gen-context.js';
import { mix } from '../../inference/rng.js';
import { TIME_FROM, formatDate, formatTimestamp } from '../../inference/values.js';

/**
 * Injective values: distinct for distinct `n` (a 1-based key number), whatever the type, so a
 * unique key is satisfied by construction instead of by retrying.
 */
export function injectiveValue(
  column: Column,
  n: number,
  salt: number,
  text: string | null,
  maxLength: number | null = column.type.length,
  truncate: string | null = null,
): Value {
  const t = column.type;
  switch (t.base) {
    case 'int2':
    case 'int4':
    case 'int8':
    case 'oid':
      return n;
    case 'numeric':
    case 'money':
      return (t.scale ?? 0) > 0 ? n.toFixed(t.scale ?? 0) : String(n);
    case 'float4':
    case 'float8':
      return n;
    case 'uuid':
      return uuidFrom(n, salt);
    case 'date':
      return formatDate(nthTime(n, truncate ?? 'day'));
    case 'timestamp':
    case 'timestamptz':
      return formatTimestamp(nthTime(n, truncate ?? 'second'), 0, t.base === 'timestamptz');
    case 'bytea': {
      const bytes = new Uint8Array(8);
      new DataView(bytes.buffer).setFloat64(0, n);
      return bytes;
    }
    case 'inet':
      return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
    default:
      return uniqueText(text, n, maxLength, t.base === 'bpchar');
  }
}

/** The n-th whole unit after the start of the time window (month n, day n, second n, …). */
function nthTime(n: number, unit: string): number {
  const start = new Date(TIME_FROM);
  switch (unit) {
    case 'year': return Date.UTC(start.getUTCFullYear() + n, 0, 1);
    case 'quarter': return Date.UTC(start.getUTCFullYear(), n * 3, 1);
    case 'month': return Date.UTC(start.getUTCFullYear(), n, 1);
    case 'week': return TIME_FROM + n * 7 * 86_400_000;
    case 'day': return TIME_FROM + n * 86_400_000;
    case 'hour': return TIME_FROM + n * 3_600_000;
    case 'minute': return TIME_FROM + n * 60_000;
    default: return TIME_FROM + n * 1000;
  }
}

/** Text made unique by the number it carries; short columns get a base-36 code. */
function uniqueText(text: string | null, n: number, maxLength: number | null, fixed: boolean): string {
  const code = n.toString(36).toUpperCase();
  if (maxLength !== null && (maxLength <= 12 || text === null)) {
    const padded = fixed || maxLength <= 12 ? code.padStart(Math.min(maxLength, Math.max(code.length, 4)), '0') : code;
    return padded.slice(-maxLength);
  }
  if (text === null) return code;
  const at = text.indexOf('@');
  if (at > 0) {
    // an email: the number goes into the local part so the address stays valid
    const local = text.slice(0, at);
    const domain = text.slice(at);
    const tail = `.${n}${domain}`;
    if (maxLength === null || local.length + tail.length <= maxLength) return `${local}${tail}`;
    // shorten the local part, never the number that makes the address unique
    if (maxLength - tail.length >= 1) return `${local.slice(0, maxLength - tail.length)}${tail}`;
    if (`${n}${domain}`.length <= maxLength) return `${n}${domain}`;
    return code.padStart(Math.min(maxLength, 4), '0').slice(-maxLength);
  }
  if (/^https?:\/\//.test(text)) {
    // a URL stays a URL: the number becomes the last path segment
    const url = `${text.replace(/\/+$/, '')}/${n}`;
    if (maxLength === null || url.length <= maxLength) return url;
  }
  // "Word 12" for prose, "token-12" for one-word values such as tokens and slugs
  const suffix = /\s/.test(text.trim()) ? ` ${n}` : `-${n}`;
  const room = maxLength === null ? text.length : Math.max(0, maxLength - suffix.length);
  return `${text.slice(0, room).trimEnd()}${suffix}`.replace(/^[\s-]+/, '') || code;
}

/** A version-4-shaped UUID whose 128 bits are a hash of (salt, n). Byte by byte from a table: it runs for every key and every reference to one. */
export function uuidFrom(n: number, salt: number): string {
  const w0 = mix(salt, n);
  const w1 = mix(salt ^ 0x5bd1e995, n);
  const w2 = mix(salt ^ 0x1b873593, n);
  const w3 = mix(salt ^ 0xcc9e2d51, n);
  // digit 12 is the version (4); digit 16 carries the variant (10xx)
  return `${hex8(w0)}-${HEX[w1 >>> 24]}${HEX[(w1 >>> 16) & 255]}-4${HEX[(w1 >>> 8) & 255]![1]}${HEX[w1 & 255]}-` +
    `${HEX_DIGIT[((w2 >>> 28) & 0x3) | 0x8]}${HEX[(w2 >>> 24) & 255]![1]}${HEX[(w2 >>> 16) & 255]}-${HEX[(w2 >>> 8) & 255]}${HEX[w2 & 255]}${hex8(w3)}`;
}

const HEX_DIGIT = '0123456789abcdef';
const HEX: readonly string[] = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** A 32-bit word as 8 hex digits. */
function hex8(w: number): string {
  return `${HEX[w >>> 24]}${HEX[(w >>> 16) & 255]}${HEX[(w >>> 8) & 255]}${HEX[w & 255]}`;
}
