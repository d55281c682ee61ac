import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog.js';
import type { Value } from '../../src/inference/gen-context.js';
import { inferModel } from '../../src/inference/infer.js';
import { buildPlan } from '../../src/planner/build-plan.js';
import { GeneratorSet } from '../../src/writer/generate/generator-set.js';
import type { TableGenerator } from '../../src/writer/generate/table-generator.js';
import { catalog, check, col, fk, idCol, table, unique } from './helpers/catalog-builder.js';

const ROWS = 60;

const users = table('users', [
  idCol(),
  col('email', 'text', { notNull: true }),
  col('name', 'text'),
  col('status', 'text', { notNull: true }),
  col('mood', 'mood', { notNull: true, type: { enum: 'public.mood', category: 'enum', baseSchema: 'public' } }),
  col('balance', 'numeric', { type: { precision: 5, scale: 2 } }),
  col('delta', 'numeric', { notNull: true, type: { precision: 5, scale: 2 } }),
  col('nick', 'varchar', { type: { length: 10 } }),
  col('title', 'varchar', { notNull: true, type: { length: 10 } }),
], {
  pk: ['id'],
  uniques: [unique('users_email_key', ['email'])],
  checks: [check('users_status_check', "(status = ANY (ARRAY['active'::text, 'banned'::text, 'pending'::text]))"), check('users_delta_check', '(delta < (0)::numeric)')],
});
const orders = table('orders', [idCol(), col('user_id', 'int4', { notNull: true }), col('code', 'uuid', { notNull: true })], {
  pk: ['id'], uniques: [unique('orders_code_key', ['code'])], foreignKeys: [fk('orders_user_fk', ['user_id'], 'users')],
});
const categories = table('categories', [idCol(), col('parent_id', 'int4', { notNull: true })], {
  pk: ['id'], foreignKeys: [fk('categories_parent_fk', ['parent_id'], 'categories')],
});
const profiles = table('profiles', [col('user_id', 'int4', { notNull: true }), col('bio', 'text')], {
  pk: ['user_id'], foreignKeys: [fk('profiles_user_fk', ['user_id'], 'users')],
});
const shop = catalog([orders, profiles, categories, users], { enums: [{ schema: 'public', name: 'mood', labels: ['happy', 'sad', 'meh'] }] });

async function generators(cat: Catalog, seed = 1, rows = ROWS): Promise<GeneratorSet> {
  const model = await inferModel(cat, { seed });
  const plan = buildPlan(model, { rows: new Map() }, { rows });
  return new GeneratorSet({ model, plan, keyStart: new Map(), existingKeys: new Map(), existingRows: new Map() });
}
const gen = (set: GeneratorSet, name: string): TableGenerator => set.generator(`public.${name}`)!;
const allRows = (g: TableGenerator, order: number[] = [...Array(g.rows).keys()]) => {
  const out: Value[][] = [];
  for (const i of order) out[i] = g.row(i);
  return out;
};
const column = (g: TableGenerator, name: string) => {
  const k = g.written.findIndex((c) => c.name === name);
  expect(k).toBeGreaterThanOrEqual(0);
  return allRows(g).map((r) => r[k] ?? null);
};

describe('row-addressable determinism', () => {
  it('same inputs give identical rows, whatever the order and however often row(i) is called', async () => {
    const a = await generators(shop);
    const b = await generators(shop);
    const order = (name: string) => [...Array(gen(a, name).rows).keys()];
    const shuffled = (name: string) => order(name).sort((x, y) => ((x * 37) % 61) - ((y * 37) % 61));
    // b: children first, rows out of order, so children compute their parents' keys on demand
    const names = ['profiles', 'orders', 'categories', 'users'];
    const fromB = new Map(names.map((n) => [n, allRows(gen(b, n), shuffled(n))]));
    for (const name of names) {
      const forward = allRows(gen(a, name));
      expect(fromB.get(name)).toEqual(forward);
      expect(allRows(gen(a, name), order(name).reverse())).toEqual(forward);
      expect(allRows(gen(b, name))).toEqual(forward);
    }
  });

  it('a single value equals the value in its row', async () => {
    const g = gen(await generators(shop), 'users');
    const k = g.written.findIndex((c) => c.name === 'email');
    for (const i of [5, 0, 17]) expect(g.value('email', i)).toEqual(g.row(i)[k]);
  });

  it('a different seed gives different rows', async () => {
    const one = allRows(gen(await generators(shop, 1), 'users'));
    const two = allRows(gen(await generators(shop, 2), 'users'));
    expect(two).not.toEqual(one);
    const emails = (rows: Value[][]) => rows.map((r) => r[1]);
    expect(emails(two)).not.toEqual(emails(one));
  });
});

describe('keys and foreign keys', () => {
  it('injective keys are distinct across all rows', async () => {
    const set = await generators(shop);
    for (const [t, c] of [['users', 'id'], ['users', 'email'], ['orders', 'id'], ['orders', 'code']] as const) {
      const values = column(gen(set, t), c);
      expect(values.every((v) => v !== null)).toBe(true);
      expect(new Set(values).size).toBe(values.length);
    }
    expect(column(gen(set, 'users'), 'email').every((e) => /^[^@\s]+@example\.com$/.test(String(e)))).toBe(true);
  });

  it("a child's FK value is the parent's key value of some parent row", async () => {
    const set = await generators(shop);
    const parent = gen(set, 'users');
    const keys = Array.from({ length: parent.rows }, (_, j) => parent.value('id', j));
    const fks = column(gen(set, 'orders'), 'user_id');
    for (const v of fks) expect(keys).toContain(v);
    expect(new Set(fks).size).toBeGreaterThan(1);
  });

  it('a NOT NULL self-reference: row 0 points at itself, row i at an earlier row', async () => {
    const g = gen(await generators(shop), 'categories');
    const ids = column(g, 'id');
    const parents = column(g, 'parent_id');
    expect(parents[0]).toBe(ids[0]);
    for (let i = 1; i < g.rows; i++) {
      const j = ids.indexOf(parents[i]!);
      expect(j).toBeGreaterThanOrEqual(0);
      expect(j).toBeLessThan(i);
    }
  });

  it('a 1:1 table (PK = FK) gets distinct parents', async () => {
    const set = await generators(shop);
    const g = gen(set, 'profiles');
    const userIds = column(g, 'user_id');
    expect(new Set(userIds).size).toBe(g.rows);
    const keys = new Set(Array.from({ length: gen(set, 'users').rows }, (_, j) => gen(set, 'users').value('id', j)));
    for (const v of userIds) expect(keys.has(v)).toBe(true);
  });
});

describe('values respect the column', () => {
  it('CHECK IN-list columns only produce listed values (and use more than one)', async () => {
    const status = column(gen(await generators(shop), 'users'), 'status');
    for (const v of status) expect(['active', 'banned', 'pending']).toContain(v);
    expect(new Set(status).size).toBeGreaterThan(1);
  });

  it('enum columns only produce labels', async () => {
    const moods = column(gen(await generators(shop), 'users'), 'mood');
    for (const v of moods) expect(['happy', 'sad', 'meh']).toContain(v);
  });

  it("CHECK (enum <> 'label') takes the label out of the pick, for every row", async () => {
    const moody = table('moody', [idCol(), col('mood', 'mood', { type: { enum: 'public.mood', category: 'enum', baseSchema: 'public' } })], {
      pk: ['id'], checks: [check('moody_mood_check', "(mood <> 'meh'::mood)")],
    });
    const cat = catalog([moody], { enums: [{ schema: 'public', name: 'mood', labels: ['happy', 'meh'] }] });
    const moods = column(gen(await generators(cat, 5, 2000), 'moody'), 'mood').filter((v) => v !== null);
    expect(moods.length).toBeGreaterThan(0);
    expect(new Set(moods)).toEqual(new Set(['happy']));
  });

  it('CHECK (x <> 0) with CHECK (x BETWEEN 0 AND 1): every row gets the one value left, however many rows', async () => {
    const bit = table('bit', [idCol(), col('x', 'int4', { notNull: true }), col('y', 'int2', { notNull: true })], {
      pk: ['id'], checks: [check('bit_x_check', '(x <> 0)'), check('bit_x_check1', '((x >= 0) AND (x <= 1))'), check('bit_y_check', '((y > -3) AND (y < 3) AND (y <> ALL (ARRAY[0, 1])))')],
    });
    const g = gen(await generators(catalog([bit]), 0, 300), 'bit');
    expect(new Set(column(g, 'x'))).toEqual(new Set([1]));
    expect(new Set(column(g, 'y'))).toEqual(new Set([-2, -1, 2]));
  });

  it('a pair its names imply (starts_on < "end") never undoes a declared CHECK ("end" < ends_on)', async () => {
    const reviews = table('reviews', [idCol(), col('end', 'date'), col('ends_on', 'date', { notNull: true }), col('starts_on', 'date', { notNull: true })], {
      pk: ['id'], checks: [check('reviews_check', '("end" < ends_on)')],
    });
    const g = gen(await generators(catalog([reviews]), 1, 400), 'reviews');
    const ends = column(g, 'end');
    const endsOn = column(g, 'ends_on');
    const checked = ends.filter((v, k) => v !== null && endsOn[k] !== null);
    expect(checked.length).toBeGreaterThan(100);
    ends.forEach((v, k) => { if (v !== null) expect(String(v) < String(endsOn[k])).toBe(true); });
  });

  it('a name whose usual numbers the type cannot hold (year numeric(5,3), age numeric(3,2)) stays inside the type', async () => {
    const odd = table('odd', [idCol(), col('year', 'numeric', { notNull: true, type: { precision: 5, scale: 3 } }), col('age', 'numeric', { notNull: true, type: { precision: 3, scale: 2 } })], { pk: ['id'] });
    const g = gen(await generators(catalog([odd]), 2, 200), 'odd');
    for (const v of column(g, 'year')) expect(Math.abs(Number(v))).toBeLessThanOrEqual(99.999);
    for (const v of column(g, 'age')) expect(Math.abs(Number(v))).toBeLessThanOrEqual(9.99);
    expect(new Set(column(g, 'year')).size).toBeGreaterThan(1);
  });

  it('CHECK (a IS NULL OR a > b) on numeric(4,2): a moves above b but stays inside numeric(4,2)', async () => {
    const pair = table('pair', [idCol(), col('a', 'numeric', { type: { precision: 4, scale: 2 } }), col('b', 'numeric', { notNull: true, type: { precision: 4, scale: 2 } })], {
      pk: ['id'], checks: [check('pair_check', '((a IS NULL) OR (a > b))')],
    });
    const g = gen(await generators(catalog([pair]), 4, 500), 'pair');
    const as = column(g, 'a');
    const bs = column(g, 'b');
    expect(as.filter((v) => v !== null).length).toBeGreaterThan(0);
    as.forEach((a, i) => {
      if (a === null) return;
      expect(Math.abs(Number(a))).toBeLessThanOrEqual(99.99);
      if (Number(bs[i]) < 99.99) expect(Number(a)).toBeGreaterThan(Number(bs[i]));
    });
  });

  it("char(8) under CHECK (c ~ '^[a-z0-9_]{3,12}$') gets values that match once padded (8 characters)", async () => {
    const codes = table('codes', [idCol(), col('code', 'bpchar', { notNull: true, type: { length: 8 } })], {
      pk: ['id'], checks: [check('codes_code_check', "(code ~ '^[a-z0-9_]{3,12}$'::text)")],
    });
    const values = column(gen(await generators(catalog([codes]), 6, 300), 'codes'), 'code');
    for (const v of values) expect(String(v).padEnd(8)).toMatch(/^[a-z0-9_]{3,12}$/);
  });

  it('numeric(5,2) values have two decimals and stay within ±999.99 (and within CHECK bounds)', async () => {
    const g = gen(await generators(shop, 3, 300), 'users');
    const balances = column(g, 'balance').filter((v) => v !== null);
    const deltas = column(g, 'delta');
    expect(balances.length).toBeGreaterThan(0);
    for (const v of [...balances, ...deltas]) {
      expect(String(v)).toMatch(/^-?\d{1,3}\.\d{2}$/);
      expect(Math.abs(Number(v))).toBeLessThanOrEqual(999.99);
    }
    for (const v of deltas) expect(Number(v)).toBeLessThan(0);
  });

  it('varchar(10) values are never longer than 10, for type and name-based generators', async () => {
    const g = gen(await generators(shop, 5, 300), 'users');
    for (const name of ['nick', 'title']) {
      const values = column(g, name).filter((v) => v !== null);
      expect(values.length).toBeGreaterThan(0);
      for (const v of values) expect(String(v).length).toBeLessThanOrEqual(10);
    }
  });

  it('users.name reads as a person: first and last name', async () => {
    const names = column(gen(await generators(shop), 'users'), 'name').filter((v) => v !== null);
    for (const v of names) expect(String(v)).toMatch(/^\S+ \S+/);
  });

  it('a unique boolean column gets both values in its 2 rows, for every seed', async () => {
    const settings = table('settings', [idCol(), col('is_default', 'bool', { notNull: true })], {
      pk: ['id'], uniques: [unique('settings_default_key', ['is_default'])],
    });
    for (let seed = 1; seed <= 8; seed++) {
      const g = gen(await generators(catalog([settings]), seed, 10), 'settings');
      expect(g.rows).toBe(2);
      expect(new Set(column(g, 'is_default'))).toEqual(new Set([true, false]));
    }
  });

  it('an IN list combined with a bound only yields values inside the bound', async () => {
    const t = table('t', [idCol(), col('x', 'int4', { notNull: true })], {
      pk: ['id'], checks: [check('t_x_check', '((x = ANY (ARRAY[1, 2, 3])) AND (x >= 2))')],
    });
    const xs = column(gen(await generators(catalog([t]), 1, 40), 't'), 'x');
    for (const v of xs) expect([2, 3]).toContain(v);
  });
});
