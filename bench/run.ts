/**
 * `npm run bench`: autoseed against the database's own COPY speed, drizzle-seed and pgbench, on one
 * PostgreSQL (embedded by default, `--url` for another), printed as a table (stdout; progress on
 * stderr). Each figure is the median of --runs runs of a child process (the built CLI or a worker
 * script), timed by wall clock, its peak RSS read with GNU time or a node wrapper. Nothing asserts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { type BenchArgs, OPT_IN_SCENARIOS, parseBenchArgs, type SCENARIO_IDS, USAGE } from './args.js';
import { rssMethod, stopChildren } from './child.js';
import type { BenchContext } from './context.js';
import { type BenchDatabase, Databases } from './databases.js';
import { formatSelfTimes, profileBlogSeed } from './profile.js';
import { type BenchRow, unavailable, withRatios } from './results.js';
import { benchAutoseedBlog, BLOG_SCENARIO, cliHasFast } from './scenarios/autoseed-blog.js';
import { benchDrizzleSeed } from './scenarios/drizzle.js';
import { benchBig } from './scenarios/big.js';
import { benchIntrospectPlan } from './scenarios/introspect-plan.js';
import { benchPgbench } from './scenarios/pgbench.js';
import { ReferenceRuns } from './scenarios/reference-copy.js';
import { benchSchool } from './scenarios/school.js';
import { benchVerify } from './scenarios/verify.js';
import { openServer } from './server.js';
import { formatTable } from './table.js';
import { checkTargets, formatTargets } from './targets.js';

type ScenarioId = (typeof SCENARIO_IDS)[number];

const log = (message: string) => process.stderr.write(`${message}\n`);

function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'cpu'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, ${type()}, node ${process.version}`;
}

/** The 1-minute load average: other work on the machine skews every figure. */
function load(): string {
  return loadavg()[0]!.toFixed(1);
}

function wanted(args: BenchArgs, id: ScenarioId): boolean {
  if (!args.only) return !OPT_IN_SCENARIOS.includes(id);
  // the reference reloads the blog run's rows and verify reads its database
  if (id === 'blog') return args.only.some((o) => o === 'blog' || o === 'reference' || o === 'verify');
  return args.only.includes(id);
}

async function main(): Promise<number> {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const workDir = mkdtempSync(join(tmpdir(), 'autoseed-bench-'));
  const loadBefore = load();
  log(`starting ${args.url ? 'with --url' : `an embedded PostgreSQL (fsync ${args.fsync ? 'on' : 'off'})`}…`);
  const server = await openServer({ url: args.url, fsync: args.fsync });
  const databases = new Databases(server.adminUrl);
  const ctx: BenchContext = { args, server, databases, scale: args.quick ? 0.1 : 1, runs: args.runs, workDir, log };
  let interrupted = false;
  const onSignal = () => {
    interrupted = true;
    log('bench: interrupted, stopping…');
    stopChildren();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const rows: BenchRow[] = [];
  let failed = 0;
  const measure = async <T>(id: ScenarioId, label: string, base: Pick<BenchRow, 'id' | 'scenario' | 'tool'>, work: () => Promise<T>, toRow: (value: T) => BenchRow): Promise<T | null> => {
    if (!wanted(args, id) || interrupted) return null;
    log(`${label}…`);
    try {
      const value = await work();
      rows.push(toRow(value));
      return value;
    } catch (error) {
      failed++;
      const message = (error as Error).message.split('\n').slice(0, 3).join(' ');
      log(`  FAILED: ${(error as Error).message}`);
      rows.push(unavailable(base, `FAILED: ${message}`));
      return null;
    }
  };
  const blogBase = (id: string, tool: string) => ({ id, scenario: BLOG_SCENARIO, tool });

  let profile: string | null = null;
  try {
    // the reference's runs alternate with these (a failing one is reported as the reference's)
    const reference = wanted(args, 'reference') ? new ReferenceRuns(ctx) : null;
    const afterBlogRun = reference ? (db: BenchDatabase) => reference.run(db) : undefined;
    const blog = await measure('blog', 'autoseed on the blog schema, alternating with the reference (plain COPY FROM of the same rows)', blogBase('blog-autoseed', 'autoseed (default mode)'), () => benchAutoseedBlog(ctx, false, afterBlogRun), (v) => v.row);
    const kept: BenchDatabase | null = blog?.database ?? null;
    if (kept) {
      await measure('reference', 'reference: the same rows with plain COPY FROM', blogBase('blog-reference', 'reference: plain COPY FROM'), async () => reference!.row(), (r) => r);
      await measure('verify', 'verify-integrity on the blog database', { id: 'verify-blog', scenario: 'verify-integrity on the blog database', tool: 'autoseed verify-integrity' }, () => benchVerify(ctx, kept), (r) => r);
      await kept.drop();
    }
    if (cliHasFast()) {
      await measure('blog', 'autoseed --fast on the blog schema', blogBase('blog-autoseed-fast', 'autoseed (--fast)'), async () => {
        const fast = await benchAutoseedBlog(ctx, true);
        await fast.database.drop();
        return fast.row;
      }, (r) => r);
    }
    await measure('drizzle', 'drizzle-seed on the blog schema', blogBase('blog-drizzle-seed', 'drizzle-seed'), () => benchDrizzleSeed(ctx), (r) => r);
    await measure('pgbench', 'pgbench -i', { id: 'pgbench-init', scenario: 'pgbench -i (context)', tool: 'pgbench' }, () => benchPgbench(ctx), (r) => r);
    await measure('school', 'autoseed on the demo school schema', { id: 'school-autoseed', scenario: 'demo school schema', tool: 'autoseed (default mode)' }, () => benchSchool(ctx), (r) => r);
    await measure('plan', 'introspect + plan on a large schema', { id: 'introspect-plan', scenario: 'introspect + plan', tool: 'autoseed plan --json' }, () => benchIntrospectPlan(ctx), (r) => r);
    await measure('big', 'autoseed --fast on the blog schema ×25 (flat memory)', { id: 'big-blog-fast', scenario: 'blog ×25 (flat memory)', tool: 'autoseed (--fast)' }, () => benchBig(ctx), (r) => r);
    if (args.profile && !interrupted) {
      log('profiling one autoseed seed of the blog schema (node --cpu-prof)…');
      try {
        const p = await profileBlogSeed(ctx);
        profile = [
          `Profile of one autoseed blog seed (main thread, ${(p.totalMs / 1000).toFixed(1)} s sampled; idle = waiting on PostgreSQL)`,
          formatSelfTimes('  self time by function:', p.functions),
          formatSelfTimes('  self time by file:', p.files),
        ].join('\n');
      } catch (error) {
        failed++;
        profile = `Profile FAILED: ${(error as Error).message}`;
      }
    }
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await databases.dropAll();
    await server.stop();
  }

  const table = withRatios(rows, 'blog-reference');
  const targets = checkTargets(table, args.quick);
  const when = new Date().toISOString();
  const lines = [
    `autoseed bench · ${when} · ${machine()} · load average ${loadBefore} at start, ${load()} at end`,
    `server: ${server.description}`,
    `${args.quick ? '--quick: 1/10 size · ' : ''}seconds = median of ${args.runs} run${args.runs > 1 ? 's' : ''} (wall clock of the tool's process) · ratio = rows/s ÷ reference rows/s · peak RSS of the tool's process via ${rssMethod() === 'gnu-time' ? '/usr/bin/time -f %M' : 'process.resourceUsage() (node wrapper)'}`,
    '',
    formatTable(table),
    '',
    formatTargets(targets),
    ...(profile ? ['', profile] : []),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (args.json) {
    writeFileSync(args.json, `${JSON.stringify({
      date: when,
      machine: machine(),
      loadAverage: { start: Number(loadBefore), end: Number(load()) },
      server: { description: server.description, settings: server.settings },
      quick: args.quick,
      runs: args.runs,
      rssMethod: rssMethod(),
      rows: table,
      targets,
    }, null, 2)}\n`);
    log(`figures written to ${args.json}`);
  }
  rmSync(workDir, { recursive: true, force: true });
  if (interrupted) return 130;
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main();
