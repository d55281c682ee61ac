import { describe, expect, it } from 'vitest';
import { splitSqlStatements } from '../../src/db/sql-script.js';

describe('splitSqlStatements', () => {
  it('splits on statement boundaries the way PostgreSQL does', async () => {
    const sql = `
      -- a comment; with a semicolon
      CREATE TABLE "bıgınt" (x text DEFAULT 'a;b');
      CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$;
      SELECT 'ünïcödé'`;
    expect(await splitSqlStatements(sql)).toEqual([
      `-- a comment; with a semicolon\n      CREATE TABLE "bıgınt" (x text DEFAULT 'a;b')`,
      'CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$',
      "SELECT 'ünïcödé'",
    ]);
  });

  it('returns nothing for an empty script', async () => {
    expect(await splitSqlStatements('  -- nothing\n')).toEqual([]);
  });
});
