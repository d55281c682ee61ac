import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import bcrypt from 'bcryptjs';
import { seedDatabase } from '../../src/commands/seed.js';
import { DEFAULT_PASSWORD } from '../../src/inference/password.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { fixtureSql } from '../helpers/fixtures.js';

/**
 * Realism measured from outside, with SQL of its own: for every column whose name says what it
 * holds, the share of rows whose value looks like that; and whether rows agree with themselves.
 */
const KIND_CHECKS: [string, string, string][] = [
  ['users', 'email', `email ~ '^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$'`],
  ['users', 'first_name', `first_name ~ '^[A-Z][A-Za-z''. -]+$'`],
  ['users', 'last_name', `last_name ~ '^[A-Z][A-Za-z''. -]+$'`],
  ['users', 'username', `username ~ '^[A-Za-z0-9._-]{3,}$'`],
  ['users', 'phone', `phone IS NULL OR phone ~ '^\\+?[0-9 ().-]{7,}$'`],
  ['users', 'avatar_url', `avatar_url IS NULL OR avatar_url ~ '^https?://'`],
  ['users', 'last_login_ip', `last_login_ip IS NULL OR family(last_login_ip) IN (4, 6)`],
  ['companies', 'website', `website IS NULL OR website ~ '^https?://[^ ]+$'`],
  ['companies', 'country_code', `country_code ~ '^[A-Z]{2}$'`],
  ['companies', 'name', `name ~ '^[A-Z]' AND name !~ '^[A-Z][a-z]+$'`],
  ['addresses', 'city', `city ~ '^[A-ZÀ-Ý]'`],
  ['addresses', 'postal_code', `postal_code ~ '^[A-Z0-9][A-Z0-9 -]{2,10}$'`],
  ['addresses', 'country_code', `country_code ~ '^[A-Z]{2}$'`],
  ['addresses', 'street_address', `street_address ~ '[0-9]' AND street_address ~ '[A-Za-z]'`],
  ['products', 'price', `price > 0 AND scale(price) <= 2`],
  ['products', 'currency', `currency ~ '^[A-Z]{3}$'`],
  ['posts', 'slug', `slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`],
];

const COHERENCE_CHECKS: [string, string][] = [
  ['email made from the name', `SELECT avg((lower(email) LIKE '%' || lower(regexp_replace(first_name, '[^A-Za-z]', '', 'g')) || '%')::int) FROM users`],
  ['updated_at >= created_at', `SELECT avg((updated_at >= created_at)::int) FROM users`],
  ['comments after their post', `SELECT avg((c.created_at >= p.created_at)::int) FROM comments c JOIN posts p ON p.id = c.post_id`],
  ['events end after they start', `SELECT avg((ends_at > starts_at)::int) FROM events`],
  ['same country in code and name', `SELECT avg((country_code = CASE country WHEN 'United States' THEN 'US' WHEN 'United Kingdom' THEN 'GB' WHEN 'Germany' THEN 'DE' WHEN 'France' THEN 'FR' WHEN 'Spain' THEN 'ES' WHEN 'Italy' THEN 'IT' WHEN 'Netherlands' THEN 'NL' END)::int) FROM addresses`],
  ['adult users', `SELECT avg((date_of_birth IS NULL OR date_of_birth <= now() - interval '17 years')::int) FROM users`],
];

describe('realism: values look like what the column names say, rows agree with themselves', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(fixtureSql('realism'));
    await seedDatabase({ url: db.url, connectTimeout: 10, seed: 3, rows: 200 }, () => undefined);
  });
  afterAll(() => db?.drop());

  it('≥ 95% of the values of name-typed columns hold that kind (and every column ≥ 90%)', async () => {
    let good = 0;
    let total = 0;
    const weak: string[] = [];
    for (const [table, column, predicate] of KIND_CHECKS) {
      const { rows } = await db.client.query<{ ok: string; n: string }>(`SELECT count(*) FILTER (WHERE ${predicate}) AS ok, count(*) AS n FROM ${table}`);
      const ok = Number(rows[0]!.ok);
      const n = Number(rows[0]!.n);
      good += ok;
      total += n;
      if (ok < n * 0.9) weak.push(`${table}.${column}: ${ok}/${n}`);
    }
    expect(weak).toEqual([]);
    expect(good / total).toBeGreaterThanOrEqual(0.95);
  });

  it.each(COHERENCE_CHECKS)('%s', async (_name, sql) => {
    const { rows } = await db.client.query<{ avg: string }>(sql);
    expect(Number(rows[0]!.avg)).toBeGreaterThanOrEqual(0.95);
  });

  it('password hashes are real bcrypt hashes of the known password', async () => {
    const { rows } = await db.client.query<{ password_hash: string }>('SELECT DISTINCT password_hash FROM users');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.password_hash).toMatch(/^\$2[aby]\$10\$/);
    expect(bcrypt.compareSync(DEFAULT_PASSWORD, rows[0]!.password_hash)).toBe(true);
  });

  it('booleans follow their names: is_active mostly true, is_deleted mostly false', async () => {
    const { rows } = await db.client.query<{ active: string; deleted: string }>(
      'SELECT avg(is_active::int) AS active, avg(is_deleted::int) AS deleted FROM events');
    expect(Number(rows[0]!.active)).toBeGreaterThan(0.7);
    expect(Number(rows[0]!.deleted)).toBeLessThan(0.2);
  });

  it('children outnumber parents, fan-out is skewed', async () => {
    const { rows } = await db.client.query<{ users: string; posts: string; comments: string; top: string }>(`
      SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM posts) AS posts, (SELECT count(*) FROM comments) AS comments,
             (SELECT max(n) FROM (SELECT count(*) AS n FROM posts GROUP BY author_id) x) AS top`);
    const r = rows[0]!;
    expect(Number(r.comments)).toBeGreaterThan(Number(r.users));
    expect(Number(r.top)).toBeGreaterThan(Number(r.posts) / Number(r.users) * 2);
  });
});
