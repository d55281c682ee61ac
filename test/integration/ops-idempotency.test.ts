import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { fkOrphans } from '../helpers/integrity.js';
import { events, SHOP_SQL, shopCounts } from './ops-support.js';

describe('idempotent re-runs, --append and --reset (R9)', () => {
  let db: TestDatabase;
  const seed = (...extra: string[]) => runCli(['seed', '--url', db.url, '--rows', '40', '--json', ...extra]);

  beforeAll(async () => {
    db = await createTestDatabase(SHOP_SQL);
    const first = await seed();
    expect(first.code, first.stderr).toBe(0);
  });
  afterAll(() => db?.drop());

  it('the same seed again does nothing, says so, exits 0, and the counts are unchanged', async () => {
    const before = await shopCounts(db.client);
    const again = await seed();
    expect(again.code, again.stderr).toBe(0);
    const nothing = events(again.stdout).find((e) => e.type === 'nothing-to-do');
    expect(nothing).toMatchObject({ run: 1, message: expect.stringContaining('nothing to do') });
    expect(events(again.stdout).some((e) => e.type === 'run-start')).toBe(false);
    expect(await shopCounts(db.client)).toEqual(before);
  });

  it('a different request on a seeded database is refused, offering --reset and --append; nothing is written', async () => {
    const before = await shopCounts(db.client);
    const other = await runCli(['seed', '--url', db.url, '--rows', '41']);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('already seeded by autoseed run #1');
    expect(other.stderr).toContain('--reset');
    expect(other.stderr).toContain('--append');
    expect(await shopCounts(db.client)).toEqual(before);
  });

  it('--append seeds again with keys after the existing ones', async () => {
    const before = await shopCounts(db.client);
    const more = await seed('--seed', '9', '--append');
    expect(more.code, more.stderr).toBe(0);
    const added = events(more.stdout).find((e) => e.type === 'run-done')!.tables as Record<string, number>;
    const after = await shopCounts(db.client);
    // the planner sizes children from the base count: the run says how many rows each table got
    for (const [table, n] of Object.entries(after)) expect(n, table).toBe(before[table]! + added[`public.${table}`]!);
    expect(added['public.customers']).toBe(40);
    const { rows } = await db.client.query<{ min: number }>('SELECT min(id) FROM customers WHERE id > 40');
    expect(rows[0]!.min).toBe(41);
    expect(await fkOrphans(db.client)).toEqual([]);
  });

  it('--reset without --yes and without a terminal is refused; nothing is truncated', async () => {
    const before = await shopCounts(db.client);
    const refused = await runCli(['seed', '--url', db.url, '--rows', '15', '--reset']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Will truncate (RESTART IDENTITY CASCADE)');
    expect(refused.stderr).toContain('pass --yes');
    expect(await shopCounts(db.client)).toEqual(before);
  });

  it('--reset --dry-run lists what would be truncated, CASCADE included, and changes nothing', async () => {
    const before = await shopCounts(db.client);
    const dry = await runCli(['seed', '--url', db.url, '--rows', '15', '--reset', '--dry-run', '--tables', 'customers', '--json']);
    expect(dry.code, dry.stderr).toBe(0);
    const plan = events(dry.stdout).find((e) => e.type === 'reset-plan');
    expect(plan).toMatchObject({ dryRun: true, tables: ['public.customers'] });
    expect(plan!.cascaded).toEqual(expect.arrayContaining(['public.orders', 'public.order_items', 'public.order_notes']));
    expect(await shopCounts(db.client)).toEqual(before);
  });

  it('--reset --yes truncates (identities restarted) and seeds afresh; earlier runs are over', async () => {
    const reset = await runCli(['seed', '--url', db.url, '--rows', '15', '--reset', '--yes', '--json']);
    expect(reset.code, reset.stderr).toBe(0);
    expect(events(reset.stdout).find((e) => e.type === 'reset-done')).toMatchObject({ runs: [1, 2] });
    const written = events(reset.stdout).find((e) => e.type === 'run-done')!.tables as Record<string, number>;
    expect(Object.fromEntries(Object.entries(await shopCounts(db.client)).map(([t, n]) => [`public.${t}`, n]))).toEqual(written);
    const { rows } = await db.client.query<{ min: number; max: number }>('SELECT min(id), max(id) FROM customers');
    expect(rows[0]).toEqual({ min: 1, max: 15 });
    const { rows: runs } = await db.client.query<{ id: number; status: string }>('SELECT id::int, status FROM autoseed.runs ORDER BY id');
    expect(runs).toEqual([{ id: 1, status: 'rolled-back' }, { id: 2, status: 'rolled-back' }, { id: 3, status: 'complete' }]);
  });

  it('a failed run leaves nothing: no rows and no run in the ledger', async () => {
    const broken = await createTestDatabase(`${SHOP_SQL}
      CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no notes today'; END $$;
      CREATE TRIGGER refuse_notes BEFORE INSERT ON order_notes FOR EACH STATEMENT EXECUTE FUNCTION refuse();`);
    try {
      const failed = await runCli(['seed', '--url', broken.url, '--rows', '20']);
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain('no notes today');
      expect(Object.values(await shopCounts(broken.client)).every((n) => n === 0)).toBe(true);
      const { rows } = await broken.client.query<{ n: string }>('SELECT count(*) AS n FROM autoseed.runs');
      expect(Number(rows[0]!.n)).toBe(0);
    } finally {
      await broken.drop();
    }
  });
});
