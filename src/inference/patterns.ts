import { createRequire } from 'node:module';
import type RandExpModule from 'randexp';
import type { Column } from '../catalog.js';
import type { Rng } from './rng.js';

// randexp is CommonJS (`module.exports = RandExp`); its typings describe an ES default export
type RandExpClass = typeof RandExpModule.default;
const RandExp = createRequire(import.meta.url)('randexp') as RandExpClass;
/** ret's token type for `x*`, `x{2,3}`, `x?` (randexp's parser). */
const REPETITION = 5;

/** PostgreSQL's POSIX bracket classes, as JavaScript class contents. */
const POSIX_CLASSES: Record<string, string> = {
  alnum: 'a-zA-Z0-9', alpha: 'a-zA-Z', digit: '0-9', lower: 'a-z', upper: 'A-Z', xdigit: '0-9a-fA-F',
  space: ' \\t\\n\\r\\f\\v', blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', word: '\\w', print: ' -~', graph: '!-~', cntrl: '\\x00-\\x1f',
};

/** Whether the column holds text (citext included), so that CHECK regexes steer its generator. */
export function isTextual(column: Column): boolean {
  return column.type.category === 'string' || column.type.base === 'citext';
}

/** A PostgreSQL (ARE) pattern as a JavaScript RegExp, or null when JavaScript cannot read it. */
export function toJsRegex(pattern: string, caseInsensitive: boolean): RegExp | null {
  const converted = pattern
    .replace(/\[:(\w+):\]/g, (whole, name: string) => POSIX_CLASSES[name] ?? whole)
    // word boundaries of PostgreSQL's regex flavour
    .replace(/\\[my]/g, '\\b')
    .replace(/\\M/g, '\\b');
  try {
    return new RegExp(converted, caseInsensitive ? 'i' : '');
  } catch {
    return null;
  }
}

/** Strings matching a pattern, drawn from our seeded rng so they are row-addressable. */
export class PatternGenerator {
  private readonly regex: RegExp;
  private readonly randexp: InstanceType<RandExpClass>;
  private source: (a: number, b: number) => number = (a) => a;

  /** Set while randexp picks how often a repetition repeats (as opposed to which character). */
  private repeating = false;
  private repeatSource: (a: number, b: number) => number = (a) => a;

  constructor(regex: RegExp, maxRepeat = 8) {
    this.regex = regex;
    this.randexp = new RandExp(regex);
    this.randexp.max = maxRepeat;
    // printable ASCII without the blank for `.` and negated classes
    this.randexp.defaultRange.subtract(0, 32);
    this.randexp.defaultRange.subtract(127, 65535);
    this.randexp.randInt = (a: number, b: number) => {
      if (this.repeating) {
        this.repeating = false;
        return this.repeatSource(a, b);
      }
      return this.source(a, b);
    };
    // randexp asks randInt for a repetition count first thing when it meets a repetition token
    const generate = this.randexp._gen.bind(this.randexp);
    this.randexp._gen = (token, groups) => {
      if (token.type === REPETITION) this.repeating = true;
      return generate(token, groups);
    };
  }

  matches(value: string): boolean {
    return this.regex.test(value);
  }

  /** A random matching string; with `length`, one of exactly that length when the pattern allows. */
  random(rng: Rng, length?: number): string {
    this.source = (a, b) => rng.int(a, b);
    this.repeatSource = (a, b) => rng.int(a, b);
    let value = this.randexp.gen();
    for (let tries = 0; length !== undefined && value.length !== length && tries < 20; tries++) value = this.randexp.gen();
    if (length !== undefined && value.length !== length) value = this.longest((a, b) => rng.int(a, b));
    return value;
  }

  /**
   * A matching string that differs for every `n`. The shape is fixed (every repetition at its
   * longest, so a char(n) column's pattern fills the column); each character choice takes one
   * digit of n in the choice's own base, so distinct numbers make distinct strings.
   */
  keyed(n: number): string {
    let rest = n;
    return this.longest((a, b) => {
      const base = b - a + 1;
      const digit = rest % base;
      rest = Math.floor(rest / base);
      return a + digit;
    });
  }

  private longest(choose: (a: number, b: number) => number): string {
    this.source = choose;
    this.repeatSource = (_a, b) => b;
    return this.randexp.gen();
  }
}
