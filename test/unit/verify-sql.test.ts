import { describe, expect, it } from 'vitest';
import type { Catalog, Column, ColumnType, ForeignKey, Table } from '../../src/catalog.js';
import { exclusionQuery } from '../../src/verify/exclusions.js';
import { foreignKeyQuery } from '../../src/verify/foreign-keys.js';
import { planVerification } from '../../src/verify/plan.js';
import { rowConditions } from '../../src/verify/row-conditions.js';
import { conditionQuery, tableScan } from '../../src/verify/row-scan.js';
import { sequenceChecks } from '../../src/verify/sequences.js';
import { jsonSample, quoteIdent, quoteLiteral, scanTarget } from '../../src/verify/sql-text.js';
import { uniqueQuery, uniqueSpecs } from '../../src/verify/uniques.js';
import { substituteValue } from '../../src/verify/value-substitution.js';

const INT: ColumnType = {
  sql: 'integer', base: 'int4', baseSchema: 'pg_catalog', category: 'numeric', arrayDims: 0, domain: null,
  domainNotNull: false, enum: null, rangeSubtype: null, length: null, precision: null, scale: null, timePrecision: null,
};

function column(name: string, extra: Partial<Column> = {}): Column {
  return { name, position: 1, type: INT, notNull: false, default: null, identity: null, generated: null, collation: null, sequence: null, comment: null, ...extra };
}

function table(name: string, extra: Partial<Table> = {}): Table {
  return {
    schema: 'public', name, kind: 'table', columns: [], primaryKey: null, uniques: [], foreignKeys: [], checks: [],
    exclusions: [], triggers: [], rules: [], partitionKey: null, partitionOf: null, partitions: [], inheritsFrom: [],
    estimatedRows: -1, unlogged: false, rowSecurity: false, comment: null, ...extra,
  };
}

function fk(extra: Partial<ForeignKey>): ForeignKey {
  return {
    name: 'fk', columns: ['a', 'b'], references: { schema: 'public', table: 'parent', columns: ['x', 'y'] }, match: 'simple',
    onDelete: 'no action', onUpdate: 'no action', deferrable: false, initiallyDeferred: false, valid: true, definition: '', ...extra,
  };
}

function catalog(tables: Table[], extra: Partial<Catalog> = {}): Catalog {
  return { serverVersion: '17', serverVersionNum: 170000, database: 'db', schemas: ['public'], tables, enums: [], domains: [], sequences: [], ...extra };
}

describe('quoting', () => {
  it('always quotes identifiers and doubles embedded quotes', () => {
    expect(quoteIdent('bıgınt')).toBe('"bıgınt"');
    expect(quoteIdent('My "odd".name')).toBe('"My ""odd"".name"');
  });
  it('writes literals that survive either standard_conforming_strings setting', () => {
    expect(quoteLiteral("it's")).toBe("'it''s'");
    expect(quoteLiteral('a\\b')).toBe("E'a\\\\b'");
  });
  it('builds text-valued JSON samples', () => {
    expect(jsonSample([['Code', 'c."Code"']])).toBe(`json_build_object('Code', (c."Code")::text)`);
  });
});

describe('scan targets', () => {
  it('reads ordinary tables ONLY, so an INHERITS parent does not judge its children\'s rows', () => {
    expect(scanTarget(table('notes'))).toBe('ONLY "public"."notes"');
  });
  it('reads a partitioned table whole, since its partitions hold its rows', () => {
    expect(scanTarget(table('events', { kind: 'partitioned' }))).toBe('"public"."events"');
  });
});

describe('substituteValue', () => {
  it('replaces VALUE tokens only', () => {
    expect(substituteValue("(VALUE > 0 AND VALUE <> 'VALUE')", 'c')).toBe("((c) > 0 AND (c) <> 'VALUE')");
    expect(substituteValue('("VALUE" = VALUES_X)', 'c')).toBe('("VALUE" = VALUES_X)');
    expect(substituteValue("(VALUE ~ E'it\\'s VALUE')", 'c')).toBe("((c) ~ E'it\\'s VALUE')");
    expect(substituteValue('(length((VALUE)::text) < 5)', 'x')).toBe('(length(((x))::text) < 5)');
  });
});

describe('foreign key queries', () => {
  const child = table('child');
  it('exempts a key with any NULL under MATCH SIMPLE and anti-joins the rest', () => {
    const sql = foreignKeyQuery(child, fk({}), undefined).sql;
    expect(sql).toContain('FROM ONLY "public"."child" c');
    expect(sql).toContain('NOT (c."a" IS NULL OR c."b" IS NULL) AND NOT EXISTS (SELECT 1 FROM ONLY "public"."parent" p WHERE p."x" = c."a" AND p."y" = c."b")');
  });
  it('exempts only an all-NULL key under MATCH FULL; a partly NULL key is a violation', () => {
    const sql = foreignKeyQuery(child, fk({ match: 'full' }), undefined).sql;
    expect(sql).toContain('NOT (c."a" IS NULL AND c."b" IS NULL) AND (c."a" IS NULL OR c."b" IS NULL OR NOT EXISTS');
  });
  it('looks up a partitioned referenced table whole', () => {
    const sql = foreignKeyQuery(child, fk({}), table('parent', { kind: 'partitioned' })).sql;
    expect(sql).toContain('FROM "public"."parent" p');
  });
  it('returns samples and the full count in one query', () => {
    const q = foreignKeyQuery(child, fk({ name: 'child_fk' }), undefined);
    expect(q).toMatchObject({ kind: 'foreign-key', constraint: 'child_fk', table: 'public.child' });
    expect(q.sql).toMatch(/count\(\*\) OVER \(\) AS total[\s\S]*LIMIT 5$/);
  });
});

describe('unique queries', () => {
  const t = table('staff', { primaryKey: { name: 'staff_pkey', columns: ['id'] } });
  it('groups by columns and expressions under the predicate, NULL keys exempt, from the heap', () => {
    const sql = uniqueQuery(t, { name: 'u', parts: [{ column: 'School' }, { expression: 'lower(email)' }], predicate: '(left_on IS NULL)', nullsNotDistinct: false }).sql;
    expect(sql).toContain('SELECT "School" AS k0, (lower(email)) AS k1');
    expect(sql).toContain('FROM ONLY "public"."staff" t TABLESAMPLE SYSTEM (100)');
    expect(sql).toContain('WHERE ((left_on IS NULL)) AND "School" IS NOT NULL AND (lower(email)) IS NOT NULL');
    expect(sql).toContain('GROUP BY k0, k1\nHAVING count(*) > 1');
    expect(sql).toContain(`json_build_object('School', (k.k0)::text, 'lower(email)', (k.k1)::text)`);
  });
  it('keeps NULL keys under NULLS NOT DISTINCT', () => {
    const sql = uniqueQuery(t, { name: 'u', parts: [{ column: 'a' }], predicate: null, nullsNotDistinct: true }).sql;
    expect(sql).not.toContain('IS NOT NULL');
  });
  it('leaves a partition\'s cloned primary key to its checked parent', () => {
    const parent = table('p', { kind: 'partitioned', primaryKey: { name: 'p_pkey', columns: ['id'] } });
    const part = table('p1', { kind: 'partition', primaryKey: { name: 'p1_pkey', columns: ['id'] }, partitionOf: { parent: 'public.p', bound: '' } });
    expect(uniqueSpecs(part, parent)).toEqual([]);
    expect(uniqueSpecs(part, undefined).map((u) => u.name)).toEqual(['p1_pkey']);
  });
});

describe('exclusion queries', () => {
  it('self-joins with each element\'s operator under the predicate, each pair once', () => {
    const t = table('bookings', { primaryKey: { name: 'pk', columns: ['id'] } });
    const sql = exclusionQuery(t, {
      name: 'no_overlap', method: 'gist', predicate: '(NOT cancelled)', deferrable: false, initiallyDeferred: false, definition: '',
      elements: [{ column: 'room', operator: '=' }, { column: 'during', operator: '&&' }],
    }).sql;
    expect(sql).toContain('a.x0 = b.x0 AND a.x1 && b.x1');
    expect(sql).toContain('WHERE ((NOT cancelled))');
    expect(sql).toContain('DISTINCT ON (lo_rel, lo_row, hi_rel, hi_row)');
  });
});

describe('row conditions', () => {
  it('counts NOT NULL columns and CHECKs (own and partitioned ancestors\') in one scan', () => {
    const parent = table('ev', { kind: 'partitioned', checks: [{ name: 'ev_kind', expression: "(kind <> '')", columns: ['kind'], valid: false, noInherit: false, inherited: false }] });
    const part = table('ev_1', { kind: 'partition', columns: [column('id', { notNull: true }), column('kind')] });
    const conditions = rowConditions(part, [parent], []);
    expect(conditions.map((c) => c.constraint)).toEqual(['id NOT NULL', 'ev_kind']);
    const scan = tableScan(part, conditions);
    expect(scan.sql).toContain(`count(*) FILTER (WHERE NOT ((kind <> ''))) AS v1`);
    expect(scan.sql).toContain('FROM ONLY "public"."ev_1"');
    expect(conditionQuery(part, conditions[1]!).sql).toContain(`json_build_object('ctid', (ctid)::text, 'kind', ("kind")::text)`);
  });
});

describe('sequence checks', () => {
  it('compares the next value with the max of every column the sequence feeds', () => {
    const t = table('t', { columns: [column('id', { sequence: 'public.t_id_seq' })] });
    const seq = { schema: 'public', name: 't_id_seq', dataType: 'integer', start: '1', increment: '1', min: '1', max: '2147483647', cycle: false, ownedBy: null };
    const [check] = sequenceChecks(catalog([t], { sequences: [seq] }), [t]);
    expect(check?.sql).toContain('CASE WHEN is_called THEN last_value::numeric + 1 ELSE last_value::numeric END');
    expect(check?.sql).toContain('(SELECT max("id") FROM ONLY "public"."t")::numeric AS m0');
    expect(check?.sql).toContain('m.m0 >= q.next_value AS b0');
  });
});

describe('planVerification', () => {
  it('scans stored tables only and checks a partitioned parent\'s FK once, on the parent', () => {
    const parent = table('ev', { kind: 'partitioned', partitions: ['public.ev_1'], foreignKeys: [fk({ name: 'ev_fk' })] });
    const part = table('ev_1', { kind: 'partition', partitionOf: { parent: 'public.ev', bound: '' } });
    const plan = planVerification(catalog([parent, part]));
    expect(plan.scans.map((s) => s.table.name)).toEqual(['ev_1']);
    expect(plan.queries.map((q) => `${q.constraint}@${q.table}`)).toEqual(['ev_fk@public.ev']);
    expect(plan.partitioned).toEqual([{ table: parent, leaves: [part] }]);
  });
  it('applies the parent\'s FK to a partition checked without its parent', () => {
    const parent = table('ev', { kind: 'partitioned', partitions: ['public.ev_1'], foreignKeys: [fk({ name: 'ev_fk' })] });
    const part = table('ev_1', { kind: 'partition', partitionOf: { parent: 'public.ev', bound: '' } });
    const plan = planVerification(catalog([parent, part]), [part]);
    expect(plan.queries.map((q) => `${q.constraint}@${q.table}`)).toEqual(['ev_fk@public.ev_1']);
  });
});
