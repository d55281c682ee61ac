import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../src/commands/seed.js';
import type { SeedEvent } from '../../src/events.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { fkOrphans, rowCounts, sequencesBehind } from '../helpers/integrity.js';

/**
 * examples/school.sql on the integration run's server (PostgreSQL 17 embedded, or the one named by
 * TEST_DATABASE_URL), seeded by `seedDatabase` at --rows 200 with seed 7, then checked with SQL
 * written here, not through autoseed.
 */

const SCHOOL_SQL = readFileSync(new URL('../../examples/school.sql', import.meta.url), 'utf8');
const DEMO_TABLES = [...SCHOOL_SQL.matchAll(/^CREATE TABLE school\.(\w+)/gm)].map((m) => `school.${m[1]}`).sort();
const ROWS = 200;
const SEED = 7;

async function count(client: pg.Client, sql: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>(`SELECT (${sql})::int AS n`);
  return rows[0]!.n;
}

/** Every CHECK of the form `(a > b)` or `(a >= b)` between two columns, from pg_catalog. */
async function orderingChecks(client: pg.Client): Promise<{ table: string; name: string; left: string; op: string; right: string }[]> {
  const { rows } = await client.query<{ table: string; name: string; def: string }>(`
    SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS def
    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
    WHERE c.contype = 'c' AND n.nspname = 'school'`);
  return rows.flatMap((r) => {
    const m = /^CHECK \(\((\w+) (>=?) (\w+)\)\)$/.exec(r.def);
    return m ? [{ table: r.table, name: r.name, left: m[1]!, op: m[2]!, right: m[3]! }] : [];
  });
}

/** The independent checks; `expectEvery` lists the tables that must hold rows. */
async function checkSeededData(client: pg.Client, expectEvery: readonly string[]): Promise<void> {
  const counts = await rowCounts(client);
  expect(expectEvery.filter((t) => !(counts.get(t)! > 0))).toEqual([]);

  // bookings: no two bookings of one resource overlap (what the exclusion constraint promises)
  expect(await count(client, 'SELECT count(*) FROM school.bookings')).toBeGreaterThan(0);
  expect(await count(client, `
    SELECT count(*) FROM school.bookings a
    JOIN school.bookings b ON b.resource_id = a.resource_id AND b.id > a.id AND b.during && a.during`)).toBe(0);
  expect(await count(client, 'SELECT count(*) FROM school.bookings WHERE isempty(during)')).toBe(0);

  // enrollments: student and class exist, one enrollment per student and class
  expect(await count(client, 'SELECT count(*) FROM school.enrollments')).toBeGreaterThan(0);
  expect(await count(client, `
    SELECT count(*) FROM school.enrollments e
    WHERE NOT EXISTS (SELECT 1 FROM school.students s WHERE s.id = e.student_id)
       OR NOT EXISTS (SELECT 1 FROM school.classes c WHERE c.id = e.class_id)`)).toBe(0);
  expect(await count(client, `
    SELECT count(*) FROM (SELECT 1 FROM school.enrollments GROUP BY student_id, class_id HAVING count(*) > 1) d`)).toBe(0);

  // ends_on > starts_on, ends_at > starts_at, due_on >= issued_on, updated_at >= created_at: wherever declared
  const checks = await orderingChecks(client);
  expect(checks.map((c) => `${c.table}: ${c.left} ${c.op} ${c.right}`)).toEqual(expect.arrayContaining([
    'school.terms: ends_on > starts_on',
    'school.lessons: ends_at > starts_at',
    'school.invoices: due_on >= issued_on',
  ]));
  for (const c of checks) {
    const bad = await count(client, `SELECT count(*) FROM ${c.table} WHERE NOT (${c.left} ${c.op} ${c.right})`);
    expect(bad, `${c.table} ${c.name}`).toBe(0);
  }

  // a primary guardian at most once per student; staff e-mails unique among current staff
  expect(await count(client, `
    SELECT count(*) FROM (SELECT 1 FROM school.student_guardians WHERE is_primary GROUP BY student_id HAVING count(*) > 1) d`)).toBe(0);
  expect(await count(client, `
    SELECT count(*) FROM (SELECT 1 FROM school.staff WHERE deleted_at IS NULL GROUP BY lower(email) HAVING count(*) > 1) d`)).toBe(0);

  expect(await fkOrphans(client)).toEqual([]);
  expect(await sequencesBehind(client)).toEqual([]);
}

describe('examples/school.sql: loads, and seedDatabase fills it consistently', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(SCHOOL_SQL);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('loads into a fresh database: about 25 tables, the exclusion constraint, partial and expression unique indexes', async () => {
    expect(DEMO_TABLES.length).toBeGreaterThanOrEqual(24);
    expect(await count(db.client, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'school'")).toBe(DEMO_TABLES.length);
    expect(await count(db.client, "SELECT count(*) FROM pg_constraint WHERE contype = 'x' AND conrelid = 'school.bookings'::regclass")).toBe(1);
    expect(await count(db.client, `
      SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'school' AND i.indisunique AND (i.indpred IS NOT NULL OR i.indexprs IS NOT NULL)`)).toBe(3);
  });

  it(`seedDatabase --rows ${ROWS} --seed ${SEED} fills every table and passes the independent checks`, async () => {
    const events: SeedEvent[] = [];
    const result = await seedDatabase({ url: db.url, connectTimeout: 10, seed: SEED, rows: ROWS }, (e) => void events.push(e));
    expect(Object.keys(result.tables).sort()).toEqual(DEMO_TABLES);
    expect(result.skipped).toEqual({});
    await checkSeededData(db.client, DEMO_TABLES);
  });
});
