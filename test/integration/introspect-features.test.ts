import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog, Table } from '../../src/catalog.js';
import { introspect } from '../../src/introspect/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { fixtureSql } from '../helpers/fixtures.js';

describe('introspect: every catalog feature of the fixture schema', () => {
  let db: TestDatabase;
  let catalog: Catalog;
  const table = (name: string): Table => {
    const t = catalog.tables.find((x) => `${x.schema}.${x.name}` === name);
    if (!t) throw new Error(`no table ${name}`);
    return t;
  };
  const column = (tableName: string, name: string) => {
    const c = table(tableName).columns.find((x) => x.name === name);
    if (!c) throw new Error(`no column ${tableName}.${name}`);
    return c;
  };

  beforeAll(async () => {
    db = await createTestDatabase(fixtureSql('catalog-features'));
    catalog = await introspect(db.client);
  });
  afterAll(() => db?.drop());

  it('lists user schemas and tables of every kind, views and extension objects left out', () => {
    expect(catalog.schemas).toEqual(expect.arrayContaining(['billing', 'school', 'public']));
    expect(catalog.tables.map((t) => `${t.schema}.${t.name}`)).not.toContain('school.staff_names');
    expect(table('billing.invoices').kind).toBe('partitioned');
    expect(table('billing.invoices_2025').kind).toBe('partition');
    expect(table('school.schools').kind).toBe('table');
    expect(catalog.tables).toHaveLength(18);
    expect(table('school.subjects').uniques.map((u) => u.columns)).toEqual([['code']]);
  });

  it('resolves domains, enums, arrays and type modifiers', () => {
    expect(column('school.classes', 'capacity').type).toMatchObject({
      base: 'int4', domain: 'school.small_positive', arrayDims: 0,
    });
    expect(column('school.classes', 'tags').type).toMatchObject({
      base: 'varchar', length: 20, arrayDims: 1, domain: 'school.tag_list', category: 'string',
    });
    expect(column('school.classes', 'grid').type).toMatchObject({ base: 'int4', arrayDims: 2 });
    expect(column('school.classes', 'flags').type).toMatchObject({ base: 'bit', length: 8 });
    expect(column('school.classes', 'mask').type).toMatchObject({ base: 'varbit', length: 16 });
    expect(column('school.results', 'grades').type).toMatchObject({ enum: 'school.grade_letter', arrayDims: 1 });
    expect(column('school.results', 'score').type).toMatchObject({ base: 'numeric', precision: 5, scale: 2 });
    expect(column('school.staff', 'email').type).toMatchObject({ base: 'citext', domain: 'school.email', domainNotNull: true });
    expect(column('school.schools', 'code').type).toMatchObject({ base: 'bpchar', length: 6 });
    expect(column('school.terms', 'starts_on').type).toMatchObject({ base: 'timestamp', timePrecision: 3 });
    expect(column('school.terms', 'length').type).toMatchObject({ base: 'interval', timePrecision: 0 });
    expect(column('billing.receipts', 'at_time').type).toMatchObject({ base: 'timetz', timePrecision: 2 });
    expect(column('billing.invoices', 'amount').type).toMatchObject({ base: 'numeric', precision: 12, scale: 2 });
    expect(column('school.bookings', 'during').type).toMatchObject({ base: 'tstzrange', category: 'range', rangeSubtype: 'timestamptz' });
    expect(catalog.enums.find((e) => e.name === 'term_season')?.labels).toEqual(['autumn', 'spring', 'summer']);
  });

  it('lists user domains with their checks, but not an extension\'s', () => {
    expect(catalog.domains.map((d) => `${d.schema}.${d.name}`).sort()).toEqual([
      'billing.money_amount', 'school.email', 'school.positive_int', 'school.small_positive', 'school.tag_list',
    ]);
    const email = catalog.domains.find((d) => d.name === 'email');
    expect(email).toMatchObject({ notNull: true, over: 'citext' });
    expect(email?.checks[0]?.expression).toContain('VALUE ~');
    expect(catalog.domains.find((d) => d.name === 'small_positive')?.over).toBe('school.positive_int');
  });

  it('captures defaults, identity, generated columns, collations and sequences', () => {
    expect(column('school.schools', 'id').identity).toBe('always');
    expect(column('billing.invoices', 'id').identity).toBe('by-default');
    expect(column('billing.invoices', 'id').sequence).toBe('billing.invoices_id_seq');
    expect(column('school.staff', 'id').sequence).toBe('school.staff_id_seq');
    expect(column('billing.receipts', 'no').sequence).toBe('billing.receipt_no');
    expect(column('school.staff', 'full_name')).toMatchObject({ default: null, generated: expect.stringContaining('first_name') });
    expect(column('school.staff', 'hired_on').default).toBe('CURRENT_DATE');
    expect(column('school.staff', 'first_name').collation).toContain('"C"');
    expect(column('school.schools', 'code').comment).toBe('six-letter code');
    expect(table('school.schools').comment).toBe('one row per school');
    const receipt = catalog.sequences.find((s) => s.name === 'receipt_no');
    expect(receipt).toMatchObject({ start: '1000', increment: '10', ownedBy: null });
    expect(catalog.sequences.find((s) => s.name === 'staff_id_seq')?.ownedBy).toEqual({ table: 'school.staff', column: 'id' });
  });

  it('captures keys: primary, unique constraints, partial, expression and NULLS NOT DISTINCT indexes', () => {
    expect(table('school.terms').primaryKey?.columns).toEqual(['school_id', 'year', 'season']);
    const schoolUniques = table('school.schools').uniques;
    expect(schoolUniques.find((u) => u.name === 'schools_name_key')).toMatchObject({
      source: 'constraint', deferrable: true, initiallyDeferred: true, columns: ['name'],
    });
    const staff = table('school.staff').uniques;
    expect(staff.find((u) => u.name === 'staff_active_name_key')).toMatchObject({
      source: 'index', predicate: '(left_on IS NULL)', columns: ['school_id', 'last_name', 'first_name'],
    });
    expect(staff.find((u) => u.name === 'staff_email_lower_key')?.parts).toEqual([{ expression: 'lower(email::text)' }]);
    expect(table('school.results').uniques[0]).toMatchObject({ nullsNotDistinct: true, columns: ['class_id', 'grade'] });
  });

  it('captures foreign keys with order, match type, actions, deferrability and validity', () => {
    const classes = table('school.classes').foreignKeys;
    expect(classes.find((f) => f.columns.length === 3)).toMatchObject({
      references: { schema: 'school', table: 'terms', columns: ['school_id', 'year', 'season'] }, match: 'full',
    });
    expect(classes.find((f) => f.columns[0] === 'teacher_id')).toMatchObject({ deferrable: true, initiallyDeferred: false });
    expect(table('school.staff').foreignKeys.find((f) => f.columns[0] === 'school_id')?.onDelete).toBe('cascade');
    expect(table('school.staff').foreignKeys.find((f) => f.columns[0] === 'manager_id')?.references.table).toBe('staff');
    expect(table('school.results').foreignKeys[0]).toMatchObject({ name: 'results_class_fk', valid: false });
    expect(table('billing.payments').foreignKeys[0]?.references).toEqual({
      schema: 'billing', table: 'invoices', columns: ['id', 'issued_on'],
    });
  });

  it('captures checks, NOT VALID, inherited and exclusion constraints', () => {
    expect(table('school.results').checks[0]).toMatchObject({ name: 'results_score_check', valid: false, columns: ['score'] });
    expect([...(table('school.staff').checks[0]?.columns ?? [])].sort()).toEqual(['hired_on', 'left_on']);
    expect(table('school.staff_notes').checks[0]).toMatchObject({ name: 'notes_body_check', inherited: true });
    expect(table('school.bookings').exclusions[0]).toMatchObject({
      method: 'gist', elements: [{ column: 'during', operator: '&&' }], predicate: '(room_id IS NOT NULL)',
    });
  });

  it('keeps a partition to its own constraints and records bounds, keys and parents', () => {
    const invoices = table('billing.invoices');
    expect(invoices.partitionKey).toEqual({ strategy: 'range', definition: 'RANGE (issued_on)', columns: ['issued_on'] });
    expect(invoices.partitions).toEqual(['billing.invoices_2025', 'billing.invoices_2026', 'billing.invoices_other']);
    expect(invoices.checks.map((c) => c.name)).toEqual(['invoices_issued_on_check']);
    const p2026 = table('billing.invoices_2026');
    expect(p2026.partitionOf).toEqual({ parent: 'billing.invoices', bound: "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')" });
    expect(p2026.foreignKeys).toEqual([]);
    expect(p2026.checks.map((c) => c.name)).toEqual(['invoices_2026_own_check']);
    expect(p2026.triggers).toEqual([]);
    expect(table('billing.invoices_other').partitionOf?.bound).toBe('DEFAULT');
    expect(table('billing.events')).toMatchObject({ partitions: [], partitionKey: { strategy: 'list' } });
    expect(table('school.staff_notes').inheritsFrom).toEqual(['school.notes']);
  });

  it('captures triggers, rules, unlogged tables and row security', () => {
    const staff = table('school.staff').triggers;
    expect(staff.find((t) => t.name === 'staff_touch')).toMatchObject({
      timing: 'before', level: 'row', events: ['insert', 'update'], function: 'school.touch',
    });
    expect(staff.find((t) => t.name === 'staff_audit')).toMatchObject({ timing: 'after', level: 'statement', events: ['delete'] });
    expect(table('school.results').triggers[0]).toMatchObject({ constraint: true, deferrable: true, initiallyDeferred: true });
    expect(table('school.rooms').triggers[0]?.enabled).toBe('disabled');
    expect(table('school.notes').rules[0]).toMatchObject({ name: 'notes_no_delete', event: 'delete', instead: true });
    expect(table('school.scratch')).toMatchObject({ unlogged: true, rowSecurity: true, primaryKey: null });
  });
});
