/**
 * The flat-memory target: autoseed --fast on the blog schema at 25× (users 250k → posts 2.5M →
 * comments 7.5M: 10.25 M rows; 2.5× with --quick), one run, peak RSS of the process. Opt-in
 * (`--only big`): it takes a minute or two.
 */
import { CLI } from '../paths.js';
import type { BenchContext } from '../context.js';
import { runNode } from '../child.js';
import { type BenchRow, rowFrom } from '../results.js';
import { childFailure } from '../seed-output.js';
import { BLOG_TABLES } from '../schemas/blog-counts.js';
import { blogSeedArgs, blogSeedEnv, blogSql } from './autoseed-blog.js';
import { countRows } from '../databases.js';

const BIG_SCALE = 25;

export async function benchBig(ctx: BenchContext): Promise<BenchRow> {
  const scale = ctx.scale * BIG_SCALE;
  const db = await ctx.databases.create('big', blogSql());
  try {
    const result = await runNode(CLI, blogSeedArgs(db.url, true), { env: blogSeedEnv(scale) });
    if (result.code !== 0) throw childFailure(`autoseed seed (blog ×${scale}, --fast)`, result);
    const counted = await countRows(db.url, BLOG_TABLES);
    const rows = Object.values(counted).reduce((a, b) => a + b, 0);
    ctx.log(`  autoseed --fast blog ×${scale}: ${result.seconds.toFixed(2)} s, ${rows} rows, peak RSS ${result.rssKb === null ? '?' : Math.round(result.rssKb / 1024)} MB`);
    return rowFrom({ id: 'big-blog-fast', scenario: `blog ×${scale} (flat memory)`, tool: 'autoseed (--fast)', note: 'one run; heap budget AUTOSEED_HEAP_MB (default 150)' }, [{ seconds: result.seconds, rows, rssKb: result.rssKb }]);
  } finally {
    await db.drop();
  }
}
