import fc from 'fast-check';
import { loadModule, parseSync } from 'libpg-query';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ALL_FEATURES, CHECK_FORMS, defaultTableCount, generateSchema, ident, MAX_TABLES, MIN_TABLES, type RandomSchema, type SchemaFeatures,
} from '../helpers/random-schema.js';

/**
 * The schema generator of the property test (test/integration/property-schemas.test.ts): the same
 * seed gives the same SQL, the SQL has the requested shape, parses with PostgreSQL's own parser,
 * draws its CHECKs from the documented grammar, and honours the feature switches.
 */

interface Statement {
  stmt: Record<string, Record<string, unknown>>;
}

const parse = (sql: string): Statement[] => (parseSync(sql) as { stmts: Statement[] }).stmts;
const kindOf = (s: Statement) => Object.keys(s.stmt)[0]!;

interface Rel {
  schemaname?: string;
  relname: string;
}
const relKey = (r: Rel) => `${r.schemaname ?? 'public'}.${r.relname}`;

/** Tables in the SQL: parents (plain or partitioned) and partitions, from the parse tree. */
function tablesOf(stmts: Statement[]): { key: string; partitioned: boolean; partitionOf: string | null; elts: Record<string, unknown>[] }[] {
  return stmts.filter((s) => kindOf(s) === 'CreateStmt').map((s) => {
    const c = s.stmt.CreateStmt as { relation: Rel; partspec?: unknown; partbound?: unknown; inhRelations?: { RangeVar: Rel }[]; tableElts?: Record<string, unknown>[] };
    return {
      key: relKey(c.relation),
      partitioned: c.partspec !== undefined,
      partitionOf: c.partbound ? relKey(c.inhRelations![0]!.RangeVar) : null,
      elts: c.tableElts ?? [],
    };
  });
}

/** The text of every CHECK (…) on a table (domains left out), parentheses balanced. */
function tableChecks(sql: string): string[] {
  const out: string[] = [];
  for (const stmt of sql.split(/;\n/).filter((s) => s.startsWith('CREATE TABLE'))) {
    for (let at = stmt.indexOf('CHECK ('); at >= 0; at = stmt.indexOf('CHECK (', at + 1)) {
      let depth = 0;
      let inString = false;
      let k = at + 6;
      for (; k < stmt.length; k++) {
        const ch = stmt[k];
        if (ch === "'") inString = !inString;
        if (inString) continue;
        if (ch === '(') depth++;
        if (ch === ')' && --depth === 0) break;
      }
      out.push(stmt.slice(at + 7, k));
    }
  }
  return out;
}

const ID = String.raw`(?:[a-z_][a-z0-9_]*|"(?:[^"]|"")+")`;
const LIT = String.raw`(?:'(?:[^']|'')*'|-?\d+(?:\.\d+)?)`;
const CONST = String.raw`(?:${LIT}|DATE '[^']+'|TIMESTAMPTZ '[^']+'|CURRENT_DATE|now\(\))`;
/** The grammar of the brief, one pattern per form. */
const GRAMMAR: Record<(typeof CHECK_FORMS)[number], RegExp> = {
  'in': new RegExp(`^${ID} IN \\(${LIT}(?:, ${LIT})*\\)$`),
  'any': new RegExp(`^${ID} = ANY \\(ARRAY\\[${LIT}(?:::${ID}\\.${ID})?(?:, ${LIT}(?:::${ID}\\.${ID})?)*\\]\\)$`),
  'compare': new RegExp(`^${ID} (?:<>|>=|<=|>|<) ${CONST}$`),
  'between': new RegExp(`^${ID} BETWEEN ${LIT} AND ${LIT}$`),
  'less-than': new RegExp(`^${ID} <=? ${ID}$`),
  'not-null': new RegExp(`^${ID} IS NOT NULL$`),
  'length': new RegExp(`^length\\(${ID}\\) <= \\d+$`),
  'regex': new RegExp(`^${ID} ~ '[^']+'$`),
  'null-or-greater': new RegExp(`^\\(${ID} IS NULL\\) OR \\(${ID} > ${ID}\\)$`),
  'num-nonnulls': new RegExp(`^num_nonnulls\\(${ID}, ${ID}\\) = 1$`),
};

const SEEDS = Array.from({ length: 300 }, (_, i) => i * 7919 + 13);
let schemas: RandomSchema[];

beforeAll(async () => {
  await loadModule();
  schemas = SEEDS.map((seed) => generateSchema({ seed }));
});

describe('random-schema: determinism', () => {
  it('gives the same SQL, tables and feature tags for the same options', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0x7fffffff }), fc.integer({ min: MIN_TABLES, max: MAX_TABLES }), (seed, tables) => {
      const a = generateSchema({ seed, tables });
      const b = generateSchema({ seed, tables });
      expect(b).toEqual(a);
    }), { numRuns: 100 });
  });

  it('is pure: generating other schemas in between changes nothing', () => {
    const first = generateSchema({ seed: 12345 });
    for (const seed of [1, 2, 3]) generateSchema({ seed, tables: MAX_TABLES });
    expect(generateSchema({ seed: 12345 }).sql).toBe(first.sql);
  });

  it('gives different schemas for different seeds', () => {
    expect(new Set(schemas.map((s) => s.sql)).size).toBe(schemas.length);
  });
});

describe('random-schema: shape', () => {
  it(`draws ${MIN_TABLES}–${MAX_TABLES} tables from the seed, and honours a requested count`, () => {
    const counts = schemas.map((s) => s.tables.length);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(MIN_TABLES);
    expect(Math.max(...counts)).toBeLessThanOrEqual(MAX_TABLES);
    expect(new Set(counts).size).toBeGreaterThan(15);
    for (const s of schemas) expect(s.tables.length).toBe(defaultTableCount(s.seed));
    fc.assert(fc.property(fc.integer({ min: 0, max: 0x7fffffff }), fc.integer({ min: MIN_TABLES, max: MAX_TABLES }), (seed, tables) => {
      const s = generateSchema({ seed, tables });
      expect(s.tables).toHaveLength(tables);
      const parsed = tablesOf(parse(s.sql));
      expect(parsed.filter((t) => t.partitionOf === null).map((t) => t.key)).toEqual(s.tables.map((t) => t.key));
    }), { numRuns: 100 });
  });

  it('refuses a table count out of range', () => {
    expect(() => generateSchema({ seed: 1, tables: MIN_TABLES - 1 })).toThrow(RangeError);
    expect(() => generateSchema({ seed: 1, tables: MAX_TABLES + 1 })).toThrow(RangeError);
    expect(() => generateSchema({ seed: 1, tables: 7.5 })).toThrow(RangeError);
  });

  it('parses with the PostgreSQL parser into schema, type, domain, table, index and ALTER TABLE statements only', () => {
    const allowed = new Set(['CreateSchemaStmt', 'CreateEnumStmt', 'CreateDomainStmt', 'CreateStmt', 'IndexStmt', 'AlterTableStmt']);
    for (const s of schemas) {
      const kinds = parse(s.sql).map(kindOf);
      expect(kinds.filter((k) => !allowed.has(k)), `seed ${s.seed}`).toEqual([]);
      // every FK added late points at a table created earlier in the script
      expect(kinds.lastIndexOf('CreateStmt')).toBeLessThan(kinds.includes('AlterTableStmt') ? kinds.indexOf('AlterTableStmt') : Infinity);
    }
  });

  it('gives every plain table a primary key; partitioned tables get 2–3 range partitions on a date column, sometimes a DEFAULT', () => {
    for (const s of schemas) {
      const parsed = tablesOf(parse(s.sql));
      for (const t of s.tables) {
        const p = parsed.find((x) => x.key === t.key)!;
        const parts = parsed.filter((x) => x.partitionOf === t.key);
        expect(parts.map((x) => x.key.split('.').slice(1).join('.'))).toEqual(t.partitions);
        if (p.partitioned) {
          const ranges = t.partitions.filter((n) => !n.endsWith('_default'));
          expect(ranges.length, `${s.seed} ${t.key}`).toBeGreaterThanOrEqual(2);
          expect(ranges.length).toBeLessThanOrEqual(3);
          expect(t.partitions.length - ranges.length).toBeLessThanOrEqual(1);
          expect(s.sql).toMatch(new RegExp(`${escape(qualified(t))} \\([\\s\\S]*?\\n\\) PARTITION BY RANGE \\(`));
        } else {
          expect(t.partitions).toEqual([]);
          const hasPk = /PRIMARY KEY/.test(tableSql(s, t));
          expect(hasPk, `${s.seed} ${t.key}`).toBe(true);
        }
      }
    }
  });

  it('draws every table CHECK from the grammar', () => {
    for (const s of schemas) {
      for (const check of tableChecks(s.sql)) {
        const forms = CHECK_FORMS.filter((f) => GRAMMAR[f].test(check));
        expect(forms.length, `seed ${s.seed}: CHECK (${check})`).toBeGreaterThan(0);
      }
    }
  });

  it('uses every feature and every CHECK form across a few hundred seeds', () => {
    const seen = new Set(schemas.flatMap((s) => s.features));
    const expected = [
      ...CHECK_FORMS.map((f) => `check:${f}`), 'check:on-fk', 'check:enum-not-equal', 'check:numeric-not-equal', 'check:regex-variable-on-char', 'check:null-or-greater-numeric', 'check:named-date', 'check:odd-date-pair-name',
      ...['bigint', 'numeric', 'text', 'varchar', 'char', 'boolean', 'date', 'timestamptz', 'uuid', 'jsonb', 'text[]', 'enum', 'domain', 'int'].map((k) => `type:${k}`),
      'pk:serial', 'pk:bigserial', 'pk:identity-always', 'pk:identity-default', 'pk:integer', 'pk:uuid', 'pk:natural', 'pk:composite', 'pk:junction',
      'fk:composite', 'fk:nullable', 'fk:not-null', 'fk:to-unique', 'fk:to-partitioned', 'fk:from-partitioned', 'fk:match-full', 'fk:cross-schema',
      'fk:deferrable-deferred', 'fk:deferrable-immediate', 'fk:junction-same-parent',
      'cycle:nullable', 'cycle:deferrable', 'cycle:hard', 'cycle:unique-keys', 'cycle:num-nonnulls-fk', 'cycle:short-regex',
      'self:nullable', 'self:not-null', 'self:composite',
      'unique:single', 'unique:nullable', 'unique:composite', 'unique:fk-and-column', 'unique:junction', 'unique:one-to-one', 'unique:partial',
      'unique:partial-fk', 'unique:back-edge',
      'partitioned', 'partition:default', 'partition:gap', 'partition:minvalue', 'partition:nullable-key', 'partitioned:no-pk',
      'type:domain', 'domain:not-null', 'enum:odd-label', 'ident:quoted-table', 'ident:quoted-column', 'ident:quoted-schema', 'schema:second',
      'name:mismatched', 'name:mismatched-numeric', 'column:default',
    ];
    expect(expected.filter((t) => !seen.has(t))).toEqual([]);
  });
});

describe('random-schema: feature switches', () => {
  const switches: [keyof SchemaFeatures, string][] = [
    ['variableRegexOnChar', 'check:regex-variable-on-char'],
    ['nullOrGreaterNumeric', 'check:null-or-greater-numeric'],
    ['uniqueKeyCycles', 'cycle:unique-keys'],
    ['numericNotEqual', 'check:numeric-not-equal'],
    ['oddNamesInDatePairs', 'check:odd-date-pair-name'],
    ['numNonnullsInCycles', 'cycle:num-nonnulls-fk'],
    ['mismatchedNamesOnNumeric', 'name:mismatched-numeric'],
    ['shortRegexColumnsInCycles', 'cycle:short-regex'],
    ['namedDatesWithChecks', 'check:named-date'],
    ['hardCycles', 'cycle:hard'],
    ['partitioned', 'partitioned'],
    ['defaultPartition', 'partition:default'],
    ['selfReferences', 'self:nullable'],
    ['compositeForeignKeys', 'fk:composite'],
    ['partialUniques', 'unique:partial'],
    ['quotedIdentifiers', 'ident:quoted-table'],
    ['enums', 'type:enum'],
    ['domains', 'type:domain'],
  ];

  it.each(switches)('%s: false leaves out %s', (feature, tag) => {
    const off = SEEDS.map((seed) => generateSchema({ seed, features: { [feature]: false } }));
    expect(off.filter((s) => s.features.includes(tag)).map((s) => s.seed)).toEqual([]);
  });

  it('a switch turned off leaves the rest of the schema valid SQL', () => {
    const off = Object.fromEntries(Object.keys(ALL_FEATURES).filter((k) => typeof ALL_FEATURES[k as keyof SchemaFeatures] === 'boolean').map((k) => [k, false]));
    for (const seed of SEEDS.slice(0, 50)) {
      const s = generateSchema({ seed, features: { ...off, checkForms: [] } });
      expect(() => parse(s.sql)).not.toThrow();
      expect(s.features.filter((f) => f.startsWith('check:') || f.startsWith('cycle:'))).toEqual([]);
    }
  });

  it('checkForms limits the CHECK grammar', () => {
    for (const seed of SEEDS.slice(0, 50)) {
      const s = generateSchema({ seed, features: { checkForms: ['between'] } });
      for (const check of tableChecks(s.sql)) {
        // natural keys keep their regex; every other CHECK is a BETWEEN
        expect(GRAMMAR.between.test(check) || GRAMMAR.regex.test(check), check).toBe(true);
      }
    }
  });
});

describe('random-schema: identifiers', () => {
  it('quotes only what needs quoting', () => {
    expect(ident('orders')).toBe('orders');
    expect(ident('order')).toBe('"order"');
    expect(ident('user')).toBe('"user"');
    expect(ident('Order Items')).toBe('"Order Items"');
    expect(ident('say "hi"')).toBe('"say ""hi"""');
    expect(ident('größe')).toBe('"größe"');
    expect(ident('app-data')).toBe('"app-data"');
  });

  it('round-trips every quoted name through the parser', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !s.includes('\0')), (name) => {
      const tree = parseSync(`CREATE TABLE ${ident(name)} (x int)`) as { stmts: Statement[] };
      expect((tree.stmts[0]!.stmt.CreateStmt as { relation: Rel }).relation.relname).toBe(name);
    }));
  });
});

function qualified(t: { schema: string; name: string }): string {
  return `${ident(t.schema)}.${ident(t.name)}`;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The CREATE TABLE statement of `t`. */
function tableSql(s: RandomSchema, t: { schema: string; name: string }): string {
  const head = `CREATE TABLE ${qualified(t)} (\n`;
  const start = s.sql.indexOf(head);
  return s.sql.slice(start, s.sql.indexOf('\n);', start));
}
