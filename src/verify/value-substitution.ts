/**
 * Replaces the `VALUE` placeholder of a domain CHECK expression (as `pg_get_expr` prints it) with
 * a column expression. Works on tokens, so `'VALUE'` in a string literal, a quoted identifier
 * `"VALUE"` or a word that merely contains VALUE is left alone.
 */
export function substituteValue(expression: string, replacement: string): string {
  let out = '';
  let i = 0;
  while (i < expression.length) {
    const ch = expression[i]!;
    if (ch === "'") {
      const end = quotedEnd(expression, i, "'", false);
      out += expression.slice(i, end);
      i = end;
    } else if (ch === '"') {
      const end = quotedEnd(expression, i, '"', false);
      out += expression.slice(i, end);
      i = end;
    } else if (isWordStart(ch)) {
      let end = i + 1;
      while (end < expression.length && isWordPart(expression[end]!)) end++;
      const word = expression.slice(i, end);
      // E'…' is an escape string: the E starts the literal, it is not a word of its own
      if ((word === 'E' || word === 'e') && expression[end] === "'") {
        const close = quotedEnd(expression, end, "'", true);
        out += expression.slice(i, close);
        i = close;
        continue;
      }
      out += word === 'VALUE' && previousNonSpace(expression, i) !== '.' ? `(${replacement})` : word;
      i = end;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** Index just past the quote that closes the one at `start` (a doubled quote is an escaped one). */
function quotedEnd(text: string, start: number, quote: string, backslashEscapes: boolean): number {
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (backslashEscapes && ch === '\\') {
      i += 2;
    } else if (ch === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else {
      i++;
    }
  }
  return text.length;
}

function isWordStart(ch: string): boolean {
  return /[A-Za-z_\u0080-\uffff]/.test(ch);
}

function isWordPart(ch: string): boolean {
  return /[A-Za-z0-9_$\u0080-\uffff]/.test(ch);
}

function previousNonSpace(text: string, index: number): string | undefined {
  for (let i = index - 1; i >= 0; i--) {
    if (!/\s/.test(text[i]!)) return text[i];
  }
  return undefined;
}
