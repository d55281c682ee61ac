/**
 * autoseed on the demo schema (examples/school.sql with the demo's overrides.ts) at --rows 100000
 * (10000 with --quick; --school-rows to choose). A run that passes --school-limit is stopped (it rolls back) and reported
 * with the rows it had reached; then it is not repeated, nor is a run whose repeat would pass the limit.
 * It runs with `--fast`, as `autoseed demo` does (the target is the demo's).
 */
import { readFileSync } from 'node:fs';
import { runNode } from '../child.js';
import type { BenchContext } from '../context.js';
import { CLI, projectFile } from '../paths.js';
import { type BenchRow, rowFrom, type Sample } from '../results.js';
import { childFailure, SeedProgress, seedSummary } from '../seed-output.js';
import { whole } from '../table.js';
import { cliHasFast } from './autoseed-blog.js';

export async function benchSchool(ctx: BenchContext): Promise<BenchRow> {
  const base = ctx.args.schoolRows ?? Math.round(100_000 * ctx.scale);
  const limit = ctx.args.schoolLimit;
  const fast = cliHasFast();
  const sql = readFileSync(projectFile('examples/school.sql'), 'utf8');
  const samples: Sample[] = [];
  let note = `demo overrides.ts, --rows ${base}`;
  let spent = 0;
  for (let i = 0; i < ctx.runs; i++) {
    // the limit caps the scenario too: no repeat that would take it past the limit
    if (i > 0 && spent + spent / i > limit) {
      note += `; ${i} run${i > 1 ? 's' : ''} only (another would pass the ${limit} s limit)`;
      break;
    }
    const db = await ctx.databases.create('school', sql);
    try {
      const progress = new SeedProgress();
      const args = ['seed', '--yes', '--json', '--env', 'development', '--url', db.url, '--config', projectFile('overrides.ts'), '--rows', String(base), ...(fast ? ['--fast'] : [])];
      const result = await runNode(CLI, args, { limitSeconds: limit, onLine: progress.onLine });
      if (result.timedOut) {
        const planned = progress.planned === null ? '' : ` of ${whole(progress.planned)} planned`;
        // at the rate reached so far, the whole run would take about this long
        const estimate = progress.planned !== null && progress.rows > 0 ? `, ≈ ${whole((progress.planned / progress.rows) * limit)} s for all at that rate` : '';
        samples.push({ seconds: result.seconds, rows: progress.rows, rssKb: result.rssKb });
        note = `STOPPED at the ${limit} s limit: ${whole(progress.rows)} rows${planned} reached (${progress.tablesDone} tables done${estimate}), rolled back; --rows ${base}`;
        ctx.log(`  school run ${i + 1}: stopped at ${limit} s with ${progress.rows} rows`);
        break;
      }
      if (result.code !== 0) throw childFailure(`autoseed seed (school, --rows ${base}) after ${result.seconds.toFixed(0)} s and ${whole(progress.rows)} rows`, result);
      const summary = seedSummary(result.stdout);
      spent += result.seconds;
      samples.push({ seconds: result.seconds, rows: summary.rows, rssKb: result.rssKb });
      ctx.log(`  school run ${i + 1}/${ctx.runs}: ${result.seconds.toFixed(2)} s, ${summary.rows} rows in ${Object.keys(summary.tables).length} tables`);
    } finally {
      await db.drop();
    }
  }
  return rowFrom({ id: 'school-autoseed', scenario: `demo school schema --rows ${base}`, tool: fast ? 'autoseed (--fast, as demo)' : 'autoseed (default mode)', note }, samples);
}
