import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import pg from 'pg';
import { createTestDatabase, serverUrl, type TestDatabase } from '../helpers/db.js';
import { fixtureSql } from '../helpers/fixtures.js';
import { fkOrphans } from '../helpers/integrity.js';

/** `--fast`: trigger-free tables load without per-row FK checks; every FK is verified before COMMIT. */

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'autoseed-fast-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const TABLES = ['users', 'posts', 'comments', 'audit_logs', 'billing.invoices'];

/** Every seeded row, as text in a stable order: equal data gives equal strings. */
async function contents(db: TestDatabase): Promise<string> {
  const parts: string[] = [];
  for (const t of TABLES) {
    const { rows } = await db.client.query<{ r: string }>(`SELECT string_agg(x::text, E'\\n' ORDER BY x::text) AS r FROM ${t} x`);
    parts.push(`${t}:${rows[0]!.r ?? ''}`);
  }
  return parts.join('\n');
}

describe('seed --fast', () => {
  it('writes the same rows as a normal run, with every FK intact', async () => {
    const normal = await createTestDatabase(fixtureSql('overrides-blog'));
    const fast = await createTestDatabase(fixtureSql('overrides-blog'));
    try {
      const a = await runCli(['seed', '--rows', '60', '--seed', '7', '--json', '--url', normal.url]);
      const b = await runCli(['seed', '--rows', '60', '--seed', '7', '--json', '--fast', '--url', fast.url]);
      expect(a.code, a.stderr).toBe(0);
      expect(b.code, b.stderr).toBe(0);
      expect(b.stdout).not.toMatch(/--fast needs/);
      expect(await contents(fast)).toBe(await contents(normal));
      expect(await fkOrphans(fast.client)).toEqual([]);
    } finally {
      await normal.drop();
      await fast.drop();
    }
  });

  it('an orphan planted by an override rolls the whole run back and names the constraint', async () => {
    const db = await createTestDatabase(fixtureSql('overrides-blog'));
    try {
      const config = join(dir, 'orphan.ts');
      await writeFile(config, `
        import { defineOverrides } from 'autoseed';
        export default defineOverrides({ tables: { 'billing.invoices': { columns: { user_id: ({ index }) => (index === 3 ? 987654 : 1) } } } });`);
      const result = await runCli(['seed', '--rows', '20', '--fast', '--url', db.url, '--config', config]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/invoices_user_id_fkey/);
      expect(result.stderr).toMatch(/--fast verification found 1 row/);
      expect(result.stderr).toMatch(/Nothing was written/);
      const { rows } = await db.client.query<{ n: number }>(
        'SELECT ((SELECT count(*) FROM users) + (SELECT count(*) FROM posts) + (SELECT count(*) FROM billing.invoices))::int AS n');
      expect(rows[0]!.n).toBe(0);
    } finally {
      await db.drop();
    }
  });

  it('without the privilege it says why and seeds the normal way', async () => {
    const db = await createTestDatabase(fixtureSql('overrides-blog'));
    const role = `autoseed_plain_${db.name.slice(-8)}`;
    try {
      await db.client.query(`CREATE ROLE ${role} LOGIN PASSWORD 'plain-role-pw'`);
      await db.client.query(`GRANT ALL ON SCHEMA public, billing TO ${role}; GRANT ALL ON ALL TABLES IN SCHEMA public, billing TO ${role};
        GRANT ALL ON ALL SEQUENCES IN SCHEMA public, billing TO ${role}; GRANT CREATE ON DATABASE ${db.name} TO ${role}`);
      const url = new URL(db.url);
      url.username = role;
      // the embedded server asks for a password (SCRAM); a trust server ignores it
      url.password = 'plain-role-pw';
      const result = await runCli(['seed', '--rows', '20', '--json', '--fast', '--url', url.toString()]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/--fast needs a superuser, or SET on session_replication_role/);
      expect(await fkOrphans(db.client)).toEqual([]);
      const { rows } = await db.client.query<{ n: number }>('SELECT count(*)::int AS n FROM posts');
      expect(rows[0]!.n).toBeGreaterThan(0);
    } finally {
      await db.drop();
      const admin = new pg.Client(serverUrl());
      await admin.connect();
      await admin.query(`DROP ROLE IF EXISTS ${role}`).finally(() => admin.end());
    }
  });
});
