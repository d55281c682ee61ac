import type pg from 'pg';
import type { Catalog } from '../catalog.js';
import type { SeedDatabaseOptions, SeedResult } from '../commands/seed.js';
import { AutoseedError } from '../errors.js';
import type { EventSink, OpsSink } from '../events.js';
import { countRows } from '../writer/probe.js';
import { decide, hasRows } from './decide.js';
import { runFingerprint, schemaFingerprint } from './fingerprint.js';
import { ensureLedger, ledgerExists } from './schema.js';
import { newRun, resumeRun } from './seed-run.js';
import { committedTables, failStaleRuns, listRuns, loadRun, setRunStatus, type RunRecord } from './store.js';

/** What a seed run works with once it holds the lock. */
export interface SeedSession {
  readonly client: pg.Client;
  readonly checker: pg.Client;
  readonly catalog: Catalog;
  readonly options: SeedDatabaseOptions;
  readonly emit: EventSink;
  readonly ops: OpsSink;
}

/**
 * The ledger's part of a seed (R9), under the advisory lock: fingerprint the request, look at
 * past runs, and do nothing, resume, refuse, or start a new run.
 */
export async function seedWithLedger(session: SeedSession): Promise<SeedResult> {
  const { client, catalog, options } = session;
  const schema = schemaFingerprint(catalog);
  const fingerprint = runFingerprint({
    schema,
    overrides: options.overrides?.fingerprint ?? null,
    seed: options.seed,
    counts: {
      rows: options.rows,
      ...(options.tables ? { tables: options.tables } : {}),
      ...(options.exclude ? { exclude: options.exclude } : {}),
      // the picker's per-table counts are part of the request: other counts, another run
      ...(options.rowOverrides && Object.keys(options.rowOverrides).length > 0 ? { perTable: options.rowOverrides } : {}),
    },
  });
  const dryRun = options.dryRun === true;
  if (!dryRun) {
    await ensureLedger(client);
    // we hold the lock: a run still marked running was killed
    await failStaleRuns(client);
  }
  const runs = dryRun && !(await ledgerExists(client)) ? [] : await withoutEmptiedRuns(session, await listRuns(client));
  const decision = decide(runs, fingerprint, { append: options.append === true, reset: options.reset === true });
  switch (decision.kind) {
    case 'nothing-to-do':
      return nothingToDo(session, decision.run, fingerprint);
    case 'refuse': {
      const r = decision.run;
      throw new AutoseedError('ALREADY_SEEDED', { run: r.id, seed: r.seed, started: r.startedAt, fingerprint: r.fingerprint });
    }
    case 'resume':
      return resumeRun(session, decision.run.id, fingerprint);
    case 'new':
      return newRun(session, { schema, fingerprint });
  }
}

async function nothingToDo(session: SeedSession, run: RunRecord, fingerprint: string): Promise<SeedResult> {
  const detail = await loadRun(session.client, run.id);
  const tables = Object.fromEntries((detail?.tables ?? []).filter((t) => t.status === 'complete').map((t) => [t.table, t.rows]));
  session.ops({
    type: 'nothing-to-do',
    run: run.id,
    fingerprint,
    tables,
    rows: run.rows,
    message: `Already seeded by run #${run.id} (started ${run.startedAt}) with the same schema, seed and volume: nothing to do.` +
      ' Use --append to add more rows, or --reset to start over.',
  });
  return { tables: {}, short: {}, rows: 0, ms: 0, skipped: {}, outcome: 'already-complete', run: run.id, pii: [] };
}

/**
 * Runs whose every committed table is empty now were truncated by hand: their rows are gone, so
 * they no longer make the database "seeded" (they are marked rolled back, except in a dry run).
 * A table that merely lost some rows keeps its run: deleting rows is what applications do.
 */
async function withoutEmptiedRuns(session: SeedSession, runs: RunRecord[]): Promise<RunRecord[]> {
  const live = runs.filter(hasRows);
  if (live.length === 0) return runs;
  const tables = await committedTables(session.client, live.map((r) => r.id));
  const counts = await countRows(session.client, session.catalog);
  const emptied = new Set(live.filter((r) => (tables.get(r.id) ?? []).every((t) => (counts.get(t) ?? 0) === 0)).map((r) => r.id));
  if (!session.options.dryRun) {
    for (const id of emptied) await setRunStatus(session.client, id, 'rolled-back', 'its rows are gone: every table it seeded was found empty');
  }
  return runs.filter((r) => !emptied.has(r.id));
}
