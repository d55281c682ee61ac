import type { Queryable } from '../db/queryable.js';
import { AutoseedError } from '../errors.js';

/**
 * The run ledger (DESIGN decision 6): schema `autoseed` in the target database, created on first
 * use (under the advisory lock, so two runs never race to create it). Introspection leaves the
 * schema out, so autoseed never seeds, verifies or fingerprints its own bookkeeping.
 *
 * No per-row bookkeeping: a row's key is a pure function of the seed and the generation inputs,
 * so the ledger stores only the inputs recomputation cannot give back — rows per table before
 * the run (the plan is rebuilt from them), where each table's keys started, samples of
 * pre-existing parents that key columns were drawn from — and, for the tables whose keys the
 * database decided (insert triggers may rewrite or reject rows), the keys as written.
 */
export const LEDGER_DDL = `
CREATE SCHEMA IF NOT EXISTS autoseed;
COMMENT ON SCHEMA autoseed IS 'autoseed run ledger (v1): idempotent re-runs, resume, rollback. Safe to drop once you no longer need to roll back.';

CREATE TABLE IF NOT EXISTS autoseed.runs (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  started_at         timestamptz NOT NULL DEFAULT now(),
  finished_at        timestamptz,
  -- running: in progress, or killed (a later run that gets the lock marks it failed)
  -- complete: every table committed; failed: stopped (a --checkpoint run keeps its complete tables)
  -- rolled-back: its rows were deleted (autoseed rollback) or truncated (seed --reset)
  status             text NOT NULL CHECK (status IN ('running', 'complete', 'failed', 'rolled-back')),
  seed               bigint NOT NULL,
  -- sha256 of schema fingerprint + overrides + seed + requested counts: same fingerprint, same rows
  fingerprint        text NOT NULL,
  schema_fingerprint text NOT NULL,
  -- sha256 of the overrides file the run used (NULL: none); resume and rollback need the same file
  overrides_fingerprint text,
  environment        text NOT NULL,
  checkpoint         boolean NOT NULL,
  -- the request the plan is rebuilt from: rows, tables, exclude, append, reset (never the URL)
  options            jsonb NOT NULL,
  -- rows per table before the run: the planner's ExistingState, so resume and rollback rebuild the same plan
  existing_rows      jsonb NOT NULL,
  -- samples of pre-existing (not seeded) parents that seeded key columns were drawn from: {table: {columns, rows}}
  existing_keys      jsonb NOT NULL DEFAULT '{}',
  autoseed_version   text NOT NULL,
  error              text
);

CREATE TABLE IF NOT EXISTS autoseed.run_tables (
  run_id       bigint NOT NULL REFERENCES autoseed.runs (id) ON DELETE CASCADE,
  table_name   text NOT NULL,
  position     integer NOT NULL,
  planned_rows integer NOT NULL,
  rows         integer NOT NULL DEFAULT 0,
  -- pending until the transaction that wrote the table commits (per table with --checkpoint)
  status       text NOT NULL CHECK (status IN ('pending', 'complete', 'rolled-back')),
  -- copy | insert (insert triggers) | together (NOT NULL cycle) | trigger-filled | empty
  method       text,
  -- {column: n}: injective key numbers start after n (GenerationInputs.keyStart)
  key_start    jsonb NOT NULL,
  -- {columns, rows}: key tuples per planned row, as the database holds them; only where the database decided
  keys         jsonb,
  finished_at  timestamptz,
  PRIMARY KEY (run_id, table_name)
);
`;

/** Creates the ledger if it is missing; autocommit DDL. */
export async function ensureLedger(q: Queryable): Promise<void> {
  // checked first: COMMENT ON SCHEMA needs ownership, which a second database user may not have
  if (await ledgerExists(q)) return;
  try {
    await q.query(LEDGER_DDL);
  } catch (error) {
    // 42501 insufficient_privilege: the role may write rows but not create schemas
    if ((error as { code?: string }).code !== '42501') throw error;
    const { rows } = await q.query<{ db: string; usr: string }>('SELECT current_database() AS db, current_user AS usr');
    throw new AutoseedError('LEDGER_UNAVAILABLE', { database: rows[0]!.db, user: rows[0]!.usr, detail: (error as Error).message }, { cause: error });
  }
}

/** True when the ledger exists (read-only commands never create it). */
export async function ledgerExists(q: Queryable): Promise<boolean> {
  const { rows } = await q.query<{ ok: boolean }>("SELECT to_regclass('autoseed.run_tables') IS NOT NULL AS ok");
  return rows[0]?.ok === true;
}
