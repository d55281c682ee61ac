import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSamples } from '../../src/commands/demo-samples.js';
import { startEmbeddedPostgres } from '../../src/db/embedded.js';
import { type CliResult, runCli } from '../helpers/cli.js';

/**
 * `autoseed demo`, as a user runs it: the built CLI starts its own embedded PostgreSQL (so these
 * tests ignore the integration run's server), loads examples/school.sql, seeds, verifies.
 */

/** The tables examples/school.sql declares, read from the file itself (not through autoseed). */
const DEMO_TABLES = [...readFileSync(new URL('../../examples/school.sql', import.meta.url), 'utf8')
  .matchAll(/^CREATE TABLE school\.(\w+)/gm)].map((m) => `school.${m[1]}`).sort();

interface JsonEvent {
  type: string;
  [key: string]: unknown;
}

function jsonLines(stdout: string): JsonEvent[] {
  return stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as JsonEvent);
}

/** The URL `--keep` prints (human mode), on stdout after a success or stderr after a failure. */
function printedUrl(result: CliResult): string | undefined {
  return /DATABASE_URL=(\S+)/.exec(`${result.stdout}\n${result.stderr}`)?.[1];
}

describe('autoseed demo (built CLI, its own embedded PostgreSQL)', () => {
  let json: CliResult;
  let human: CliResult;
  let keepDir: string;
  let kept: CliResult;
  let keptAgain: CliResult;
  /** What the kept cluster holds, read after restarting it from its folder. */
  let keptFacts: { url: string; pidFileAfterCli: boolean; tables: number; students: number } | undefined;

  beforeAll(async () => {
    keepDir = await mkdtemp(join(tmpdir(), 'autoseed-demo-keep-'));
    const keepRuns = async () => {
      kept = await runCli(['demo', '--keep', keepDir, '--rows', '30']);
      // a second run reuses the initialised folder and re-creates the database
      keptAgain = await runCli(['demo', '--keep', keepDir, '--rows', '30', '--seed', '2']);
    };
    [json, human] = await Promise.all([runCli(['demo', '--json']), runCli(['demo']), keepRuns()]);
    const url = printedUrl(keptAgain);
    if (!url) return;
    // the CLI stopped its server: PostgreSQL removes postmaster.pid on a clean shutdown
    const pidFileAfterCli = existsSync(join(keepDir, 'postmaster.pid'));
    const server = await startEmbeddedPostgres({ dataDir: keepDir, port: Number(new URL(url).port) });
    try {
      const client = new pg.Client(url);
      await client.connect();
      try {
        const tables = await client.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'school' AND table_type = 'BASE TABLE'");
        // unqualified on purpose: the demo database's search_path starts with school
        const students = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM students');
        keptFacts = { url, pidFileAfterCli, tables: tables.rows[0]!.n, students: students.rows[0]!.n };
      } finally {
        await client.end();
      }
    } finally {
      await server.stop();
    }
  });

  afterAll(async () => {
    if (keepDir) await rm(keepDir, { recursive: true, force: true });
  });

  it('the demo schema has about 25 tables', () => {
    expect(DEMO_TABLES.length).toBeGreaterThanOrEqual(24);
  });

  it('sample rows: values cut to 24 characters, columns dropped from the right to fit 100', () => {
    const long = 'x'.repeat(40);
    const text = formatSamples({ 'school.t': [{ id: '2', a: long, b: long, c: long, d: long, e: null }, { id: '10', a: 'y', b: 'y', c: 'y', d: 'y', e: 'z' }] });
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('school.t');
    expect(lines[1]).toMatch(/^ {2}id +a +b +c$/);
    expect(lines[2]).toContain(`${'x'.repeat(23)}…`);
    expect(lines[2]).not.toContain('x'.repeat(24));
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(100);
    expect(formatSamples({ 'school.t': [{ id: '1', e: null }] })).toContain('NULL');
  });

  it('--keep with an empty folder name is a usage error (exit 2), before any server starts', async () => {
    const result = await runCli(['demo', '--keep', '']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--keep needs a folder');
  });

  it('--json: every stdout line is JSON, and the run sets out to seed every demo table', () => {
    const events = jsonLines(json.stdout);
    const start = events.find((e) => e.type === 'run-start');
    expect(start, json.stdout.slice(0, 2000)).toMatchObject({ tables: DEMO_TABLES.length, seed: 1 });
    expect(json.stderr).not.toMatch(/TypeError|at file:/);
  });
  it('--json: exit 0, rows in every demo table, verify finds no violation', () => {
    const events = jsonLines(json.stdout);
    expect(json.code, json.stdout.slice(-2000)).toBe(0);
    const done = events.find((e) => e.type === 'run-done') as { tables: Record<string, number> } | undefined;
    expect(done).toBeDefined();
    for (const table of DEMO_TABLES) expect(done!.tables[table], table).toBeGreaterThan(0);
    const demo = events.at(-1) as { type: string; ok: boolean; url?: string; verify: { violations: number }; samples: Record<string, unknown[]> };
    expect(demo).toMatchObject({ type: 'demo-done', ok: true, verify: { violations: 0 } });
    expect(demo.url).toBeUndefined();
    expect(Object.keys(demo.samples).sort()).toEqual(['school.bookings', 'school.classes', 'school.invoices', 'school.staff', 'school.students']);
    for (const rows of Object.values(demo.samples)) expect(rows).toHaveLength(3);
  });

  it('human: progress goes to stderr, stdout holds no JSON', () => {
    expect(human.stderr).toContain('Starting an embedded PostgreSQL');
    expect(human.stderr).toContain(`Seeding ${DEMO_TABLES.length} tables`);
    expect(human.stdout).not.toContain('"type"');
    expect(human.stderr).not.toMatch(/TypeError|at file:/);
  });
  it('human: exit 0, a clean verify report and sample rows that fit 100 columns', () => {
    expect(human.code, human.stderr.slice(-2000)).toBe(0);
    expect(human.stdout).toContain('OK: no violations.');
    for (const table of ['students', 'staff', 'classes', 'bookings', 'invoices']) expect(human.stdout).toContain(`school.${table}\n`);
    for (const line of human.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
  });

  it('--keep: the folder is reused, the server is stopped when the CLI exits, the printed URL works after a restart', () => {
    expect(kept.stderr).toContain(`Seeding ${DEMO_TABLES.length} tables`);
    expect(keptAgain.stderr).toMatch(new RegExp(`Seeding ${DEMO_TABLES.length} tables, \\d+ rows \\(seed 2\\)`));
    expect(keptFacts, `${keptAgain.stdout}\n${keptAgain.stderr}`).toBeDefined();
    expect(keptFacts!.url).toMatch(/^postgres:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/autoseed_demo$/);
    expect(keptFacts!.pidFileAfterCli).toBe(false);
    expect(keptFacts!.tables).toBe(DEMO_TABLES.length);
  });
  it('--keep: exit 0, and the kept database holds the seeded rows', () => {
    expect(keptAgain.code, keptAgain.stderr.slice(-2000)).toBe(0);
    expect(keptFacts?.students).toBeGreaterThan(0);
  });
});
