import { loadModule } from 'libpg-query';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePartitionBound } from '../../src/inference/partition-bounds.js';

beforeAll(async () => {
  await loadModule();
});

describe('parsePartitionBound', () => {
  it('range bounds with constants, as pg_get_expr prints them', () => {
    expect(parsePartitionBound("FOR VALUES FROM ('2022-01-01') TO ('2022-02-01')"))
      .toEqual({ kind: 'range', from: '2022-01-01', to: '2022-02-01' });
    expect(parsePartitionBound("FOR VALUES FROM ('2022-01-01 00:00:00+00') TO ('2023-01-01 00:00:00+00')"))
      .toEqual({ kind: 'range', from: '2022-01-01 00:00:00+00', to: '2023-01-01 00:00:00+00' });
  });

  it('numeric range bounds, including 0 and negatives', () => {
    expect(parsePartitionBound('FOR VALUES FROM (0) TO (1000)')).toEqual({ kind: 'range', from: 0, to: 1000 });
    expect(parsePartitionBound('FOR VALUES FROM (-10) TO (0)')).toEqual({ kind: 'range', from: -10, to: 0 });
  });

  it('MINVALUE and MAXVALUE', () => {
    expect(parsePartitionBound('FOR VALUES FROM (MINVALUE) TO (100)')).toEqual({ kind: 'range', from: 'minvalue', to: 100 });
    expect(parsePartitionBound("FOR VALUES FROM ('2024-01-01') TO (MAXVALUE)")).toEqual({ kind: 'range', from: '2024-01-01', to: 'maxvalue' });
    expect(parsePartitionBound('FOR VALUES FROM (MINVALUE) TO (MAXVALUE)')).toEqual({ kind: 'range', from: 'minvalue', to: 'maxvalue' });
  });

  it('multi-column range keys: only the first column is read', () => {
    expect(parsePartitionBound('FOR VALUES FROM (1, 2) TO (3, 4)')).toEqual({ kind: 'range', from: 1, to: 3 });
  });

  it('list bounds, with text, numbers and NULL', () => {
    expect(parsePartitionBound("FOR VALUES IN ('eu', 'us')")).toEqual({ kind: 'list', values: ['eu', 'us'] });
    expect(parsePartitionBound('FOR VALUES IN (-1, 0, 7)')).toEqual({ kind: 'list', values: [-1, 0, 7] });
    expect(parsePartitionBound('FOR VALUES IN (1, NULL)')).toEqual({ kind: 'list', values: [1, null] });
    expect(parsePartitionBound("FOR VALUES IN (true)")).toEqual({ kind: 'list', values: [true] });
  });

  it('hash bounds, remainder 0 included', () => {
    expect(parsePartitionBound('FOR VALUES WITH (modulus 4, remainder 3)')).toEqual({ kind: 'hash', modulus: 4, remainder: 3 });
    expect(parsePartitionBound('FOR VALUES WITH (modulus 4, remainder 0)')).toEqual({ kind: 'hash', modulus: 4, remainder: 0 });
  });

  it('DEFAULT, in any case and with surrounding blanks', () => {
    expect(parsePartitionBound('DEFAULT')).toEqual({ kind: 'default' });
    expect(parsePartitionBound('  default ')).toEqual({ kind: 'default' });
  });

  it('garbage is null, never a throw', () => {
    for (const bound of ['garbage', '', 'FOR VALUES', 'FOR VALUES FROM (1)', 'FOR VALUES IN (', "FOR VALUES IN (now())"]) {
      expect(parsePartitionBound(bound)).toBeNull();
    }
  });
});
