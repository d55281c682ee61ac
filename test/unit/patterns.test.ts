import { describe, expect, it } from 'vitest';
import { PatternGenerator, toJsRegex } from '../../src/inference/patterns.js';
import { Rng } from '../../src/inference/rng.js';

describe('regex CHECKs: strings drawn from the pattern', () => {
  it('reads PostgreSQL POSIX classes', () => {
    expect(toJsRegex('[[:alnum:]_]', false)!.test('x')).toBe(true);
    expect(toJsRegex('^[[:upper:]]{2}[[:digit:]]+$', false)!.test('AB12')).toBe(true);
    expect(toJsRegex('^[[:upper:]]{2}$', false)!.test('ab')).toBe(false);
    expect(toJsRegex('^ab$', true)!.test('AB')).toBe(true);
    expect(toJsRegex('(unclosed', false)).toBeNull();
  });

  it.each(['^[A-Z]{3}[0-9]{2}$', '^T-?\\d{3}.?\\d{3}.?\\d{3}[-.]?\\d$', '^[a-z0-9_]{1,100}$', '^(draft|sent|paid)$', '^\\d{5}(-\\d{4})?$'])(
    'random strings match %s, reproducibly', (pattern) => {
      const g = new PatternGenerator(toJsRegex(pattern, false)!);
      const a = Array.from({ length: 50 }, (_, i) => g.random(new Rng(i)));
      const b = Array.from({ length: 50 }, (_, i) => g.random(new Rng(i)));
      expect(a.every((s) => g.matches(s))).toBe(true);
      expect(b).toEqual(a);
    });

  it('keyed strings are distinct for distinct numbers and keep the longest shape', () => {
    const g = new PatternGenerator(toJsRegex('^[A-Z]{3}[0-9]{2}$', false)!);
    const keys = Array.from({ length: 2000 }, (_, n) => g.keyed(n));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.every((k) => g.matches(k))).toBe(true);
    // optional parts present: a char(15) ISWC fills its column
    const iswc = new PatternGenerator(toJsRegex('^T-?\\d{3}.?\\d{3}.?\\d{3}[-.]?\\d$', false)!);
    expect(iswc.keyed(7)).toHaveLength(15);
  });

  it('aims at a width when asked (char(n) pads, so anchored patterns need the full width)', () => {
    const g = new PatternGenerator(toJsRegex('^[A-Z]{2,6}$', false)!);
    for (let i = 0; i < 20; i++) expect(g.random(new Rng(i), 6)).toHaveLength(6);
  });
});
