import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../src/db/queryable.js';
import type { Value } from '../../src/inference/gen-context.js';
import { inferModel } from '../../src/inference/infer.js';
import type { ColumnModel } from '../../src/inference/model.js';
import { introspect } from '../../src/introspect/index.js';
import { CheckFilter } from '../../src/writer/check-filter.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

const SCHEMA = `
CREATE DOMAIN mail AS text CHECK (VALUE ~* '^[a-z]+@[a-z]+\\.test$');
CREATE TABLE people (
  id integer PRIMARY KEY,
  manager_id integer REFERENCES people (id),
  email mail,
  nickname text CHECK (nickname ~ '^\\s*[a-z]+$'),
  CHECK (manager_id <> id)
);
`;

describe('CHECKs confirmed per batch: rows JavaScript passes skip PostgreSQL', () => {
  let db: TestDatabase;
  let columns: readonly ColumnModel[];
  let checks: { name: string; expression: string; column?: string }[];
  let queries = 0;
  let counting: Queryable;

  beforeAll(async () => {
    db = await createTestDatabase(SCHEMA);
    const catalog = await introspect(db.client);
    const model = await inferModel(catalog, { seed: 1 });
    const people = model.tables.find((t) => t.table.name === 'people')!;
    columns = people.columns.filter((c) => c.generator.kind !== 'omit');
    const mail = catalog.domains.find((d) => d.name === 'mail')!;
    const table = catalog.tables.find((t) => t.name === 'people')!;
    checks = [
      { name: 'mail_check', expression: mail.checks[0]!.expression, column: 'email' },
      { name: 'people_check', expression: table.checks.find((c) => c.name === 'people_check')!.expression },
    ];
    counting = { query: (text, values) => { queries += 1; return db.client.query(text, values as unknown[]); } } as Queryable;
  });
  afterAll(async () => db?.drop());

  const row = (values: Record<string, Value>): Value[] => columns.map((c) => values[c.name] ?? null);

  it('no query when JavaScript passes every row on every check', async () => {
    queries = 0;
    const filter = new CheckFilter(columns, checks);
    const failing = await filter.failing(counting, [row({ id: 1, email: 'ada@school.test' }), row({ id: 2, manager_id: 1, email: 'BOB@school.test' })]);
    expect(failing.size).toBe(0);
    expect(queries).toBe(0);
  });

  it('rows JavaScript does not pass go to PostgreSQL, which names the check each fails, by the row\'s own index', async () => {
    queries = 0;
    const filter = new CheckFilter(columns, checks);
    const failing = await filter.failing(counting, [
      row({ id: 1, email: 'ada@school.test' }),
      row({ id: 2, email: 'not mail' }),
      row({ id: 3, manager_id: 1, email: 'eve@school.test' }),
      row({ id: 4, manager_id: 4, email: 'kim@school.test' }),
    ]);
    expect(Object.fromEntries(failing)).toEqual({ 1: 'mail_check', 3: 'people_check' });
    expect(queries).toBe(1);
  });

  it('a CHECK JavaScript cannot decide sends every row, as before', async () => {
    queries = 0;
    const table = (await introspect(db.client)).tables.find((t) => t.name === 'people')!;
    const nickname = table.checks.find((c) => c.name === 'people_nickname_check')!;
    const filter = new CheckFilter(columns, [...checks, { name: nickname.name, expression: nickname.expression }]);
    const failing = await filter.failing(counting, [row({ id: 1, nickname: ' ada' }), row({ id: 2, nickname: 'Bob' })]);
    expect(Object.fromEntries(failing)).toEqual({ 1: 'people_nickname_check' });
    expect(queries).toBe(1);
  });
});
