import { describe, expect, it } from 'vitest';
import { parseDatabaseUrl, redactUrl } from '../../src/db/connect.js';
import { AutoseedError } from '../../src/errors.js';

describe('database URLs', () => {
  it('reads host, port, user and database, with defaults', () => {
    expect(parseDatabaseUrl('postgres://me:pw@db.example.com:6543/app')).toEqual({
      host: 'db.example.com', port: 6543, user: 'me', database: 'app',
    });
    expect(parseDatabaseUrl('postgresql://localhost')).toEqual({
      host: 'localhost', port: 5432, user: 'postgres', database: 'postgres',
    });
  });

  it('rejects other schemes and non-URLs with an AutoseedError', () => {
    expect(() => parseDatabaseUrl('mysql://x/y')).toThrow(AutoseedError);
    expect(() => parseDatabaseUrl('just words')).toThrow(/not a URL/);
  });

  it('redacts the password and nothing else', () => {
    expect(redactUrl('postgres://me:s3cret@host:5432/db')).toBe('postgres://me:***@host:5432/db');
    expect(redactUrl('postgres://me@host/db')).toBe('postgres://me@host/db');
  });
});
