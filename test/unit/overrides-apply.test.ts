import { faker } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import { isAutoseedError } from '../../src/errors.js';
import { inferModel } from '../../src/inference/infer.js';
import type { ColumnModel, CompiledOverride, SeedModel } from '../../src/inference/model.js';
import { applyOverrides, planOptionsFromOverrides } from '../../src/overrides/apply.js';
import { defineOverrides, sql } from '../../src/overrides/define.js';
import type { OverrideContext } from '../../src/overrides/types.js';
import { catalog, col, fk, idCol, table } from './helpers/catalog-builder.js';

const cat = catalog([
  table('users', [idCol(), col('first_name', 'text', { notNull: true }), col('email', 'text', { notNull: true }), col('age', 'int4'), col('role', 'text')], { pk: ['id'] }),
  table('posts', [idCol(), col('author_id', 'int4', { notNull: true }), col('title', 'text'), col('body', 'text')], {
    pk: ['id'], foreignKeys: [fk('posts_author_id_fkey', ['author_id'], 'users')],
  }),
  table('logs', [idCol(), col('message', 'text')], { pk: ['id'] }),
]);
const model: SeedModel = await inferModel(cat, { seed: 7 });

const tableOf = (m: SeedModel, key: string) => m.tables.find((t) => t.key === key)!;
const columnOf = (m: SeedModel, key: string, name: string): ColumnModel => tableOf(m, key).columns.find((c) => c.name === name)!;
const overrideOf = (c: ColumnModel): CompiledOverride => {
  if (c.generator.kind !== 'override') throw new Error(`${c.name} is not overridden`);
  return c.generator.override;
};
const ctx = (row: Record<string, unknown>, index = 0): OverrideContext => ({ row, index, faker, parent: () => null });

const overrides = defineOverrides({
  seed: 3,
  tables: {
    users: {
      rows: 20,
      columns: {
        email: ({ row, index }) => `${String(row.first_name).toLowerCase()}.${index}@acme.test`,
        role: ['admin', 'member'],
        age: 40,
      },
    },
    'public.posts': { perParent: { author_id: [0, 5] }, columns: { title: sql`upper('x')` } },
    logs: { skip: true },
  },
});

describe('applyOverrides', () => {
  const applied = applyOverrides(model, overrides, cat);

  it('replaces the generators of the overridden columns, with reason "override"', () => {
    expect(overrideOf(columnOf(applied, 'public.users', 'role'))).toEqual({ kind: 'list', values: ['admin', 'member'] });
    expect(overrideOf(columnOf(applied, 'public.users', 'age'))).toEqual({ kind: 'constant', value: 40 });
    expect(overrideOf(columnOf(applied, 'public.posts', 'title'))).toEqual({ kind: 'sql', sql: "upper('x')" });
    expect(overrideOf(columnOf(applied, 'public.users', 'email')).kind).toBe('function');
    for (const [t, c] of [['public.users', 'role'], ['public.users', 'email'], ['public.posts', 'title']] as const) {
      expect(columnOf(applied, t, c).reason).toBe('override');
      expect(columnOf(applied, t, c).nullRate).toBe(0);
    }
  });

  it('leaves the other columns and the input model as they were', () => {
    expect(columnOf(applied, 'public.users', 'first_name')).toBe(columnOf(model, 'public.users', 'first_name'));
    expect(columnOf(model, 'public.users', 'role').generator.kind).not.toBe('override');
    expect(tableOf(applied, 'public.logs')).toBe(tableOf(model, 'public.logs'));
  });

  it('maps perParent to the FK constraint name; a SQL expression makes the table insert-only, a function does not', () => {
    expect(tableOf(applied, 'public.posts').perParent).toEqual({ posts_author_id_fkey: [0, 5] });
    expect(tableOf(applied, 'public.posts').insertOnly).toBe(true);
    // a function may return sql`…`: the writer copies and falls back to INSERT if one does
    expect(tableOf(applied, 'public.users').insertOnly).toBe(false);
    const constantsOnly = applyOverrides(model, { tables: { users: { columns: { age: 1 } } } }, cat);
    expect(tableOf(constantsOnly, 'public.users').insertOnly).toBe(false);
  });

  it('a function sees the row; what it returns is checked on every row', () => {
    const fn = overrideOf(columnOf(applied, 'public.users', 'email'));
    if (fn.kind !== 'function') throw new Error('not a function');
    expect(fn.fn(ctx({ first_name: 'Ada' }, 4))).toBe('ada.4@acme.test');

    const bad = applyOverrides(model, { tables: { users: { columns: { age: ({ index }) => (index === 2 ? 'old' : 30), email: () => null } } } }, cat, 'my-overrides.ts');
    const age = overrideOf(columnOf(bad, 'public.users', 'age'));
    const email = overrideOf(columnOf(bad, 'public.users', 'email'));
    if (age.kind !== 'function' || email.kind !== 'function') throw new Error('not functions');
    expect(age.fn(ctx({}, 1))).toBe(30);
    const failure = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return isAutoseedError(error) ? error : null;
      }
      return null;
    };
    const wrongType = failure(() => age.fn(ctx({}, 2)));
    expect(wrongType?.code).toBe('OVERRIDE_FAILED');
    expect(wrongType?.message).toContain('The override function for public.users.age (my-overrides.ts) failed on row 2: "old" is not a number (the column is int4)');
    expect(failure(() => email.fn(ctx({}, 0)))?.message).toContain('null is not allowed: the column is NOT NULL');
  });

  it('an invalid file throws OVERRIDES_INVALID before anything is applied', () => {
    expect(() => applyOverrides(model, { tables: { userz: {} } }, cat)).toThrow(/unknown table "userz" \(did you mean "users"\?\)/);
  });
});

describe('planOptionsFromOverrides', () => {
  it('per-table rows by qualified key; skip: true tables excluded, after the --exclude ones', () => {
    expect(planOptionsFromOverrides(overrides, cat, { exclude: ['posts'] })).toEqual({
      tableRows: { 'public.users': 20 },
      exclude: ['posts', 'public.logs'],
    });
  });
  it('--tables wins over skip: true', () => {
    expect(planOptionsFromOverrides(overrides, cat, { tables: ['logs'] })).toEqual({ tableRows: { 'public.users': 20 } });
    expect(planOptionsFromOverrides({}, cat)).toEqual({});
  });
});
