import { describe, expect, it } from 'vitest';
import { inferModel } from '../../src/inference/infer.js';
import { piiColumns } from '../../src/safety/pii.js';
import { catalog, col, fk, idCol, table } from './helpers/catalog-builder.js';

describe('piiColumns: the PII audit, from the model', () => {
  it('lists names, emails, phones, addresses, birth dates, IPs, usernames, ids and bank data; not keys, FKs or prose', async () => {
    const people = table('people', [
      idCol(),
      col('first_name', 'text'),
      col('last_name', 'text'),
      col('email', 'text', { notNull: true }),
      col('mobile_phone', 'text'),
      col('street_address', 'text'),
      col('postal_code', 'varchar', { type: { length: 10 } }),
      col('date_of_birth', 'date'),
      col('last_login_ip', 'inet'),
      col('username', 'text'),
      col('ssn', 'text'),
      col('iban', 'text'),
      col('bio', 'text'),
      col('created_at', 'timestamptz'),
    ], { pk: ['id'] });
    const posts = table('posts', [idCol(), col('person_id', 'int4', { notNull: true }), col('title', 'text')], {
      pk: ['id'], foreignKeys: [fk('posts_person_fk', ['person_id'], 'people')],
    });
    const model = await inferModel(catalog([people, posts]), { seed: 1 });
    const found = Object.fromEntries(piiColumns(model).map((c) => [`${c.table}.${c.column}`, c.kind]));
    expect(found).toEqual({
      'public.people.first_name': 'name',
      'public.people.last_name': 'name',
      'public.people.email': 'email',
      'public.people.mobile_phone': 'phone',
      'public.people.street_address': 'address',
      'public.people.postal_code': 'address',
      'public.people.date_of_birth': 'birth_date',
      'public.people.last_login_ip': 'ip_address',
      'public.people.username': 'username',
      'public.people.ssn': 'government_id',
      'public.people.iban': 'bank_account',
    });
  });

  it('says how each column was recognised', async () => {
    const model = await inferModel(catalog([table('t', [idCol(), col('email', 'text'), col('birthday', 'date')], { pk: ['id'] })]), { seed: 1 });
    expect(piiColumns(model).map((c) => c.reason)).toEqual(['kind:email', 'name:birthday']);
  });
});
