/**
 * `autoseed plan --json` (introspect + infer + plan) on a 1,000+ table schema: gitlab.sql from
 * AUTOSEED_CORPUS when it is there, else bench/synthetic-schema.ts (1,200 tables; 120 with --quick).
 * The notes split the time in-process: introspect vs. model + plan.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { prepare } from '../../src/commands/prepare.js';
import { introspect } from '../../src/introspect/index.js';
import { runNode } from '../child.js';
import type { BenchContext } from '../context.js';
import { CLI } from '../paths.js';
import { type BenchRow, median, rowFrom, type Sample } from '../results.js';
import { childFailure } from '../seed-output.js';
import { syntheticSchema } from '../synthetic-schema.js';

function schemaToPlan(ctx: BenchContext): { label: string; sql: string } {
  const corpus = process.env.AUTOSEED_CORPUS;
  const gitlab = corpus ? join(corpus, 'gitlab.sql') : null;
  if (!ctx.args.quick && gitlab && existsSync(gitlab)) return { label: 'gitlab.sql', sql: readFileSync(gitlab, 'utf8') };
  const tables = Math.round(1200 * ctx.scale);
  return { label: `synthetic, ${tables} tables`, sql: syntheticSchema(tables) };
}

export async function benchIntrospectPlan(ctx: BenchContext): Promise<BenchRow> {
  const schema = schemaToPlan(ctx);
  ctx.log(`  loading the ${schema.label} schema…`);
  const db = await ctx.databases.create('plan', schema.sql);
  try {
    const samples: Sample[] = [];
    let tables = 0;
    for (let i = 0; i < ctx.runs; i++) {
      const result = await runNode(CLI, ['plan', '--json', '--env', 'development', '--url', db.url]);
      if (result.code !== 0) throw childFailure('autoseed plan', result);
      tables = (JSON.parse(result.stdout) as { tables?: unknown[] }).tables?.length ?? 0;
      samples.push({ seconds: result.seconds, rows: 0, rssKb: result.rssKb });
      ctx.log(`  plan run ${i + 1}/${ctx.runs}: ${result.seconds.toFixed(2)} s, ${tables} tables`);
    }
    const split = await inProcess(db.url, ctx.runs);
    const row = rowFrom({
      id: 'introspect-plan',
      scenario: `introspect + plan (${schema.label})`,
      tool: 'autoseed plan --json',
      note: `${tables} tables planned; in-process: introspect ${split.introspect.toFixed(2)} s + model/plan ${split.plan.toFixed(2)} s`,
      extra: split,
      writes: false,
    }, samples, false);
    return { ...row, rows: null };
  } finally {
    await db.drop();
  }
}

/** The same work inside this process, stage by stage (medians). */
async function inProcess(url: string, runs: number): Promise<{ introspect: number; plan: number }> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    const introspectTimes: number[] = [];
    const planTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const catalog = await introspect(client);
      const t1 = performance.now();
      await prepare(client, catalog, { seed: 1, rows: 100 });
      const t2 = performance.now();
      introspectTimes.push((t1 - t0) / 1000);
      planTimes.push((t2 - t1) / 1000);
    }
    return { introspect: median(introspectTimes), plan: median(planTimes) };
  } finally {
    await client.end();
  }
}
