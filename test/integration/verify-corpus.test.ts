import { describe, expect, it } from 'vitest';
import { type Io, run } from '../../src/run.js';
import type { VerifyReport } from '../../src/verify/index.js';
import { corpusDir, corpusSchemas } from '../helpers/corpus.js';
import { createTestDatabase } from '../helpers/db.js';

// Every corpus schema loads with empty tables: verify-integrity must plan and run every check
// (so every generated query parses, plans and executes on a real schema) and find nothing.
describe.skipIf(!corpusDir)('corpus: `autoseed verify-integrity --json` runs clean on every real schema', () => {
  it.each(corpusSchemas())('%s', async (name, sql) => {
    const db = await createTestDatabase(sql);
    try {
      let stdout = '';
      let stderr = '';
      const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: {} };
      const started = performance.now();
      const code = await run({ input: ['verify-integrity'], flags: { url: db.url, json: true, connectTimeout: 10 } }, io);
      const seconds = (performance.now() - started) / 1000;
      expect(stderr).toBe('');
      const report = JSON.parse(stdout) as VerifyReport;
      expect(report.failures).toEqual([]);
      expect(report.violations).toEqual([]);
      expect(code).toBe(0);
      expect(Object.values(report.tables).every((n) => n === 0)).toBe(true);
      process.stdout.write(`corpus ${name}: verify-integrity ran ${report.checks} checks on ${Object.keys(report.tables).length} tables in ${seconds.toFixed(2)} s\n`);
    } finally {
      await db.drop();
    }
  });
});
