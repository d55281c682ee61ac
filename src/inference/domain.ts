import type { Catalog, Column, DomainType, Table } from '../catalog.js';
import type { Const } from './checks/ast.js';
import type { CheckTranslation, CompareOp, Fact } from './checks/facts.js';
import { translateCheck } from './checks/translate-check.js';
import { decidableRegex } from './regex-subset.js';

/** Everything the constraints say about one column's values, merged. */
export interface ValueDomain {
  /** A finite set to pick from (IN lists, `= const`); already in the case a transform asks for. */
  values: Const[] | null;
  min: Const | null;
  minInclusive: boolean;
  max: Const | null;
  maxInclusive: boolean;
  notEqual: Const[];
  minLength: number | null;
  maxLength: number | null;
  /** A CHECK (or a NOT NULL domain) forbids NULL even though the column is nullable. */
  notNull: boolean;
  /** A CHECK forces NULL. */
  isNull: boolean;
  patterns: { pattern: string; caseInsensitive: boolean }[];
  /** The kind of JSON value a CHECK asks for: 'array', 'object', 'string', … */
  jsonType: string | null;
  /** The value is a whole `date_trunc` unit: 'month', 'day', 'hour', … */
  truncate: string | null;
  /** Where the domain came from, for `plan` (e.g. `check:IN`, `check:range`). */
  sources: string[];
}

/** `column op other` between two columns of the same row. */
export interface Relation {
  column: string;
  op: CompareOp;
  other: string;
  /** The CHECK it comes from, verified by PostgreSQL when construction cannot ensure it; null when only names imply it. */
  check: { name: string; expression: string } | null;
}

/** Columns of which exactly one (or at least one) must be set in each row. */
export interface NonNullGroup {
  columns: string[];
  exactly: boolean;
}

export interface TableConstraints {
  domains: Map<string, ValueDomain>;
  relations: Relation[];
  nonNullGroups: NonNullGroup[];
  /** CHECKs (table or domain) that the facts do not fully capture: Postgres verifies those rows. */
  unverified: { name: string; expression: string; column?: string }[];
  /**
   * CHECKs captured fully but for what only some generators ensure (a regex JavaScript decides,
   * see regex-subset.ts; a non-empty range), with what each column needs: kept from PostgreSQL's
   * confirmation where those columns' generators ensure it, else they join `unverified`
   * (generator-checks.ts).
   */
  generatorChecks: GeneratorCheckSpec[];
}

/** What a CHECK needs of a column's generator, beyond the domain's facts. */
export interface GeneratorNeed {
  column: string;
  /** pattern: its values pass the column's regex test; non-empty: its ranges hold a point. */
  kind: 'pattern' | 'non-empty';
}

export interface GeneratorCheckSpec {
  name: string;
  expression: string;
  column?: string;
  needs: GeneratorNeed[];
}

export function emptyDomain(): ValueDomain {
  return {
    values: null, min: null, minInclusive: true, max: null, maxInclusive: true, notEqual: [],
    minLength: null, maxLength: null, notNull: false, isNull: false, patterns: [], jsonType: null, truncate: null, sources: [],
  };
}

/** Translates a table's CHECKs and its columns' domain CHECKs into per-column domains. */
export function tableConstraints(table: Table, catalog: Catalog): TableConstraints {
  const domains = new Map<string, ValueDomain>();
  const relations: Relation[] = [];
  const nonNullGroups: NonNullGroup[] = [];
  const unverified: TableConstraints['unverified'] = [];
  const generatorChecks: GeneratorCheckSpec[] = [];
  const domainOf = (column: string) => {
    let d = domains.get(column);
    if (!d) domains.set(column, (d = emptyDomain()));
    return d;
  };
  const isArray = (column: string) => (table.columns.find((c) => c.name === column)?.type.arrayDims ?? 0) > 0;
  // a fact about a whole array value (`tags <> '{}'`) says nothing about its elements: PostgreSQL checks it
  const elementFacts = (facts: Fact[]) =>
    facts.filter((f) => !('column' in f) || f.kind === 'not-null' || f.kind === 'is-null' || !isArray(f.column));
  /** Applies the facts; false when some could not be (PostgreSQL then verifies the check). */
  const apply = (all: Fact[], check: { name: string; expression: string; column?: string }): boolean => {
    const facts = elementFacts(all);
    const whole = facts.length === all.length;
    // a domain's check keeps its column: it speaks of VALUE
    if (!whole) unverified.push(check.column ? { name: check.name, expression: check.expression, column: check.column } : { name: check.name, expression: check.expression });
    for (const f of facts) {
      if (f.kind === 'relation') relations.push({ column: f.column, op: f.op, other: f.other, check });
      else if (f.kind === 'non-null-count') nonNullGroups.push({ columns: f.columns, exactly: f.exactly });
      else if (f.kind === 'non-empty') domainOf(f.column).sources.push('check:non-empty');
      else if (f.kind === 'names-table') applyFact(domainOf(f.column), { kind: 'in', column: f.column, values: tableNames(catalog) });
      else applyFact(domainOf(f.column), f);
    }
    return whole;
  };
  /** After apply: who confirms the check, if its facts do not capture it by themselves. */
  const settle = (t: CheckTranslation, check: { name: string; expression: string; column?: string }) => {
    if (!needsVerification(t)) return;
    const regexes = t.facts.filter((f): f is Extract<Fact, { kind: 'regex' }> => f.kind === 'regex');
    if (t.complete && regexes.every((f) => decidableRegex(f.pattern, f.caseInsensitive) !== null)) {
      const needs = t.facts.flatMap((f): GeneratorNeed[] => (f.kind === 'regex' ? [{ column: f.column, kind: 'pattern' }] : f.kind === 'non-empty' ? [{ column: f.column, kind: 'non-empty' }] : []));
      generatorChecks.push({ ...check, needs });
    } else {
      unverified.push(check);
    }
  };

  // Each CHECK with an OR picks one branch on its own; two such picks can contradict each other
  // (one forces a column NULL, another forbids it). Those CHECKs are left to PostgreSQL instead.
  const translated = table.checks.map((check) => ({ check, t: translateCheck(check.expression) }));
  const contradictory = contradictions(translated.map((x) => x.t.facts));
  for (const { check, t } of translated) {
    const conflicting = t.facts.some((f) => (f.kind === 'is-null' || f.kind === 'not-null') && contradictory.has(f.column));
    if (conflicting) {
      unverified.push({ name: check.name, expression: check.expression });
      continue;
    }
    if (apply(t.facts, check)) settle(t, { name: check.name, expression: check.expression });
  }
  for (const column of table.columns) {
    for (const check of domainChecksOf(column, catalog)) {
      const t = translateCheck(check.expression, column.name);
      const perColumn = { name: check.name, expression: check.expression, column: column.name };
      if (apply(t.facts, perColumn)) settle(t, perColumn);
    }
    if (column.type.domainNotNull) domainOf(column.name).notNull = true;
  }
  return { domains, relations, nonNullGroups, unverified, generatorChecks };
}

/** Columns some facts force NULL and others force non-NULL. */
function contradictions(factLists: readonly Fact[][]): Set<string> {
  const isNull = new Set<string>();
  const notNull = new Set<string>();
  for (const facts of factLists) {
    for (const f of facts) {
      if (f.kind === 'is-null') isNull.add(f.column);
      if (f.kind === 'not-null') notNull.add(f.column);
    }
  }
  return new Set([...isNull].filter((c) => notNull.has(c)));
}

/** Whether the facts alone do not capture the check: incomplete, or needing what only some generators ensure. */
function needsVerification(t: CheckTranslation): boolean {
  return !t.complete || t.facts.some((f) => f.kind === 'regex' || f.kind === 'non-empty');
}

/** The CHECKs of a column's domain and of every domain it is built on. */
function domainChecksOf(column: Column, catalog: Catalog): { name: string; expression: string }[] {
  const checks: { name: string; expression: string }[] = [];
  let domain = catalog.domains.find((d) => `${d.schema}.${d.name}` === column.type.domain);
  for (let hops = 0; domain && hops < 16; hops++) {
    checks.push(...domain.checks);
    domain = domainNamed(domain.over, domain.schema, catalog);
  }
  return checks;
}

/**
 * The domain a type name printed by `format_type` denotes: `"Schema"."name"`, `schema.name`, or
 * a bare name (visible through search_path), looked up next to the referring domain first.
 */
function domainNamed(text: string, fromSchema: string, catalog: Catalog): DomainType | undefined {
  const parts = [...text.matchAll(/"((?:[^"]|"")*)"|([^."]+)/g)].map((m) => (m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]!));
  if (parts.length === 2) return catalog.domains.find((d) => d.schema === parts[0] && d.name === parts[1]);
  if (parts.length !== 1) return undefined;
  const candidates = catalog.domains.filter((d) => d.name === parts[0]);
  return candidates.find((d) => d.schema === fromSchema) ?? candidates.find((d) => d.schema === 'public') ?? candidates[0];
}

/** Names `to_regclass` resolves whatever the search_path: schema-qualified and quoted. */
function tableNames(catalog: Catalog): Const[] {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return catalog.tables.filter((t) => t.kind !== 'partition').map((t) => `${q(t.schema)}.${q(t.name)}`);
}

function applyFact(d: ValueDomain, f: Exclude<Fact, { kind: 'relation' | 'names-table' | 'non-null-count' | 'non-empty' }>): void {
  switch (f.kind) {
    case 'in': {
      const values: Const[] = f.values.filter((v) => v !== null).map((v) => (typeof v === 'string' && f.transform === 'upper' ? v.toUpperCase() : typeof v === 'string' && f.transform === 'lower' ? v.toLowerCase() : v));
      d.values = d.values ? d.values.filter((v) => values.includes(v)) : values;
      d.sources.push('check:IN');
      return;
    }
    case 'compare':
      applyCompare(d, f.op, f.value);
      return;
    case 'not-null':
      d.notNull = true;
      d.sources.push('check:NOT NULL');
      return;
    case 'is-null':
      d.isNull = true;
      d.sources.push('check:IS NULL');
      return;
    case 'bool':
      d.values = [f.value];
      d.sources.push('check:bool');
      return;
    case 'length':
      applyLength(d, f.op, f.value);
      return;
    case 'json-type':
      d.jsonType = f.type;
      d.sources.push('check:json-type');
      return;
    case 'truncated':
      d.truncate = f.unit;
      d.sources.push('check:date_trunc');
      return;
    case 'regex':
      d.patterns.push({ pattern: f.pattern, caseInsensitive: f.caseInsensitive });
      d.sources.push('check:regex');
      return;
  }
}

function applyCompare(d: ValueDomain, op: CompareOp, value: Const): void {
  if (value === null) return;
  d.sources.push(op === '=' ? 'check:=' : 'check:range');
  switch (op) {
    case '=':
      d.values = [value];
      return;
    case '<>':
      d.notEqual.push(value);
      return;
    case '>':
    case '>=': {
      // the tighter bound wins; at the same value, the exclusive one is tighter
      const c = d.min === null ? 1 : compareConst(value, d.min);
      if (c > 0 || (c === 0 && op === '>')) {
        d.min = value;
        d.minInclusive = op === '>=';
      }
      return;
    }
    case '<':
    case '<=': {
      const c = d.max === null ? -1 : compareConst(value, d.max);
      if (c < 0 || (c === 0 && op === '<')) {
        d.max = value;
        d.maxInclusive = op === '<=';
      }
      return;
    }
  }
}

function applyLength(d: ValueDomain, op: CompareOp, n: number): void {
  d.sources.push('check:length');
  const setMin = (v: number) => (d.minLength = Math.max(d.minLength ?? 0, v));
  const setMax = (v: number) => (d.maxLength = Math.min(d.maxLength ?? Number.MAX_SAFE_INTEGER, v));
  switch (op) {
    case '=': setMin(n); setMax(n); return;
    case '>': setMin(n + 1); return;
    case '>=': setMin(n); return;
    case '<': setMax(n - 1); return;
    case '<=': setMax(n); return;
    case '<>': return;
  }
}

/** Orders two constants of the same kind (numbers numerically, strings as text). */
export function compareConst(a: Const, b: Const): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}
