/**
 * `npm run bench`: whole-stage timings on a real PostgreSQL (embedded by default, `--url` for
 * another), printed as a table. Figures are medians of several runs; nothing here asserts.
 */
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/db/embedded.js';
import { runSqlScript } from '../src/db/sql-script.js';
import { introspect } from '../src/introspect/index.js';
import { syntheticSchema } from './synthetic-schema.js';

interface Row {
  scenario: string;
  size: string;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
}

const RUNS = 5;

async function time(runs: number, work: () => Promise<void>): Promise<{ median: number; min: number; max: number }> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)]!, min: samples[0]!, max: samples[samples.length - 1]! };
}

async function withDatabase<T>(adminUrl: string, sql: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const name = `autoseed_bench_${process.pid}`;
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const client = new pg.Client(url.toString());
  await client.connect();
  try {
    await runSqlScript(client, sql);
    return await work(client);
  } finally {
    await client.end();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

function printTable(rows: readonly Row[]): void {
  const header = ['scenario', 'size', 'runs', 'median ms', 'min ms', 'max ms'];
  const cells = rows.map((r) => [r.scenario, r.size, String(r.runs), r.medianMs.toFixed(0), r.minMs.toFixed(0), r.maxMs.toFixed(0)]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => (i < 2 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
}

async function main(): Promise<void> {
  const urlFlag = process.argv.indexOf('--url');
  const given = urlFlag > 0 ? process.argv[urlFlag + 1] : undefined;
  const server = given ? null : await startEmbeddedPostgres({ fast: true });
  const adminUrl = given ?? server!.url;
  const rows: Row[] = [];
  try {
    const tables = 1200;
    await withDatabase(adminUrl, syntheticSchema(tables), async (client) => {
      const catalog = await introspect(client);
      const t = await time(RUNS, async () => void (await introspect(client)));
      rows.push({ scenario: 'introspect', size: `${catalog.tables.length} tables`, runs: RUNS, medianMs: t.median, minMs: t.min, maxMs: t.max });
    });
  } finally {
    await server?.stop();
  }
  printTable(rows);
  if (process.argv.includes('--json')) console.log(JSON.stringify(rows));
}

await main();
