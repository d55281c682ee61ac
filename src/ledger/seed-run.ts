import type { QualifiedName } from '../catalog.js';
import type { SeedResult } from '../commands/seed.js';
import { prepare, type Prepared } from '../commands/prepare.js';
import { AutoseedError } from '../errors.js';
import { piiColumns } from '../safety/pii.js';
import { throwIfInterrupted } from '../safety/signals.js';
import { truncateTables, truncation as truncationOf } from '../safety/truncate.js';
import { executePlan } from '../writer/execute-plan.js';
import { GeneratorSet } from '../writer/generate/generator-set.js';
import { draftInputs, inputsOfRun } from './inputs.js';
import { keysAsWritten, restoreKeys } from './keys.js';
import type { SeedSession } from './session.js';
import { completeTables, createRun, loadRun, resetRuns, setRunStatus, type RunTableRecord } from './store.js';
import { autoseedVersion } from './version.js';

/**
 * A new run: plan, (for --reset) confirm and truncate, record the run, write. The TRUNCATE, the
 * ledger's run row and the first table share one transaction, so a failed run leaves nothing:
 * neither rows nor a half-recorded run (with --checkpoint, the tables committed so far stay,
 * recorded, for an identical run to resume).
 */
export async function newRun(session: SeedSession, ids: { schema: string; fingerprint: string }): Promise<SeedResult> {
  const { client, catalog, options } = session;
  let prepared = await prepare(client, catalog, options);
  const seeded = prepared.plan.tables.filter((t) => t.mode === 'seed').map((t) => t.key);
  if (seeded.length === 0) throw new AutoseedError('NOTHING_TO_SEED', {});
  const truncation = options.reset ? truncationOf(catalog, seeded) : null;
  if (truncation) {
    session.ops({ type: 'reset-plan', ...truncation, dryRun: options.dryRun === true });
    if (!options.dryRun) {
      if (!options.confirmReset) throw new AutoseedError('CONFIRMATION_REQUIRED', { action: 'seed --reset' });
      await options.confirmReset(truncation);
    }
  }
  if (options.dryRun) return dryRun(session, prepared, null);
  throwIfInterrupted(options.signal);

  let runId: number | null = null;
  await client.query('BEGIN');
  try {
    if (truncation) {
      await truncateTables(client, catalog, truncation.tables);
      const runs = await resetRuns(client);
      // planned again on the emptied tables: keys start afresh, as RESTART IDENTITY did
      prepared = await prepare(client, catalog, options);
      session.ops({ type: 'reset-done', tables: truncation.tables, cascaded: truncation.cascaded, runs });
    }
    runId = await createRun(client, {
      seed: options.seed,
      fingerprint: ids.fingerprint,
      schemaFingerprint: ids.schema,
      overridesFingerprint: options.overrides?.fingerprint ?? null,
      environment: options.environment?.name ?? 'development',
      checkpoint: options.checkpoint === true,
      options: {
        rows: options.rows,
        ...(options.tables ? { tables: options.tables } : {}),
        ...(options.exclude ? { exclude: options.exclude } : {}),
        // resume and rollback rebuild the same plan from these
        ...(options.rowOverrides ? { rowOverrides: options.rowOverrides } : {}),
        append: options.append === true,
        reset: options.reset === true,
      },
      autoseedVersion: autoseedVersion(),
      ...draftInputs(prepared),
    });
    return await execute(session, prepared, runId, { fingerprint: ids.fingerprint, resumed: false, done: [] });
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    if (runId !== null) await recordFailure(session, runId, error);
    throw error;
  }
}

/** Continues an interrupted --checkpoint run: its inputs come from the ledger, its committed tables are skipped. */
export async function resumeRun(session: SeedSession, runId: number, fingerprint: string): Promise<SeedResult> {
  const { client, catalog, options } = session;
  const run = (await loadRun(client, runId))!;
  // same fingerprint, so the same overrides file: generation reads it as the interrupted run did
  const prepared = await inputsOfRun(client, catalog, run, options);
  const done = run.tables.filter((t) => t.status === 'complete');
  const pending = run.tables.filter((t) => t.status !== 'complete').map((t) => t.table);
  session.ops({ type: 'resume', run: runId, complete: done.map((t) => t.table), pending });
  if (run.autoseedVersion !== autoseedVersion()) {
    session.emit({ type: 'warning', message: `run #${runId} was started by autoseed ${run.autoseedVersion}, this is ${autoseedVersion()}: if generation changed in between, its remaining tables may not fit the committed ones (use --reset to start over)` });
  }
  if (options.dryRun) return dryRun(session, prepared, runId, new Set(done.map((t) => t.table)));
  throwIfInterrupted(options.signal);
  await setRunStatus(client, runId, 'running');
  try {
    return await execute(session, prepared, runId, { fingerprint, resumed: true, done });
  } catch (error) {
    await recordFailure(session, runId, error);
    throw error;
  }
}

async function execute(
  session: SeedSession,
  prepared: Prepared,
  runId: number,
  info: { fingerprint: string; resumed: boolean; done: readonly RunTableRecord[] },
): Promise<SeedResult> {
  const { client, checker, options, emit } = session;
  const { model, plan } = prepared;
  const gens = new GeneratorSet(prepared.inputs);
  restoreKeys(gens, info.done);
  for (const message of plan.warnings) emit({ type: 'warning', message });
  const checkpoint = options.checkpoint === true;
  const summary = await executePlan(client, gens, plan, {
    checker,
    emit,
    checkpoint,
    ...(options.disableTriggers ? { disableTriggers: true } : {}),
    ...(options.fast ? { fast: true } : {}),
    transactionOpen: !info.resumed,
    done: new Map(info.done.map((t) => [t.table, t.rows])),
    ...(options.signal ? { signal: options.signal } : {}),
    start: {
      ...(options.environment ? { environment: { ...options.environment } } : {}),
      ...(options.configuration ? { configuration: options.configuration } : {}),
      run: { id: runId, fingerprint: info.fingerprint, resumed: info.resumed, checkpoint },
    },
    // the ledger is written in the transaction that writes the rows: both commit, or neither
    beforeCommit: async (c, outcomes, last) => {
      await completeTables(c, runId, outcomes.map((o) => ({
        ...o,
        // where the database decided the keys, they are stored; elsewhere they are recomputed
        keys: o.method === 'insert' || o.method === 'trigger-filled' ? keysAsWritten(gens.generator(o.table)!, model) : null,
      })));
      if (last) await setRunStatus(c, runId, 'complete');
    },
  });
  const seeded = new Set<QualifiedName>(plan.tables.filter((t) => t.mode === 'seed').map((t) => t.key));
  const pii = piiColumns(model).filter((c) => seeded.has(c.table));
  const skipped = Object.fromEntries(plan.tables.filter((t) => t.mode === 'skip' && t.skip).map((t) => [t.key, t.skip!.reason]));
  emit({ type: 'run-done', tables: summary.tables, rows: summary.rows, ms: summary.ms, skipped, short: summary.short, pii, run: runId });
  return { ...summary, skipped, outcome: info.resumed ? 'resumed' : 'seeded', run: runId, pii };
}

/** Marks a run failed when its row survived (a --checkpoint run's committed part); a rolled-back run left no row to mark. */
async function recordFailure(session: SeedSession, runId: number, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  await setRunStatus(session.client, runId, 'failed', message.slice(0, 2000)).catch(() => undefined);
}

/** A dry run's answer: the rows the run would write per table (nothing was written). */
function dryRun(session: SeedSession, prepared: Prepared, runId: number | null, done: ReadonlySet<QualifiedName> = new Set()): SeedResult {
  const seeded = prepared.plan.tables.filter((t) => t.mode === 'seed' && !done.has(t.key));
  const pii = piiColumns(prepared.model).filter((c) => seeded.some((t) => t.key === c.table));
  const tables = Object.fromEntries(seeded.map((t) => [t.key, t.rows]));
  const rows = seeded.reduce((n, t) => n + t.rows, 0);
  session.ops({ type: 'seed-dry-run', action: runId === null ? 'new-run' : 'resume', run: runId, tables, rows });
  return { tables, short: {}, rows, ms: 0, skipped: {}, outcome: 'dry-run', run: runId, pii };
}
