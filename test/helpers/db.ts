import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { runSqlScript } from '../../src/db/sql-script.js';

export interface TestDatabase {
  readonly name: string;
  /** URL of this database, as the admin user. */
  readonly url: string;
  /** A connected client on this database. */
  readonly client: pg.Client;
  drop(): Promise<void>;
}

/** The URL of the server the integration run uses, pointed at `database`. */
export function serverUrl(database = 'postgres'): string {
  const url = new URL(inject('pgAdminUrl'));
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(serverUrl());
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database (from template0) with the script `sql` loaded, statement by statement. */
export async function createTestDatabase(sql = ''): Promise<TestDatabase> {
  const name = `autoseed_t_${randomBytes(5).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`));
  const url = serverUrl(name);
  const client = new pg.Client(url);
  client.on('error', () => undefined);
  await client.connect();
  const drop = async () => {
    await client.end().catch(() => undefined);
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  };
  try {
    if (sql) await runSqlScript(client, sql);
  } catch (error) {
    await drop();
    throw error;
  }
  return { name, url, client, drop };
}
