/** Small SQL-text helpers shared by the check builders. Pure string functions. */
import type { Table } from '../catalog.js';
import { quoteIdent, quoteQualified as relation } from '../sql/ident.js';

/** Samples per violation. */
export const SAMPLE_LIMIT = 5;

// json_build_object takes at most 100 arguments (FUNC_MAX_ARGS), i.e. 50 key/value pairs
const MAX_SAMPLE_KEYS = 50;

// always-quoted identifiers (safe for upper case, dots, spaces, keywords and non-ASCII names), as the writer quotes them
export { quoteIdent, relation };

/** A string literal that reads the same whatever `standard_conforming_strings` is. */
export function quoteLiteral(text: string): string {
  const body = text.replaceAll("'", "''");
  return text.includes('\\') ? `E'${body.replaceAll('\\', '\\\\')}'` : `'${body}'`;
}


/**
 * The FROM target that holds exactly the rows a table's own constraints govern. A partitioned
 * table is read whole (its rows live in its partitions); any other table is read ONLY, because
 * an INHERITS parent's FK, unique index or NO INHERIT check does not cover its children's rows.
 */
export function scanTarget(table: Pick<Table, 'schema' | 'name' | 'kind'>): string {
  const rel = relation(table.schema, table.name);
  return table.kind === 'partitioned' ? rel : `ONLY ${rel}`;
}

/**
 * `scanTarget` read straight from the heap. A unique or exclusion index that lost entries (a
 * catalog bypass, or a collation change that corrupted it) is exactly when duplicates hide, and
 * the planner would happily answer a GROUP BY on its key from that very index. TABLESAMPLE
 * SYSTEM (100) reads every block (and honours MVCC) but can use no index.
 */
export function heapTarget(table: Pick<Table, 'schema' | 'name' | 'kind'>, alias: string): string {
  return `${scanTarget(table)} ${alias} TABLESAMPLE SYSTEM (100)`;
}

/** `[label, sql]` pairs that identify a row: its primary key, or its ctid when it has none. */
export function rowIdentity(table: Pick<Table, 'primaryKey'>, alias = ''): [string, string][] {
  const prefix = alias ? `${alias}.` : '';
  if (table.primaryKey) return table.primaryKey.columns.map((c) => [c, `${prefix}${quoteIdent(c)}`]);
  return [['ctid', `${prefix}ctid`]];
}

/** Adds the given columns to `pairs`, skipping those already there. */
export function withColumns(pairs: [string, string][], columns: readonly string[], alias = ''): [string, string][] {
  const prefix = alias ? `${alias}.` : '';
  const seen = new Set(pairs.map(([label]) => label));
  return [...pairs, ...columns.filter((c) => !seen.has(c)).map((c): [string, string] => [c, `${prefix}${quoteIdent(c)}`])];
}

/** `json_build_object('label', (expr)::text, …)`: text values, so bigints and numerics stay exact. */
export function jsonSample(pairs: readonly (readonly [string, string])[]): string {
  const args = pairs
    .slice(0, MAX_SAMPLE_KEYS)
    .map(([label, expr]) => `${quoteLiteral(label)}, (${expr})::text`);
  return `json_build_object(${args.join(', ')})`;
}

/**
 * Wraps a violation search into the shape every `ConstraintQuery` has: up to SAMPLE_LIMIT rows,
 * each with the total count (a window over all matches, computed before the LIMIT applies).
 */
export function violationSelect(sample: string, rest: string): string {
  return `SELECT ${sample} AS sample, count(*) OVER () AS total\n${rest}\nLIMIT ${SAMPLE_LIMIT}`;
}
