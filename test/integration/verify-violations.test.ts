import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { introspect } from '../../src/introspect/index.js';
import { selectTables, verifyIntegrity, type VerifyReport } from '../../src/verify/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { fixtureSql } from '../helpers/fixtures.js';

async function verify(db: TestDatabase, tables?: string[]): Promise<VerifyReport> {
  const catalog = await introspect(db.client);
  const pool = new pg.Pool({ connectionString: db.url, max: 4 });
  try {
    const selection = tables ? selectTables(catalog, tables) : undefined;
    return await verifyIntegrity(catalog, pool, { concurrency: 4, ...(selection ? { tables: selection.tables } : {}) });
  } finally {
    await pool.end();
  }
}

const summary = (report: VerifyReport) => report.violations.map((v) => `${v.kind} ${v.constraint} @ ${v.table}: ${v.count}`);

describe('verify-integrity on a clean database', () => {
  let db: TestDatabase;
  let report: VerifyReport;
  beforeAll(async () => {
    db = await createTestDatabase(fixtureSql('verify-schema'));
    report = await verify(db);
  });
  afterAll(() => db?.drop());

  it('finds no violation: MATCH SIMPLE / FULL NULL keys exempt, a cancelled overlap exempt, an INHERITS child not bound by its parent\'s FK', () => {
    expect(report.violations).toEqual([]);
    expect(report.failures).toEqual([]);
  });

  it('counts rows per table, partitioned parents through their partitions', () => {
    expect(report.tables).toMatchObject({
      'Shop.Main.Customers': 3, 'Shop.Main.orders': 4, 'Shop.Main.events': 2, 'Shop.Main.events_2025': 1,
      'Shop.Main.events_2026': 1, 'Shop.Main.notes': 1, 'Shop.Main.order_notes': 1, 'Shop.Main.archive': 0,
    });
    expect(report.totalRows).toBe(22);
    expect(report.emptyTables).toEqual(['Shop.Main.audit_log']);
    expect(report.cannotHoldRows).toEqual(['Shop.Main.archive']);
  });
});

describe('verify-integrity finds every planted violation', () => {
  let db: TestDatabase;
  let report: VerifyReport;
  const find = (constraint: string) => {
    const v = report.violations.find((x) => x.constraint === constraint);
    if (!v) throw new Error(`no violation of ${constraint} in ${summary(report).join('\n')}`);
    return v;
  };
  beforeAll(async () => {
    db = await createTestDatabase(`${fixtureSql('verify-schema')}\n${fixtureSql('verify-planted')}`);
    report = await verify(db);
  });
  afterAll(() => db?.drop());

  it('reports exactly the planted violations, with their counts', () => {
    expect(summary(report).sort()).toEqual([
      'check bıgınt_check @ Shop.Main.orders: 1',
      'check code_check @ Shop.Main.orders: 1',
      'check events_kind_check @ Shop.Main.events_2025: 1',
      'check orders_discount_check @ Shop.Main.orders: 2',
      'exclusion no_double_booking @ Shop.Main.room bookings: 1',
      'foreign-key events_customer_id_fkey @ Shop.Main.events: 1',
      'foreign-key orders_customer_id_fkey @ Shop.Main.orders: 1',
      'foreign-key stock_full_wh_fk @ Shop.Main.stock_full: 1',
      'foreign-key stock_simple_wh_fk @ Shop.Main.stock_simple: 1',
      'not-null Shop.Main.small_qty NOT NULL @ Shop.Main.orders: 1',
      'not-null email NOT NULL @ Shop.Main.Customers: 1',
      'sequence Shop.Main.Customers_id_seq @ Shop.Main.Customers: 1',
      'sequence Shop.Main.orders_id_seq @ Shop.Main.orders: 1',
      'unique customers_email_lower_key @ Shop.Main.Customers: 1',
      'unique orders_one_open_key @ Shop.Main.orders: 1',
      'unique warehouses_pkey @ Shop.Main.warehouses: 1',
    ]);
    expect(report.failures).toEqual([]);
  });

  it('samples the offending keys of FK orphans (triggers bypassed, composite, MATCH FULL partly NULL)', () => {
    expect(find('orders_customer_id_fkey').samples).toEqual([{ customer_id: '999' }]);
    expect(find('stock_simple_wh_fk').samples).toEqual([{ region: 'eu', Code: 'nope' }]);
    expect(find('stock_full_wh_fk').samples).toEqual([{ region: 'us', Code: null }]);
    // checked once on the partitioned parent, not once per partition
    expect(find('events_customer_id_fkey').samples).toEqual([{ customer_id: '777' }]);
  });

  it('re-evaluates NOT VALID checks, on the partition that holds the row', () => {
    expect(find('orders_discount_check').samples).toEqual(expect.arrayContaining([
      expect.objectContaining({ discount: '-5' }), expect.objectContaining({ discount: '-1' }),
    ]));
    expect(find('events_kind_check').samples).toEqual([expect.objectContaining({ kind: '' })]);
  });

  it('checks domains: NOT NULL, a CHECK of the domain underneath, a CHECK on array elements', () => {
    expect(find('Shop.Main.small_qty NOT NULL')).toMatchObject({ kind: 'not-null', column: 'qty', domain: 'Shop.Main.small_qty' });
    expect(find('bıgınt_check')).toMatchObject({ column: 'qty', domain: 'Shop.Main.bıgınt', samples: [expect.objectContaining({ qty: '-7' })] });
    expect(find('code_check').samples).toEqual([expect.objectContaining({ codes: '{OK,bad}' })]);
    expect(find('email NOT NULL')).toMatchObject({ kind: 'not-null', column: 'email' });
  });

  it('finds duplicates under partial, expression and primary-key unique indexes', () => {
    expect(find('orders_one_open_key').samples).toEqual([{ customer_id: '1' }]);
    expect(find('customers_email_lower_key').samples).toEqual([{ 'lower(email)': 'ann@example.com' }]);
    expect(find('warehouses_pkey').samples).toEqual([{ region: 'eu', Code: 'AMS' }]);
  });

  it('finds the overlapping booking pair once, not the cancelled one', () => {
    const v = find('no_double_booking');
    expect(v.samples).toHaveLength(1);
    expect(v.samples[0]).toMatchObject({ first: { id: '1', room: '1' }, second: { room: '1' } });
  });

  it('finds sequences behind their columns', () => {
    expect(find('Shop.Main.orders_id_seq')).toMatchObject({ column: 'id', samples: [{ max_value: '1000' }] });
    expect(find('Shop.Main.Customers_id_seq')).toMatchObject({ column: 'id', samples: [{ max_value: '500' }] });
  });

  it('checks a partition alone against its parent\'s FK', async () => {
    const only = await verify(db, ['Shop.Main.events_2026']);
    expect(summary(only)).toEqual(['foreign-key events_customer_id_fkey @ Shop.Main.events_2026: 1']);
  });
});

describe('verify-integrity when a CHECK cannot be evaluated on some row', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(`
      CREATE TABLE t (id int PRIMARY KEY, d int, label text NOT NULL);
      INSERT INTO t VALUES (1, 0, 'x'), (2, 5, 'y');
      ALTER TABLE t ADD CONSTRAINT t_ratio_check CHECK (10 / d > 0) NOT VALID;
      UPDATE pg_attribute SET attnotnull = false WHERE attrelid = 't'::regclass AND attname = 'label';
      INSERT INTO t VALUES (3, 1, NULL);
      UPDATE pg_attribute SET attnotnull = true WHERE attrelid = 't'::regclass AND attname = 'label';`);
  });
  afterAll(() => db?.drop());

  it('reports that CHECK as a failure and still checks the rest of the table', async () => {
    const report = await verify(db);
    expect(report.failures).toEqual([expect.objectContaining({ kind: 'check', constraint: 't_ratio_check', table: 'public.t', sqlState: '22012' })]);
    expect(summary(report)).toEqual(['not-null label NOT NULL @ public.t: 1']);
    expect(report.tables).toEqual({ 'public.t': 3 });
  });
});

describe('verify-integrity on arrays of domains', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(`
      CREATE DOMAIN pos AS int NOT NULL CHECK (VALUE > 0);
      CREATE DOMAIN pos_list AS pos[] CHECK (cardinality(VALUE) < 4);
      CREATE TABLE t (id int PRIMARY KEY, vals pos[], list pos_list);
      INSERT INTO t VALUES (1, '{1,2}', '{1}');
      UPDATE pg_type SET typnotnull = false WHERE oid = 'pos'::regtype;
      INSERT INTO t VALUES (2, '{3,NULL}', '{4}');
      UPDATE pg_type SET typnotnull = true WHERE oid = 'pos'::regtype;
      ALTER DOMAIN pos DROP CONSTRAINT pos_check;
      ALTER DOMAIN pos_list DROP CONSTRAINT pos_list_check;
      INSERT INTO t VALUES (3, '{-1}', '{5,-6,7,8}');
      ALTER DOMAIN pos ADD CONSTRAINT pos_check CHECK (VALUE > 0) NOT VALID;
      ALTER DOMAIN pos_list ADD CONSTRAINT pos_list_check CHECK (cardinality(VALUE) < 4) NOT VALID;`);
  });
  afterAll(() => db?.drop());

  it('checks NOT NULL and CHECK on every element, and the outer domain on the whole array', async () => {
    const report = await verify(db);
    expect(report.violations.map((v) => `${v.kind} ${v.constraint} ${v.column}: ${v.count}`).sort()).toEqual([
      'check pos_check list: 1',
      'check pos_check vals: 1',
      'check pos_list_check list: 1',
      'not-null public.pos NOT NULL vals: 1',
    ]);
    expect(report.failures).toEqual([]);
  });
});
