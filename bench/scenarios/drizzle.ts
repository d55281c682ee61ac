/** drizzle-seed on the same blog schema and counts, through bench/schemas/blog-drizzle.ts (workers/drizzle-seed.ts). */
import { readFileSync } from 'node:fs';
import { runNode } from '../child.js';
import type { BenchContext } from '../context.js';
import { countRows } from '../databases.js';
import { workerScript } from '../paths.js';
import { type BenchRow, rowFrom, type Sample, unavailable } from '../results.js';
import { BLOG_TABLES } from '../schemas/blog-counts.js';
import { childFailure } from '../seed-output.js';
import { BLOG_SCENARIO, blogSql } from './autoseed-blog.js';

const BASE = { id: 'blog-drizzle-seed', scenario: BLOG_SCENARIO, tool: 'drizzle-seed' };

export async function benchDrizzleSeed(ctx: BenchContext): Promise<BenchRow> {
  const version = installedVersion();
  if (!version) return unavailable(BASE, 'n/a: drizzle-seed / drizzle-orm not installed (devDependencies: npm ci)');
  const samples: Sample[] = [];
  for (let i = 0; i < ctx.runs; i++) {
    const db = await ctx.databases.create('drizzle', blogSql());
    try {
      const result = await runNode(workerScript('drizzle-seed'), [db.url, String(ctx.scale)]);
      if (result.code !== 0) throw childFailure('drizzle-seed', result);
      const rows = Object.values(await countRows(db.url, BLOG_TABLES)).reduce((a, b) => a + b, 0);
      samples.push({ seconds: result.seconds, rows, rssKb: result.rssKb });
      ctx.log(`  drizzle-seed run ${i + 1}/${ctx.runs}: ${result.seconds.toFixed(2)} s, ${rows} rows`);
    } finally {
      await db.drop();
    }
  }
  return rowFrom({ ...BASE, tool: `drizzle-seed ${version}`, note: 'INSERT batches; status refined to the CHECK\'s values' }, samples);
}

/** drizzle-seed's version when it and drizzle-orm resolve from here, else null. */
function installedVersion(): string | null {
  try {
    import.meta.resolve('drizzle-orm');
    // node_modules/drizzle-seed/index.mjs → node_modules/drizzle-seed/package.json
    const manifest = new URL('package.json', import.meta.resolve('drizzle-seed'));
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  } catch {
    return null;
  }
}
