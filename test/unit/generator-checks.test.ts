import { describe, expect, it } from 'vitest';
import { inferModel } from '../../src/inference/infer.js';
import type { SeedModel } from '../../src/inference/model.js';
import { decidableRegex } from '../../src/inference/regex-subset.js';
import { applyOverrides } from '../../src/overrides/apply.js';
import { defineOverrides } from '../../src/overrides/define.js';
import { catalog, check, col, domainType, idCol, table } from './helpers/catalog-builder.js';

describe('decidableRegex', () => {
  it('reads the common subset, with the lengths a match spans', () => {
    expect(decidableRegex('^[A-Z0-9._%+-]+@[A-Z0-9.-]+\\.[A-Z]{2,}$', true)).toEqual({ min: 6, max: Infinity });
    expect(decidableRegex('^[A-Z]{2}$', false)).toEqual({ min: 2, max: 2 });
    expect(decidableRegex('^(?:ORD|INV)-\\d{4,6}$', false)).toEqual({ min: 8, max: 10 });
    expect(decidableRegex('^[[:alpha:]][[:alnum:]_]*$', true)).toEqual({ min: 1, max: Infinity });
    expect(decidableRegex('^[^@]+@x\\.test$', false)).toEqual({ min: 8, max: Infinity });
    expect(decidableRegex('[a-z]', false)).toEqual({ min: 1, max: 1 });
    expect(decidableRegex('^a?b*$', false)).toEqual({ min: 0, max: Infinity });
  });

  it('leaves to PostgreSQL what JavaScript reads differently or not at all', () => {
    for (const [pattern, ci] of [
      ['^(a)\\1$', false], // back-reference
      ['\\bword\\b', false], // \b is a backspace to PostgreSQL
      ['^\\s+$', false], // JavaScript's \s holds no-break spaces
      ['^\\W$', false], ['^\\D$', false], ['\\mword\\M', false],
      ['(?=a)a', false], ['(?i)abc', false], ['***:abc', false],
      ['[[.hyphen.]]', false], ['[]a]', false], ['a{,3}', false], ['a**', false],
      ['^[^a-z]$', true], // negation under ~*: the locale's case folding
      ['^[^[:alpha:]]$', false], // JavaScript's class is narrower, so its negation wider
      ['^é$', false], ['^*a', false], ['a|$+', false], ['(ab', false], ['ab)', false], ['a{3,1}', false],
    ] as const) {
      expect(decidableRegex(pattern, ci), pattern).toBeNull();
    }
  });
});

describe('who confirms a CHECK only some generators ensure', () => {
  const email = domainType('public', 'email', 'text', ["(VALUE ~* '^[A-Z0-9._%+-]+@[A-Z0-9.-]+\\.[A-Z]{2,}$'::text)"]);
  const cat = catalog([
    table('people', [
      idCol(),
      col('email', 'text', { notNull: true, type: { domain: 'public.email' } }),
      col('work_email', 'text', { type: { domain: 'public.email' } }),
      col('code', 'varchar', { type: { length: 3 } }),
      col('country', 'bpchar', { type: { length: 2 } }),
      col('ref', 'text'),
    ], {
      pk: ['id'],
      checks: [
        check('code_re', "((code)::text ~ '^[A-Z]{2,5}$'::text)"),
        check('country_re', "(country ~ '^[A-Z]{2}$'::text)"),
        check('ref_re', "(ref ~ '^R-[0-9]+$'::text)"),
      ],
    }),
  ], { domains: [email] });
  const names = (checks: readonly { name: string; column?: string }[] | undefined) => (checks ?? []).map((c) => `${c.name}${c.column ? `:${c.column}` : ''}`).sort();

  it('autoseed decides the regexes its generators honour; PostgreSQL the one a column may outgrow', async () => {
    const model: SeedModel = await inferModel(cat, { seed: 1 });
    const people = model.tables[0]!;
    expect(names(people.generatorChecks)).toEqual(['country_re', 'email_check:email', 'email_check:work_email', 'ref_re']);
    // varchar(3) holds only some of the pattern's strings (up to 5 long)
    expect(names(people.unverifiedChecks)).toEqual(['code_re']);
  });

  it('a function override hands its column\'s regex back to PostgreSQL; a list keeps it', async () => {
    const model: SeedModel = await inferModel(cat, { seed: 1 });
    const applied = applyOverrides(model, defineOverrides({
      tables: { people: { columns: { email: ({ index }) => `p${index}@x.test`, ref: ['R-1', 'R-2'] } } },
    }), cat);
    const people = applied.tables[0]!;
    expect(names(people.unverifiedChecks)).toEqual(['code_re', 'email_check:email']);
    expect(names(people.generatorChecks)).toEqual(['country_re', 'email_check:work_email', 'ref_re']);
  });

  it('NOT isempty(range): autoseed\'s range generators ensure it; an override does not', async () => {
    const rooms = catalog([
      table('bookings', [idCol(), col('during', 'tstzrange', { notNull: true })], { pk: ['id'], checks: [check('during_check', '(NOT isempty(during))')] }),
    ]);
    const model: SeedModel = await inferModel(rooms, { seed: 1 });
    expect(names(model.tables[0]!.generatorChecks)).toEqual(['during_check']);
    expect(model.tables[0]!.unverifiedChecks).toEqual([]);
    const applied = applyOverrides(model, defineOverrides({ tables: { bookings: { columns: { during: ['empty', '[1,2)'] } } } }), rooms);
    expect(names(applied.tables[0]!.unverifiedChecks)).toEqual(['during_check']);
  });

  it('a domain CHECK PostgreSQL confirms is confirmed for each column of the domain, not the first only', async () => {
    const hinted = domainType('public', 'hinted', 'text', ["(VALUE ~ '^\\s*x$'::text)"]); // \s: not in the decidable subset
    const notes = catalog([
      table('notes', [idCol(), col('a', 'text', { type: { domain: 'public.hinted' } }), col('b', 'text', { type: { domain: 'public.hinted' } })], { pk: ['id'] }),
    ], { domains: [hinted] });
    const model: SeedModel = await inferModel(notes, { seed: 1 });
    expect(names(model.tables[0]!.unverifiedChecks)).toEqual(['hinted_check:a', 'hinted_check:b']);
  });
});
