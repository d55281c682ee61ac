import { loadModule } from 'libpg-query';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Trigger } from '../../src/catalog.js';
import { columnEqualities, selectStatements, triggerJoinSteers } from '../../src/inference/trigger-joins.js';
import { catalog, col, fk, idCol, table } from './helpers/catalog-builder.js';

beforeAll(async () => {
  await loadModule();
});

const trigger = (source: string, extra: Partial<Trigger> = {}): Trigger => ({
  name: 'guard', timing: 'before', events: ['insert'], level: 'row', constraint: false, deferrable: false,
  initiallyDeferred: false, enabled: 'origin', function: 'public.guard', functionSource: source, ...extra,
});

// musicbrainz' prevent_invalid_attributes, renamed
const GUARD = `
BEGIN
    -- the whitelist pairs a link type with the attribute's root (not: SELECT 1 FROM nowhere)
    IF NOT EXISTS (
        SELECT TRUE
        FROM (VALUES (NEW.link, NEW.attribute_type)) la (link, attribute_type)
        JOIN link l ON l.id = la.link
        JOIN link_attribute_type lat ON lat.id = la.attribute_type
        JOIN link_type_attribute_type ltat ON ltat.attribute_type = lat.root AND ltat.link_type = l.link_type
    ) THEN
        RAISE EXCEPTION 'Attribute type % is invalid for link %', NEW.attribute_type, NEW.link;
    END IF;
    RETURN NEW;
END`;

const schema = (source: string, extra: Partial<Trigger> = {}) => catalog([
  table('link_type', [idCol()], { pk: ['id'] }),
  table('link', [idCol(), col('link_type', 'int4', { notNull: true })], { pk: ['id'], foreignKeys: [fk('link_fk_type', ['link_type'], 'link_type')] }),
  table('link_attribute_type', [idCol(), col('root', 'int4', { notNull: true })], {
    pk: ['id'], foreignKeys: [fk('lat_fk_root', ['root'], 'link_attribute_type')],
  }),
  table('link_type_attribute_type', [col('link_type', 'int4', { notNull: true }), col('attribute_type', 'int4', { notNull: true })], {
    pk: ['link_type', 'attribute_type'],
    foreignKeys: [fk('ltat_fk_type', ['link_type'], 'link_type'), fk('ltat_fk_attr', ['attribute_type'], 'link_attribute_type')],
  }),
  table('link_attribute', [col('link', 'int4', { notNull: true }), col('attribute_type', 'int4', { notNull: true })], {
    pk: ['link', 'attribute_type'], triggers: [trigger(source, extra)],
    foreignKeys: [fk('la_fk_link', ['link'], 'link'), fk('la_fk_attr', ['attribute_type'], 'link_attribute_type')],
  }),
]);

describe('what INSERT triggers compare', () => {
  it('takes each SELECT to the end of its statement or the parenthesis around it', () => {
    expect(selectStatements("IF EXISTS (SELECT 1 FROM a WHERE a.x = 'it;s)' ) THEN x := (SELECT max(n) FROM b); END IF; PERFORM 1"))
      .toEqual(["SELECT 1 FROM a WHERE a.x = '' ", 'SELECT max(n) FROM b']);
    expect(selectStatements('-- SELECT nothing\n/* SELECT */ RETURN NEW;')).toEqual([]);
    // a nested SELECT belongs to the statement around it
    expect(selectStatements('FOR r IN SELECT * FROM a WHERE id IN (SELECT id FROM b) LOOP NULL; END LOOP'))
      .toEqual(['SELECT * FROM a WHERE id IN (SELECT id FROM b) ']);
  });

  it('resolves aliases to catalog tables; VALUES lists, NEW and unknown names are not tables', () => {
    const c = schema(GUARD);
    const pairs = selectStatements(GUARD).flatMap((q) => columnEqualities(q, c, ['public']));
    expect(pairs.map(([a, b]) => `${a.table}.${a.column}=${b.table}.${b.column}`)).toEqual([
      'public.link_type_attribute_type.attribute_type=public.link_attribute_type.root',
      'public.link_type_attribute_type.link_type=public.link.link_type',
    ]);
    expect(columnEqualities('SELECT FROM x WHERE (', c, ['public'])).toEqual([]);
  });

  it('steers an FK compared with a parent column it does not reference, not one compared with its own key', () => {
    const steers = triggerJoinSteers(schema(GUARD));
    expect(steers.get('public.link_type_attribute_type')).toEqual([
      { foreignKey: 'ltat_fk_attr', column: 'attribute_type', parent: 'public.link_attribute_type', parentColumn: 'root' },
    ]);
    // link_type = l.link_type: link_type_attribute_type.link_type references link_type, not link
    expect(steers.size).toBe(1);
  });

  it('ignores disabled triggers, deferred constraint triggers and triggers not on INSERT', () => {
    expect(triggerJoinSteers(schema(GUARD, { enabled: 'disabled' })).size).toBe(0);
    expect(triggerJoinSteers(schema(GUARD, { constraint: true, initiallyDeferred: true })).size).toBe(0);
    expect(triggerJoinSteers(schema(GUARD, { events: ['update'] })).size).toBe(0);
  });
});
