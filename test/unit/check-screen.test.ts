import { describe, expect, it } from 'vitest';
import { inferModel } from '../../src/inference/infer.js';
import { checkScreen } from '../../src/writer/check-screen.js';
import { catalog, check, col, idCol, table } from './helpers/catalog-builder.js';

describe('what JavaScript decides of a CHECK PostgreSQL confirms', async () => {
  const model = await inferModel(catalog([
    table('staff', [
      idCol(),
      col('manager_id', 'int4'),
      col('email', 'text'),
      col('code', 'bpchar', { type: { length: 2 } }),
      col('note', 'varchar', { type: { length: 40 } }),
      col('price', 'numeric'),
    ], { pk: ['id'] }),
  ]), { seed: 1 });
  const columns = model.tables[0]!.columns;
  const row = (values: Record<string, unknown>) => columns.map((c) => (values[c.name] ?? null) as never);

  it('a decidable regex on a text column: a match passes, anything else goes to PostgreSQL, NULL passes', () => {
    const screen = checkScreen({ expression: "(email ~* '^[A-Z0-9._%+-]+@[A-Z0-9.-]+\\.[A-Z]{2,}$'::text)" }, columns)!;
    expect(screen(row({ email: 'ada.lovelace.1@school.test' }))).toBe(true);
    expect(screen(row({ email: 'not an address' }))).toBe(false);
    expect(screen(row({ email: 42 }))).toBe(false);
    expect(screen(row({}))).toBe(true);
  });

  it('a domain CHECK speaks of VALUE, bound to its column', () => {
    const screen = checkScreen({ expression: "(VALUE ~ '^N-[0-9]+$'::text)", column: 'note' }, columns)!;
    expect(screen(row({ note: 'N-12' }))).toBe(true);
    expect(screen(row({ note: 'M-12' }))).toBe(false);
  });

  it('a comparison of integer columns, with NULL passing', () => {
    const screen = checkScreen({ expression: '(manager_id <> id)' }, columns)!;
    expect(screen(row({ id: 1, manager_id: 2 }))).toBe(true);
    expect(screen(row({ id: 2, manager_id: 2 }))).toBe(false);
    expect(screen(row({ id: 2n, manager_id: 3 }))).toBe(true);
    expect(screen(row({ id: 1 }))).toBe(true);
    const both = checkScreen({ expression: "((manager_id <> id) AND (email ~ '@'::text))" }, columns)!;
    expect(both(row({ id: 1, manager_id: 2, email: 'a@b' }))).toBe(true);
    expect(both(row({ id: 1, manager_id: 2, email: 'ab' }))).toBe(false);
  });

  it('one branch of an OR is enough to pass; a row it does not pass goes to PostgreSQL', () => {
    const screen = checkScreen({ expression: "((email ~ '@'::text) OR (note IS NULL))" }, columns)!;
    expect(screen(row({ email: 'a@b', note: 'x' }))).toBe(true);
    expect(screen(row({ email: 'ab' }))).toBe(false);
  });

  it('leaves to PostgreSQL what JavaScript cannot decide', () => {
    for (const expression of [
      "(email ~ '^\\s+$'::text)", // \s: JavaScript's holds no-break spaces
      "(code ~ '^[A-Z]{2}$'::text)", // char(n): PostgreSQL matches the value without its padding
      '(length(email) > 3)',
      '(price > (0)::numeric)',
      "(missing ~ 'x'::text)",
    ]) {
      expect(checkScreen({ expression }, columns), expression).toBeNull();
    }
  });
});
