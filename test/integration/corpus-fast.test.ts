import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { corpusDir, corpusSchemas } from '../helpers/corpus.js';
import { createTestDatabase } from '../helpers/db.js';
import { fkOrphans, schemaObjects } from '../helpers/integrity.js';

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
