import { describe, expect, it } from 'vitest';
import type { Catalog, Table } from '../../src/catalog.js';
import { coverage } from '../../src/verify/coverage.js';
import { formatReport } from '../../src/verify/format-report.js';
import { planVerification } from '../../src/verify/plan.js';
import { selectTables, splitNames } from '../../src/verify/select-tables.js';
import type { VerifyReport } from '../../src/verify/types.js';

function table(schema: string, name: string, extra: Partial<Table> = {}): Table {
  return {
    schema, name, kind: 'table', columns: [], primaryKey: null, uniques: [], foreignKeys: [], checks: [],
    exclusions: [], triggers: [], rules: [], partitionKey: null, partitionOf: null, partitions: [], inheritsFrom: [],
    estimatedRows: -1, unlogged: false, rowSecurity: false, comment: null, ...extra,
  };
}

const TABLES = [
  table('app', 'users'),
  table('audit', 'users'),
  table('app', 'events', { kind: 'partitioned', partitions: ['app.events_1', 'app.events_2'] }),
  table('app', 'events_1', { kind: 'partition', partitionOf: { parent: 'app.events', bound: '' } }),
  table('app', 'events_2', { kind: 'partition', partitionOf: { parent: 'app.events', bound: '' } }),
  table('app', 'archive', { kind: 'partitioned' }),
  table('odd.schema', 'a.b'),
];
const CATALOG: Catalog = { serverVersion: '17', serverVersionNum: 170000, database: 'db', schemas: [], tables: TABLES, enums: [], domains: [], sequences: [] };

describe('selectTables', () => {
  const names = (s: ReturnType<typeof selectTables>) => s.tables.map((t) => `${t.schema}.${t.name}`);
  it('takes qualified or bare names, and a partitioned table with its partitions', () => {
    expect(names(selectTables(CATALOG, ['users']))).toEqual(['app.users', 'audit.users']);
    expect(names(selectTables(CATALOG, ['app.events']))).toEqual(['app.events', 'app.events_1', 'app.events_2']);
    expect(names(selectTables(CATALOG, ['odd.schema.a.b']))).toEqual(['odd.schema.a.b']);
  });
  it('reports every unknown name, and honours --exclude', () => {
    expect(selectTables(CATALOG, ['nope', 'users', 'app.nada']).unknown).toEqual(['nope', 'app.nada']);
    expect(names(selectTables(CATALOG, undefined, ['app.events', 'audit.users']))).toEqual(['app.users', 'app.archive', 'odd.schema.a.b']);
  });
  it('splits comma lists', () => {
    expect(splitNames(' a, b ,,c ')).toEqual(['a', 'b', 'c']);
  });
});

describe('coverage', () => {
  const plan = planVerification(CATALOG);
  const counts = new Map([['app.users', 3], ['audit.users', 0], ['app.events_1', 2], ['app.events_2', 0], ['odd.schema.a.b', 1]]);
  it('counts partitioned tables through their partitions, and says which cannot hold rows', () => {
    const c = coverage(plan, counts, false);
    expect(c.tables).toEqual({
      'app.archive': 0, 'app.events': 2, 'app.events_1': 2, 'app.events_2': 0, 'app.users': 3, 'audit.users': 0, 'odd.schema.a.b': 1,
    });
    expect(c.totalRows).toBe(6);
    expect(c.emptyTables).toEqual(['app.events_2', 'audit.users']);
    expect(c.cannotHoldRows).toEqual(['app.archive']);
    expect(c.violations).toEqual([]);
  });
  it('turns empty tables into violations with requireRows, never a partitioned table without partitions', () => {
    expect(coverage(plan, counts, true).violations.map((v) => [v.kind, v.table])).toEqual([
      ['empty-table', 'app.events_2'], ['empty-table', 'audit.users'],
    ]);
  });
});

describe('formatReport', () => {
  const report: VerifyReport = {
    violations: [
      { kind: 'foreign-key', constraint: 'orders_customer_fk', table: 'app.orders', count: 2, samples: [{ customer_id: '9' }, { customer_id: null }] },
      { kind: 'check', constraint: 'qty_check', table: 'app.orders', column: 'qty', domain: 'app.qty', count: 1, samples: [{ id: '4', qty: '-1' }] },
      { kind: 'exclusion', constraint: 'no_overlap', table: 'app.bookings', count: 1, samples: [{ first: { id: '1' }, second: { id: '2' } }] },
    ],
    tables: { 'app.orders': 10, 'app.bookings': 2, 'app.empty': 0 },
    totalRows: 12,
    emptyTables: ['app.empty'],
    cannotHoldRows: ['app.archive'],
    failures: [{ kind: 'check', constraint: 'weird', table: 'app.orders', message: 'division by zero', sqlState: '22012' }],
    checks: 12,
  };
  it('prints a table of violations, failures, coverage and the verdict', () => {
    const text = formatReport(report, 1234);
    expect(text).toContain('verify-integrity: 12 checks on 3 tables in 1.2 s');
    expect(text).toMatch(/^KIND +CONSTRAINT +TABLE +VIOLATIONS +SAMPLE$/m);
    expect(text).toMatch(/^foreign-key +orders_customer_fk +app\.orders +2 +customer_id=9; customer_id=NULL$/m);
    expect(text).toContain('qty_check (domain app.qty, column qty)');
    expect(text).toContain('first(id=1), second(id=2)');
    expect(text).toContain('check weird on app.orders: division by zero (SQLSTATE 22012)');
    expect(text).toContain('3 tables, 12 rows.');
    expect(text).toContain('Empty (1): app.empty');
    expect(text).toContain('cannot hold rows (1): app.archive');
    expect(text).toContain('FAILED: 3 constraints violated, 1 check could not run.');
  });
  it('says OK when clean', () => {
    expect(formatReport({ ...report, violations: [], failures: [] }, 10)).toMatch(/OK: no violations\.\n$/);
  });
});
