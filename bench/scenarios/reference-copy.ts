/**
 * The reference ceiling: exactly the rows autoseed wrote, exported with COPY … TO, loaded back with
 * plain COPY … FROM (one transaction, FK order) into a fresh blog database with every constraint
 * in place — the database's own ingest speed for that data.
 */
import { createWriteStream, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { quoteIdent } from '../../src/sql/ident.js';
import { runNode } from '../child.js';
import type { BenchContext } from '../context.js';
import { type BenchDatabase, countRows } from '../databases.js';
import { workerScript } from '../paths.js';
import { type BenchRow, rowFrom, type Sample } from '../results.js';
import { BLOG_TABLES } from '../schemas/blog-counts.js';
import { childFailure } from '../seed-output.js';
import type { CopyManifest } from '../workers/copy-load.js';
import { BLOG_SCENARIO, blogSql } from './autoseed-blog.js';

/**
 * The reference's runs, one at a time, so they can alternate with autoseed's: on a shared machine
 * an hour's drift (20% seen) then hits both alike instead of skewing their ratio. The first run
 * exports the source's rows; every run loads them into a fresh database. A failing run does not
 * fail the autoseed runs around it: later runs are skipped and `row()` throws its error.
 */
export class ReferenceRuns {
  private manifest: { file: string; bytes: number } | null = null;
  private readonly samples: Sample[] = [];
  private failure: { error: unknown } | null = null;

  constructor(private readonly ctx: BenchContext) {}

  async run(source: BenchDatabase): Promise<void> {
    if (this.failure) return;
    try {
      await this.load(source);
    } catch (error) {
      this.failure = { error };
    }
  }

  private async load(source: BenchDatabase): Promise<void> {
    const ctx = this.ctx;
    if (!this.manifest) {
      const file = join(ctx.workDir, 'reference-manifest.json');
      const manifest = await exportTables(source.url, ctx.workDir, BLOG_TABLES.map((t) => `public.${t}`));
      writeFileSync(file, JSON.stringify(manifest));
      this.manifest = { file, bytes: manifest.tables.reduce((sum, t) => sum + statSync(t.file).size, 0) };
    }
    const db = await ctx.databases.create('reference', blogSql());
    try {
      const result = await runNode(workerScript('copy-load'), [db.url, this.manifest.file]);
      if (result.code !== 0) throw childFailure('COPY FROM (reference)', result);
      const rows = Object.values(await countRows(db.url, BLOG_TABLES)).reduce((a, b) => a + b, 0);
      this.samples.push({ seconds: result.seconds, rows, rssKb: result.rssKb });
      ctx.log(`  reference COPY run ${this.samples.length}/${ctx.runs}: ${result.seconds.toFixed(2)} s, ${rows} rows`);
    } finally {
      await db.drop();
    }
  }

  row(): BenchRow {
    if (this.failure) throw this.failure.error;
    const bytes = this.manifest?.bytes ?? 0;
    return rowFrom({
      id: 'blog-reference',
      scenario: BLOG_SCENARIO,
      tool: 'reference: plain COPY FROM',
      note: `autoseed's rows (${(bytes / 1024 / 1024).toFixed(0)} MB of COPY text), constraints in place; runs alternate with autoseed's`,
      extra: { bytes },
    }, this.samples);
  }
}

/** COPY … TO STDOUT of each table's stored columns (generated ones left out), into files. */
async function exportTables(url: string, dir: string, tables: readonly string[]): Promise<CopyManifest> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    const entries: CopyManifest['tables'] = [];
    for (const table of tables) {
      const columns = (await client.query<{ name: string }>(
        `SELECT attname AS name FROM pg_attribute
          WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
          ORDER BY attnum`, [table])).rows.map((r) => r.name);
      const file = join(dir, `${table}.copy`);
      const list = columns.map(quoteIdent).join(', ');
      await pipeline(client.query(copyTo(`COPY ${table} (${list}) TO STDOUT`)), createWriteStream(file));
      entries.push({ table, columns, file });
    }
    return { tables: entries };
  } finally {
    await client.end();
  }
}
