import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { autoseedLocks, events, SHOP_SQL, shopCounts, startCli } from './ops-support.js';

/** A session that holds autoseed's lock, as another run would. */
async function holdLock(url: string): Promise<{ client: pg.Client; pid: number }> {
  const client = new pg.Client({ connectionString: url, application_name: 'other-seeder' });
  await client.connect();
  await client.query("SELECT pg_advisory_lock('7022647215980373348'::bigint)");
  const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  return { client, pid: rows[0]!.pid };
}

describe('the advisory lock (R11)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(SHOP_SQL);
  });
  afterAll(() => db?.drop());

  it('a run while another holds the lock exits 3 at once, naming the holder (pid, application_name, since when)', async () => {
    const holder = await holdLock(db.url);
    try {
      const started = performance.now();
      const busy = await runCli(['seed', '--url', db.url, '--rows', '10']);
      expect(busy.code).toBe(3);
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(busy.stderr).toContain(`pid ${holder.pid}`);
      expect(busy.stderr).toContain('application_name "other-seeder"');
      expect(busy.stderr).toMatch(/connected since \d{4}-\d\d-\d\dT/);
      expect(busy.stderr).toContain('--lock-timeout');
      expect(Object.values(await shopCounts(db.client)).every((n) => n === 0)).toBe(true);
      const rollback = await runCli(['rollback', '--url', db.url, '--yes', '--json']);
      expect(rollback.code).toBe(3);
      expect(events(rollback.stdout)[0]).toMatchObject({ type: 'error', code: 'LOCK_BUSY', context: { holder: { pid: holder.pid } } });
    } finally {
      await holder.client.end();
    }
  });

  it('--lock-timeout waits that long, then exits 3', async () => {
    const holder = await holdLock(db.url);
    try {
      const started = performance.now();
      const busy = await runCli(['seed', '--url', db.url, '--rows', '10', '--lock-timeout', '1']);
      const waited = performance.now() - started;
      expect(busy.code).toBe(3);
      expect(busy.stderr).toContain('Waiting up to 1 s');
      expect(busy.stderr).toContain('waited 1 s');
      expect(waited).toBeGreaterThanOrEqual(1_000);
    } finally {
      await holder.client.end();
    }
  });

  it('--lock-timeout goes ahead as soon as the holder is done; the lock is released afterwards', async () => {
    const holder = await holdLock(db.url);
    const waiting = runCli(['seed', '--url', db.url, '--rows', '10', '--lock-timeout', '30']);
    await new Promise((r) => setTimeout(r, 1_500));
    await holder.client.end();
    const result = await waiting;
    expect(result.code, result.stderr).toBe(0);
    expect((await shopCounts(db.client)).customers).toBe(10);
    expect(await autoseedLocks(db.client)).toBe(0);
  });

  it('two real runs at once: the second exits 3 quickly while the first goes on to finish', async () => {
    const other = await createTestDatabase(SHOP_SQL);
    try {
      const first = startCli(['seed', '--url', other.url, '--rows', '20000', '--json']);
      await first.waitFor((e) => e.type === 'table-start');
      const started = performance.now();
      const second = await runCli(['seed', '--url', other.url, '--rows', '20000', '--json']);
      expect(second.code).toBe(3);
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(events(second.stdout)[0]).toMatchObject({ code: 'LOCK_BUSY', context: { holder: { applicationName: 'autoseed seed' } } });
      const done = await first.done;
      expect(done.code, done.stderr).toBe(0);
      expect(await autoseedLocks(other.client)).toBe(0);
    } finally {
      await other.drop();
    }
  });
});
