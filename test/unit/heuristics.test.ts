import { describe, expect, it } from 'vitest';
import { kindFromName, tokenize } from '../../src/inference/heuristics.js';
import { KINDS } from '../../src/inference/kinds.js';
import { col, table } from './helpers/catalog-builder.js';

describe('tokenize', () => {
  it('snake_case and kebab/space separators', () => {
    expect(tokenize('first_name')).toEqual(['first', 'name']);
    expect(tokenize('__created__at__')).toEqual(['created', 'at']);
    expect(tokenize('address-line1')).toEqual(['address', 'line1']);
  });

  it('camelCase and PascalCase', () => {
    expect(tokenize('firstName')).toEqual(['first', 'name']);
    expect(tokenize('FirstName')).toEqual(['first', 'name']);
    expect(tokenize('createdAt2')).toEqual(['created', 'at2']);
  });

  it('acronyms stay whole and split from the next word', () => {
    expect(tokenize('HTTPStatus')).toEqual(['http', 'status']);
    expect(tokenize('userID')).toEqual(['user', 'id']);
    expect(tokenize('getHTTPResponse')).toEqual(['get', 'http', 'response']);
    expect(tokenize('IPAddress')).toEqual(['ip', 'address']);
  });

  it('"Quoted Names" with spaces and capitals', () => {
    expect(tokenize('Quoted Names')).toEqual(['quoted', 'names']);
    expect(tokenize('"E-Mail Address"')).toEqual(['e', 'mail', 'address']);
  });

  it('no tokens from punctuation only', () => {
    expect(tokenize('___')).toEqual([]);
  });
});

const plain = table('things', []);
const kindOf = (name: string, t = plain) => kindFromName(col(name, 'text'), t)?.kind ?? null;

describe('kindFromName: column names', () => {
  it.each([
    ['email', 'email'], ['e_mail', 'email'], ['contactEmail', 'email'], ['email_address', 'email'],
    ['first_name', 'first_name'], ['givenName', 'first_name'], ['lastName', 'last_name'], ['surname', 'last_name'],
    ['full_name', 'full_name'], ['display_name', 'full_name'], ['username', 'username'], ['user_name', 'username'],
    ['phone_number', 'phone'], ['mobile', 'phone'], ['website', 'url'], ['homepage_url', 'url'], ['hostname', 'hostname'], ['domain', 'domain'],
    ['country_code', 'country_code'], ['country', 'country'], ['city', 'city'], ['postal_code', 'postal_code'],
    ['ZIPCode', 'postal_code'], ['address', 'street_address'], ['company_name', 'company'], ['job_title', 'job_title'],
    ['product_name', 'product_name'], ['title', 'title'], ['bio', 'bio'], ['summary', 'description'], ['body', 'body'], ['slug', 'slug'],
    ['ip', 'ip'], ['user_agent', 'user_agent'], ['api_key', 'api_key'], ['token', 'token'], ['checksum', 'hash'], ['currency', 'currency_code'],
    ['timezone', 'timezone'], ['file_name', 'file_name'], ['mime_type', 'mime_type'], ['gender', 'gender'],
  ] as const)('%s → %s', (name, kind) => {
    expect(kindOf(name)).toBe(kind);
  });

  it('specific rules win over general ones', () => {
    expect(kindOf('country_code')).toBe('country_code');
    expect(kindOf('job_title')).toBe('job_title');
    expect(kindOf('email_subject')).toBe('email');
  });

  it('names that say nothing give null, and the reason names the rule', () => {
    expect(kindOf('xyz')).toBeNull();
    expect(kindOf('quux_count')).toBeNull();
    expect(kindFromName(col('contact_email', 'text'), plain)).toEqual({ kind: 'email', reason: 'name:email' });
  });

  it('matches whole tokens in order, not substrings', () => {
    // "statement" merely contains "state"; name_last has last/name in the wrong order
    expect(kindOf('statement')).toBeNull();
    expect(kindOf('name_last')).toBeNull();
  });

  it('every kind a rule returns has a generator', () => {
    const names = ['email', 'first_name', 'city', 'sku', 'locale', 'version', 'name'];
    for (const n of names) expect(Object.hasOwn(KINDS, kindOf(n)!)).toBe(true);
  });

  it('ip_address is an IP, not a street address', () => {
    expect(kindOf('ip_address')).toBe('ip');
  });

  it('content_type is a MIME type, not a body', () => {
    expect(kindOf('content_type')).toBe('mime_type');
  });
});

describe('kindFromName: a bare "name" column reads its table', () => {
  it.each([
    ['users', 'full_name'], ['user', 'full_name'], ['people', 'full_name'], ['app_customers', 'full_name'],
    ['companies', 'company'], ['vendors', 'company'], ['products', 'product_name'], ['line_items', 'product_name'],
    ['cities', 'city'], ['countries', 'country'],
  ] as const)('%s.name → %s', (tableName, kind) => {
    expect(kindFromName(col('name', 'text'), table(tableName, []))).toEqual({ kind, reason: `table-context:${tableName}.name` });
  });

  it('any other table gives the generic name kind', () => {
    expect(kindFromName(col('name', 'text'), table('widgets_config', []))).toEqual({ kind: 'name', reason: 'name:name' });
    // the table pattern matches whole words at the end: user_settings is not about users
    expect(kindFromName(col('name', 'text'), table('user_settings', []))?.kind).toBe('name');
  });

  it.each([['schools', 'school_name'], ['channels', 'channel_name'], ['tags', 'tag'], ['departments', 'department']] as const)(
    'table context: %s.name → %s', (tableName, kind) => {
      expect(kindFromName(col('name', 'text'), table(tableName, []))?.kind).toBe(kind);
    });

  it('the column name is tokenized first: "Name" counts, "user_name" does not use the table', () => {
    expect(kindFromName(col('Name', 'text'), table('users', []))?.kind).toBe('full_name');
    expect(kindFromName(col('user_name', 'text'), table('products', []))?.kind).toBe('username');
  });
});
