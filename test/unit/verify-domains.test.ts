import { describe, expect, it } from 'vitest';
import type { Column, ColumnType, DomainType } from '../../src/catalog.js';
import { domainChain, parseTypeName } from '../../src/verify/domains.js';
import { rowConditions } from '../../src/verify/row-conditions.js';

function domain(schema: string, name: string, over: string, extra: Partial<DomainType> = {}): DomainType {
  return { schema, name, over, notNull: false, default: null, checks: [], ...extra };
}

const TYPE: ColumnType = {
  sql: 'x', base: 'int8', baseSchema: 'pg_catalog', category: 'numeric', arrayDims: 0, domain: null,
  domainNotNull: false, enum: null, rangeSubtype: null, length: null, precision: null, scale: null, timePrecision: null,
};

function column(name: string, type: Partial<ColumnType>, notNull = false): Column {
  return { name, position: 1, type: { ...TYPE, ...type }, notNull, default: null, identity: null, generated: null, collation: null, sequence: null, comment: null };
}

const DOMAINS = [
  domain('My.Schema', 'bıgınt', 'bigint', { checks: [{ name: 'big_check', expression: '(VALUE > 0)', valid: true }] }),
  domain('public', 'qty', '"My.Schema"."bıgınt"', { notNull: true, checks: [{ name: 'qty_check', expression: '(VALUE < 1000)', valid: false }] }),
  domain('public', 'qtys', 'qty[]'),
];

describe('parseTypeName', () => {
  it('splits quoted, qualified and array type names', () => {
    expect(parseTypeName('"My.Schema"."bıgınt"')).toEqual({ schema: 'My.Schema', name: 'bıgınt', array: false });
    expect(parseTypeName('d2[]')).toEqual({ schema: null, name: 'd2', array: true });
    expect(parseTypeName('"a""b"')).toEqual({ schema: null, name: 'a"b', array: false });
  });
  it('refuses built-in types written with spaces or modifiers', () => {
    expect(parseTypeName('character varying(50)')).toBeNull();
    expect(parseTypeName('timestamp(2) with time zone')).toBeNull();
  });
});

describe('domainChain', () => {
  it('follows a domain over a domain with a quoted non-ASCII name', () => {
    const chain = domainChain(column('q', { sql: 'qty', domain: 'public.qty' }), DOMAINS);
    expect(chain.levels.map((l) => [l.domain.name, l.elements])).toEqual([['qty', false], ['bıgınt', false]]);
    expect(chain.complete).toBe(true);
  });
  it('moves to element level through an array of domains', () => {
    const chain = domainChain(column('q', { sql: 'qtys', domain: 'public.qtys', arrayDims: 1 }), DOMAINS);
    expect(chain.levels.map((l) => [l.domain.name, l.elements])).toEqual([['qtys', false], ['qty', true], ['bıgınt', true]]);
    expect(domainChain(column('q', { sql: 'qty[]', domain: 'public.qty', arrayDims: 1 }), DOMAINS).levels[0]?.elements).toBe(true);
  });
});

describe('domain row conditions', () => {
  it('substitutes the column, cast to its base type, for VALUE, at every level of the chain', () => {
    const conditions = rowConditions(tableOf([column('Qty', { sql: 'qty', domain: 'public.qty', domainNotNull: true })]), [], DOMAINS);
    expect(conditions.map((c) => [c.kind, c.constraint, c.domain, c.violated])).toEqual([
      ['not-null', 'public.qty NOT NULL', 'public.qty', 'num_nulls("Qty") > 0'],
      ['check', 'qty_check', 'public.qty', 'NOT ((("Qty"::"pg_catalog"."int8") < 1000))'],
      ['check', 'big_check', 'My.Schema.bıgınt', 'NOT ((("Qty"::"pg_catalog"."int8") > 0))'],
    ]);
  });
  it('checks every element of an array of domains', () => {
    const [notNull, check] = rowConditions(tableOf([column('q', { sql: 'qty[]', domain: 'public.qty', domainNotNull: true, arrayDims: 1 })]), [], DOMAINS);
    expect(notNull?.violated).toBe('EXISTS (SELECT 1 FROM unnest("q"::"pg_catalog"."int8"[]) AS v(value) WHERE v.value IS NULL)');
    expect(check?.violated).toContain('WHERE NOT (((v.value) < 1000))');
  });
  it('reports a NULL once when the column itself is NOT NULL', () => {
    const conditions = rowConditions(tableOf([column('q', { sql: 'qty', domain: 'public.qty', domainNotNull: true }, true)]), [], DOMAINS);
    expect(conditions.filter((c) => c.kind === 'not-null').map((c) => c.constraint)).toEqual(['q NOT NULL']);
  });
  it('still checks NOT NULL of a domain it cannot follow', () => {
    const conditions = rowConditions(tableOf([column('c', { sql: 'information_schema.yes_or_no', domain: 'information_schema.yes_or_no', domainNotNull: true })]), [], DOMAINS);
    expect(conditions.map((c) => c.constraint)).toEqual(['information_schema.yes_or_no NOT NULL']);
  });
});

function tableOf(columns: Column[]) {
  return {
    schema: 'public', name: 't', kind: 'table' as const, columns, primaryKey: null, uniques: [], foreignKeys: [], checks: [],
    exclusions: [], triggers: [], rules: [], partitionKey: null, partitionOf: null, partitions: [], inheritsFrom: [],
    estimatedRows: -1, unlogged: false, rowSecurity: false, comment: null,
  };
}
