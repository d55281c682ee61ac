/** Fresh databases on the bench's server, each with a schema script loaded, all dropped at the end. */
import pg from 'pg';
import { runSqlScript } from '../src/db/sql-script.js';

export interface BenchDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

export class Databases {
  private count = 0;
  private readonly open = new Set<string>();

  constructor(private readonly adminUrl: string) {}

  /** A new database (from template0) with `sql` run statement by statement; not timed by anyone. */
  async create(label: string, sql: string): Promise<BenchDatabase> {
    const name = `autoseed_bench_${process.pid}_${++this.count}_${label}`;
    await this.admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`));
    this.open.add(name);
    const url = urlFor(this.adminUrl, name);
    if (sql) {
      const client = new pg.Client(url);
      await client.connect();
      try {
        await runSqlScript(client, sql);
      } catch (error) {
        await client.end();
        await this.drop(name);
        throw error;
      }
      await client.end();
    }
    return { name, url, drop: () => this.drop(name) };
  }

  async drop(name: string): Promise<void> {
    if (!this.open.delete(name)) return;
    await this.admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }

  /** Drops every database still there (at the end, or after a failure). */
  async dropAll(): Promise<void> {
    for (const name of [...this.open]) await this.drop(name).catch(() => undefined);
  }

  private async admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client(this.adminUrl);
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }
}

export function urlFor(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Rows in each table (`schema.table` or bare names), counted after a run, outside its timing. */
export async function countRows(url: string, tables: readonly string[]): Promise<Record<string, number>> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    const counts: Record<string, number> = {};
    for (const table of tables) {
      counts[table] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
    }
    return counts;
  } finally {
    await client.end();
  }
}
