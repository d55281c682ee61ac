import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog.js';
import { isAutoseedError } from '../../src/errors.js';
import { inferModel } from '../../src/inference/infer.js';
import type { SeedModel } from '../../src/inference/model.js';
import { sql } from '../../src/overrides/define.js';
import { didYouMean, editDistance, nearest } from '../../src/overrides/suggest.js';
import { overrideProblems, validateOverrides } from '../../src/overrides/validate.js';
import { catalog, check, col, fk, idCol, table, unique } from './helpers/catalog-builder.js';

const users = table('users', [
  idCol(),
  col('first_name', 'text', { notNull: true }),
  col('email', 'varchar', { notNull: true, type: { length: 20, sql: 'character varying(20)' } }),
  col('role', 'user_role', { type: { enum: 'public.user_role', category: 'enum', sql: 'user_role' } }),
  col('status', 'text'),
  col('age', 'int4'),
  col('tags', 'text', { type: { arrayDims: 1, sql: 'text[]' } }),
  col('total', 'int4', { generated: 'age * 2' }),
], { pk: ['id'], uniques: [unique('users_email_key', ['email'])], checks: [check('users_status_check', "(status = ANY (ARRAY['active'::text, 'banned'::text]))")] });
const posts = table('posts', [idCol(), col('author_id', 'int4', { notNull: true }), col('title', 'text')], {
  pk: ['id'], foreignKeys: [fk('posts_author_id_fkey', ['author_id'], 'users')],
});
const events = { ...table('events', [idCol(), col('name', 'text')], { pk: ['id'] }), schema: 'audit' };
const cat: Catalog = catalog([users, posts, events], { enums: [{ schema: 'public', name: 'user_role', labels: ['admin', 'member'] }] });
const model: SeedModel = await inferModel(cat, { seed: 1 });

const problems = (o: unknown) => overrideProblems(o, cat, model);

describe('did you mean', () => {
  it('edit distance counts inserts, deletes and substitutions, ignoring case', () => {
    expect(editDistance('users', 'users')).toBe(0);
    expect(editDistance('usres', 'users')).toBe(2);
    expect(editDistance('Email', 'emial')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
  });
  it('suggests the nearest names, closest first, and nothing far off', () => {
    expect(nearest('emial', ['email', 'first_name', 'age'])).toEqual(['email']);
    expect(nearest('zzzzzz', ['email', 'first_name'])).toEqual([]);
    expect(didYouMean('usr', ['users', 'user'])).toBe(' (did you mean "user" or "users"?)');
    expect(didYouMean('qqq', ['users'])).toBe('');
  });
});

describe('validateOverrides', () => {
  it('accepts a valid file: qualified and bare table names, FK column or constraint name', () => {
    expect(problems({
      seed: 3, rows: 10,
      tables: {
        'public.users': { rows: 5, columns: { email: ({ index }: { index: number }) => `u${index}@x.test`, role: ['admin', 'member'], status: 'active', tags: ['a', 'b'], age: null } },
        posts: { perParent: { author_id: [0, 3] }, columns: { title: sql`upper('x')` } },
        'audit.events': { skip: true },
      },
    })).toEqual([]);
    expect(problems({ tables: { posts: { perParent: { posts_author_id_fkey: [1, 1] } } } })).toEqual([]);
  });

  it('unknown table and column: did you mean, schema-qualified or bare', () => {
    expect(problems({ tables: { 'public.usres': {} } })).toEqual(['tables: unknown table "public.usres" (did you mean "public.users"?)']);
    expect(problems({ tables: { post: {} } })[0]).toContain('unknown table "post" (did you mean "posts"');
    expect(problems({ tables: { users: { columns: { emial: 'a' } } } })).toEqual([
      'tables["users"].columns: unknown column "emial" in public.users (did you mean "email"?)',
    ]);
  });

  it('collects every problem of the file and throws them at once', () => {
    const file = {
      rows: 0,
      tabels: {},
      tables: {
        usres: { rows: 1.5 },
        users: { skip: 'yes', columns: { emial: 1, age: 'ten', email: 'x'.repeat(21), role: 'owner', status: 'gone', first_name: null, total: 3 } },
        posts: { perParent: { writer_id: [3, 1] }, rows: 4 },
      },
    };
    let thrown: unknown;
    try {
      validateOverrides(file, cat, model, 'overrides.ts');
    } catch (error) {
      thrown = error;
    }
    expect(isAutoseedError(thrown) && thrown.code).toBe('OVERRIDES_INVALID');
    const message = (thrown as Error).message;
    for (const expected of [
      'rows: 0 is not a positive whole number',
      'tabels: unknown setting (did you mean "tables"?)',
      'unknown table "usres" (did you mean "users"?)',
      'tables["users"].skip: "yes" is not true or false',
      'unknown column "emial" in public.users (did you mean "email"?)',
      'tables["users"].columns.age: "ten" is not a number (the column is int4)',
      'columns.email: "xxxxxxxxxxxxxxxxxxxxx" is longer than 20 characters',
      'columns.role: "owner" is not a label of enum public.user_role (admin, member)',
      `columns.status: "gone" is not allowed by the column's CHECK: one of "active", "banned"`,
      'columns.first_name: null is not allowed: the column is NOT NULL',
      'columns.total: the column is GENERATED ALWAYS AS (age * 2)',
      'tables["posts"].perParent: "writer_id" is not a foreign key of this table',
      'tables["posts"].perParent.writer_id: [3,1] is not [min, max]',
      'tables["posts"]: give rows or perParent, not both',
    ]) expect(message).toContain(expected);
    expect(message).toMatch(/^The overrides file overrides.ts has 14 problems:\n/);
    expect(message).toContain('Nothing was written. Fix:');
  });

  it('list items are checked one by one; an empty list, a constant in a unique column are refused', () => {
    expect(problems({ tables: { users: { columns: { age: [1, 'two'], role: [] } } } })).toEqual([
      'tables["users"].columns.age[1]: "two" is not a number (the column is int4)',
      'tables["users"].columns.role: an empty list gives no value to pick',
    ]);
    expect(problems({ tables: { users: { columns: { email: 'same@x.test' } } } })[0]).toContain('a constant in a unique column fits one row only');
  });

  it('array columns: an array is the value, an array of arrays the list', () => {
    expect(problems({ tables: { users: { columns: { tags: [['a'], ['b', 'c']] } } } })).toEqual([]);
    expect(problems({ tables: { users: { columns: { tags: 'a' } } } })[0]).toContain('"a" is not an array');
    expect(problems({ tables: { users: { columns: { tags: [1] } } } })[0]).toContain('array element 1 is not a string');
  });

  it('a bare name in two schemas is ambiguous; the same table twice is refused', () => {
    const two = catalog([users, { ...users, schema: 'audit' }], { enums: [{ schema: 'public', name: 'user_role', labels: ['admin'] }] });
    expect(overrideProblems({ tables: { users: {} } }, two, null)[0]).toContain('table "users" is ambiguous');
    expect(problems({ tables: { users: {}, 'public.users': {} } })).toEqual([
      'tables: "public.users" and "users" are the same table (public.users); merge them',
    ]);
  });

  it('a default export that is not an object', () => {
    expect(problems([1])).toEqual(['the default export is [1], not an object']);
  });
});
