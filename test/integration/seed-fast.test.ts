import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import pg from 'pg';
import { createTestDatabase, serverUrl, type TestDatabase } from '../helpers/db.js';
import { fixtureSql } from '../helpers/fixtures.js';
import { fkOrphans } from '../helpers/integrity.js';

/**
 * `--fast`: empty tables the role owns lose their indexes, keys and FKs for the load and get them
 * back after it; trigger-free tables load without per-row FK checks; every FK is verified before COMMIT.
 */

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'autoseed-fast-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// these tables are small: have --fast rebuild them anyway (it does from 1,000 rows on by default)
const REBUILD_ALL = { AUTOSEED_FAST_REBUILD_ROWS: '1' };

/** An override that points invoice 3 at a user that does not exist. */
const ORPHAN = "{ tables: { 'billing.invoices': { columns: { user_id: ({ index }) => (index === 3 ? 987654 : 1) } } } }";

/** A --fast run of 20 rows with these overrides: it must fail; what it printed on stderr. */
async function failingFastRun(db: TestDatabase, file: string, overrides: string): Promise<string> {
  const config = join(dir, file);
  await writeFile(config, `import { defineOverrides } from 'autoseed';\nexport default defineOverrides(${overrides});\n`);
  const result = await runCli(['seed', '--rows', '20', '--fast', '--url', db.url, '--config', config], REBUILD_ALL);
  expect(result.code).toBe(1);
  return result.stderr;
}

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
      const b = await runCli(['seed', '--rows', '60', '--seed', '7', '--json', '--fast', '--url', fast.url], REBUILD_ALL);
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
      const stderr = await failingFastRun(db, 'orphan.ts', ORPHAN);
      // billing.invoices was empty: its foreign keys were dropped and added back, which found the orphan
      expect(stderr).toMatch(/failed on constraint invoices_user_id_fkey: --fast added foreign key invoices_user_id_fkey back after the load/);
      expect(stderr).toMatch(/Key \(user_id\)=\(987654\) is not present/);
      expect(stderr).toMatch(/Nothing was written/);
      const { rows } = await db.client.query<{ n: number }>(
        'SELECT ((SELECT count(*) FROM users) + (SELECT count(*) FROM posts) + (SELECT count(*) FROM billing.invoices))::int AS n');
      expect(rows[0]!.n).toBe(0);
    } finally {
      await db.drop();
    }
  });

  it('builds again every index, key and FK it dropped, exactly as it was, and leaves pinned ones alone', async () => {
    const db = await createTestDatabase(`${fixtureSql('overrides-blog')}
      CREATE INDEX posts_published_idx ON posts (author_id) WHERE status = 'published';
      CREATE INDEX users_spot_gist ON users USING gist ((point(id, id)));
      CREATE UNIQUE INDEX users_lower_email ON users (lower(email));
      ALTER TABLE comments ADD CONSTRAINT comments_post_not_valid FOREIGN KEY (post_id) REFERENCES posts (id) NOT VALID;
      COMMENT ON CONSTRAINT invoices_pkey ON billing.invoices IS 'kept: it has a comment';
      CLUSTER audit_logs USING audit_logs_pkey;`);
    const catalog = async () => (await db.client.query<{ name: string; oid: string; def: string }>(`
      SELECT conrelid::regclass || '.' || conname AS name, oid::text, pg_get_constraintdef(oid) || ' valid=' || convalidated AS def
        FROM pg_constraint WHERE connamespace::regnamespace::text IN ('public', 'billing') AND contype <> 'c'
      UNION ALL
      SELECT indexrelid::regclass::text, indexrelid::text, pg_get_indexdef(indexrelid) || ' clustered=' || indisclustered
        FROM pg_index WHERE indrelid::regclass::text IN ('users', 'posts', 'comments', 'audit_logs', 'billing.invoices')
      ORDER BY 1`)).rows;
    try {
      const before = await catalog();
      const result = await runCli(['seed', '--rows', '40', '--json', '--fast', '--url', db.url], REBUILD_ALL);
      expect(result.code, result.stderr).toBe(0);
      const after = await catalog();
      expect(after.map((r) => [r.name, r.def])).toEqual(before.map((r) => [r.name, r.def]));
      const oid = (rows: typeof before, name: string) => rows.find((r) => r.name === name)?.oid;
      // dropped and created again (new oids): users' keys and indexes, every FK of the empty tables
      for (const name of ['users.users_pkey', 'users.users_email_key', 'users_lower_email', 'posts.posts_author_id_fkey', 'posts_published_idx']) {
        expect(oid(after, name), name).not.toBe(oid(before, name));
      }
      // left alone: a NOT VALID FK and the key it needs, a commented key, a CLUSTER index, a GiST
      // index (kept up during the COPY: building it afterwards would insert row by row all the same)
      for (const name of ['comments.comments_post_not_valid', 'posts.posts_pkey', 'billing.invoices.invoices_pkey', 'audit_logs_pkey', 'users_spot_gist']) {
        expect(oid(after, name), name).toBe(oid(before, name));
      }
      expect(await fkOrphans(db.client)).toEqual([]);
    } finally {
      await db.drop();
    }
  });

  it('a table that already has rows keeps its indexes; its FKs are verified set-wise', async () => {
    const db = await createTestDatabase(`${fixtureSql('overrides-blog')}
      INSERT INTO users (first_name, last_name, email, plan) VALUES ('Ada', 'Byron', 'ada@example.com', 'pro');
      INSERT INTO billing.invoices (user_id, amount, currency) VALUES (1, 10, 'EUR');`);
    try {
      const stderr = await failingFastRun(db, 'orphan-existing.ts', ORPHAN);
      expect(stderr).toMatch(/failed on constraint invoices_user_id_fkey: --fast verification found 1 row\(s\) whose foreign key invoices_user_id_fkey points at no row of public.users/);
      expect(stderr).toMatch(/Nothing was written/);
      const { rows } = await db.client.query<{ n: number }>('SELECT ((SELECT count(*) FROM users) + (SELECT count(*) FROM billing.invoices))::int AS n');
      expect(rows[0]!.n).toBe(2);
    } finally {
      await db.drop();
    }
  });

  it('a duplicate key an override planted rolls back and names the unique key', async () => {
    const db = await createTestDatabase(fixtureSql('overrides-blog'));
    try {
      const stderr = await failingFastRun(db, 'duplicate.ts', "{ tables: { users: { columns: { email: ({ index }) => `user${index === 5 ? 4 : index}@example.com` } } } }");
      expect(stderr).toMatch(/on constraint users_email_key: --fast added key users_email_key back after the load and PostgreSQL found two rows with the same key/);
      expect(stderr).toMatch(/Nothing was written/);
      const { rows } = await db.client.query<{ n: number; k: number }>(
        "SELECT (SELECT count(*) FROM users)::int AS n, (SELECT count(*) FROM pg_constraint WHERE conname = 'users_email_key')::int AS k");
      expect(rows[0]).toEqual({ n: 0, k: 1 });
    } finally {
      await db.drop();
    }
  });

  it("another session's lock makes it wait a bounded time, then load with the indexes in place", async () => {
    const db = await createTestDatabase(fixtureSql('overrides-blog'));
    // an application's transaction that read posts and stays open: DROP INDEX would wait for it forever
    const app = new pg.Client(db.url);
    await app.connect();
    try {
      await app.query('BEGIN');
      await app.query('SELECT count(*) FROM posts');
      const oid = async () => (await db.client.query<{ oid: string }>("SELECT 'posts_pkey'::regclass::oid::text AS oid")).rows[0]!.oid;
      const before = await oid();
      const result = await runCli(['seed', '--rows', '30', '--json', '--fast', '--url', db.url], REBUILD_ALL);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/--fast: another session holds a lock on posts by process \d+ \(idle in transaction\)/);
      expect(await oid()).toBe(before);
      expect(await fkOrphans(db.client)).toEqual([]);
      const { rows } = await db.client.query<{ n: number }>('SELECT count(*)::int AS n FROM comments');
      expect(rows[0]!.n).toBeGreaterThan(0);
    } finally {
      await app.query('ROLLBACK').catch(() => undefined);
      await app.end();
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
      const result = await runCli(['seed', '--rows', '20', '--json', '--fast', '--url', url.toString()], REBUILD_ALL);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/--fast builds indexes and keys after the load only on empty tables the role owns, .* neither applies here/);
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
