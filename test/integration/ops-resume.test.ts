import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { fkOrphans } from '../helpers/integrity.js';
import { events, SHOP_SQL, shopCounts, startCli } from './ops-support.js';

const ROWS = 30_000;

describe('--checkpoint: killed with -9 mid-run, the identical run resumes without duplicates (R8, R9)', () => {
  let db: TestDatabase;
  let committed: string[];
  const args = () => ['seed', '--url', db.url, '--rows', String(ROWS), '--checkpoint', '--json'];

  beforeAll(async () => {
    db = await createTestDatabase(SHOP_SQL);
    const cli = startCli(args());
    // each table commits before the next one starts: at the third table-start, two are committed
    let started = 0;
    await cli.waitFor((e) => e.type === 'table-start' && ++started === 3, 120_000);
    cli.child.kill('SIGKILL');
    const exit = await cli.done;
    expect(exit.signal).toBe('SIGKILL');
    committed = events(exit.stdout).filter((e) => e.type === 'table-done').map((e) => e.table as string);
  });
  afterAll(() => db?.drop());

  /** Rows the run planned per table (the planner may give children more rows than their parents). */
  async function planned(): Promise<Record<string, number>> {
    const { rows } = await db.client.query<{ table_name: string; planned_rows: number }>('SELECT table_name, planned_rows FROM autoseed.run_tables WHERE run_id = 1');
    return Object.fromEntries(rows.map((r) => [r.table_name.replace(/^public\./, ''), r.planned_rows]));
  }

  it('the killed run left its committed tables, recorded as complete, and nothing else', async () => {
    const { rows } = await db.client.query<{ table_name: string; status: string; rows: number }>(
      "SELECT table_name, status, rows FROM autoseed.run_tables WHERE run_id = 1 AND status = 'complete'");
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.length).toBeLessThan(5);
    expect(committed).toEqual(expect.arrayContaining(rows.map((r) => r.table_name)));
    const plan = await planned();
    const counts = await shopCounts(db.client);
    for (const [table, n] of Object.entries(counts)) {
      expect(n, table).toBe(rows.some((r) => r.table_name === `public.${table}`) ? plan[table] : 0);
    }
  });

  it('the same command resumes run #1: committed tables skipped, the rest written, no duplicates', async () => {
    // the killed session may take a moment to go: wait for its lock
    const resumed = await runCli([...args(), '--lock-timeout', '20']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const ev = events(resumed.stdout);
    expect(ev.find((e) => e.type === 'resume')).toMatchObject({ run: 1 });
    const skipped = ev.filter((e) => e.type === 'table-done' && e.resumed === true).map((e) => e.table);
    expect(skipped.length).toBeGreaterThanOrEqual(2);
    expect(ev.find((e) => e.type === 'run-start')).toMatchObject({ run: { id: 1, resumed: true, checkpoint: true } });
    const plan = await planned();
    expect(plan.customers).toBe(ROWS);
    expect(await shopCounts(db.client)).toEqual(plan);
    expect(await fkOrphans(db.client)).toEqual([]);
    const { rows } = await db.client.query<{ status: string }>('SELECT status FROM autoseed.runs');
    expect(rows).toEqual([{ status: 'complete' }]);
  });

  it('the resumed database holds the same bytes as an uninterrupted run', async () => {
    const other = await createTestDatabase(SHOP_SQL);
    try {
      const straight = await runCli(['seed', '--url', other.url, '--rows', String(ROWS), '--json']);
      expect(straight.code, straight.stderr).toBe(0);
      const digest = async (client: typeof db.client, table: string) =>
        (await client.query<{ d: string }>(`SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) AS d FROM ${table} x`)).rows[0]!.d;
      for (const table of ['customers', 'products', 'orders', 'order_items', 'order_notes']) {
        expect(await digest(db.client, table), table).toBe(await digest(other.client, table));
      }
    } finally {
      await other.drop();
    }
  });

  it('and the run after that has nothing to do', async () => {
    const again = await runCli(args());
    expect(again.code, again.stderr).toBe(0);
    expect(events(again.stdout).map((e) => e.type)).toContain('nothing-to-do');
    expect((await shopCounts(db.client)).customers).toBe(ROWS);
  });
});
