import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { autoseedLocks, events, SHOP_SQL, shopCounts, startCli } from './ops-support.js';

/** The first COPY under way: a progress event of a table written with COPY, before it is done. */
const midCopy = () => {
  const copying = new Set<string>();
  return (e: { type: string; [k: string]: unknown }) => {
    if (e.type === 'table-start' && e.method === 'copy') copying.add(e.table as string);
    return e.type === 'progress' && copying.has(e.table as string) && (e.rows as number) < (e.total as number);
  };
};

async function eventually(check: () => Promise<boolean>, ms = 10_000): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) if (await check()) return true;
  return check();
}

describe('signals (R15): Ctrl-C rolls back, releases the lock, exits 130', () => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.drop();
    db = undefined;
  });

  it('SIGINT mid-COPY: exit 130, no row of the interrupted transaction, no advisory lock left, no run recorded', async () => {
    db = await createTestDatabase(SHOP_SQL);
    const cli = startCli(['seed', '--url', db.url, '--rows', '100000', '--json']);
    await cli.waitFor(midCopy());
    cli.child.kill('SIGINT');
    const exit = await cli.done;
    expect(exit.code).toBe(130);
    expect(exit.stderr).toContain('Interrupted by SIGINT');
    expect(events(exit.stdout).at(-1)).toMatchObject({ type: 'error', code: 'INTERRUPTED', context: { signal: 'SIGINT', kept: null } });
    expect(Object.values(await shopCounts(db.client)).every((n) => n === 0)).toBe(true);
    expect(await autoseedLocks(db.client)).toBe(0);
    const { rows } = await db.client.query<{ n: string }>('SELECT count(*) AS n FROM autoseed.runs');
    expect(Number(rows[0]!.n)).toBe(0);
  });

  it('SIGTERM on a --checkpoint run keeps the committed tables, says so, and the same command resumes', async () => {
    db = await createTestDatabase(SHOP_SQL);
    const args = ['seed', '--url', db.url, '--rows', '20000', '--checkpoint', '--json'];
    const cli = startCli(args);
    let started = 0;
    await cli.waitFor((e) => e.type === 'table-start' && ++started === 2);
    await cli.waitFor(midCopy());
    cli.child.kill('SIGTERM');
    const exit = await cli.done;
    expect(exit.code).toBe(130);
    expect(exit.stderr).toMatch(/Interrupted by SIGTERM.*tables committed before it are kept.*run the same command again to resume/s);
    const { rows } = await db.client.query<{ status: string; error: string }>('SELECT status, error FROM autoseed.runs');
    expect(rows).toEqual([{ status: 'failed', error: expect.stringContaining('SIGTERM') }]);
    expect(await autoseedLocks(db.client)).toBe(0);
    const resumed = await runCli(args);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(events(resumed.stdout).find((e) => e.type === 'resume')).toMatchObject({ run: 1 });
  });

  it('a second Ctrl-C exits at once; PostgreSQL rolls back and drops the lock when the connection goes', async () => {
    db = await createTestDatabase(SHOP_SQL);
    const cli = startCli(['seed', '--url', db.url, '--rows', '100000', '--json']);
    await cli.waitFor(midCopy());
    cli.child.kill('SIGINT');
    cli.child.kill('SIGINT');
    const exit = await cli.done;
    expect(exit.code).toBe(130);
    const client = db.client;
    expect(await eventually(async () => (await autoseedLocks(client)) === 0)).toBe(true);
    expect(Object.values(await shopCounts(db.client)).every((n) => n === 0)).toBe(true);
  });
});
