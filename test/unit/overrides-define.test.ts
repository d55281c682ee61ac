import { describe, expect, expectTypeOf, it } from 'vitest';
import { defineOverrides, isSqlExpression, sql } from '../../src/overrides/define.js';
import type { Overrides, SqlExpression } from '../../src/overrides/types.js';
import * as library from '../../src/index.js';

describe('sql tag', () => {
  it('keeps the text and quotes what is interpolated', () => {
    expect(sql`now()`).toEqual({ sql: 'now()' });
    expect(sql`crypt(${"it's"}, gen_salt('bf'))`).toEqual({ sql: "crypt('it''s', gen_salt('bf'))" });
    expect(sql`${1} + ${-2} + ${null} + ${true}`.sql).toBe('1 + (-2) + NULL + TRUE');
    expect(sql`x-${-1}`.sql).toBe('x-(-1)');
    expect(sql`${new Date('2024-01-02T03:04:05Z')}::timestamptz`.sql).toBe("'2024-01-02T03:04:05.000Z'::timestamptz");
    expect(sql`lower(${sql`'A'`})`.sql).toBe("lower('A')");
    expect(sql`${{ a: "b'" }}::jsonb`.sql).toBe(`'{"a":"b''"}'::jsonb`);
  });
  it('is recognised as a SQL expression, and is frozen', () => {
    const e = sql`1`;
    expect(isSqlExpression(e)).toBe(true);
    expect(Object.isFrozen(e)).toBe(true);
    expect(isSqlExpression({ sql: 'x', other: 1 })).toBe(false);
    expect(isSqlExpression('x')).toBe(false);
    expectTypeOf(e).toEqualTypeOf<SqlExpression>();
  });
});

describe('defineOverrides', () => {
  it('returns its argument as it is', () => {
    const o = { seed: 1, tables: { users: { rows: 3 } } };
    expect(defineOverrides(o)).toBe(o);
  });
  it('is typed by the schema it is given', () => {
    interface Schema {
      'public.users': { id: number; email: string; nick: string | null };
    }
    const typed = defineOverrides<Schema>({
      tables: { 'public.users': { columns: { email: ({ row, index }) => `${row.email}${index}`, nick: [null, 'x'] } } },
    });
    expectTypeOf(typed).toEqualTypeOf<Overrides<Schema>>();
    // @ts-expect-error a misspelt table is a compile error
    defineOverrides<Schema>({ tables: { 'public.userz': {} } });
    // @ts-expect-error a misspelt column is a compile error
    defineOverrides<Schema>({ tables: { 'public.users': { columns: { emial: 'x' } } } });
    // @ts-expect-error a function must return the column's type
    defineOverrides<Schema>({ tables: { 'public.users': { columns: { id: () => 'one' } } } });
  });
  it('is exported by the package with sql', () => {
    expect(library.defineOverrides).toBe(defineOverrides);
    expect(library.sql).toBe(sql);
  });
});
