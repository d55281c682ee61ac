import { createHash } from 'node:crypto';
import type { Catalog } from '../catalog.js';

/**
 * Fingerprints (DESIGN decision 6). A run's fingerprint says "this exact request against this
 * exact schema": the same fingerprint twice gives the same rows (R6), so the second run has
 * nothing to do. Pure.
 */

/** Catalog fields that change without the schema changing: statistics, server, database name, comments. */
const VOLATILE = new Set(['estimatedRows', 'serverVersion', 'serverVersionNum', 'database', 'comment']);

/** sha256 of the catalog's schema: tables, columns, types, keys, constraints, triggers, sequences' definitions. */
export function schemaFingerprint(catalog: Catalog): string {
  return sha256(stableJson(catalog, VOLATILE));
}

/** The volume a run asked for. Not the planned counts: those depend on what the database already holds. */
export interface RequestedCounts {
  /** Base rows per table. */
  readonly rows: number;
  /** --tables and --exclude, as given (order does not matter). */
  readonly tables?: readonly string[];
  readonly exclude?: readonly string[];
  /** Per-table row counts chosen elsewhere (the TUI), if any. */
  readonly perTable?: Readonly<Record<string, number>>;
}

export interface FingerprintInput {
  readonly schema: string;
  /**
   * The override file's fingerprint: null until overrides.ts is loaded by the seed command.
   * The slot is part of the hash already, so adding overrides will not change today's fingerprints.
   */
  readonly overrides: string | null;
  readonly seed: number;
  readonly counts: RequestedCounts;
}

/** sha256 of schema fingerprint + overrides + seed + requested counts. */
export function runFingerprint(input: FingerprintInput): string {
  const counts = {
    rows: input.counts.rows,
    tables: [...(input.counts.tables ?? [])].sort(),
    exclude: [...(input.counts.exclude ?? [])].sort(),
    perTable: input.counts.perTable ?? {},
  };
  return sha256(stableJson({ v: 1, schema: input.schema, overrides: input.overrides, seed: input.seed, counts }, new Set()));
}

/** JSON with object keys sorted (so field order never matters) and the `drop` keys left out. */
export function stableJson(value: unknown, drop: ReadonlySet<string>): string {
  return JSON.stringify(value, (key, v: unknown) => {
    if (drop.has(key)) return undefined;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
