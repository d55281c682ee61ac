import type pg from 'pg';
import type { QualifiedName } from '../catalog.js';
import { connect } from '../db/connect.js';
import { AutoseedError, isAutoseedError } from '../errors.js';
import type { AutoseedEvent } from '../events.js';
import { introspect } from '../introspect/index.js';
import type { Io } from '../io.js';
import { hasRows } from '../ledger/decide.js';
import { schemaFingerprint } from '../ledger/fingerprint.js';
import { ledgerExists } from '../ledger/schema.js';
import { failStaleRuns, listRuns, loadRun, setRunStatus, type RunDetail } from '../ledger/store.js';
import { autoseedVersion } from '../ledger/version.js';
import { jsonLinesReporter } from '../reporters/json-lines.js';
import { plainReporter } from '../reporters/plain.js';
import { type Confirm, requireConfirmation } from '../safety/confirm.js';
import { acquireLock, releaseLock } from '../safety/lock.js';
import { throwIfInterrupted } from '../safety/signals.js';
import { countMatches, deleteGroup, nullDeferredEdges } from './rollback-delete.js';
import type { PrepareOptions } from './prepare.js';
import { rollbackPlan, type RollbackTarget } from './rollback-targets.js';

export interface RollbackOptions extends Pick<PrepareOptions, 'overrides' | 'password'> {
  url: string;
  connectTimeout: number;
  /** The run to roll back (`--run ID`); default: the latest run whose rows are in the database. */
  run?: number;
  /** Print per table how many rows would go; delete nothing. */
  dryRun?: boolean;
  /** Confirmed in advance (`--yes`). */
  yes?: boolean;
  /** Asks on the terminal; undefined without one (then --yes is required). */
  confirm?: Confirm;
  lockTimeout?: number;
  signal?: AbortSignal;
}

export interface RollbackResult {
  run: number;
  dryRun: boolean;
  /** Rows deleted (or, in a dry run, that would be) per table. */
  tables: Record<QualifiedName, number>;
  rows: number;
}

/**
 * `autoseed rollback` (R10): deletes exactly the rows of one run — recomputed from its seed and
 * recorded inputs — children first, cycles handled (deferred edges set NULL first, deferrable
 * constraints checked at COMMIT, NOT NULL cycles in one statement), in one transaction, under
 * the advisory lock. Rows that existed before the run cannot match: its keys started after theirs.
 */
export async function rollbackDatabase(options: RollbackOptions, emit: (event: AutoseedEvent) => void): Promise<RollbackResult> {
  const dryRun = options.dryRun === true;
  const client = await connect({ url: options.url, connectTimeout: options.connectTimeout, applicationName: 'autoseed rollback' });
  try {
    // a dry run only reads: it neither waits for nor blocks a running seed
    const timeoutSeconds = options.lockTimeout ?? 0;
    if (!dryRun) await acquireLock(client, { timeoutSeconds, signal: options.signal, onWait: (holder) => emit({ type: 'lock-wait', holder, timeoutSeconds }) });
    try {
      const run = await chooseRun(client, options);
      const catalog = await introspect(client);
      checkInputs(run, schemaFingerprint(catalog), options);
      if (run.autoseedVersion !== autoseedVersion()) {
        emit({ type: 'warning', message: `run #${run.id} was written by autoseed ${run.autoseedVersion}, this is ${autoseedVersion()}: rows are found by recomputing their keys, so compare the counts below with what the run wrote` });
      }
      const plan = await rollbackPlan(client, catalog, run, options);
      for (const l of plan.left) emit({ type: 'warning', table: l.table, message: `${l.table}: not rolled back: ${l.reason}` });
      const targets = plan.groups.flat();
      const found = new Map<QualifiedName, number>();
      for (const t of targets) found.set(t.table, await countMatches(client, t));
      emit({ type: 'rollback-plan', run: run.id, dryRun, tables: targets.map((t) => ({ table: t.table, recorded: t.recorded, found: found.get(t.table)!, matchedBy: t.matchedBy })) });
      checkCounts(run, targets, found);
      const total = [...found.values()].reduce((a, b) => a + b, 0);
      if (dryRun) return { run: run.id, dryRun, tables: Object.fromEntries(found), rows: total };
      await requireConfirmation({
        yes: options.yes === true,
        confirm: options.confirm,
        action: `rollback of run #${run.id}`,
        question: `Delete ${total} rows from ${targets.length} tables (autoseed run #${run.id})?`,
      });
      throwIfInterrupted(options.signal);
      return await deleteRun(client, run, plan.groups, found, options.signal, emit);
    } finally {
      if (!dryRun) await releaseLock(client);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function chooseRun(client: pg.Client, options: RollbackOptions): Promise<RunDetail> {
  const { rows } = await client.query<{ db: string }>('SELECT current_database() AS db');
  const database = rows[0]!.db;
  if (!(await ledgerExists(client))) throw new AutoseedError('NOTHING_TO_ROLL_BACK', { database });
  // we hold the lock: a run still marked running was killed, and its committed tables are rolled back like any
  if (!options.dryRun) await failStaleRuns(client);
  const candidates = (await listRuns(client)).filter(hasRows);
  const chosen = options.run === undefined ? candidates[0] : candidates.find((r) => r.id === options.run);
  if (!chosen) {
    if (options.run === undefined) throw new AutoseedError('NOTHING_TO_ROLL_BACK', { database });
    const runs = candidates.map((r) => `#${r.id} (${r.status}, ${r.rows} rows, ${r.startedAt})`).join(', ') || 'none with rows';
    throw new AutoseedError('RUN_NOT_FOUND', { run: options.run, runs });
  }
  return (await loadRun(client, chosen.id))!;
}

/** The run's keys are recomputed from its schema and overrides file: both must be the ones it used. */
function checkInputs(run: RunDetail, schema: string, options: RollbackOptions): void {
  const action = 'roll it back';
  if (schema !== run.schemaFingerprint) {
    throw new AutoseedError('INPUTS_CHANGED', { run: run.id, what: 'schema', action, fix: 'restore the schema the run saw (columns, keys, constraints)' });
  }
  const overrides = options.overrides?.fingerprint ?? null;
  if (overrides !== run.overridesFingerprint) {
    const fix = run.overridesFingerprint === null
      ? 'run the rollback without an overrides file, as the seed ran (from another folder, or without --config)'
      : 'run the rollback with the overrides file the seed used (from the same folder, or with the same --config FILE, unchanged)';
    throw new AutoseedError('INPUTS_CHANGED', { run: run.id, what: 'overrides file', action, fix });
  }
}

/** More rows matching a key than the run wrote means the recomputed keys are not the run's: stop before deleting anything. */
function checkCounts(run: RunDetail, targets: readonly RollbackTarget[], found: ReadonlyMap<QualifiedName, number>): void {
  const bad = targets.find((t) => t.byKey && found.get(t.table)! > t.recorded);
  if (bad) {
    throw new AutoseedError('ROLLBACK_FAILED', {
      run: run.id, table: bad.table, constraint: null,
      detail: `${found.get(bad.table)} rows match the recomputed keys but the run wrote ${bad.recorded}, so the keys are not the run's`,
    });
  }
}

async function deleteRun(
  client: pg.Client,
  run: RunDetail,
  groups: readonly (readonly RollbackTarget[])[],
  found: ReadonlyMap<QualifiedName, number>,
  signal: AbortSignal | undefined,
  emit: (event: AutoseedEvent) => void,
): Promise<RollbackResult> {
  const started = performance.now();
  const deleted: Record<QualifiedName, number> = {};
  let current = 'the ledger';
  await client.query('BEGIN');
  try {
    // deferrable FKs (cycle edges among them) are checked at COMMIT, when every row is gone
    await client.query('SET CONSTRAINTS ALL DEFERRED');
    for (const t of groups.flat()) {
      current = t.table;
      await nullDeferredEdges(client, t);
    }
    for (const group of groups) {
      throwIfInterrupted(signal);
      current = group.map((t) => t.table).join(' + ');
      const t0 = performance.now();
      const counts = await deleteGroup(client, group);
      group.forEach((t, k) => {
        deleted[t.table] = counts[k]!;
        const nulled = t.nullFirst.map((f) => f.name);
        emit({ type: 'rollback-table', table: t.table, rows: counts[k]!, ms: Math.round(performance.now() - t0), ...(nulled.length > 0 ? { nulled } : {}) });
        if (counts[k]! < found.get(t.table)!) {
          emit({ type: 'warning', table: t.table, message: `${t.table}: ${found.get(t.table)! - counts[k]!} of its ${found.get(t.table)} rows were not deleted: a rule or trigger on the table kept them` });
        }
      });
    }
    current = 'the ledger';
    await setRunStatus(client, run.id, 'rolled-back', 'rolled back by autoseed rollback');
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throwIfInterrupted(signal);
    if (isAutoseedError(error)) throw error;
    const e = error as { message?: string; constraint?: string; table?: string };
    throw new AutoseedError('ROLLBACK_FAILED', {
      run: run.id, table: e.table ?? current, constraint: e.constraint ?? null, detail: (e.message ?? String(error)).replace(/\.+$/, ''),
    }, { cause: error });
  }
  const rows = Object.values(deleted).reduce((a, b) => a + b, 0);
  emit({ type: 'rollback-done', run: run.id, rows, tables: deleted, ms: Math.round(performance.now() - started) });
  return { run: run.id, dryRun: false, tables: deleted, rows };
}

export interface RollbackCommandOptions extends RollbackOptions {
  json: boolean;
}

/** The CLI command: JSON lines with --json, human lines on stderr otherwise. */
export async function runRollback(options: RollbackCommandOptions, io: Io): Promise<number> {
  const report = options.json ? jsonLinesReporter(io.stdout) : plainReporter(io.stderr);
  await rollbackDatabase(options, report);
  return 0;
}
