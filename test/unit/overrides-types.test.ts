import { describe, expect, it } from 'vitest';
import type { Column } from '../../src/catalog.js';
import { schemaTypesFile, tsKey, tsType } from '../../src/overrides/schema-types.js';
import { catalog, col, idCol, table } from './helpers/catalog-builder.js';

const enums = [{ schema: 'public', name: 'mood', labels: ['happy', "it's ok"] }];
const cat = catalog([], { enums });
const notNull = (c: Column): Column => ({ ...c, notNull: true });

describe('tsType: PostgreSQL → the TypeScript type an override produces', () => {
  it.each([
    ['int2', 'number'], ['int4', 'number'], ['int8', 'string | number'], ['numeric', 'string | number'],
    ['float8', 'number'], ['text', 'string'], ['varchar', 'string'], ['bpchar', 'string'], ['citext', 'string'],
    ['uuid', 'string'], ['bool', 'boolean'], ['date', 'string | Date'], ['timestamptz', 'string | Date'],
    ['json', 'unknown'], ['jsonb', 'unknown'], ['bytea', 'Uint8Array | string'], ['inet', 'string'], ['interval', 'string'],
  ])('%s NOT NULL → %s', (base, expected) => {
    expect(tsType(notNull(col('c', base)), cat)).toBe(expected);
  });

  it('nullable adds | null (json is unknown either way)', () => {
    expect(tsType(col('c', 'int4'), cat)).toBe('number | null');
    expect(tsType(col('c', 'timestamp'), cat)).toBe('string | Date | null');
    expect(tsType(col('c', 'jsonb'), cat)).toBe('unknown');
  });

  it('a NOT NULL domain is not nullable', () => {
    expect(tsType(col('c', 'text', { type: { domain: 'public.email', domainNotNull: true } }), cat)).toBe('string');
  });

  it('arrays are arrays of the element type, one [] per dimension', () => {
    expect(tsType(notNull(col('c', 'text', { type: { arrayDims: 1 } })), cat)).toBe('string[]');
    expect(tsType(col('c', 'int4', { type: { arrayDims: 2 } }), cat)).toBe('number[][] | null');
    expect(tsType(notNull(col('c', 'timestamptz', { type: { arrayDims: 1 } })), cat)).toBe('(string | Date)[]');
  });

  it('an enum is the union of its labels', () => {
    const mood = col('c', 'mood', { type: { enum: 'public.mood', category: 'enum' } });
    expect(tsType(notNull(mood), cat)).toBe("'happy' | 'it\\'s ok'");
    expect(tsType({ ...mood, type: { ...mood.type, arrayDims: 1 } }, cat)).toBe("('happy' | 'it\\'s ok')[] | null");
  });
});

describe('schemaTypesFile', () => {
  const users = table('users', [idCol(), col('e-mail', 'text'), col('total', 'int4', { generated: 'id * 2' })], { pk: ['id'] });
  const auditUsers = { ...table('users', [idCol()]), schema: 'audit' };
  const orders = table('order_items', [idCol()]);
  const text = schemaTypesFile(catalog([users, auditUsers, orders]));

  it('one interface per table, generated columns left out, odd names quoted', () => {
    expect(text).toContain("export interface PublicUsers {\n  /** int4 NOT NULL */\n  id: number;\n  /** text */\n  'e-mail': string | null;\n}");
    expect(text).not.toContain('total');
    expect(text).toContain('export interface PublicOrderItems {');
  });

  it('Schema: qualified keys, plus the bare name when only one schema has the table', () => {
    expect(text).toContain("  'public.users': PublicUsers;\n  'audit.users': AuditUsers;");
    expect(text).toContain("  'public.order_items': PublicOrderItems;\n  order_items: PublicOrderItems;");
    expect(text).not.toMatch(/^ {2}users:/m);
  });

  it('tsKey quotes only what is not an identifier', () => {
    expect(tsKey('first_name')).toBe('first_name');
    expect(tsKey('First Name')).toBe("'First Name'");
    expect(tsKey('1st')).toBe("'1st'");
  });
});
