import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { connect, readOnlyPool } from '../db/connect.js';
import { AutoseedError } from '../errors.js';
import type { EventSink } from '../events.js';
import { introspect } from '../introspect/index.js';
import { demoOverridesFile } from '../overrides/demo-file.js';
import { type LoadedOverrides, loadOverrides } from '../overrides/load.js';
import type { Io } from '../io.js';
import { jsonLinesReporter } from '../reporters/json-lines.js';
import { plainReporter } from '../reporters/plain.js';
import { formatReport, type VerifyReport, verifyIntegrity } from '../verify/index.js';
import { fetchSamples, formatSamples, type SampleRows } from './demo-samples.js';
import { createDemoDatabase, DEMO_SCHEMA, demoSchemaFile, restartCommand, startDemoServer } from './demo-server.js';
import { seedDatabase, type SeedResult } from './seed.js';

export interface DemoOptions {
  /** Default: the demo overrides file's seed, else 1. */
  seed?: number | undefined;
  /** Base row count per table. Default: the demo overrides file's rows, else 100. */
  rows?: number | undefined;
  json: boolean;
  /** `--keep DIR`: keep the embedded cluster in DIR (reused when it already holds one). */
  keep?: string;
}

const DEFAULT_SEED = 1;
const DEFAULT_ROWS = 100;

/** The options with the demo overrides file's defaults filled in. */
interface ResolvedDemoOptions extends DemoOptions {
  seed: number;
  rows: number;
  overrides: LoadedOverrides;
}

/** Milliseconds per stage; `server` includes initdb when the folder is new. */
interface Timings {
  server: number;
  schema: number;
  seed: number;
  verify: number;
  total: number;
}

interface DemoOutcome<T = Timings> {
  url: string;
  seeded: SeedResult;
  report: VerifyReport;
  samples: Record<string, SampleRows>;
  timings: T;
}

/**
 * `autoseed demo`: an embedded PostgreSQL, the bundled school schema, a seed, verify-integrity,
 * a summary and sample rows. The server is stopped at the end, whatever happens. Exit 0 when the
 * seed succeeded and verification found nothing; 1 on violations (a failed step throws).
 */
export async function runDemo(options: DemoOptions, io: Io): Promise<number> {
  if (options.keep !== undefined && options.keep.trim() === '') {
    throw new AutoseedError('USAGE', { message: '--keep needs a folder: --keep DIR.' });
  }
  const keepDir = options.keep === undefined ? undefined : resolve(options.keep);
  const emit: EventSink = options.json ? jsonLinesReporter(io.stdout) : plainReporter(io.stderr);
  const say = (text: string) => {
    if (!options.json) io.stderr(text);
  };
  const schemaFile = demoSchemaFile();
  const sql = readFileSync(schemaFile, 'utf8');
  // the package's top-level overrides.ts is the demo schema's override file
  const overrides = (await loadOverrides(demoOverridesFile(), { required: true, label: 'overrides.ts (demo)' }))!;
  const resolved: ResolvedDemoOptions = {
    ...options,
    seed: options.seed ?? overrides.overrides.seed ?? DEFAULT_SEED,
    rows: options.rows ?? overrides.overrides.rows ?? DEFAULT_ROWS,
    overrides,
  };

  const started = performance.now();
  say(keepDir === undefined ? 'Starting an embedded PostgreSQL in a temporary folder…\n' : `Starting an embedded PostgreSQL in ${keepDir}…\n`);
  const server = await startDemoServer(keepDir);
  const serverMs = ms(started);
  let url: string | undefined;
  let staged: DemoOutcome<Omit<Timings, 'total'>>;
  try {
    const t0 = performance.now();
    say(`Loading the demo schema (${displayPath(schemaFile)})…\n`);
    url = await createDemoDatabase(server, sql, keepDir);
    const schemaMs = ms(t0);
    const { timings, ...rest } = await seedAndVerify(url, resolved, emit);
    staged = { ...rest, timings: { ...timings, server: serverMs, schema: schemaMs } };
  } catch (error) {
    // the kept database still holds the schema: worth a look to see what went wrong
    if (keepDir !== undefined && url !== undefined && !options.json) io.stderr(`${await keptHint(keepDir, url)}\n`);
    throw error;
  } finally {
    await server.stop();
  }
  const outcome: DemoOutcome = { ...staged, timings: { ...staged.timings, total: ms(started) } };
  const ok = outcome.report.violations.length === 0 && outcome.report.failures.length === 0;
  if (options.json) {
    io.stdout(`${JSON.stringify(demoDone(outcome, ok, keepDir))}\n`);
  } else {
    io.stdout(await humanSummary(outcome, resolved, keepDir, displayPath(schemaFile)));
  }
  return ok ? 0 : 1;
}

/** Seed, verify and sample the demo database at `url` (on the running server). */
async function seedAndVerify(url: string, options: ResolvedDemoOptions, emit: EventSink): Promise<DemoOutcome<Pick<Timings, 'seed' | 'verify'>>> {
  let t0 = performance.now();
  // the embedded server's user is a superuser and owns the tables: --fast applies in full
  const seeded = await seedDatabase({ url, connectTimeout: 10, seed: options.seed, rows: options.rows, overrides: options.overrides, fast: true }, emit);
  const seedMs = ms(t0);

  t0 = performance.now();
  const client = await connect({ url, connectTimeout: 10 });
  try {
    const catalog = await introspect(client);
    const pool = readOnlyPool({ url, connectTimeout: 10, applicationName: 'autoseed demo verify' }, 4);
    let report: VerifyReport;
    try {
      // the demo promises every table filled, so an empty one counts as a violation
      report = await verifyIntegrity(catalog, pool, { concurrency: 4, requireRows: options.rows > 0 });
    } finally {
      await pool.end();
    }
    const verifyMs = ms(t0);
    const samples = await fetchSamples(client, DEMO_SCHEMA);
    return { url, seeded, report, samples, timings: { seed: seedMs, verify: verifyMs } };
  } finally {
    await client.end();
  }
}

function demoDone(outcome: DemoOutcome, ok: boolean, keepDir: string | undefined) {
  const { report } = outcome;
  return {
    type: 'demo-done',
    ok,
    ...(keepDir === undefined ? {} : { url: outcome.url, dataDir: keepDir }),
    rows: outcome.seeded.rows,
    tables: outcome.seeded.tables,
    verify: {
      violations: report.violations.length,
      failures: report.failures.length,
      checks: report.checks,
      emptyTables: report.emptyTables,
      details: report.violations,
    },
    samples: outcome.samples,
    ms: outcome.timings,
  };
}

async function humanSummary(outcome: DemoOutcome, options: ResolvedDemoOptions, keepDir: string | undefined, schemaFile: string): Promise<string> {
  const { seeded, timings } = outcome;
  const lines = [
    '',
    `autoseed demo: ${schemaFile} on an embedded PostgreSQL`,
    `Seeded ${seeded.rows.toLocaleString('en-US')} rows into ${Object.keys(seeded.tables).length} tables (seed ${options.seed}, --rows ${options.rows}) in ${seconds(timings.seed)}.`,
    ...Object.entries(seeded.skipped).map(([table, reason]) => `  skipped ${table}: ${reason}`),
    '',
    formatReport(outcome.report, timings.verify).trimEnd(),
    '',
    'Sample rows',
    '',
    formatSamples(outcome.samples).trimEnd(),
    '',
  ];
  if (keepDir !== undefined) lines.push(await keptHint(keepDir, outcome.url), '');
  lines.push(
    `Done in ${seconds(timings.total)} (server start ${seconds(timings.server)},` +
      ` schema ${seconds(timings.schema)}, seed ${seconds(timings.seed)}, verify ${seconds(timings.verify)}).`,
  );
  return `${lines.join('\n')}\n`;
}

/** How to reach the kept database once this process has stopped its server. */
async function keptHint(keepDir: string, url: string): Promise<string> {
  return [
    `The database is kept in ${keepDir} (its server is stopped now). To explore it:`,
    `  ${await restartCommand(keepDir)}`,
    `  export DATABASE_URL=${url}`,
    '  psql "$DATABASE_URL"',
    `"autoseed demo --keep ${keepDir}" re-creates and re-seeds it.`,
  ].join('\n');
}

/** Relative to the working folder when it is below it, absolute otherwise. */
function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

function ms(since: number): number {
  return Math.round(performance.now() - since);
}

function seconds(millis: number): string {
  return `${(millis / 1000).toFixed(1)} s`;
}
