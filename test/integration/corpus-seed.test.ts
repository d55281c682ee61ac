import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { corpusDir, corpusSchemas } from '../helpers/corpus.js';
import { createTestDatabase } from '../helpers/db.js';
import { fkOrphans, rowCounts, sequencesBehind } from '../helpers/integrity.js';

/** The corpus schemas the seeding engine must fill (the rest belong to constraint exactness). */
const SEEDED = ['chinook', 'northwind', 'pagila', 'sakila', 'quartz', 'adventureworks', 'osm', 'synapse', 'netbox', 'ledgersmb'];

interface PlanJson {
  tables: { table: string; mode: string; rows: number; skip: { reason: string } | null }[];
}

describe.skipIf(!corpusDir)('corpus: `autoseed seed --rows 100` fills every table, FKs valid', () => {
  const schemas = corpusSchemas().filter(([name]) => SEEDED.includes(name));
  it.each(schemas)('%s', async (name, sql) => {
    const db = await createTestDatabase(sql);
    try {
      const started = performance.now();
      const seed = await runCli(['seed', '--rows', '100', '--json', '--url', db.url]);
      const seconds = (performance.now() - started) / 1000;
      expect(seed.stderr).toBe('');
      expect(seed.code, seed.stdout.slice(-2000)).toBe(0);
      const done = seed.stdout.trim().split('\n').map((l) => JSON.parse(l)).find((e) => e.type === 'run-done');
      expect(done).toBeDefined();

      const plan = JSON.parse((await runCli(['plan', '--json', '--url', db.url])).stdout) as PlanJson;
      const counts = await rowCounts(db.client);
      const empty = plan.tables.filter((t) => t.mode === 'seed' && (counts.get(t.table) ?? 0) === 0 && t.rows > 0);
      expect(empty.map((t) => t.table)).toEqual([]);
      const skipped = plan.tables.filter((t) => t.mode === 'skip');
      expect(skipped.map((t) => `${t.table}: ${t.skip?.reason}`)).toEqual([]);

      expect(await fkOrphans(db.client)).toEqual([]);
      expect(await sequencesBehind(db.client)).toEqual([]);
      process.stdout.write(`corpus ${name}: ${done.rows} rows in ${Object.keys(done.tables).length} tables, CLI ${seconds.toFixed(1)} s\n`);
    } finally {
      await db.drop();
    }
  });
});
