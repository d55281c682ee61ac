import { toJsRegex } from './patterns.js';

/**
 * Which CHECK regexes JavaScript can decide for PostgreSQL: patterns in a common subset of
 * PostgreSQL's ARE syntax and JavaScript's, where a string `toJsRegex` matches is certain to
 * satisfy `~` (or `~*`) too. Generated values of such a column are tested here, and PostgreSQL
 * need not confirm them row by row (see generator-checks.ts).
 *
 * The subset: ASCII literals and escaped punctuation, `.`, `^` and `$`, `\d \w` (JavaScript's
 * sets are ASCII, PostgreSQL's the locale's: a superset), `\t \n \r`, bracket expressions of
 * literals, ranges and POSIX classes, groups (`(…)`, `(?:…)`), `|`, and the quantifiers
 * `* + ? {n} {n,} {n,m}` (lazy or not: whether a match exists does not depend on it). Anything
 * else (back-references, look-arounds, word boundaries, embedded options, collating elements,
 * non-ASCII characters) leaves the regex to PostgreSQL. A negated bracket is decided only by
 * `~` and only over literals and ranges: under `~*` the locale's case folding (Turkish dotless
 * i) and PostgreSQL's wider classes could reject what JavaScript's negation accepts.
 */

/** Lengths of the strings a pattern's match can span (max Infinity when unbounded). */
export interface MatchLength {
  readonly min: number;
  readonly max: number;
}

const POSIX_NAMES = new Set(['alnum', 'alpha', 'digit', 'lower', 'upper', 'xdigit', 'space', 'blank', 'punct', 'word', 'print', 'graph', 'cntrl']);

class Unsupported extends Error {}

/** The match lengths of a pattern JavaScript decides; null when PostgreSQL must decide it. */
export function decidableRegex(pattern: string, caseInsensitive: boolean): MatchLength | null {
  // printable ASCII only (tab aside): no locale or case-folding question for any character
  if (!/^[\x20-\x7e\t]*$/.test(pattern) || toJsRegex(pattern, caseInsensitive) === null) return null;
  try {
    const parser = new Parser(pattern, caseInsensitive);
    const length = parser.alternation();
    return parser.done() ? length : null;
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
}

class Parser {
  private at = 0;

  constructor(private readonly src: string, private readonly caseInsensitive: boolean) {}

  done(): boolean {
    return this.at === this.src.length;
  }

  alternation(): MatchLength {
    let result = this.sequence();
    while (this.peek() === '|') {
      this.at++;
      const next = this.sequence();
      result = { min: Math.min(result.min, next.min), max: Math.max(result.max, next.max) };
    }
    return result;
  }

  private sequence(): MatchLength {
    let min = 0;
    let max = 0;
    while (!this.done() && this.peek() !== '|' && this.peek() !== ')') {
      const anchor = this.peek() === '^' || this.peek() === '$';
      const atom = this.atom();
      const q = this.quantifier();
      // `^*`: nothing to repeat for JavaScript
      if (anchor && q !== ONE) throw new Unsupported();
      min += atom.min * q.min;
      max += atom.max === 0 ? 0 : atom.max * q.max;
    }
    return { min, max };
  }

  private atom(): MatchLength {
    const c = this.src[this.at++]!;
    switch (c) {
      case '^':
      case '$':
        return { min: 0, max: 0 };
      case '.':
        return ONE;
      case '[':
        this.bracket();
        return ONE;
      case '(': {
        if (this.peek() === '?') {
          if (this.src.slice(this.at, this.at + 2) !== '?:') throw new Unsupported();
          this.at += 2;
        }
        const inner = this.alternation();
        if (this.src[this.at++] !== ')') throw new Unsupported();
        return inner;
      }
      case '\\':
        this.escape(false);
        return ONE;
      case '*': case '+': case '?': case '{': case '}': case ']': case ')':
        throw new Unsupported();
      default:
        return ONE;
    }
  }

  /** A quantifier after an atom, as repetition bounds (1..1 without one). */
  private quantifier(): MatchLength {
    const c = this.peek();
    let q: MatchLength;
    if (c === '*') q = { min: 0, max: Infinity };
    else if (c === '+') q = { min: 1, max: Infinity };
    else if (c === '?') q = { min: 0, max: 1 };
    else if (c === '{') {
      const m = /^\{(\d{1,3})(,(\d{1,3})?)?\}/.exec(this.src.slice(this.at));
      if (!m) throw new Unsupported();
      const lo = Number(m[1]);
      const hi = m[2] === undefined ? lo : m[3] === undefined ? Infinity : Number(m[3]);
      if (hi < lo) throw new Unsupported();
      this.at += m[0].length - 1;
      q = { min: lo, max: hi };
    } else return ONE;
    this.at++;
    if (this.peek() === '?') this.at++;
    // `a**` and the like: PostgreSQL and JavaScript disagree on what they are
    if (['*', '+', '?', '{'].includes(this.peek() ?? '')) throw new Unsupported();
    return q;
  }

  /** After a backslash: escapes both flavours read alike. */
  private escape(inBracket: boolean): void {
    const c = this.src[this.at++];
    if (c === undefined) throw new Unsupported();
    // not \s: JavaScript's holds no-break spaces that PostgreSQL's C locale does not
    if (c === 'd' || c === 'w') {
      if (inBracket) throw new Unsupported();
      return;
    }
    if (c === 't' || c === 'n' || c === 'r') return;
    // escaped punctuation is the character itself in both; letters and digits are classes,
    // back-references or anchors that differ (\b is a backspace to PostgreSQL)
    if (/[A-Za-z0-9]/.test(c)) throw new Unsupported();
  }

  /** A bracket expression after its `[`. */
  private bracket(): void {
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.at++;
    }
    // a leading `]` is a literal to POSIX, an empty class to JavaScript
    if (this.peek() === ']') throw new Unsupported();
    let items = 0;
    let previousLiteral: string | null = null;
    while (this.peek() !== ']') {
      const c = this.src[this.at++];
      if (c === undefined) throw new Unsupported();
      if (c === '[') {
        const m = /^:([a-z]+):\]/.exec(this.src.slice(this.at));
        if (!m || !POSIX_NAMES.has(m[1]!) || negated) throw new Unsupported();
        this.at += m[0].length;
        previousLiteral = null;
      } else if (c === '\\') {
        const e = this.src[this.at];
        this.escape(true);
        previousLiteral = e === 't' || e === 'n' || e === 'r' ? null : e!;
      } else if (c === '-' && previousLiteral !== null && this.peek() !== ']') {
        const end = this.src[this.at++]!;
        if (end === '[' || end === '\\' || end < previousLiteral) throw new Unsupported();
        previousLiteral = null;
      } else {
        previousLiteral = c;
      }
      items++;
    }
    this.at++;
    if (items === 0) throw new Unsupported();
    if (negated && this.caseInsensitive) throw new Unsupported();
  }

  private peek(): string | undefined {
    return this.src[this.at];
  }
}

const ONE: MatchLength = { min: 1, max: 1 };
