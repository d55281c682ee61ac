import type { Catalog, QualifiedName } from '../catalog.js';
import { connect, parseDatabaseUrl, readOnlyPool } from '../db/connect.js';
import type { EventSink, OpsEvent } from '../events.js';
import type { SeedModel } from '../inference/model.js';
import { introspect } from '../introspect/index.js';
import type { Io } from '../io.js';
import { buildPlan } from '../planner/build-plan.js';
import { withRowOverrides } from '../planner/row-overrides.js';
import { piiColumns } from '../safety/pii.js';
import type { Connected, Selection, UiBackend, VerifyResult } from '../ui/backend.js';
import { runTui } from '../ui/run-tui.js';
import { verifyIntegrity } from '../verify/index.js';
import { countRows } from '../writer/probe.js';
import { modelAndPlan } from './prepare.js';
import { type SeedDatabaseOptions, seedDatabase } from './seed.js';

export interface SeedTuiOptions extends SeedDatabaseOptions {
  /** Run verify-integrity after seeding (`--no-verify` turns it off). */
  verify: boolean;
}

/**
 * `autoseed seed` on a terminal: pick tables and counts, preview the plan, watch the run, verify.
 * The run itself is `seedDatabase` (lock, ledger, one transaction), as without the UI.
 */
export async function runSeedTui(options: SeedTuiOptions, io: Io & { signal?: AbortSignal }, terminal = { stdin: process.stdin, stdout: process.stdout }): Promise<number> {
  const t = parseDatabaseUrl(options.url);
  return runTui(createSeedBackend(options), {
    ...terminal,
    target: `${t.user}@${t.host}:${t.port}/${t.database}`,
    verify: options.verify,
    ...(io.signal ? { signal: io.signal } : {}),
  });
}

interface Schema {
  catalog: Catalog;
  model: SeedModel;
  existingRows: ReadonlyMap<QualifiedName, number>;
}

const VERIFY_CONCURRENCY = 4;

/** The UI's backend over the real pipeline: introspect and plan, then `seedDatabase`, then verify-integrity. */
export function createSeedBackend(options: SeedTuiOptions): UiBackend {
  let schema: Schema | null = null;
  const stop = new AbortController();
  let seeding: Promise<unknown> | null = null;
  const known = () => {
    if (!schema) throw new Error('not connected');
    return schema;
  };

  return {
    async connect(status) {
      // a short-lived connection: nothing is held open while the user picks
      const client = await connect({ url: options.url, connectTimeout: options.connectTimeout });
      try {
        status('Reading the schema');
        const catalog = await introspect(client);
        status(`Planning ${catalog.tables.length} tables`);
        const existingRows = await countRows(client, catalog);
        const { model, plan } = await modelAndPlan(catalog, options, existingRows);
        schema = { catalog, model, existingRows };
        const narrowed = options.tables !== undefined || options.exclude !== undefined;
        const data: Connected = {
          database: catalog.database,
          tables: model.tables.map((m) => ({ key: m.key, schema: m.table.schema, name: m.table.name, existingRows: existingRows.get(m.key) ?? 0 })),
          // --tables / --exclude preselect; the parents they pull in show as required, unticked
          selected: plan.tables.filter((p) => !narrowed || (p.mode === 'seed' && !p.required)).map((p) => p.key),
          plan,
          pii: piiColumns(model),
        };
        return data;
      } finally {
        await client.end().catch(() => undefined);
      }
    },

    async plan(selection) {
      const s = known();
      return buildPlan(s.model, { rows: s.existingRows }, withRowOverrides({ rows: options.rows, tables: selection.tables }, selection.rows));
    },

    async seed(selection: Selection, emit: EventSink) {
      // the picker replaces --tables / --exclude; all ticked is the same request as none given
      const { verify: _verify, tables: _tables, exclude: _exclude, ...base } = options;
      const all = selection.tables.length === known().model.tables.length;
      const request: SeedDatabaseOptions = {
        ...base,
        ...(all ? {} : { tables: selection.tables }),
        rowOverrides: selection.rows,
        signal: stop.signal,
      };
      const run = seedDatabase(request, emit, opsAsWarnings(emit));
      seeding = run;
      const result = await run;
      if (result.outcome === 'already-complete') {
        emit({ type: 'run-done', tables: {}, rows: 0, ms: 0, skipped: {}, short: {}, ...(result.run !== null ? { run: result.run } : {}) });
      }
    },

    async verify(): Promise<VerifyResult> {
      return verifyDatabase(options, known().catalog);
    },

    async close() {
      // an unfinished run rolls back and releases its lock before we return
      stop.abort();
      await seeding?.catch(() => undefined);
    },
  };
}

/** What the ledger and the lock report, shown among the run's warnings. */
function opsAsWarnings(emit: EventSink): (event: OpsEvent) => void {
  return (event) => {
    if (event.type === 'nothing-to-do') emit({ type: 'warning', message: event.message });
    else if (event.type === 'resume') emit({ type: 'warning', message: `Resuming interrupted run #${event.run}: ${event.pending.length} tables left` });
    else if (event.type === 'lock-wait') emit({ type: 'warning', message: `Waiting up to ${event.timeoutSeconds} s for another autoseed run to finish` });
  };
}

/** verify-integrity over a read-only pool, reduced to what the summary shows. */
async function verifyDatabase(options: SeedTuiOptions, catalog: Catalog): Promise<VerifyResult> {
  const started = performance.now();
  const pool = readOnlyPool(options, VERIFY_CONCURRENCY);
  try {
    const report = await verifyIntegrity(catalog, pool, { concurrency: VERIFY_CONCURRENCY });
    return {
      checks: report.checks,
      violations: report.violations.map((v) => `${v.table}: ${v.kind} ${v.constraint}: ${v.count}`),
      failures: report.failures.map((f) => `${f.table}: ${f.kind} ${f.constraint} could not run: ${f.message}`),
      ms: performance.now() - started,
    };
  } finally {
    await pool.end().catch(() => undefined);
  }
}
