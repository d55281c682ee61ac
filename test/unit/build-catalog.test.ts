import { describe, expect, it } from 'vitest';
import { buildCatalog, type RawCatalogRows } from '../../src/introspect/index.js';
import type { RawColumnRow } from '../../src/introspect/queries/columns.js';
import type { RawConstraintRow } from '../../src/introspect/queries/constraints.js';
import type { RawIndexRow } from '../../src/introspect/queries/indexes.js';
import type { RawTableRow } from '../../src/introspect/queries/tables.js';
import type { RawTypeRow } from '../../src/introspect/queries/types.js';
import { decodeTypmod } from '../../src/introspect/resolve-type.js';

// pg_type rows, as the types query returns them (oids as in a real catalog where they are fixed)
const type = (oid: number, name: string, extra: Partial<RawTypeRow> = {}): RawTypeRow => ({
  oid, schema: 'pg_catalog', name, typtype: 'b', category: 'U', elem: 0, base_type: 0, base_typmod: -1,
  not_null: false, ndims: 0, default_expr: null, sql: name, over_sql: null, range_subtype: null,
  extension_member: false, ...extra,
});
const TYPES: RawTypeRow[] = [
  type(23, 'int4', { category: 'N' }),
  type(1007, '_int4', { category: 'A', elem: 23 }),
  type(1043, 'varchar', { category: 'S' }),
  type(1015, '_varchar', { category: 'A', elem: 1043 }),
  type(1700, 'numeric', { category: 'N' }),
  type(3910, 'tstzrange', { typtype: 'r', category: 'R', range_subtype: 1184 }),
  type(1184, 'timestamptz', { category: 'D' }),
  type(9001, 'positive', { schema: 'app', typtype: 'd', category: 'N', base_type: 23, sql: 'app.positive', over_sql: 'integer' }),
  type(9002, 'small', { schema: 'app', typtype: 'd', category: 'N', base_type: 9001, not_null: true, sql: 'app.small', over_sql: 'app.positive' }),
  type(9003, 'price', { schema: 'app', typtype: 'd', category: 'N', base_type: 1700, base_typmod: (10 << 16) + 2 + 4, sql: 'app.price', over_sql: 'numeric(10,2)' }),
  type(9004, 'mood', { schema: 'app', typtype: 'e', category: 'E', sql: 'app.mood' }),
  type(9005, '_mood', { schema: 'app', category: 'A', elem: 9004 }),
  type(9006, 'tags', { schema: 'app', typtype: 'd', category: 'A', base_type: 1015, base_typmod: 24, sql: 'app.tags', over_sql: 'character varying(20)[]' }),
  type(9007, 'earth', { schema: 'public', typtype: 'd', category: 'U', base_type: 1700, extension_member: true }),
];

const table = (oid: number, name: string, extra: Partial<RawTableRow> = {}): RawTableRow => ({
  oid, schema: 'app', name, relkind: 'r', is_partition: false, partition_bound: null, partition_key: null,
  partition_key_columns: null, parents: [], reltuples: -1, unlogged: false, row_security: false, comment: null, ...extra,
});
const column = (table_oid: number, attnum: number, name: string, type_oid: number, extra: Partial<RawColumnRow> = {}): RawColumnRow => ({
  table_oid, attnum, name, type_oid, typmod: -1, ndims: 0, not_null: false, default_expr: null, identity: '',
  generated: '', collation: null, type_sql: 'x', default_sequence: null, comment: null, ...extra,
});
const constraint = (table_oid: number, name: string, contype: RawConstraintRow['contype'], extra: Partial<RawConstraintRow> = {}): RawConstraintRow => ({
  table_oid, name, contype, deferrable: false, deferred: false, valid: true, is_local: true, no_inherit: false,
  from_parent: false, index_oid: 0, columns: [], ref_schema: null, ref_table: null, ref_columns: null,
  match_type: 's', on_delete: 'a', on_update: 'a', check_expr: null, exclusion_operators: null, definition: '', ...extra,
});
const index = (index_oid: number, table_oid: number, name: string, parts: RawIndexRow['parts'], extra: Partial<RawIndexRow> = {}): RawIndexRow => ({
  index_oid, table_oid, name, is_unique: true, method: 'btree', parts, predicate: null, nulls_not_distinct: false,
  from_parent: false, immediate: true, definition: `CREATE UNIQUE INDEX ${name}`, ...extra,
});
const col = (name: string) => ({ column: name, expression: null });

function rows(overrides: Partial<RawCatalogRows>): RawCatalogRows {
  return {
    server: { server_version: '17.4', server_version_num: 170004, database: 'db', schemas: ['app'] },
    tables: [], columns: [], types: TYPES, enumLabels: [], domainChecks: [], constraints: [], indexes: [],
    triggers: [], rules: [], sequences: [], ...overrides,
  };
}

describe('buildCatalog: column types', () => {
  const catalog = buildCatalog(rows({
    tables: [table(1, 'items')],
    columns: [
      column(1, 1, 'qty', 9002),
      column(1, 2, 'price', 9003),
      column(1, 3, 'moods', 9005),
      column(1, 4, 'tags', 9006),
      column(1, 5, 'grid', 1007, { ndims: 2 }),
      column(1, 6, 'name', 1043, { typmod: 44 }),
      column(1, 7, 'during', 3910),
      column(1, 8, 'spot', 9007),
    ],
    enumLabels: [{ type_oid: 9004, labels: ['sad', 'ok', 'happy'] }],
    domainChecks: [{ type_oid: 9001, name: 'positive_check', expression: '(VALUE > 0)', valid: true }],
  }));
  const types = Object.fromEntries(catalog.tables[0]!.columns.map((c) => [c.name, c.type]));

  it('follows a domain over a domain to the base type, collecting NOT NULL', () => {
    expect(types.qty).toMatchObject({ base: 'int4', domain: 'app.small', domainNotNull: true, category: 'numeric' });
  });
  it("takes a domain's type modifier when the column has none", () => {
    expect(types.price).toMatchObject({ base: 'numeric', precision: 10, scale: 2 });
  });
  it('resolves arrays of enums, domains over arrays and multi-dimensional arrays', () => {
    expect(types.moods).toMatchObject({ base: 'mood', enum: 'app.mood', arrayDims: 1 });
    expect(types.tags).toMatchObject({ base: 'varchar', length: 20, arrayDims: 1, domain: 'app.tags' });
    expect(types.grid).toMatchObject({ base: 'int4', arrayDims: 2 });
  });
  it('decodes varchar length and range subtypes', () => {
    expect(types.name).toMatchObject({ length: 40 });
    expect(types.during).toMatchObject({ category: 'range', rangeSubtype: 'timestamptz' });
  });
  it('lists user enums and domains but not extension-owned ones', () => {
    expect(catalog.enums).toEqual([{ schema: 'app', name: 'mood', labels: ['sad', 'ok', 'happy'] }]);
    expect(catalog.domains.map((d) => d.name)).toEqual(['positive', 'price', 'small', 'tags']);
    expect(catalog.domains[0]?.checks).toEqual([{ name: 'positive_check', expression: '(VALUE > 0)', valid: true }]);
    expect(types.spot).toMatchObject({ domain: 'public.earth', base: 'numeric' });
  });
});

describe('buildCatalog: keys and constraints', () => {
  const catalog = buildCatalog(rows({
    tables: [
      table(1, 'nodes'),
      table(2, 'events', { relkind: 'p', partition_key: 'RANGE (at)', partition_key_columns: ['at'] }),
      table(3, 'events_2025', { is_partition: true, partition_bound: "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')", parents: [{ schema: 'app', name: 'events' }] }),
      table(4, 'child', { parents: [{ schema: 'app', name: 'nodes' }] }),
    ],
    columns: [column(1, 1, 'id', 23, { identity: 'a' }), column(1, 2, 'code', 1043), column(1, 3, 'parent_code', 1043)],
    constraints: [
      constraint(1, 'nodes_pkey', 'p', { index_oid: 100, columns: ['id'] }),
      constraint(1, 'nodes_code_key', 'u', { index_oid: 101, columns: ['code'], deferrable: true }),
      // a self-referencing FK records the referenced key's index (this table's own) in conindid
      constraint(1, 'nodes_parent_fkey', 'f', { index_oid: 101, columns: ['parent_code'], ref_schema: 'app', ref_table: 'nodes', ref_columns: ['code'], on_delete: 'c', match_type: 'f' }),
      constraint(2, 'events_at_check', 'c', { check_expr: '(at > now())', columns: ['at'] }),
      constraint(3, 'events_at_check', 'c', { check_expr: '(at > now())', columns: ['at'], is_local: false }),
      constraint(3, 'events_own_check', 'c', { check_expr: '(x > 0)', columns: ['x'] }),
      constraint(2, 'events_node_fkey', 'f', { columns: ['node_id'], ref_schema: 'app', ref_table: 'nodes', ref_columns: ['id'] }),
      constraint(3, 'events_node_fkey', 'f', { columns: ['node_id'], ref_schema: 'app', ref_table: 'nodes', ref_columns: ['id'], from_parent: true }),
      constraint(4, 'nodes_code_check', 'c', { check_expr: '(code <> \'\')', columns: ['code'], is_local: false }),
      constraint(2, 'events_no_overlap', 'x', { index_oid: 200, exclusion_operators: ['=', '&&'] }),
    ],
    indexes: [
      index(100, 1, 'nodes_pkey', [col('id')]),
      index(101, 1, 'nodes_code_key', [col('code')]),
      index(102, 1, 'nodes_lower_code', [{ column: null, expression: 'lower(code)' }], { predicate: '(id > 0)', nulls_not_distinct: true }),
      index(200, 2, 'events_no_overlap', [col('room'), col('during')], { is_unique: false, method: 'gist' }),
      index(300, 3, 'events_2025_key', [col('id')], { from_parent: true }),
    ],
    triggers: [{ table_oid: 1, name: 'touch', tgtype: 1 | 2 | 4 | 16, enabled: 'D', is_constraint: false, deferrable: false, deferred: false, function_schema: 'app', function_name: 'touch', function_source: 'BEGIN NEW.at := now(); RETURN NEW; END' }],
    rules: [{ table_oid: 1, name: 'no_delete', event: '4', instead: true, definition: 'CREATE RULE …' }],
    sequences: [{ schema: 'app', name: 'nodes_id_seq', data_type: 'integer', start: '1', increment: '1', min: '1', max: '2147483647', cycle: false, owned_by: { schema: 'app', table: 'nodes', column: 'id' } }],
  }));
  const t = (name: string) => catalog.tables.find((x) => x.name === name)!;

  it('separates the primary key, unique constraints and standalone unique indexes', () => {
    expect(t('nodes').primaryKey).toEqual({ name: 'nodes_pkey', columns: ['id'] });
    expect(t('nodes').uniques).toEqual([
      expect.objectContaining({ name: 'nodes_code_key', source: 'constraint', deferrable: true, columns: ['code'] }),
      expect.objectContaining({ name: 'nodes_lower_code', source: 'index', parts: [{ expression: 'lower(code)' }], columns: [], predicate: '(id > 0)', nullsNotDistinct: true }),
    ]);
  });
  it('decodes foreign keys', () => {
    expect(t('nodes').foreignKeys[0]).toMatchObject({ match: 'full', onDelete: 'cascade', onUpdate: 'no action', references: { table: 'nodes', columns: ['code'] } });
  });
  it('keeps a partition to its own constraints; an INHERITS child keeps inherited checks, marked', () => {
    expect(t('events_2025').checks.map((c) => c.name)).toEqual(['events_own_check']);
    expect(t('events_2025').foreignKeys).toEqual([]);
    expect(t('events_2025').uniques).toEqual([]);
    expect(t('child').checks[0]).toMatchObject({ name: 'nodes_code_check', inherited: true });
    expect(t('child').inheritsFrom).toEqual(['app.nodes']);
  });
  it('records partition structure both ways', () => {
    expect(t('events')).toMatchObject({ kind: 'partitioned', partitions: ['app.events_2025'], partitionKey: { strategy: 'range', columns: ['at'] } });
    expect(t('events_2025')).toMatchObject({ kind: 'partition', partitionOf: { parent: 'app.events', bound: expect.stringContaining('2025') }, inheritsFrom: [] });
  });
  it('builds exclusion elements from the index parts and operators', () => {
    expect(t('events').exclusions[0]).toMatchObject({ method: 'gist', elements: [{ column: 'room', operator: '=' }, { column: 'during', operator: '&&' }] });
  });
  it('decodes trigger bits and rule events', () => {
    expect(t('nodes').triggers[0]).toEqual({
      name: 'touch', timing: 'before', events: ['insert', 'update'], level: 'row', constraint: false,
      deferrable: false, initiallyDeferred: false, enabled: 'disabled', function: 'app.touch',
      functionSource: 'BEGIN NEW.at := now(); RETURN NEW; END',
    });
    expect(t('nodes').rules[0]).toMatchObject({ event: 'delete', instead: true });
  });
  it("finds an identity column's sequence through its owner", () => {
    expect(t('nodes').columns[0]).toMatchObject({ identity: 'always', sequence: 'app.nodes_id_seq' });
  });
});

describe('decodeTypmod', () => {
  it('decodes numeric precision and scale, including negative scales', () => {
    expect(decodeTypmod('pg_catalog', 'numeric', ((12 << 16) | 2) + 4)).toMatchObject({ precision: 12, scale: 2 });
    expect(decodeTypmod('pg_catalog', 'numeric', ((5 << 16) | (0x7ff & -3)) + 4)).toMatchObject({ precision: 5, scale: -3 });
  });
  it('decodes lengths and time precisions; -1 means none', () => {
    expect(decodeTypmod('pg_catalog', 'bpchar', 10).length).toBe(6);
    expect(decodeTypmod('pg_catalog', 'varbit', 16).length).toBe(16);
    expect(decodeTypmod('pg_catalog', 'timestamptz', 3).timePrecision).toBe(3);
    expect(decodeTypmod('pg_catalog', 'interval', 0x7fff0000 | 0xffff).timePrecision).toBeNull();
    expect(decodeTypmod('pg_catalog', 'varchar', -1).length).toBeNull();
    expect(decodeTypmod('public', 'varchar', 44).length).toBeNull();
  });
});
