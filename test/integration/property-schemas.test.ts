import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase, type SeedResult } from '../../src/commands/seed.js';
import type { SeedEvent } from '../../src/events.js';
import { introspect } from '../../src/introspect/index.js';
import { verifyIntegrity } from '../../src/verify/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { fkOrphans, rowCounts, schemaObjects, sequencesBehind } from '../helpers/integrity.js';
import { generateSchema, MAX_TABLES, MIN_TABLES, type RandomSchema, type SchemaFeatures } from '../helpers/random-schema.js';

/**
 * Property (issue 5, item 6): for any schema the generator in test/helpers/random-schema.ts
 * produces, `seedDatabase` with any seed and 10–60 rows leaves
 *   (a) no FK orphan (test/helpers/integrity.ts, straight from pg_catalog),
 *   (b) no verify-integrity violation other than empty-table (and no check that failed to run),
 *   (c) rows in every table it did not report as skipped or short,
 *   (d) no sequence behind its column.
 * Each case gets a fresh database on the integration server, dropped afterwards.
 *
 * Replay a failure:
 *   - the failing schema is written to $TMPDIR/autoseed-property-*.sql (path in the error), with
 *     the case in its header: load it with psql and run `autoseed --seed S --rows R`;
 *   - or PROPERTY_CASE='{"schemaSeed":…,"tables":…,"seed":…,"rows":…}' runs that case alone;
 *   - or PROPERTY_SEED=<fast-check seed> [PROPERTY_PATH=<path>] replays the run fast-check printed.
 * The default seed is fixed (20261122) so CI is reproducible; PROPERTY_SEED=random draws a new one.
 * PROPERTY_RUNS (default 200) sets the number of schemas, PROPERTY_SHRINK_MS (default 60000) how
 * long fast-check may spend shrinking a failure; PROPERTY_SURVEY=1 runs every case without
 * stopping at the first failure and lists them all; PROPERTY_ALL_FEATURES=1 lifts the exclusions.
 */

/**
 * Feature combinations turned off because each triggers one known engine bug (minimal repros in
 * the report of issue 5, item 6). The generator still has them (on by default): delete a line here
 * once its bug is fixed, or run with PROPERTY_ALL_FEATURES=1 to turn them all back on.
 */
const KNOWN_BUG_EXCLUSIONS: Partial<SchemaFeatures> = process.env.PROPERTY_ALL_FEATURES === '1' ? {} : {
  // none today: every feature of the generator is on
};

const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);
const SHRINK_BUDGET_MS = Number(process.env.PROPERTY_SHRINK_MS ?? 60_000);
const CASE_TIMEOUT_MS = 60_000;

interface Case {
  schemaSeed: number;
  tables: number;
  seed: number;
  rows: number;
}

const caseArbitrary: fc.Arbitrary<Case> = fc.record({
  schemaSeed: fc.integer({ min: 0, max: 0x7fffffff }),
  tables: fc.integer({ min: MIN_TABLES, max: MAX_TABLES }),
  seed: fc.integer({ min: 0, max: 0x7fffffff }),
  rows: fc.integer({ min: 10, max: 60 }),
});

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const head = `${code ? `[${String(code)}] ` : ''}${error.message}`;
  // an engine error that is not one of autoseed's own: the stack says where
  return code && typeof code === 'string' && /^[A-Z_]+$/.test(code) ? head : `${head}\n${(error.stack ?? '').split('\n').slice(1, 6).join('\n')}`;
}

/**
 * Cases with an odd seed run with --fast, every table rebuilt whatever its size (the default
 * threshold is 1,000 rows): the rows are the same, the schema must come out as it went in.
 */
const isFast = (c: Case) => c.seed % 2 === 1;

const json = (value: unknown) => JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

/** Runs one case; resolves with the problems found (empty when the property holds). */
async function runCase(c: Case, tags: Map<string, number>): Promise<{ problems: string[]; sql: string }> {
  const schema = generateSchema({ seed: c.schemaSeed, tables: c.tables, features: KNOWN_BUG_EXCLUSIONS });
  for (const tag of schema.features) tags.set(tag, (tags.get(tag) ?? 0) + 1);
  let db: TestDatabase;
  try {
    db = await createTestDatabase(schema.sql);
  } catch (error) {
    return { problems: [`the generated schema did not load (a generator bug): ${describeError(error)}`], sql: schema.sql };
  }
  const problems: string[] = [];
  const pool = new pg.Pool({ connectionString: db.url, max: 4 });
  pool.on('error', () => undefined);
  try {
    const errors: SeedEvent[] = [];
    let result: SeedResult | null = null;
    const before = isFast(c) ? await schemaObjects(db.client) : null;
    try {
      result = await seedDatabase({ url: db.url, connectTimeout: 10, seed: c.seed, rows: c.rows, ...(isFast(c) ? { fast: true } : {}) }, (e) => {
        if (e.type === 'error') errors.push(e);
      });
    } catch (error) {
      problems.push(`seedDatabase threw: ${describeError(error)}`);
      for (const e of errors) problems.push(`  error event: ${json(e)}`);
    }
    if (result) {
      try {
        if (before) {
          const after = await schemaObjects(db.client);
          const changed = [...after.filter((x) => !before.includes(x)), ...before.filter((x) => !after.includes(x))];
          if (changed.length > 0) problems.push(`--fast changed the schema: ${changed.join('; ')}`);
        }
        await checkSeeded(db, schema.tables, result, pool, problems);
      } catch (error) {
        problems.push(`the checks after seeding threw: ${describeError(error)}`);
      }
    }
  } finally {
    await pool.end().catch(() => undefined);
    await db.drop();
  }
  return { problems, sql: schema.sql };
}

/** (a)–(d) on a seeded database; appends what is wrong to `problems`. */
async function checkSeeded(db: TestDatabase, tables: RandomSchema['tables'], result: SeedResult, pool: pg.Pool, problems: string[]): Promise<void> {
  // (a) FK orphans, by the independent check
  for (const o of await fkOrphans(db.client)) problems.push(`FK orphans: ${o.table} ${o.constraint}: ${o.orphans} rows`);
  // (b) verify-integrity: every violation but empty-table, and any check that could not run
  const report = await verifyIntegrity(await introspect(db.client), pool, { concurrency: 4 });
  for (const v of report.violations.filter((x) => x.kind !== 'empty-table')) {
    problems.push(`violation: ${v.kind} ${v.table} ${v.constraint}${v.column ? ` (${v.column})` : ''}: ${v.count}, e.g. ${json(v.samples.slice(0, 2))}`);
  }
  for (const f of report.failures) problems.push(`verify check could not run: ${f.kind} ${f.table} ${f.constraint}: ${f.message}`);
  // (c) rows wherever autoseed did not say otherwise (partitions count in their parent)
  const counts = await rowCounts(db.client);
  for (const t of tables) {
    if (!counts.has(t.key)) problems.push(`table ${t.key} not found after loading (a generator bug)`);
  }
  for (const [table, n] of counts) {
    if (n === 0 && !(table in result.skipped) && !(table in result.short)) problems.push(`empty table not reported as skipped or short: ${table}`);
  }
  // (d) sequences
  for (const s of await sequencesBehind(db.client)) problems.push(`sequence behind its column: ${s}`);
}

/** Writes the failing schema, with the case and the problems in its header; returns the path. */
function saveFailure(c: Case, sql: string, problems: readonly string[]): string {
  const path = join(tmpdir(), `autoseed-property-${c.schemaSeed}-t${c.tables}-s${c.seed}-r${c.rows}.sql`);
  const header = [
    `-- autoseed property-schemas failure: ${json(c)}`,
    `-- replay: PROPERTY_CASE='${json(c)}' npx vitest run --project integration test/integration/property-schemas.test.ts`,
    `--     or: psql "$URL" -f ${path} && ${isFast(c) ? 'AUTOSEED_FAST_REBUILD_ROWS=1 ' : ''}autoseed --url "$URL" --seed ${c.seed} --rows ${c.rows}${isFast(c) ? ' --fast' : ''}`,
    `-- generator exclusions: ${json(KNOWN_BUG_EXCLUSIONS)}`,
    ...problems.flatMap((p) => p.split('\n')).map((line) => `-- ${line}`),
    '',
  ];
  writeFileSync(path, `${header.join('\n')}\n${sql}`);
  return path;
}

async function checkCase(c: Case, tags: Map<string, number>): Promise<void> {
  const { problems, sql } = await runCase(c, tags);
  if (problems.length === 0) return;
  const path = saveFailure(c, sql, problems);
  throw new Error(`case ${json(c)} failed; schema written to ${path}\n${problems.join('\n')}`);
}

describe('property: random schemas seed with every constraint respected', () => {
  const threshold = process.env.AUTOSEED_FAST_REBUILD_ROWS;
  beforeAll(() => {
    process.env.AUTOSEED_FAST_REBUILD_ROWS = '1';
  });
  afterAll(() => {
    if (threshold === undefined) delete process.env.AUTOSEED_FAST_REBUILD_ROWS;
    else process.env.AUTOSEED_FAST_REBUILD_ROWS = threshold;
  });
  const replay = process.env.PROPERTY_CASE;

  it.runIf(replay !== undefined)('replays PROPERTY_CASE', async () => {
    await checkCase(JSON.parse(replay!) as Case, new Map());
  }, 5 * CASE_TIMEOUT_MS);

  // PROPERTY_SURVEY=1: run every case and list every failure (no stop at the first, no shrinking)
  it.runIf(replay === undefined && process.env.PROPERTY_SURVEY === '1')(`survey of ${RUNS} random schemas`, async () => {
    const cases = fc.sample(caseArbitrary, { numRuns: RUNS, seed: Number(process.env.PROPERTY_SEED ?? 42) });
    const failures: string[] = [];
    for (const c of cases) {
      const { problems, sql } = await runCase(c, new Map());
      if (problems.length > 0) failures.push(`${saveFailure(c, sql, problems)}\n  ${problems.join('\n  ')}`);
    }
    process.stdout.write(`survey: ${failures.length} of ${cases.length} cases failed\n${failures.join('\n')}\n`);
    expect(failures).toEqual([]);
  }, 60 * 60_000);

  it.runIf(replay === undefined && process.env.PROPERTY_SURVEY !== '1')(`${RUNS} random schemas (${MIN_TABLES}–${MAX_TABLES} tables, 10–60 rows): no orphans, no violations, no empty tables, no sequence behind`, async () => {
    const tags = new Map<string, number>();
    let firstFailure: number | null = null;
    let runs = 0;
    const started = performance.now();
    const property = fc.asyncProperty(caseArbitrary, async (c) => {
      // once a failure is found, shrinking gets a time budget: past it every candidate passes,
      // so fast-check stops and reports the smallest failing case found so far
      if (firstFailure !== null && performance.now() - firstFailure > SHRINK_BUDGET_MS) return;
      runs++;
      try {
        await checkCase(c, tags);
      } catch (error) {
        firstFailure ??= performance.now();
        throw error;
      }
    });
    // a fixed seed by default, so CI is reproducible; PROPERTY_SEED=<n> (or 'random') explores further
    const seed = process.env.PROPERTY_SEED === 'random' ? undefined : (process.env.PROPERTY_SEED ?? '20261122');
    const path = process.env.PROPERTY_PATH;
    try {
      await fc.assert(property, {
        numRuns: RUNS,
        timeout: CASE_TIMEOUT_MS,
        ...(seed ? { seed: Number(seed) } : {}),
        ...(path ? { path } : {}),
      });
    } finally {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const seen = [...tags].sort(([a], [b]) => (a < b ? -1 : 1)).map(([t, n]) => `${t}×${n}`).join(' ');
      process.stdout.write(`property-schemas: ${runs} cases in ${seconds} s\nfeatures seen: ${seen}\n`);
    }
    if (!path) expect(runs).toBeGreaterThanOrEqual(RUNS);
  }, 15 * 60_000);
});
