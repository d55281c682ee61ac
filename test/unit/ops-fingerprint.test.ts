import { describe, expect, it } from 'vitest';
import { runFingerprint, schemaFingerprint, stableJson } from '../../src/ledger/fingerprint.js';
import { catalog, col, fk, idCol, table } from './helpers/catalog-builder.js';

const users = table('users', [idCol(), col('email', 'text', { notNull: true })], { pk: ['id'] });
const orders = table('orders', [idCol(), col('user_id', 'int4', { notNull: true })], { pk: ['id'], foreignKeys: [fk('orders_user_fk', ['user_id'], 'users')] });
const base = catalog([users, orders]);

describe('schemaFingerprint', () => {
  it('is a sha256 hex digest, the same for the same schema', () => {
    expect(schemaFingerprint(base)).toMatch(/^[0-9a-f]{64}$/);
    expect(schemaFingerprint(catalog([users, orders]))).toBe(schemaFingerprint(base));
  });

  it('ignores what changes without the schema changing: statistics, server version, database name, comments', () => {
    const seeded = {
      ...base,
      serverVersion: '16.2', serverVersionNum: 160002, database: 'other',
      tables: base.tables.map((t) => ({ ...t, estimatedRows: 12_345, comment: 'now with rows' })),
    };
    expect(schemaFingerprint(seeded)).toBe(schemaFingerprint(base));
  });

  it('changes with a column type, a new column, or a new constraint', () => {
    const typed = catalog([table('users', [idCol(), col('email', 'varchar', { notNull: true })], { pk: ['id'] }), orders]);
    const wider = catalog([table('users', [idCol(), col('email', 'text', { notNull: true }), col('name', 'text')], { pk: ['id'] }), orders]);
    const keyless = catalog([users, table('orders', orders.columns, { pk: ['id'] })]);
    for (const changed of [typed, wider, keyless]) expect(schemaFingerprint(changed)).not.toBe(schemaFingerprint(base));
  });
});

describe('runFingerprint = schema + overrides + seed + requested counts', () => {
  const input = { schema: 'abc', overrides: null, seed: 1, counts: { rows: 100 } };

  it('is stable, and --tables / --exclude order does not matter', () => {
    expect(runFingerprint(input)).toBe(runFingerprint({ ...input }));
    expect(runFingerprint({ ...input, counts: { rows: 100, tables: ['b', 'a'] } }))
      .toBe(runFingerprint({ ...input, counts: { rows: 100, tables: ['a', 'b'] } }));
  });

  it('changes with the schema, the overrides, the seed, the rows, the selection and per-table counts', () => {
    const fp = runFingerprint(input);
    for (const other of [
      { ...input, schema: 'abd' },
      { ...input, overrides: 'overrides-hash' },
      { ...input, seed: 2 },
      { ...input, counts: { rows: 101 } },
      { ...input, counts: { rows: 100, tables: ['users'] } },
      { ...input, counts: { rows: 100, exclude: ['users'] } },
      { ...input, counts: { rows: 100, perTable: { 'public.users': 5 } } },
    ]) {
      expect(runFingerprint(other)).not.toBe(fp);
    }
  });

  it('stableJson sorts keys and drops the named ones', () => {
    expect(stableJson({ b: 1, a: { d: 2, c: 3 } }, new Set())).toBe('{"a":{"c":3,"d":2},"b":1}');
    expect(stableJson({ keep: 1, drop: 2 }, new Set(['drop']))).toBe('{"keep":1}');
  });
});
