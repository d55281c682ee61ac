import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, runCli } from '../helpers/cli.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { fixtureSql } from '../helpers/fixtures.js';

/** Every API feature of overrides.ts on the blog fixture, seeded by the built CLI and checked with SQL. */
const OVERRIDES = `
import { defineOverrides, sql } from 'autoseed';

export default defineOverrides({
  seed: 5,
  rows: 20,
  tables: {
    users: {
      rows: 12,
      columns: {
        email: ({ row, index }) => \`\${String(row.first_name).toLowerCase().replace(/[^a-z]/g, '')}.\${index}@acme.test\`,
        plan: ['pro', 'team'],
        role: 'admin',
        bio: ({ faker }) => faker.lorem.sentence(),
        settings: [{ theme: 'dark' }, { theme: 'light' }],
      },
    },
    'public.posts': { rows: 30, columns: { slug: sql\`upper('x')\`, title: ({ faker, index }) => \`\${faker.word.noun()} \${index}\` } },
    comments: { perParent: { post_id: [1, 3] }, columns: {
      body: ({ parent }) => \`on post \${String(parent('post_id')?.id)}\`,
      meta: ({ index }) => [index, 'x'],
    } },
    audit_logs: { skip: true },
    'billing.invoices': { columns: { currency: ({ index }) => (index % 3 === 0 ? sql\`upper('usd')\` : 'EUR') } },
  },
});
`;

let dir: string;
let config: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'autoseed-overrides-seed-'));
  config = join(dir, 'overrides.ts');
  await writeFile(config, OVERRIDES);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function seeded(args: readonly string[], work: (db: TestDatabase, result: CliResult) => Promise<void>): Promise<void> {
  const db = await createTestDatabase(fixtureSql('overrides-blog'));
  try {
    const result = await runCli(['seed', '--json', '--url', db.url, '--config', config, ...args]);
    expect(result.code, `${result.stderr}\n${result.stdout.slice(-3000)}`).toBe(0);
    await work(db, result);
  } finally {
    await db.drop();
  }
}

async function one<T>(db: TestDatabase, query: string): Promise<T> {
  return (await db.client.query(query)).rows[0] as T;
}

interface RunStart {
  type: string;
  seed: number;
  configuration: { rows: number; config: string | null };
}

function runStart(result: CliResult): RunStart {
  return result.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as RunStart).find((e) => e.type === 'run-start')!;
}

describe('seeding with overrides.ts (built CLI, --config)', () => {
  it('applies constants, lists, functions, perParent, per-table rows, skip and sql`…`', async () => {
    await seeded([], async (db, result) => {
      // the file's seed and base rows
      expect(runStart(result)).toMatchObject({ seed: 5, configuration: { rows: 20, config } });
      // per-table rows, skip
      expect(await one(db, `SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM posts)::int AS posts,
        (SELECT count(*) > 0 FROM billing.invoices) AS invoices, (SELECT count(*) FROM audit_logs)::int AS audit`))
        .toEqual({ users: 12, posts: 30, invoices: true, audit: 0 });
      // a function of the row: the email follows the row's own first name
      expect(await one(db, `SELECT count(*)::int AS n FROM users
        WHERE email = regexp_replace(lower(first_name), '[^a-z]', '', 'g') || '.' || (id - 1) || '@acme.test'`)).toEqual({ n: 12 });
      // a list, a constant, an enum constant
      expect(await one(db, "SELECT array_agg(DISTINCT plan ORDER BY plan) AS plans, array_agg(DISTINCT role::text) AS roles FROM users"))
        .toEqual({ plans: ['pro', 'team'], roles: ['admin'] });
      // a function that returns sql`…` for some rows: its table goes through INSERT after all
      expect(await one(db, "SELECT count(*)::int AS n FROM billing.invoices WHERE currency <> CASE WHEN (id - 1) % 3 = 0 THEN 'USD' ELSE 'EUR' END"))
        .toEqual({ n: 0 });
      expect(await one(db, "SELECT count(*) > 0 AS usd FROM billing.invoices WHERE currency = 'USD'")).toEqual({ usd: true });
      // functions that return plain values keep their table on COPY
      const starts = result.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { type: string; table?: string; method?: string })
        .filter((e) => e.type === 'table-start');
      expect(starts.filter((e) => e.table === 'public.comments').map((e) => e.method)).toEqual(['copy']);
      expect(starts.filter((e) => e.table === 'billing.invoices').map((e) => e.method).at(-1)).toBe('insert');
      // a SQL expression, evaluated by PostgreSQL
      expect(await one(db, "SELECT count(*)::int AS n FROM posts WHERE slug = 'X'")).toEqual({ n: 30 });
      // perParent: every post has 1 to 3 comments, and the comments are exactly those
      const fan = await one<{ min: number; max: number; total: number }>(db, `SELECT min(n)::int AS min, max(n)::int AS max, sum(n)::int AS total
        FROM (SELECT p.id, count(c.id) AS n FROM posts p LEFT JOIN comments c ON c.post_id = p.id GROUP BY p.id) x`);
      expect(fan.min).toBeGreaterThanOrEqual(1);
      expect(fan.max).toBeLessThanOrEqual(3);
      expect(fan.max).toBeGreaterThan(fan.min);
      expect(await one(db, 'SELECT count(*)::int AS n FROM comments')).toEqual({ n: fan.total });
      // parent(fk): the referenced columns of the row's parent
      expect(await one(db, "SELECT count(*)::int AS n FROM comments WHERE body <> 'on post ' || post_id")).toEqual({ n: 0 });
      // json: a list of objects; a function returning a JSON array
      expect(await one(db, "SELECT array_agg(DISTINCT settings->>'theme' ORDER BY settings->>'theme') AS themes FROM users"))
        .toEqual({ themes: ['dark', 'light'] });
      expect(await one(db, "SELECT count(*)::int AS n FROM comments WHERE meta <> jsonb_build_array(id - 1, 'x')")).toEqual({ n: 0 });
      // a function using the row's faker
      expect(await one(db, 'SELECT count(DISTINCT bio)::int AS n FROM users')).toEqual({ n: 12 });
    });
  });

  it('--seed and --rows win over the file', async () => {
    await seeded(['--seed', '9', '--rows', '7'], async (db, result) => {
      expect(runStart(result)).toMatchObject({ seed: 9, configuration: { rows: 7 } });
      // a table's own rows still come from the file
      expect(await one(db, 'SELECT count(*)::int AS users FROM users')).toEqual({ users: 12 });
    });
  });

  it('determinism: same file and seed twice → identical rows (function overrides get the row\'s seeded faker)', async () => {
    const digest = async () => {
      const out: Record<string, string> = {};
      await seeded([], async (db) => {
        const tables = ['users', 'posts', 'comments', 'billing.invoices'];
        for (const t of tables) {
          out[t] = (await one<{ d: string }>(db, `SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) AS d FROM ${t} x`)).d;
        }
      });
      return out;
    };
    const [a, b] = [await digest(), await digest()];
    expect(b).toEqual(a);
    expect(Object.values(a).every((d) => /^[0-9a-f]{32}$/.test(d))).toBe(true);
  });
});
