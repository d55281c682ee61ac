/** autoseed on the 3-level blog schema: the built CLI, `seed --config blog-overrides.ts`, one fresh database per run. */
import { readFileSync } from 'node:fs';
import { FLAGS } from '../../src/cli-spec.js';
import { runNode } from '../child.js';
import type { BenchContext } from '../context.js';
import { type BenchDatabase, countRows } from '../databases.js';
import { CLI, benchSource } from '../paths.js';
import { type BenchRow, rowFrom, type Sample } from '../results.js';
import { BLOG_TABLES, blogCounts, totalRows } from '../schemas/blog-counts.js';
import { childFailure, seedSummary } from '../seed-output.js';

export const BLOG_SCENARIO = 'blog 3-level (users→posts→comments)';

export function blogSql(): string {
  return readFileSync(benchSource('schemas/blog.sql'), 'utf8');
}

/** The arguments of one seed of a blog database (also used by the profiler). */
export function blogSeedArgs(url: string, fast = false): string[] {
  return ['seed', '--yes', '--json', '--env', 'development', '--url', url, '--config', benchSource('schemas/blog-overrides.ts'), ...(fast ? ['--fast'] : [])];
}

/** True once the CLI has the opt-in `--fast` mode (issue 9, item 3): then the bench measures it too. */
export function cliHasFast(): boolean {
  return 'fast' in FLAGS;
}

export function blogSeedEnv(scale: number): NodeJS.ProcessEnv {
  return { ...process.env, AUTOSEED_BENCH_SCALE: String(scale) };
}

/**
 * Seeds `runs` fresh blog databases; keeps the last one (verify reads it). `afterRun` runs after
 * each seed with its database (the reference's runs alternate with these).
 */
export async function benchAutoseedBlog(
  ctx: BenchContext,
  fast = false,
  afterRun?: (database: BenchDatabase) => Promise<void>,
): Promise<{ row: BenchRow; database: BenchDatabase }> {
  const mode = fast ? '--fast' : 'default mode';
  const expected = blogCounts(ctx.scale);
  const samples: Sample[] = [];
  const internal: number[] = [];
  let kept: BenchDatabase | null = null;
  let counted: Record<string, number> = {};
  for (let i = 0; i < ctx.runs; i++) {
    const db = await ctx.databases.create('blog', blogSql());
    const result = await runNode(CLI, blogSeedArgs(db.url, fast), { env: blogSeedEnv(ctx.scale) });
    if (result.code !== 0) throw childFailure(`autoseed seed (blog, ${mode})`, result);
    const summary = seedSummary(result.stdout);
    counted = await countRows(db.url, BLOG_TABLES);
    const rows = Object.values(counted).reduce((a, b) => a + b, 0);
    samples.push({ seconds: result.seconds, rows, rssKb: result.rssKb });
    internal.push(summary.ms / 1000);
    ctx.log(`  autoseed ${mode} blog run ${i + 1}/${ctx.runs}: ${result.seconds.toFixed(2)} s wall (${(summary.ms / 1000).toFixed(2)} s in the run), ${rows} rows`);
    await afterRun?.(db);
    if (kept) await kept.drop();
    kept = db;
  }
  const exact = BLOG_TABLES.every((t) => counted[t] === expected[t]);
  const note = exact
    ? `exact counts via --config bench/schemas/blog-overrides.ts`
    : `asked ${totalRows(expected)}, got ${BLOG_TABLES.map((t) => `${t} ${counted[t]}`).join(', ')}`;
  const id = fast ? 'blog-autoseed-fast' : 'blog-autoseed';
  const row = rowFrom({ id, scenario: BLOG_SCENARIO, tool: `autoseed (${mode})`, note, extra: { counts: counted, runSeconds: internal } }, samples);
  return { row, database: kept! };
}
