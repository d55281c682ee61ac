import { loadModule } from 'libpg-query';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Table, Trigger } from '../../src/catalog.js';
import { tableNames, tablesTriggersInsertInto, tablesTriggersRead, triggerPartitionSlots } from '../../src/inference/trigger-tables.js';
import { catalog, col, idCol, table } from './helpers/catalog-builder.js';

beforeAll(async () => {
  await loadModule();
});

const trigger = (source: string, extra: Partial<Trigger> = {}): Trigger => ({
  name: 'sync', timing: 'after', events: ['insert', 'update'], level: 'row', constraint: false, deferrable: false,
  initiallyDeferred: false, enabled: 'origin', function: 'public.sync', functionSource: source, ...extra,
});

const SYNC = `
BEGIN
  -- copy every new row into the partitioned twin (not: INSERT INTO audit)
  IF (TG_OP = 'INSERT') THEN
    INSERT INTO "uploads_twin" ("id", "model_type") VALUES (NEW."id", NEW."model_type");
  END IF;
  RAISE NOTICE 'insert into audit';
  RETURN NULL;
END`;

const twin = table('uploads_twin', [idCol(), col('model_type', 'text', { notNull: true })], {
  kind: 'partitioned', partitions: ['public.twin_project', 'public.twin_user'],
  partitionKey: { strategy: 'list', definition: 'LIST (model_type)', columns: ['model_type'] },
});
const partition = (name: string, value: string): Table => table(name, [idCol(), col('model_type', 'text', { notNull: true })], {
  kind: 'partition', partitionOf: { parent: 'public.uploads_twin', bound: `FOR VALUES IN ('${value}')` },
});
const uploads = (source: string, extra: Partial<Trigger> = {}) =>
  table('uploads', [idCol(), col('model_type', 'varchar', { notNull: true })], { pk: ['id'], triggers: [trigger(source, extra)] });
const audit = table('audit', [idCol()], { pk: ['id'] });
const cat = (source: string, extra: Partial<Trigger> = {}) =>
  catalog([uploads(source, extra), twin, partition('twin_project', 'Project'), partition('twin_user', 'User'), audit]);

describe('tables a trigger reads and writes', () => {
  it('finds quoted, qualified and plain names; skips comments, string literals and DELETE FROM', () => {
    expect(tableNames('SELECT 1 FROM app."Big Table" b JOIN Tags t ON true; DELETE FROM gone'))
      .toEqual([{ schema: 'app', name: 'Big Table' }, { schema: null, name: 'tags' }]);
    // unquoted names fold to lower case, as PostgreSQL folds them
    expect(tableNames("-- FROM a\n/* JOIN b */ PERFORM 'from c'")).toEqual([]);
  });

  it('INSERT INTO targets that are tables of the catalog, not the table itself', () => {
    const c = cat(SYNC);
    expect(tablesTriggersInsertInto(c.tables[0]!, c)).toEqual(['public.uploads_twin']);
    expect(tablesTriggersRead(c.tables[0]!, c)).toEqual([]);
  });

  it('a column a trigger copies into a LIST-partitioned table is aimed at its partitions', () => {
    const c = cat(SYNC);
    const slots = triggerPartitionSlots(c.tables[0]!, c);
    expect(slots.get('model_type')).toEqual({
      slots: [{ kind: 'list', values: ['Project'] }, { kind: 'list', values: ['User'] }],
      reason: 'trigger-partition:public.uploads_twin',
    });
  });

  it('disabled triggers, deferred constraint triggers and UPDATE-only triggers say nothing', () => {
    for (const extra of [{ enabled: 'disabled' as const }, { constraint: true, deferrable: true, initiallyDeferred: true }, { events: ['update' as const] }]) {
      const c = cat(SYNC, extra);
      expect(tablesTriggersInsertInto(c.tables[0]!, c)).toEqual([]);
      expect(triggerPartitionSlots(c.tables[0]!, c).size).toBe(0);
    }
  });
});
