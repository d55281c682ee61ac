import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { SHOP_SQL, shopCounts, TmuxTerminal } from './ops-support.js';

const HAS_TMUX = TmuxTerminal.available();
const SKIPPED = HAS_TMUX ? '' : ' — SKIPPED: tmux is not installed (apt-get install -y tmux)';

describe.skipIf(!HAS_TMUX)(`on a terminal: confirmation prompts and Ctrl-C (tmux)${SKIPPED}`, () => {
  let db: TestDatabase;
  let term: TmuxTerminal;
  const empty = async () => Object.values(await shopCounts(db.client)).every((n) => n === 0);

  beforeEach(async () => {
    db = await createTestDatabase(SHOP_SQL);
    term = new TmuxTerminal();
  });
  afterEach(async () => {
    term?.kill();
    await db?.drop();
  });

  it('rollback asks before deleting: "n" changes nothing (exit 1), "y" deletes', async () => {
    const seed = await runCli(['seed', '--url', db.url, '--rows', '20']);
    expect(seed.code, seed.stderr).toBe(0);
    const counts = await shopCounts(db.client);
    term.start(['rollback', '--url', db.url]);
    await term.waitFor(/Delete \d+ rows from 5 tables \(autoseed run #1\)\? \[y\/N\]/);
    term.keys('n', 'Enter');
    expect(await term.exitCode()).toBe(1);
    expect(term.screen()).toContain('not confirmed. Nothing was changed');
    expect(await shopCounts(db.client)).toEqual(counts);

    term.kill();
    term = new TmuxTerminal();
    term.start(['rollback', '--url', db.url]);
    await term.waitFor(/\[y\/N\]/);
    term.keys('y', 'Enter');
    expect(await term.exitCode()).toBe(0);
    expect(term.screen()).toMatch(/Rolled back run #1: \d+ rows deleted from 5 tables/);
    expect(await empty()).toBe(true);
  });

  it('seed --reset lists the tables and asks before truncating', async () => {
    expect((await runCli(['seed', '--url', db.url, '--rows', '20'])).code).toBe(0);
    term.start(['seed', '--url', db.url, '--rows', '10', '--reset', '--tables', 'customers']);
    const screen = await term.waitFor(/\[y\/N\]/);
    expect(screen).toContain('Will truncate (RESTART IDENTITY CASCADE): public.customers');
    expect(screen).toMatch(/through CASCADE, the tables that reference them: public\.order_items, public\.order_notes, public\.orders/);
    term.keys('y', 'Enter');
    expect(await term.exitCode()).toBe(0);
    expect((await shopCounts(db.client)).customers).toBe(10);
  });

  it('Ctrl-C during a run rolls back, says what happened, and exits 130', async () => {
    // --yes: the plain progress lines rather than the seed UI
    term.start(['seed', '--url', db.url, '--rows', '40000', '--yes']);
    await term.waitFor(/✓ public\.\w+/);
    term.keys('C-c');
    expect(await term.exitCode()).toBe(130);
    const screen = term.screen();
    expect(screen).toContain('SIGINT: stopping, rolling back the transaction in progress');
    expect(screen).toContain('Interrupted by SIGINT: the transaction in progress was rolled back and the lock released; nothing from this run was kept.');
    expect(await empty()).toBe(true);
  });
});
