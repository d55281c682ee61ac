import { loadModule } from 'libpg-query';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DomainType, Table } from '../../src/catalog.js';
import { emptyDomain, tableConstraints, type ValueDomain } from '../../src/inference/domain.js';
import { satisfies } from '../../src/inference/domain-test.js';
import { catalog, check, col, domainType, table } from './helpers/catalog-builder.js';

beforeAll(async () => {
  await loadModule();
});

function domainsOf(t: Table, domains: readonly DomainType[] = []) {
  return tableConstraints(t, catalog([t], { domains }));
}

describe('tableConstraints: merging facts per column', () => {
  it('bounds tighten whatever the order of the CHECKs', () => {
    const t = table('t', [col('x', 'int4')], {
      checks: [check('a', '(x >= 0)'), check('b', '(x > 3)'), check('c', '(x <= 100)'), check('d', '(x < 50)'), check('e', '(x >= 1)')],
    });
    const d = domainsOf(t).domains.get('x')!;
    expect([d.min, d.minInclusive, d.max, d.maxInclusive]).toEqual([3, false, 50, false]);
  });

  it('an exclusive bound is not loosened by an inclusive one at the same value', () => {
    const t = table('t', [col('x', 'int4'), col('y', 'int4')], {
      checks: [check('a', '(x > 5)'), check('b', '(x >= 5)'), check('c', '(y < 10)'), check('d', '(y <= 10)')],
    });
    const { domains } = domainsOf(t);
    expect([domains.get('x')!.min, domains.get('x')!.minInclusive]).toEqual([5, false]);
    expect([domains.get('y')!.max, domains.get('y')!.maxInclusive]).toEqual([10, false]);
  });

  it('IN lists intersect; a transform is applied to the listed values', () => {
    const t = table('t', [col('s', 'text'), col('c', 'text')], {
      checks: [
        check('a', "(s = ANY (ARRAY['a'::text, 'b'::text, 'c'::text]))"),
        check('b', "(s = ANY (ARRAY['b'::text, 'c'::text, 'd'::text]))"),
        check('c', "(upper(c) = ANY (ARRAY['x'::text, 'Y'::text]))"),
      ],
    });
    const { domains } = domainsOf(t);
    expect(domains.get('s')!.values).toEqual(['b', 'c']);
    expect(domains.get('s')!.sources).toEqual(['check:IN', 'check:IN']);
    expect(domains.get('c')!.values).toEqual(['X', 'Y']);
  });

  it('NULL in an IN list is dropped (it never helps a value pass)', () => {
    const t = table('t', [col('x', 'int4')], { checks: [check('a', '(x IN (1, NULL))')] });
    expect(domainsOf(t).domains.get('x')!.values).toEqual([1]);
  });

  it('length facts become min/max lengths, tightest wins', () => {
    const t = table('t', [col('code', 'text'), col('pin', 'text')], {
      checks: [
        check('a', '(length(code) >= 2)'), check('b', '(char_length(code) > 3)'), check('c', '(length(code) < 9)'),
        check('d', '(length(code) <= 20)'), check('e', '(length(pin) = 4)'),
      ],
    });
    const { domains } = domainsOf(t);
    expect([domains.get('code')!.minLength, domains.get('code')!.maxLength]).toEqual([4, 8]);
    expect([domains.get('pin')!.minLength, domains.get('pin')!.maxLength]).toEqual([4, 4]);
  });

  it('notNull comes from IS NOT NULL checks and from NOT NULL domains; IS NULL is kept too', () => {
    const t = table('t', [
      col('a', 'int4'), col('b', 'int4', { type: { domain: 'public.nn', domainNotNull: true } }), col('c', 'int4'),
    ], { checks: [check('a_nn', '(a IS NOT NULL)'), check('c_null', '(c IS NULL)')] });
    const { domains } = domainsOf(t, [domainType('public', 'nn', 'integer', [], true)]);
    expect(domains.get('a')!.notNull).toBe(true);
    expect(domains.get('b')!.notNull).toBe(true);
    expect(domains.get('c')!.isNull).toBe(true);
    expect(domains.get('c')!.notNull).toBe(false);
  });

  it('relations are collected with their CHECK, not turned into domains', () => {
    const t = table('t', [col('starts_at', 'timestamptz'), col('ends_at', 'timestamptz')], {
      checks: [check('order_ok', '((ends_at >= starts_at) OR (ends_at IS NULL))')],
    });
    const c = domainsOf(t);
    expect(c.relations).toEqual([{ column: 'ends_at', op: '>=', other: 'starts_at', check: t.checks[0] }]);
    expect(c.domains.size).toBe(0);
    expect(c.unverified).toEqual([]);
  });

  it('domain checks apply to the column (VALUE), and a domain over a qualified domain is followed', () => {
    const t = table('t', [col('qty', 'int4', { type: { domain: 'app.small' } })]);
    const d = domainsOf(t, [
      domainType('app', 'positive', 'integer', ['(VALUE > 0)']),
      domainType('app', 'small', 'app.positive', ['(VALUE < 100)']),
    ]).domains.get('qty')!;
    expect([d.min, d.minInclusive, d.max, d.maxInclusive]).toEqual([0, false, 100, false]);
  });

  it('a domain over an unqualified (search_path-visible) domain is followed', () => {
    const t = table('t', [col('qty', 'int4', { type: { domain: 'public.small' } })]);
    const d = domainsOf(t, [
      domainType('public', 'positive', 'integer', ['(VALUE > 0)']),
      domainType('public', 'small', 'positive', ['(VALUE < 100)']),
    ]).domains.get('qty')!;
    expect([d.min, d.max]).toEqual([0, 100]);
  });

  it('regex checks are facts; JavaScript-decidable ones wait for the column check, others stay unverified like unknown checks', () => {
    const t = table('t', [col('zip', 'text', { type: { domain: 'public.zip' } }), col('code', 'text'), col('x', 'int4')], {
      checks: [check('x_fn', '(my_func(x) > 0)'), check('code_re', "(code ~ '^(a)\\1$'::text)")],
    });
    const c = domainsOf(t, [domainType('public', 'zip', 'text', ["(VALUE ~ '^[0-9]{5}$'::text)"])]);
    expect(c.domains.get('zip')!.patterns).toEqual([{ pattern: '^[0-9]{5}$', caseInsensitive: false }]);
    expect(c.unverified).toEqual([
      { name: 'x_fn', expression: '(my_func(x) > 0)' },
      // a back-reference: only PostgreSQL can say
      { name: 'code_re', expression: "(code ~ '^(a)\\1$'::text)" },
    ]);
    expect(c.generatorChecks).toEqual([{ name: 'zip_check', expression: "(VALUE ~ '^[0-9]{5}$'::text)", column: 'zip', needs: [{ column: 'zip', kind: 'pattern' }] }]);
  });

  it('complete, non-regex checks need no verification', () => {
    const t = table('t', [col('x', 'int4')], { checks: [check('a', '(x BETWEEN 1 AND 5)')] });
    expect(domainsOf(t).unverified).toEqual([]);
  });
});

const domain = (patch: Partial<ValueDomain>): ValueDomain => ({ ...emptyDomain(), ...patch });

describe('satisfies', () => {
  it('sets match across representations (number vs text)', () => {
    const d = domain({ values: [1, 2, 'x'] });
    expect(satisfies(1, d)).toBe(true);
    expect(satisfies('2', d)).toBe(true);
    expect(satisfies('1.00', d)).toBe(true);
    expect(satisfies('x', d)).toBe(true);
    expect(satisfies(3, d)).toBe(false);
    expect(satisfies('y', d)).toBe(false);
  });

  it('numeric bounds, inclusive and exclusive', () => {
    const d = domain({ min: 0, minInclusive: false, max: 10, maxInclusive: true });
    expect(satisfies(0, d)).toBe(false);
    expect(satisfies(0.01, d)).toBe(true);
    expect(satisfies('10.00', d)).toBe(true);
    expect(satisfies(10.5, d)).toBe(false);
    expect(satisfies(5n, d)).toBe(true);
  });

  it("timestamp bounds compare instants, including PostgreSQL's '+00' / '-05' offsets", () => {
    const d = domain({ min: '2020-01-01 00:00:00+00', max: '2020-12-31', maxInclusive: true });
    expect(satisfies('2020-06-01 12:00:00+00', d)).toBe(true);
    expect(satisfies('2019-12-31 23:00:00+00', d)).toBe(false);
    // 23:00 at -05 is 04:00 UTC the next day
    expect(satisfies('2019-12-31 23:00:00-05', d)).toBe(true);
    expect(satisfies('2020-12-31', d)).toBe(true);
    expect(satisfies('2021-01-01 00:00:00+00', d)).toBe(false);
    expect(satisfies('2020-03-01 10:00:00+0530', d)).toBe(true);
  });

  it('ISO bounds from now() expressions compare with generated timestamps', () => {
    const d = domain({ max: '2008-10-30T15:14:24.000Z' });
    expect(satisfies('2008-10-30', d)).toBe(true);
    expect(satisfies('2008-10-31 00:00:00+00', d)).toBe(false);
  });

  it('notEqual excludes values in any representation', () => {
    const d = domain({ notEqual: [0, ''] });
    expect(satisfies(0, d)).toBe(false);
    expect(satisfies('0', d)).toBe(false);
    expect(satisfies('', d)).toBe(false);
    expect(satisfies(1, d)).toBe(true);
  });

  it('NULL passes unless the domain forbids it', () => {
    expect(satisfies(null, domain({ values: [1] }))).toBe(true);
    expect(satisfies(null, domain({ notNull: true }))).toBe(false);
  });
});
