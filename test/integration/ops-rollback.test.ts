import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { fixtureSql } from '../helpers/fixtures.js';
import { fkOrphans, rowCounts } from '../helpers/integrity.js';
import { events, SHOP_SQL, shopCounts } from './ops-support.js';

/** Rows that exist before autoseed runs: rollback must leave them exactly as they are. */
const EXISTING = `
INSERT INTO customers (email, first_name, last_name) VALUES ('ada@example.org', 'Ada', 'L'), ('alan@example.org', 'Alan', 'T'), ('grace@example.org', 'Grace', 'H');
INSERT INTO products (name, price) VALUES ('Kettle', 25), ('Teapot', 30);
INSERT INTO orders (customer_id, status, created_at) VALUES (1, 'paid', '2024-01-01'), (2, 'new', '2024-01-02');
INSERT INTO order_items VALUES (1, 1, 2), (2, 2, 1);
INSERT INTO order_notes VALUES (1, 'gift wrap', '2024-01-01');
`;

async function digest(db: TestDatabase): Promise<string> {
  const parts: string[] = [];
  for (const t of ['customers', 'products', 'orders', 'order_items', 'order_notes']) {
    const { rows } = await db.client.query<{ d: string | null }>(`SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) AS d FROM ${t} x`);
    parts.push(`${t}:${rows[0]!.d}`);
  }
  return parts.join(' ');
}

describe('autoseed rollback (R10)', () => {
  let db: TestDatabase;
  let before: Record<string, number>;
  let beforeDigest: string;
  let seeded: Record<string, number>;

  beforeAll(async () => {
    db = await createTestDatabase(SHOP_SQL + EXISTING);
    before = await shopCounts(db.client);
    beforeDigest = await digest(db);
    const seed = await runCli(['seed', '--url', db.url, '--rows', '25', '--json']);
    expect(seed.code, seed.stderr).toBe(0);
    seeded = events(seed.stdout).find((e) => e.type === 'run-done')!.tables as Record<string, number>;
  });
  afterAll(() => db?.drop());

  it('--dry-run prints per table how many rows would go, children first, and deletes nothing', async () => {
    const counts = await shopCounts(db.client);
    const dry = await runCli(['rollback', '--url', db.url, '--dry-run', '--json']);
    expect(dry.code, dry.stderr).toBe(0);
    const plan = events(dry.stdout).find((e) => e.type === 'rollback-plan') as unknown as { dryRun: boolean; tables: { table: string; found: number; recorded: number }[] };
    expect(plan.dryRun).toBe(true);
    expect(Object.fromEntries(plan.tables.map((t) => [t.table, t.found]))).toEqual(seeded);
    expect(plan.tables.every((t) => t.found === t.recorded)).toBe(true);
    const order = plan.tables.map((t) => t.table);
    expect(order.indexOf('public.order_items')).toBeLessThan(order.indexOf('public.orders'));
    expect(order.indexOf('public.orders')).toBeLessThan(order.indexOf('public.customers'));
    expect(await shopCounts(db.client)).toEqual(counts);
  });

  it('without --yes and without a terminal it refuses, naming --yes; nothing is deleted', async () => {
    const counts = await shopCounts(db.client);
    const refused = await runCli(['rollback', '--url', db.url]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--yes');
    expect(refused.stderr).toContain('Nothing was changed');
    expect(await shopCounts(db.client)).toEqual(counts);
  });

  it('--yes deletes every seeded row, logs each table, and leaves the rows that were there before untouched', async () => {
    const done = await runCli(['rollback', '--url', db.url, '--yes', '--json']);
    expect(done.code, done.stderr).toBe(0);
    const deleted = Object.fromEntries(events(done.stdout).filter((e) => e.type === 'rollback-table').map((e) => [e.table, e.rows]));
    expect(deleted).toEqual(seeded);
    expect(events(done.stdout).find((e) => e.type === 'rollback-done')).toMatchObject({ run: 1 });
    expect(await shopCounts(db.client)).toEqual(before);
    expect(await digest(db)).toBe(beforeDigest);
    const { rows } = await db.client.query<{ status: string }>('SELECT status FROM autoseed.runs WHERE id = 1');
    expect(rows[0]!.status).toBe('rolled-back');
  });

  it('a second rollback has nothing left to roll back', async () => {
    const again = await runCli(['rollback', '--url', db.url, '--yes']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('No autoseed run with rows to roll back');
  });

  it('--run ID rolls back that run only, leaving a later --append run', async () => {
    const first = await runCli(['seed', '--url', db.url, '--rows', '10', '--json']);
    const second = await runCli(['seed', '--url', db.url, '--rows', '12', '--seed', '5', '--append', '--json']);
    expect([first.code, second.code], first.stderr + second.stderr).toEqual([0, 0]);
    const runIds = [first, second].map((r) => events(r.stdout).find((e) => e.type === 'run-done')!.run as number);
    const secondRows = events(second.stdout).find((e) => e.type === 'run-done')!.tables as Record<string, number>;
    const back = await runCli(['rollback', '--url', db.url, '--run', String(runIds[0]), '--yes']);
    expect(back.code, back.stderr).toBe(0);
    const counts = await shopCounts(db.client);
    for (const [table, n] of Object.entries(counts)) expect(n, table).toBe(before[table]! + secondRows[`public.${table}`]!);
    expect(await fkOrphans(db.client)).toEqual([]);
    const last = await runCli(['rollback', '--url', db.url, '--yes']);
    expect(last.code, last.stderr).toBe(0);
    expect(await digest(db)).toBe(beforeDigest);
  });
});

describe('autoseed rollback through FK cycles (test/fixtures/cycles.sql)', () => {
  it('removes every seeded row of every kind of cycle, self-references included, and keeps a pre-existing cycle', async () => {
    const db = await createTestDatabase(`${fixtureSql('cycles')};
      INSERT INTO nullable2.departments (id, name) VALUES (1000, 'kept');
      INSERT INTO nullable2.staff (id, department_id, full_name) VALUES (1000, 1000, 'Kept Person');
      UPDATE nullable2.departments SET head_id = 1000 WHERE id = 1000;`);
    try {
      const seed = await runCli(['seed', '--url', db.url, '--rows', '40', '--json']);
      expect(seed.code, seed.stderr).toBe(0);
      const dry = await runCli(['rollback', '--url', db.url, '--dry-run']);
      expect(dry.code, dry.stderr).toBe(0);
      expect(Math.min(...[...(await rowCounts(db.client)).values()])).toBeGreaterThan(0);
      const back = await runCli(['rollback', '--url', db.url, '--yes', '--json']);
      expect(back.code, back.stderr).toBe(0);
      const counts = Object.fromEntries(await rowCounts(db.client));
      expect(counts).toMatchObject({ 'nullable2.departments': 1, 'nullable2.staff': 1 });
      expect(Object.entries(counts).filter(([t]) => !t.startsWith('nullable2.')).every(([, n]) => n === 0)).toBe(true);
      const { rows } = await db.client.query<{ head_id: number }>('SELECT head_id FROM nullable2.departments');
      expect(rows).toEqual([{ head_id: 1000 }]);
      const nulled = events(back.stdout).filter((e) => e.type === 'rollback-table' && Array.isArray(e.nulled)).map((e) => e.table);
      expect(nulled).toEqual(expect.arrayContaining(['nullable2.departments', 'three.c']));
    } finally {
      await db.drop();
    }
  });
});
