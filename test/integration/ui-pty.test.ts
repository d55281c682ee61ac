import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI } from '../helpers/cli.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { fixtureSql } from '../helpers/fixtures.js';
import { rowCounts } from '../helpers/integrity.js';

const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;
const SKIPPED = HAS_TMUX ? '' : ' — SKIPPED: tmux is not installed (apt-get install -y tmux)';
if (!HAS_TMUX) console.warn(`test/integration/ui-pty.test.ts${SKIPPED}`);

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** One tmux server of our own (its own socket), one 80×24 window running one command. */
class Terminal {
  private readonly socket = `autoseed-ui-${randomBytes(4).toString('hex')}`;

  start(args: readonly string[]): void {
    // the CLI decides on its UI from its own environment: no CI there, whatever runs the tests
    const command = `env -u CI ${[process.execPath, CLI, ...args].map(quote).join(' ')}; echo "AUTOSEED_EXIT=$?"; sleep 120`;
    this.tmux('new-session', '-d', '-x', '80', '-y', '24', '-s', 'ui', command);
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', 'ui');
  }

  /** Named tmux keys (Enter, Space, Down) or literal text with `literal`. */
  keys(keys: readonly string[], literal = false): void {
    this.tmux('send-keys', '-t', 'ui', ...(literal ? ['-l'] : []), ...keys);
  }

  async waitFor(pattern: string | RegExp, timeoutMs = 60_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (typeof pattern === 'string' ? screen.includes(pattern) : pattern.test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${String(pattern)}; the terminal shows:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Presses keys one at a time, as a person would, letting the UI redraw in between. */
  async press(...keys: string[]): Promise<void> {
    for (const key of keys) {
      this.keys([key]);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }

  async exitCode(): Promise<number> {
    const screen = await this.waitFor(/AUTOSEED_EXIT=\d+/);
    return Number(/AUTOSEED_EXIT=(\d+)/.exec(screen)![1]);
  }

  kill(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server']);
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }
}

describe.skipIf(!HAS_TMUX)(`autoseed seed UI in a real terminal (tmux)${SKIPPED}`, () => {
  let db: TestDatabase;
  let term: Terminal;

  beforeEach(async () => {
    db = await createTestDatabase(fixtureSql('cycles'));
    term = new Terminal();
  });
  afterEach(async () => {
    term?.kill();
    await db?.drop();
  });

  it('picker → enter → enter fills the database, shows the summary, q exits 0', async () => {
    term.start(['--url', db.url, '--rows', '20']);
    const picker = await term.waitFor('pick tables');
    for (const table of ['deferred.invoices', 'hard.store', 'nullable2.departments', 'selfref.categories', 'three.a']) {
      expect(picker).toContain(table);
    }
    expect(picker).toContain('11 of 11 tables ticked');
    await term.press('Enter');
    await term.waitFor('Insertion order');
    await term.press('Enter');
    const summary = await term.waitFor('✓ integrity');
    expect(summary).toMatch(/✓ Seeded [\d,]+ rows in 11 tables/);
    expect(summary).toContain('autoseed rollback');
    const counts = await rowCounts(db.client);
    expect(counts.size).toBe(11);
    expect([...counts].filter(([, n]) => n === 0)).toEqual([]);
    await term.press('q');
    expect(await term.exitCode()).toBe(0);
  });

  it('a table unticked with space stays empty; the others are filled', async () => {
    term.start(['--url', db.url, '--rows', '20', '--no-verify']);
    await term.waitFor('pick tables');
    await term.press('/');
    term.keys(['categories'], true);
    await term.waitFor(/› \[x\] selfref\.categories/);
    await term.press('Enter', 'Space');
    await term.waitFor(/\[ \] selfref\.categories\s+—\s+not seeded/);
    await term.press('Enter');
    await term.waitFor('Insertion order');
    await term.press('End');
    expect(await term.waitFor('Not seeded')).toMatch(/selfref\.categories: not selected/);
    await term.press('Enter');
    const summary = await term.waitFor('✓ Seeded');
    expect(summary).toMatch(/✓ Seeded [\d,]+ rows in 10 tables/);
    expect(summary).toContain('not checked (--no-verify)');
    const counts = await rowCounts(db.client);
    expect(counts.get('selfref.categories')).toBe(0);
    expect([...counts].filter(([table, n]) => table !== 'selfref.categories' && n === 0)).toEqual([]);
    await term.press('q');
    expect(await term.exitCode()).toBe(0);
  });
});
