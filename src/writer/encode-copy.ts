import type { Value } from '../inference/gen-context.js';

/**
 * PostgreSQL text-format encoding of generated values: the form `COPY … FROM STDIN` (text
 * format) and text query parameters expect. Pure and allocation-light: it runs once per value.
 */

/** The value's text representation as PostgreSQL's input functions read it; null for NULL. */
export function encodeText(value: Value): string | null {
  if (value === null) return null;
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return Number.isFinite(value) ? String(value) : value > 0 ? 'Infinity' : value < 0 ? '-Infinity' : 'NaN';
    case 'bigint':
      return value.toString();
    case 'boolean':
      return value ? 't' : 'f';
  }
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
  if (Array.isArray(value)) return arrayLiteral(value);
  if ('sql' in value) throw new SqlValueInCopy();
  return JSON.stringify((value as { json: unknown }).json);
}

/** `{a,"b c",NULL,{1,2}}`: elements quoted when they must be, nested arrays as sub-lists. */
export function arrayLiteral(items: readonly Value[]): string {
  return `{${items.map((item) => {
    if (item === null) return 'NULL';
    if (Array.isArray(item)) return arrayLiteral(item);
    const text = encodeText(item)!;
    return needsQuotes(text) ? `"${text.replace(/[\\"]/g, '\\$&')}"` : text;
  }).join(',')}}`;
}

function needsQuotes(text: string): boolean {
  return text === '' || /^null$/i.test(text) || /[{},"\\\s]/.test(text);
}

/** One field of a COPY text-format row: `\N` for NULL, backslash, tab, newline and CR escaped. */
export function encodeCopyField(value: Value): string {
  const text = encodeText(value);
  if (text === null) return '\\N';
  return text.length < LONG_TEXT ? escapeCopyText(text) : escapedLong(text);
}

function escapeCopyText(text: string): string {
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, escapeChar) : text;
}

/** From this length a text's escaped form is kept: long texts come from value pools, over and over. */
const LONG_TEXT = 64;
/** Escaped long texts kept (several pools' worth); past it the memo starts again. */
const LONG_MEMO_LIMIT = 8192;
const longMemo = new Map<string, string>();

/**
 * A long text escaped once, not once per row: pooled paragraphs (bodies, bios, descriptions) are
 * the same strings row after row, and escaping their newlines allocated a copy of each every time.
 */
function escapedLong(text: string): string {
  let escaped = longMemo.get(text);
  if (escaped === undefined) {
    escaped = escapeCopyText(text);
    if (longMemo.size >= LONG_MEMO_LIMIT) longMemo.clear();
    longMemo.set(text, escaped);
  }
  return escaped;
}

function escapeChar(c: string): string {
  switch (c) {
    case '\\': return '\\\\';
    case '\t': return '\\t';
    case '\n': return '\\n';
    default: return '\\r';
  }
}

/** One COPY text-format line, newline included. */
export function encodeCopyRow(values: readonly Value[]): string {
  let line = '';
  for (let k = 0; k < values.length; k++) line += (k === 0 ? '' : '\t') + encodeCopyField(values[k]!);
  return `${line}\n`;
}

/** A SQL expression (overrides.ts sql`…`) where text was needed: the table must be written with INSERT. */
export class SqlValueInCopy extends Error {
  constructor() {
    super('a SQL expression value cannot be sent as text (the table must be written with INSERT)');
  }
}

export function isSqlValueInCopy(error: unknown): boolean {
  return error instanceof SqlValueInCopy || (error instanceof Error && error.cause instanceof SqlValueInCopy);
}
