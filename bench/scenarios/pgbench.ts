/**
 * `pgbench -i` at a comparable row count (context only): its accounts are narrow rows, generated
 * client-side and COPYed into tables without keys, then vacuumed, then given primary keys.
 */
import { spawnSync } from 'node:child_process';
import { runProgram } from '../child.js';
import type { BenchContext } from '../context.js';
import { type BenchRow, rowFrom, type Sample, unavailable } from '../results.js';
import { childFailure } from '../seed-output.js';

const BASE = { id: 'pgbench-init', scenario: 'pgbench -i (context)', tool: 'pgbench' };

export async function benchPgbench(ctx: BenchContext): Promise<BenchRow> {
  const version = spawnSync('pgbench', ['--version'], { encoding: 'utf8' });
  if (version.status !== 0) return unavailable(BASE, 'n/a: pgbench not on PATH');
  // scale 1 = 100,000 accounts (+ 10 tellers, 1 branch): 4 ≈ the blog's 410k rows; scale is a whole number
  const scale = Math.max(1, Math.round(4 * ctx.scale));
  const rows = scale * (100_000 + 10 + 1);
  const samples: Sample[] = [];
  for (let i = 0; i < ctx.runs; i++) {
    const db = await ctx.databases.create('pgbench', '');
    try {
      const result = await runProgram('pgbench', ['-i', '-s', String(scale), '-q', db.url]);
      if (result.code !== 0) throw childFailure('pgbench -i', result);
      samples.push({ seconds: result.seconds, rows, rssKb: result.rssKb });
      ctx.log(`  pgbench -i -s ${scale} run ${i + 1}/${ctx.runs}: ${result.seconds.toFixed(2)} s`);
    } finally {
      await db.drop();
    }
  }
  // "pgbench (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)" → "pgbench 15.20"
  const tool = version.stdout.trim().replace(/^pgbench \(PostgreSQL\) (\S+).*$/, 'pgbench $1');
  return rowFrom({ ...BASE, tool: `${tool} -i -s ${scale}`, note: 'narrow rows; keys added after the load' }, samples);
}
