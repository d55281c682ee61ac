import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { runCli } from '../helpers/cli.js';
import { corpusDir, corpusSchemas } from '../helpers/corpus.js';
import { createTestDatabase } from '../helpers/db.js';
import { fkOrphans } from '../helpers/integrity.js';

/**
 * `--fast` on every corpus schema: it drops and re-creates indexes, keys and foreign keys of the
 * tables it loads, so the schema must come out exactly as it went in (every constraint and index
 * by its definition, validity and CLUSTER mark), and every constraint must hold.
 */
describe.skipIf(!corpusDir)('corpus: `autoseed seed --fast` leaves every schema as it was, every constraint holding', () => {
  it.each(corpusSchemas())('%s', async (_name, sql) => {
    const db = await createTestDatabase(sql);
    try {
      const before = await schemaObjects(db.client);
      // every table rebuilt, not only those of 1,000 rows or more, as far as the server's lock table allows
      const seed = await runCli(['seed', '--rows', '30', '--fast', '--json', '--url', db.url], { AUTOSEED_FAST_REBUILD_ROWS: '1' });
      expect(seed.stderr).toBe('');
      expect(seed.code, seed.stdout.slice(-2000)).toBe(0);
      expect(seed.stdout).not.toMatch(/--fast needs/);
      expect(await schemaObjects(db.client)).toEqual(before);
      expect(await fkOrphans(db.client)).toEqual([]);
      const verify = await runCli(['verify-integrity', '--json', '--url', db.url]);
      const report = JSON.parse(verify.stdout) as { violations: { kind: string }[] };
      expect(report.violations.filter((v) => v.kind !== 'empty-table')).toEqual([]);
    } finally {
      await db.drop();
    }
  });
});

/** Every constraint and index outside the system schemas (and autoseed's own), as text. */
async function schemaObjects(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ line: string }>(`
    SELECT c.conrelid::regclass::text || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) || ' valid=' || c.convalidated
           || ' deferrable=' || c.condeferrable || ' deferred=' || c.condeferred || ' comment=' || coalesce(obj_description(c.oid, 'pg_constraint'), '') AS line
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'autoseed') AND c.conrelid <> 0
    UNION ALL
    SELECT pg_get_indexdef(i.indexrelid) || ' clustered=' || i.indisclustered || ' replident=' || i.indisreplident
           || ' valid=' || i.indisvalid || ' comment=' || coalesce(obj_description(i.indexrelid, 'pg_class'), '')
      FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid JOIN pg_namespace n ON n.oid = x.relnamespace
     WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'autoseed', 'pg_toast')
    ORDER BY 1`);
  return rows.map((r) => r.line);
}
