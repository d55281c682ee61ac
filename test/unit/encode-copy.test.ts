import { describe, expect, it } from 'vitest';
import type { Value } from '../../src/inference/gen-context.js';
import { arrayLiteral, encodeCopyField, encodeCopyRow, encodeText } from '../../src/writer/encode-copy.js';

describe('encodeText: values as PostgreSQL input text', () => {
  it('NULL is null, strings are unchanged (unicode included)', () => {
    expect(encodeText(null)).toBeNull();
    expect(encodeText('')).toBe('');
    expect(encodeText('Zoë 東京 🚀')).toBe('Zoë 東京 🚀');
  });

  it('booleans are t / f', () => {
    expect(encodeText(true)).toBe('t');
    expect(encodeText(false)).toBe('f');
  });

  it('numbers, including the non-finite ones PostgreSQL spells out', () => {
    expect(encodeText(42)).toBe('42');
    expect(encodeText(-3.25)).toBe('-3.25');
    expect(encodeText(0)).toBe('0');
    expect(encodeText(Number.POSITIVE_INFINITY)).toBe('Infinity');
    expect(encodeText(Number.NEGATIVE_INFINITY)).toBe('-Infinity');
    expect(encodeText(Number.NaN)).toBe('NaN');
  });

  it('bigints keep every digit', () => {
    expect(encodeText(9_223_372_036_854_775_807n)).toBe('9223372036854775807');
    expect(encodeText(-12n)).toBe('-12');
  });

  it('bytea is \\x followed by lower-case hex, honouring a subarray view', () => {
    expect(encodeText(new Uint8Array([0, 1, 171, 255]))).toBe('\\x0001abff');
    const backing = new Uint8Array([9, 9, 0xde, 0xad, 9]);
    expect(encodeText(backing.subarray(2, 4))).toBe('\\xdead');
    expect(encodeText(new Uint8Array(0))).toBe('\\x');
  });

  it('json is serialised with JSON.stringify', () => {
    expect(encodeText({ json: { a: 1, b: [true, null], s: 'x"y' } })).toBe('{"a":1,"b":[true,null],"s":"x\\"y"}');
    expect(encodeText({ json: null })).toBe('null');
    expect(encodeText({ json: 'text' })).toBe('"text"');
  });

  it('arrays become array literals', () => {
    expect(encodeText([1, 2, 3])).toBe('{1,2,3}');
  });
});

describe('arrayLiteral', () => {
  it('empty arrays and NULL elements', () => {
    expect(arrayLiteral([])).toBe('{}');
    expect(arrayLiteral([null, 'a', null])).toBe('{NULL,a,NULL}');
  });

  it('quotes the empty string and any spelling of the word NULL', () => {
    expect(arrayLiteral(['', 'NULL', 'null', 'Null'])).toBe('{"","NULL","null","Null"}');
    // only the bare word is special
    expect(arrayLiteral(['nullable', 'NULLS'])).toBe('{nullable,NULLS}');
  });

  it('quotes elements with spaces, commas, braces, quotes or backslashes, escaping " and \\', () => {
    expect(arrayLiteral(['a b', 'a,b', '{x}', 'say "hi"', 'C:\\dir'])).toBe(
      '{"a b","a,b","{x}","say \\"hi\\"","C:\\\\dir"}',
    );
    expect(arrayLiteral(['tab\there', 'line\nbreak'])).toBe('{"tab\there","line\nbreak"}');
  });

  it('leaves plain words, numbers and booleans bare', () => {
    expect(arrayLiteral(['abc', 'x-y_z.1'])).toBe('{abc,x-y_z.1}');
    expect(arrayLiteral([1.5, -2, true, false])).toBe('{1.5,-2,t,f}');
  });

  it('nested arrays are sub-lists, NULLs kept at any depth', () => {
    expect(arrayLiteral([[1, 2], [3, null]])).toBe('{{1,2},{3,NULL}}');
    expect(arrayLiteral([[['a b']], [['c']]])).toBe('{{{"a b"}},{{c}}}');
  });

  it('bytea and json elements are quoted so their backslashes and braces survive', () => {
    expect(arrayLiteral([new Uint8Array([1, 2])])).toBe('{"\\\\x0102"}');
    expect(arrayLiteral([{ json: { k: 'v' } }])).toBe('{"{\\"k\\":\\"v\\"}"}');
  });
});

describe('encodeCopyField: COPY text format', () => {
  it('NULL is \\N, but the string "\\N" is escaped so it stays text', () => {
    expect(encodeCopyField(null)).toBe('\\N');
    expect(encodeCopyField('\\N')).toBe('\\\\N');
  });

  it('escapes backslash, tab, newline and carriage return', () => {
    expect(encodeCopyField('a\\b')).toBe('a\\\\b');
    expect(encodeCopyField('a\tb')).toBe('a\\tb');
    expect(encodeCopyField('a\nb')).toBe('a\\nb');
    expect(encodeCopyField('a\rb')).toBe('a\\rb');
    expect(encodeCopyField('\r\n\t\\')).toBe('\\r\\n\\t\\\\');
  });

  it('escapes long texts (kept once escaped) the same way every time, past the memo limit too', () => {
    const paragraph = (n: number) => `Paragraph ${n}: a\tb \\ c\r\n${'lorem ipsum '.repeat(8)}`;
    const expected = (n: number) => `Paragraph ${n}: a\\tb \\\\ c\\r\\n${'lorem ipsum '.repeat(8)}`;
    for (let round = 0; round < 2; round++) {
      for (let n = 0; n < 10_000; n++) expect(encodeCopyField(paragraph(n))).toBe(expected(n));
    }
    const plain = 'no escapes here, '.repeat(10);
    expect(encodeCopyField(plain)).toBe(plain);
    expect(encodeCopyField(plain)).toBe(plain);
  });

  it('leaves everything else untouched', () => {
    for (const s of ['plain', 'Zoë 東京 🚀', "it's", '"quoted"', 'a,b', '', ' ']) expect(encodeCopyField(s)).toBe(s);
  });

  it('a bytea backslash is itself escaped inside COPY text', () => {
    expect(encodeCopyField(new Uint8Array([0xca, 0xfe]))).toBe('\\\\xcafe');
  });

  it('json newlines are already JSON-escaped; their backslash is escaped again', () => {
    expect(encodeCopyField({ json: { note: 'a\nb' } })).toBe('{"note":"a\\\\nb"}');
  });

  it('an array element with a backslash is escaped twice (array, then COPY)', () => {
    // the array literal is {"a\\b"}; COPY doubles each backslash again
    expect(encodeCopyField(['a\\b'])).toBe('{"a\\\\\\\\b"}');
    expect(encodeCopyField(['x\ny', null])).toBe('{"x\\ny",NULL}');
  });

  it('scalars other than strings pass through encodeText', () => {
    expect(encodeCopyField(true)).toBe('t');
    expect(encodeCopyField(7n)).toBe('7');
    expect(encodeCopyField(Number.NaN)).toBe('NaN');
  });
});

describe('encodeCopyRow', () => {
  it('joins fields with tabs and ends with a newline', () => {
    const row: Value[] = [1, 'a\tb', null, true, ['x y'], new Uint8Array([1])];
    expect(encodeCopyRow(row)).toBe('1\ta\\tb\t\\N\tt\t{"x y"}\t\\\\x01\n');
  });

  it('a single field, and an empty row', () => {
    expect(encodeCopyRow(['only'])).toBe('only\n');
    expect(encodeCopyRow([])).toBe('\n');
  });

  it('the number of unescaped tabs is always fields - 1, whatever the data', () => {
    const nasty: Value[] = ['\t', '\t\t', '\\\t', 'a\nb', null, ['\t']];
    const line = encodeCopyRow(nasty);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toMatch(/[\n\r]/);
    expect(line.slice(0, -1).split('\t')).toHaveLength(nasty.length);
  });
});
