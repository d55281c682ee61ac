import { describe, expect, it } from 'vitest';
import { inferModel } from '../../src/inference/infer.js';
import { buildPlan } from '../../src/planner/build-plan.js';
import type { PlanOptions } from '../../src/planner/plan-types.js';
import { withRowOverrides } from '../../src/planner/row-overrides.js';
import { catalog, col, fk, idCol, table, unique } from './helpers/catalog-builder.js';

// one profile per user: profiles can hold at most as many rows as users has
const users = table('users', [idCol(), col('email', 'text', { notNull: true })], { pk: ['id'] });
const profiles = table('profiles', [idCol(), col('user_id', 'int4', { notNull: true })], {
  pk: ['id'], uniques: [unique('profiles_user_key', ['user_id'])], foreignKeys: [fk('profiles_user_fk', ['user_id'], 'users')],
});

async function plan(options: PlanOptions) {
  const model = await inferModel(catalog([users, profiles]), { seed: 1 });
  const p = buildPlan(model, { rows: new Map() }, options);
  return Object.fromEntries(p.tables.map((t) => [t.key, { rows: t.rows, capacity: t.capacity?.rows ?? null }]));
}

describe('withRowOverrides', () => {
  it('returns the options themselves when nothing is overridden', () => {
    const options = { rows: 10 };
    expect(withRowOverrides(options, {})).toBe(options);
    expect(withRowOverrides(options, undefined)).toBe(options);
  });

  it('lays the picker counts over the other per-table counts, and drops nonsense', () => {
    const options = { rows: 10, tables: ['users'], tableRows: { 'public.users': 5, 'public.profiles': 7 } };
    expect(withRowOverrides(options, { 'public.users': 40, 'public.x': -1, 'public.y': 1.5 })).toEqual({
      rows: 10, tables: ['users'], tableRows: { 'public.users': 40, 'public.profiles': 7 },
    });
  });

  it('reaches buildPlan: the table gets its count, still capped by what its keys hold', async () => {
    const grown = await plan(withRowOverrides({ rows: 10 }, { 'public.users': 40, 'public.profiles': 30 }));
    expect(grown['public.users']!.rows).toBe(40);
    expect(grown['public.profiles']!.rows).toBe(30);
    const capped = await plan(withRowOverrides({ rows: 10 }, { 'public.users': 20, 'public.profiles': 50 }));
    expect(capped['public.profiles']).toEqual({ rows: 20, capacity: 20 });
  });
});
