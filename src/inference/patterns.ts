import { createRequire } from 'node:module';
import type RandExpModule from 'randexp';
import type { Rng } from './rng.js';

// randexp is CommonJS (`module.exports = RandExp`); its typings describe an ES default export
type RandExpClass = typeof RandExpModule.default;
const RandExp = createRequire(import.meta.url)('randexp') as RandExpClass;

/** PostgreSQL's POSIX bracket classes, as JavaScript class contents. */
const POSIX_CLASSES: Record<string, string> = {
  alnum: 'a-zA-Z0-9', alpha: 'a-zA-Z', digit: '0-9', lower: 'a-z', upper: 'A-Z', xdigit: '0-9a-fA-F',
  space: ' \\t\\n\\r\\f\\v', blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', word: '\\w', print: ' -~', graph: '!-~', cntrl: '\\x00-\\x1f',
};

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

  constructor(regex: RegExp, maxRepeat = 8) {
    this.regex = regex;
    this.randexp = new RandExp(regex);
    this.randexp.max = maxRepeat;
    // printable ASCII for `.` and negated classes
    this.randexp.defaultRange.subtract(0, 31);
    this.randexp.defaultRange.subtract(127, 65535);
    this.randexp.randInt = (a: number, b: number) => this.source(a, b);
  }

  matches(value: string): boolean {
    return this.regex.test(value);
  }

  /** A random matching string. */
  random(rng: Rng): string {
    this.source = (a, b) => rng.int(a, b);
    return this.randexp.gen();
  }

  /**
   * A matching string that differs for every `n`: each choice the pattern offers takes one digit
   * of n in the choice's own base, so distinct numbers make distinct choice sequences.
   */
  keyed(n: number): string {
    let rest = n;
    this.source = (a, b) => {
      const base = b - a + 1;
      const digit = rest % base;
      rest = Math.floor(rest / base);
      return a + digit;
    };
    return this.randexp.gen();
  }
}
