import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Flags, type Io, run } from '../../src/run.js';
import type { VerifyReport } from '../../src/verify/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { fixtureSql } from '../helpers/fixtures.js';

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/** `autoseed verify-integrity …` in-process, with the output captured. */
async function cli(flags: Flags): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: {} };
  const code = await run({ input: ['verify-integrity'], flags: { connectTimeout: 10, ...flags } }, io);
  return { code, stdout, stderr };
}

describe('autoseed verify-integrity (CLI, in-process)', () => {
  let clean: TestDatabase;
  let broken: TestDatabase;
  beforeAll(async () => {
    [clean, broken] = await Promise.all([
      createTestDatabase(fixtureSql('verify-schema')),
      createTestDatabase(`${fixtureSql('verify-schema')}\n${fixtureSql('verify-planted')}`),
    ]);
  });
  afterAll(async () => {
    await Promise.all([clean?.drop(), broken?.drop()]);
  });

  it('exits 0 on a clean database, with the JSON report on stdout', async () => {
    const result = await cli({ url: clean.url, json: true });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as VerifyReport;
    expect(report.violations).toEqual([]);
    expect(report.tables['Shop.Main.orders']).toBe(4);
    expect(result.stderr).toBe('');
  });

  it('exits 1 on violations and lists each as {kind, constraint, table, count, samples}', async () => {
    const result = await cli({ url: broken.url, json: true });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as VerifyReport;
    expect(report.violations).toContainEqual({
      kind: 'foreign-key', constraint: 'orders_customer_id_fkey', table: 'Shop.Main.orders', count: 1, samples: [{ customer_id: '999' }],
    });
    expect(new Set(report.violations.map((v) => v.kind))).toEqual(new Set(['foreign-key', 'unique', 'not-null', 'check', 'exclusion', 'sequence']));
  });

  it('limits the check with --tables (qualified or bare names)', async () => {
    const result = await cli({ url: broken.url, json: true, tables: 'Shop.Main.stock_full,warehouses' });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as VerifyReport;
    expect(report.violations.map((v) => v.constraint).sort()).toEqual(['stock_full_wh_fk', 'warehouses_pkey']);
    expect(Object.keys(report.tables).sort()).toEqual(['Shop.Main.stock_full', 'Shop.Main.warehouses']);
  });

  it('exits 2 naming an unknown table in --tables', async () => {
    const result = await cli({ url: clean.url, tables: 'orders,no_such_table' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('No table named "no_such_table"');
  });

  it('fails an empty table with --require-rows, never a partitioned table without partitions', async () => {
    const result = await cli({ url: clean.url, json: true, requireRows: true });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as VerifyReport;
    expect(report.violations).toEqual([{ kind: 'empty-table', constraint: 'require-rows', table: 'Shop.Main.audit_log', count: 1, samples: [] }]);
  });

  it('prints a human table, with progress on stderr', async () => {
    const result = await cli({ url: broken.url, concurrency: 2 });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^foreign-key +orders_customer_id_fkey +Shop\.Main\.orders +1 +customer_id=999$/m);
    expect(result.stdout).toMatch(/^exclusion +no_double_booking +Shop\.Main\.room bookings +1 +first\(/m);
    expect(result.stdout).toContain('FAILED: 16 constraints violated.');
    expect(result.stderr).toMatch(/checked (\d+)\/\1\n$/);
  });
});
