import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { fixtureSql } from '../helpers/fixtures.js';

/** sql`…` columns: events staged (COPY + one INSERT … SELECT), sessions confirmed per batch by PostgreSQL. */
const EXPRESSIONS = `
import { defineOverrides, sql } from 'autoseed';

export default defineOverrides({
  tables: {
    events: { columns: {
      payload: sql\`jsonb_build_object('source', 'staged')\`,
      created_at: sql\`now() - interval '1 day'\`,
    } },
    sessions: { columns: { started_at: sql\`now() - interval '2 hours'\` } },
  },
});
`;

/** An expression that breaks badges' CHECK for about a quarter of the rows. */
const SOMETIMES_BAD = `
import { defineOverrides, sql } from 'autoseed';

export default defineOverrides({ tables: { badges: { columns: { level: sql\`(random() * 4)::int\` } } } });
`;

interface Event { type: string; table?: string; method?: string; message?: string; tables?: Record<string, number> }

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'autoseed-overrides-sql-'));
  await writeFile(join(dir, 'expressions.ts'), EXPRESSIONS);
  await writeFile(join(dir, 'sometimes-bad.ts'), SOMETIMES_BAD);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function seeded(config: string, flags: readonly string[], work: (db: TestDatabase, events: Event[]) => Promise<void>): Promise<void> {
  const db = await createTestDatabase(fixtureSql('sql-overrides'));
  try {
    const result = await runCli(['seed', '--json', '--rows', '40', '--url', db.url, '--config', join(dir, config), ...flags]);
    expect(result.code, `${result.stderr}\n${result.stdout.slice(-3000)}`).toBe(0);
    await work(db, result.stdout.trim().split('\n').map((l) => JSON.parse(l) as Event));
  } finally {
    await db.drop();
  }
}

function starts(events: readonly Event[], table: string): Event[] {
  return events.filter((e) => e.type === 'table-start' && e.table === table);
}

describe('overrides.ts sql`…` expressions', () => {
  for (const flags of [[], ['--fast']]) {
    it(`a table whose columns take expressions is staged and COPYed, a CHECK only PostgreSQL can confirm sees the expressions${flags.length ? ' (--fast)' : ''}`, async () => {
      await seeded('expressions.ts', flags, async (db, events) => {
        expect(starts(events, 'public.events').map((e) => e.method)).toEqual(['copy']);
        expect(events.filter((e) => e.type === 'warning')).toEqual([]);
        const { rows: [ev] } = await db.client.query<{ n: number; payloads: string[]; fresh: boolean; orphans: number }>(`
          SELECT count(*)::int AS n, array_agg(DISTINCT payload::text) AS payloads,
                 bool_and(created_at BETWEEN now() - interval '2 days' AND now()) AS fresh,
                 count(*) FILTER (WHERE account_id NOT IN (SELECT id FROM accounts))::int AS orphans
          FROM events`);
        expect(ev).toEqual({ n: 60, payloads: ['{"source": "staged"}'], fresh: true, orphans: 0 });
        const { rows: [s] } = await db.client.query<{ n: number; past: boolean }>(
          `SELECT count(*)::int AS n, bool_and(started_at BETWEEN now() - interval '1 day' AND now()) AS past FROM sessions`);
        expect(s).toEqual({ n: 60, past: true });
        // the identity went past the staged rows: the application's next INSERT works
        await db.client.query(`INSERT INTO events (account_id, kind, payload, created_at) SELECT min(id), 'login', '{}', now() FROM accounts`);
        const verify = await runCli(['verify-integrity', '--url', db.url, '--require-rows']);
        expect(verify.code, verify.stdout + verify.stderr).toBe(0);
      });
    });
  }

  it('when the staged INSERT … SELECT fails, the table is written row-isolating instead, with a warning naming the constraint', async () => {
    await seeded('sometimes-bad.ts', [], async (db, events) => {
      const warnings = events.filter((e) => e.type === 'warning' && e.table === 'public.badges').map((e) => e.message ?? '');
      expect(warnings[0]).toMatch(/staged INSERT … SELECT failed .*badges_level_check.*row-isolating/);
      expect(starts(events, 'public.badges').map((e) => e.method)).toEqual(['copy', 'insert']);
      const done = events.find((e) => e.type === 'run-done')!;
      const { rows: [b] } = await db.client.query<{ n: number; low: number; high: number }>('SELECT count(*)::int AS n, min(level) AS low, max(level) AS high FROM badges');
      expect(b!.n).toBe(done.tables!['public.badges']);
      expect(b!.n).toBeGreaterThan(30);
      expect(b!.low).toBeGreaterThanOrEqual(1);
      expect(b!.high).toBeLessThanOrEqual(3);
    });
  });
});
