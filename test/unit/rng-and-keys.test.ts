import { describe, expect, it } from 'vitest';
import type { Column } from '../../src/catalog.js';
import type { Value } from '../../src/inference/gen-context.js';
import { hashString, mix, permute, Rng, streamSeed } from '../../src/inference/rng.js';
import { encodeText } from '../../src/writer/encode-copy.js';
import { radixDigits } from '../../src/writer/generate/fk-choice.js';
import { injectiveValue, uuidFrom } from '../../src/writer/generate/key-values.js';
import { RowStates } from '../../src/writer/generate/row-states.js';
import { col } from './helpers/catalog-builder.js';

const draws = (rng: Rng, k: number) => Array.from({ length: k }, () => rng.next());

describe('hashString / streamSeed / Rng', () => {
  it('hashString is 32-bit FNV-1a', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
    expect(hashString('public.users')).toBe(hashString('public.users'));
    expect(hashString('public.users')).not.toBe(hashString('public.user'));
  });

  it('streamSeed depends on every argument and on nothing else', () => {
    const base = streamSeed(42, 1, 2, 3, 0);
    expect(streamSeed(42, 1, 2, 3, 0)).toBe(base);
    expect(streamSeed(42, 1, 2, 3)).toBe(base);
    const variants = [streamSeed(43, 1, 2, 3), streamSeed(42, 9, 2, 3), streamSeed(42, 1, 9, 3), streamSeed(42, 1, 2, 4), streamSeed(42, 1, 2, 3, 1)];
    for (const v of variants) expect(v).not.toBe(base);
    expect(base).toBeGreaterThanOrEqual(0);
    expect(base).toBeLessThan(2 ** 32);
  });

  it('rows past 2^32 get their own streams', () => {
    expect(streamSeed(1, 2, 3, 2 ** 32 + 5)).not.toBe(streamSeed(1, 2, 3, 5));
  });

  it('seeded rows are spread: 10,000 consecutive rows give 10,000 distinct seeds', () => {
    const seeds = new Set(Array.from({ length: 10_000 }, (_, i) => streamSeed(7, hashString('t'), hashString('c'), i)));
    expect(seeds.size).toBe(10_000);
  });

  it('Rng: same seed, same sequence; reseed restarts it', () => {
    const a = new Rng(123);
    const first = draws(a, 20);
    expect(draws(new Rng(123), 20)).toEqual(first);
    a.reseed(123);
    expect(draws(a, 20)).toEqual(first);
    expect(draws(new Rng(124), 20)).not.toEqual(first);
  });

  it('Rng: next() in [0, 1), int() inclusive and in range, pick() from the list', () => {
    const rng = new Rng(99);
    const ints = new Set<number>();
    for (let k = 0; k < 5000; k++) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
      const n = rng.int(-3, 3);
      expect(Number.isInteger(n) && n >= -3 && n <= 3).toBe(true);
      ints.add(n);
    }
    expect([...ints].sort((a, b) => a - b)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    expect(['a', 'b']).toContain(rng.pick(['a', 'b']));
    expect(rng.int(5, 5)).toBe(5);
  });
});

describe('permute', () => {
  const sizes = [1, 2, 3, 7, 8, 16, 17, 97, 100, 101, 128, 255, 256, 1000, 1024, 4093, 6561];
  const salts = [0, 1, 12345, 0xdeadbeef, 0xffffffff];

  it.each(sizes)('is a bijection on [0, %i) for every salt', (n) => {
    for (const salt of salts) {
      const seen = new Set<number>();
      for (let i = 0; i < n; i++) {
        const p = permute(i, n, salt);
        expect(Number.isInteger(p) && p >= 0 && p < n).toBe(true);
        seen.add(p);
      }
      expect(seen.size).toBe(n);
    }
  });

  it('scatters: not the identity, and different salts give different orders', () => {
    const order = (salt: number) => Array.from({ length: 1000 }, (_, i) => permute(i, 1000, salt));
    const a = order(1);
    expect(a).not.toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(order(2)).not.toEqual(a);
    expect(order(1)).toEqual(a);
  });
});

describe('radixDigits', () => {
  it.each([[[3, 4]], [[2, 5, 7]], [[1, 6]], [[10]], [[4, 4, 4, 4]]])('covers every combination of %j exactly once', (radices) => {
    const capacity = radices.reduce((a, b) => a * b, 1);
    const seen = new Set<string>();
    for (let row = 0; row < capacity; row++) {
      const digits = radixDigits(row, radices, 77);
      expect(digits).toHaveLength(radices.length);
      digits.forEach((d, k) => expect(d >= 0 && d < radices[k]!).toBe(true));
      seen.add(digits.join(','));
    }
    expect(seen.size).toBe(capacity);
  });

  it('is a pure function of (row, radices, salt), and wraps past the capacity', () => {
    expect(radixDigits(5, [3, 4], 1)).toEqual(radixDigits(5, [3, 4], 1));
    expect(radixDigits(5 + 12, [3, 4], 1)).toEqual(radixDigits(5, [3, 4], 1));
  });
});

describe('injectiveValue', () => {
  const N = 3000;
  const distinct = (column: Column, text: (n: number) => string | null = () => null, from = 1, to = N) => {
    const values: Value[] = [];
    for (let n = from; n <= to; n++) values.push(injectiveValue(column, n, 4242, text(n)));
    return { values, size: new Set(values.map((v) => encodeText(v))).size, count: to - from + 1 };
  };

  it.each([
    ['int4', col('id', 'int4')],
    ['int8', col('id', 'int8')],
    ['numeric(10,2)', col('code', 'numeric', { type: { precision: 10, scale: 2 } })],
    ['numeric', col('code', 'numeric')],
    ['uuid', col('id', 'uuid')],
    ['text (no text, no length)', col('code', 'text')],
    ['varchar(20) (no text)', col('code', 'varchar', { type: { length: 20 } })],
    ['bpchar(6)', col('code', 'bpchar', { type: { length: 6 } })],
    ['varchar(4)', col('code', 'varchar', { type: { length: 4 } })],
    ['date', col('day', 'date')],
    ['timestamp', col('at', 'timestamp')],
    ['timestamptz', col('at', 'timestamptz')],
    ['inet', col('ip', 'inet')],
    ['bytea', col('digest', 'bytea')],
  ] as const)('%s: distinct n give distinct values', (_, column) => {
    const { size, count } = distinct(column);
    expect(size).toBe(count);
  });

  it('varchar(2): distinct over its whole 36² code space, never longer than 2', () => {
    const column = col('cc', 'varchar', { type: { length: 2 } });
    const { values, size } = distinct(column, () => null, 1, 36 * 36 - 1);
    expect(size).toBe(36 * 36 - 1);
    for (const v of values) expect(String(v).length).toBeLessThanOrEqual(2);
  });

  it('numeric with a scale keeps that many decimals; integers are the key number itself', () => {
    expect(injectiveValue(col('c', 'numeric', { type: { scale: 2 } }), 7, 1, null)).toBe('7.00');
    expect(injectiveValue(col('c', 'int4'), 7, 1, null)).toBe(7);
  });

  it('text with a generated value keeps it and appends the number, within maxLength', () => {
    expect(injectiveValue(col('t', 'text'), 3, 1, 'hello world')).toBe('hello world 3');
    const short = col('t', 'varchar', { type: { length: 30 } });
    const { values, size, count } = distinct(short, (n) => `the same long generated sentence ${n % 3}`);
    expect(size).toBe(count);
    for (const v of values) expect(String(v).length).toBeLessThanOrEqual(30);
  });

  it("email-like text keeps '@' and its domain, and stays distinct", () => {
    for (const length of [null, 40, 20]) {
      const column = col('email', 'varchar', { type: { length } });
      const { values, size, count } = distinct(column, () => 'jane.doe@example.com');
      expect(size).toBe(count);
      for (const v of values) {
        expect(String(v)).toMatch(/^[^@]+@example\.com$/);
        if (length !== null) expect(String(v).length).toBeLessThanOrEqual(length);
      }
    }
  });

  it('email in a narrow column: distinct n never collide', () => {
    const column = col('email', 'varchar', { type: { length: 16 } });
    const a = injectiveValue(column, 2345, 1, 'jane@example.com');
    const b = injectiveValue(column, 12345, 1, 'jane@example.com');
    expect(a).not.toBe(b);
  });
});

describe('permute coefficients memo', () => {
  it('gives the same value whatever other (n, salt) pairs were asked in between', () => {
    const pairs = Array.from({ length: 200 }, (_, k) => ({ n: 3 + k * 37, salt: mix(k, 77) }));
    const alone = pairs.map(({ n, salt }) => [0, 1, n - 1, 12_345].map((i) => permute(i % n, n, salt)));
    // interleaved, backwards: every slot is overwritten many times over
    for (let round = 0; round < 3; round++) {
      for (let k = pairs.length - 1; k >= 0; k--) {
        const { n, salt } = pairs[k]!;
        expect([0, 1, n - 1, 12_345].map((i) => permute(i % n, n, salt))).toEqual(alone[k]);
      }
    }
  });
});

describe('uuidFrom', () => {
  it('has the version-4 / RFC variant shape, is deterministic and salt-dependent', () => {
    const shape = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    for (let n = 0; n < 500; n++) expect(uuidFrom(n, 9)).toMatch(shape);
    expect(uuidFrom(1, 9)).toBe(uuidFrom(1, 9));
    expect(uuidFrom(1, 9)).not.toBe(uuidFrom(1, 10));
    expect(uuidFrom(1, 9)).not.toBe(uuidFrom(2, 9));
  });

  it('gives the UUIDs of the string-slicing form it replaced (same bytes as earlier runs)', () => {
    const sliced = (n: number, salt: number) => {
      const words = [mix(salt, n), mix(salt ^ 0x5bd1e995, n), mix(salt ^ 0x1b873593, n), mix(salt ^ 0xcc9e2d51, n)];
      const hex = words.map((w) => w.toString(16).padStart(8, '0')).join('');
      const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    };
    for (let n = 0; n < 5000; n++) expect(uuidFrom(n * 7919, n ^ 0x9e3779b9)).toBe(sliced(n * 7919, n ^ 0x9e3779b9));
    expect(uuidFrom(2 ** 40 + 3, 0xffffffff)).toBe(sliced(2 ** 40 + 3, 0xffffffff));
  });
});

describe('permute beyond 2^31', () => {
  it('stays inside [0, n) for spaces larger than 32-bit integers (radix keys of big junction tables)', async () => {
    const { permute } = await import('../../src/inference/rng.js');
    const n = 37_500_000_000;
    for (let salt = 0; salt < 200; salt++) {
      for (const i of [0, 1, 12_345, n - 1]) {
        const v = permute(i, n, salt);
        expect(Number.isInteger(v) && v >= 0 && v < n).toBe(true);
      }
    }
  });
});

describe('RowStates: the radix digits of replacement rows', () => {
  it('a replacement takes a combination no planned row uses while there are spare ones, then its origin row', () => {
    const states = new RowStates(() => 3, () => 5);
    expect([0, 1, 2].map((i) => states.digitRow(i))).toEqual([0, 1, 2]);
    const r1 = states.reject(1);
    const r2 = states.reject(2);
    expect([states.digitRow(r1), states.digitRow(r2)]).toEqual([3, 4]);
    // past the key's five combinations: the digits the rejected planned row freed
    const r3 = states.reject(r1);
    expect(r3).toBe(5);
    expect(states.digitRow(r3)).toBe(1);
    expect(states.originRow(r3)).toBe(1);
  });

  it('without radix keys (unbounded combinations) a replacement is its own digit row', () => {
    const states = new RowStates(() => 2);
    expect(states.digitRow(states.reject(0))).toBe(2);
  });
});
