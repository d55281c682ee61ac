import { loadModule } from 'libpg-query';
import { beforeAll, describe, expect, it } from 'vitest';
import { translateCheck } from '../../src/inference/checks/translate-check.js';
import { REFERENCE_NOW } from '../../src/inference/checks/time-expression.js';

beforeAll(async () => {
  await loadModule();
});

/** The single fact an expression turns into, asserting it is complete. */
function only(expression: string, valueColumn?: string) {
  const t = translateCheck(expression, valueColumn);
  expect(t.complete).toBe(true);
  expect(t.facts).toHaveLength(1);
  return t.facts[0];
}

describe('translateCheck: value sets', () => {
  it('IN lists', () => {
    expect(only('(x IN (1, 2, 3))')).toEqual({ kind: 'in', column: 'x', values: [1, 2, 3] });
  });

  it('= ANY (ARRAY[…]) with casts, as pg_get_expr prints it', () => {
    expect(only("((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))"))
      .toEqual({ kind: 'in', column: 'status', values: ['a', 'b'] });
  });

  it("reads '-1'::integer and a literal 0 as numbers", () => {
    expect(only("(x = ANY (ARRAY['-1'::integer, 0, 1]))")).toEqual({ kind: 'in', column: 'x', values: [-1, 0, 1] });
  });

  it('NOT IN / <> ALL (ARRAY[…]) excludes each value', () => {
    expect(translateCheck('(x <> ALL (ARRAY[0, 1]))')).toEqual({ facts: [{ kind: 'compare', column: 'x', op: '<>', value: 0 }, { kind: 'compare', column: 'x', op: '<>', value: 1 }], complete: true });
    expect(translateCheck("(status NOT IN ('gone', NULL))")).toEqual({ facts: [{ kind: 'compare', column: 'status', op: '<>', value: 'gone' }], complete: true });
    expect(only("(x > '-2.5'::numeric)")).toEqual({ kind: 'compare', column: 'x', op: '>', value: -2.5 });
  });

  it('ORs of equalities on one column merge into one IN', () => {
    expect(only("(((a = 'x'::text) OR (a = 'y'::text)) OR (a = ANY (ARRAY['z'::text])))"))
      .toEqual({ kind: 'in', column: 'a', values: ['x', 'y', 'z'] });
  });

  it('an OR over different columns takes one branch that is enough on its own', () => {
    expect(only('((a = 1) OR (b = 2))')).toEqual({ kind: 'compare', column: 'a', op: '=', value: 1 });
  });

  it('upper(col) / lower(col) comparisons keep the transform', () => {
    expect(only("(upper((code)::text) = ANY (ARRAY['AB'::text, 'CD'::text]))"))
      .toEqual({ kind: 'in', column: 'code', values: ['AB', 'CD'], transform: 'upper' });
    expect(only("(lower(code) = 'x'::text)")).toEqual({ kind: 'in', column: 'code', values: ['x'], transform: 'lower' });
    expect(translateCheck("(upper(code) > 'A'::text)")).toEqual({ facts: [], complete: false });
  });
});

describe('translateCheck: comparisons', () => {
  it('a constant on either side, with the operator flipped when it is on the left', () => {
    expect(only('(amount >= (0)::numeric)')).toEqual({ kind: 'compare', column: 'amount', op: '>=', value: 0 });
    expect(only('(0 < amount)')).toEqual({ kind: 'compare', column: 'amount', op: '>', value: 0 });
    expect(only('(10 >= x)')).toEqual({ kind: 'compare', column: 'x', op: '<=', value: 10 });
    expect(only("('-1'::integer < x)")).toEqual({ kind: 'compare', column: 'x', op: '>', value: -1 });
  });

  it('<> and != are the same fact', () => {
    expect(only('(x <> 5)')).toEqual({ kind: 'compare', column: 'x', op: '<>', value: 5 });
    expect(only('(x != 5)')).toEqual({ kind: 'compare', column: 'x', op: '<>', value: 5 });
  });

  it('booleans and strings as constants', () => {
    expect(only("(flag = 'f'::boolean)")).toEqual({ kind: 'compare', column: 'flag', op: '=', value: false });
    expect(only("(code <> ''::text)")).toEqual({ kind: 'compare', column: 'code', op: '<>', value: '' });
  });

  it('BETWEEN two constants is two bounds, complete', () => {
    expect(translateCheck('(x BETWEEN 1 AND 10)')).toEqual({
      facts: [{ kind: 'compare', column: 'x', op: '>=', value: 1 }, { kind: 'compare', column: 'x', op: '<=', value: 10 }],
      complete: true,
    });
  });

  it("BETWEEN a constant and now() - '18 years' keeps both bounds but is incomplete", () => {
    const t = translateCheck("(birth_date BETWEEN '1930-01-01'::date AND (now() - '18 years'::interval))");
    expect(t.complete).toBe(false);
    expect(t.facts).toHaveLength(2);
    expect(t.facts[0]).toEqual({ kind: 'compare', column: 'birth_date', op: '>=', value: '1930-01-01' });
    const upper = t.facts.find((f) => f.kind === 'compare' && f.op === '<=');
    expect(upper?.kind === 'compare' && typeof upper.value === 'string').toBe(true);
    const ms = Date.parse(String(upper?.kind === 'compare' ? upper.value : ''));
    const years = (REFERENCE_NOW - ms) / (365.2425 * 86_400_000);
    expect(years).toBeCloseTo(18, 3);
  });

  it('a bound relative to now() is a fact, verified by PostgreSQL (incomplete)', () => {
    const t = translateCheck("(created_at <= (now() + '1 day'::interval))");
    expect(t).toEqual({
      facts: [{ kind: 'compare', column: 'created_at', op: '<=', value: new Date(REFERENCE_NOW + 86_400_000).toISOString() }],
      complete: false,
    });
  });

  it('NOT BETWEEN and offsets between columns are not understood', () => {
    for (const e of ['(x NOT BETWEEN 1 AND 5)', '(x > (y + 1))']) {
      expect(translateCheck(e)).toEqual({ facts: [], complete: false });
    }
  });
});

describe('translateCheck: NULL and booleans', () => {
  it('IS NULL / IS NOT NULL', () => {
    expect(only('(x IS NOT NULL)')).toEqual({ kind: 'not-null', column: 'x' });
    expect(only('(x IS NULL)')).toEqual({ kind: 'is-null', column: 'x' });
  });

  it('IS TRUE / IS FALSE also forbid NULL; IS NOT TRUE does not', () => {
    expect(translateCheck('(active IS TRUE)')).toEqual({
      facts: [{ kind: 'bool', column: 'active', value: true }, { kind: 'not-null', column: 'active' }], complete: true,
    });
    expect(translateCheck('(active IS FALSE)').facts).toEqual([
      { kind: 'bool', column: 'active', value: false }, { kind: 'not-null', column: 'active' },
    ]);
    expect(only('(active IS NOT TRUE)')).toEqual({ kind: 'bool', column: 'active', value: false });
    expect(only('(active IS NOT FALSE)')).toEqual({ kind: 'bool', column: 'active', value: true });
  });

  it('a bare boolean column, and NOT column', () => {
    expect(only('active')).toEqual({ kind: 'bool', column: 'active', value: true });
    expect(only('(NOT deleted)')).toEqual({ kind: 'bool', column: 'deleted', value: false });
    expect(only('(NOT isempty(during))')).toEqual({ kind: 'non-empty', column: 'during' });
    expect(translateCheck('(NOT (x > 5))').complete).toBe(false);
  });

  it('x >= y OR x IS NULL keeps the relation (a NULL x satisfies it anyway)', () => {
    expect(only('((ends_at >= starts_at) OR (ends_at IS NULL))')).toEqual({ kind: 'relation', column: 'ends_at', op: '>=', other: 'starts_at' });
    expect(only("((a IS NULL) OR (a = 'x'::text))")).toEqual({ kind: 'compare', column: 'a', op: '=', value: 'x' });
  });
});

describe('translateCheck: lengths, patterns, relations', () => {
  it('length() / char_length() comparisons, constant on either side', () => {
    expect(only('(length(code) = 3)')).toEqual({ kind: 'length', column: 'code', op: '=', value: 3 });
    expect(only('(char_length((name)::text) <= 40)')).toEqual({ kind: 'length', column: 'name', op: '<=', value: 40 });
    expect(only('(5 < length(code))')).toEqual({ kind: 'length', column: 'code', op: '>', value: 5 });
    expect(translateCheck('(length(x) > y)').complete).toBe(false);
  });

  it('~ and ~* are regex facts', () => {
    expect(only("((email)::text ~ '^[^@]+@'::text)")).toEqual({ kind: 'regex', column: 'email', pattern: '^[^@]+@', caseInsensitive: false });
    expect(only("(code ~* '^[a-z]+$'::text)")).toEqual({ kind: 'regex', column: 'code', pattern: '^[a-z]+$', caseInsensitive: true });
    expect(translateCheck("(code !~ 'x'::text)").complete).toBe(false);
  });

  it('cross-column comparisons are relations', () => {
    expect(only('(a < b)')).toEqual({ kind: 'relation', column: 'a', op: '<', other: 'b' });
    expect(only('(ends_at > starts_at)')).toEqual({ kind: 'relation', column: 'ends_at', op: '>', other: 'starts_at' });
  });

  it('AND collects facts; one unknown part makes the whole incomplete', () => {
    expect(translateCheck('((x > 0) AND (y < 10))')).toEqual({
      facts: [{ kind: 'compare', column: 'x', op: '>', value: 0 }, { kind: 'compare', column: 'y', op: '<', value: 10 }],
      complete: true,
    });
    const t = translateCheck('((x > 0) AND my_func(y))');
    expect(t.facts).toEqual([{ kind: 'compare', column: 'x', op: '>', value: 0 }]);
    expect(t.complete).toBe(false);
  });

  it('quoted identifiers keep their case and spaces', () => {
    expect(only('("Weird Col" > 1)')).toEqual({ kind: 'compare', column: 'Weird Col', op: '>', value: 1 });
  });
});

describe('translateCheck: domain checks and garbage', () => {
  it('VALUE stands for the column given as second argument', () => {
    expect(only('(VALUE >= 0)', 'qty')).toEqual({ kind: 'compare', column: 'qty', op: '>=', value: 0 });
    expect(only("(VALUE ~ '^[0-9]+$'::text)", 'zip')).toEqual({ kind: 'regex', column: 'zip', pattern: '^[0-9]+$', caseInsensitive: false });
    expect(only('(char_length((VALUE)::text) >= 3)', 'code')).toEqual({ kind: 'length', column: 'code', op: '>=', value: 3 });
    expect(only("(VALUE = ANY (ARRAY['a'::text, 'b'::text]))", 'kind')).toEqual({ kind: 'in', column: 'kind', values: ['a', 'b'] });
  });

  it('without a value column, VALUE is just a column named value', () => {
    expect(only('(VALUE >= 0)')).toEqual({ kind: 'compare', column: 'value', op: '>=', value: 0 });
  });

  it('unparseable text is an empty, incomplete translation (no throw)', () => {
    for (const e of ['this is not sql ((', '', ')', "(x = 'unterminated)"]) {
      expect(translateCheck(e)).toEqual({ facts: [], complete: false });
    }
  });
});
