/** The one PostgreSQL a bench run uses: an embedded one (fsync on by default) or `--url`. */
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/db/embedded.js';

export interface BenchServer {
  /** URL of the `postgres` database as a superuser (or whoever --url names). */
  readonly adminUrl: string;
  /** One line saying which server and which durability settings. */
  readonly description: string;
  readonly settings: Record<string, string>;
  stop(): Promise<void>;
}

const SHOWN = ['server_version', 'fsync', 'synchronous_commit', 'full_page_writes', 'shared_buffers', 'max_wal_size'] as const;

export async function openServer(options: { url: string | undefined; fsync: boolean }): Promise<BenchServer> {
  const embedded = options.url ? null : await startEmbeddedPostgres({ fast: !options.fsync });
  const adminUrl = options.url ?? embedded!.url;
  try {
    const settings = await readSettings(adminUrl);
    const where = embedded ? 'embedded PostgreSQL' : `PostgreSQL at ${new URL(adminUrl).host}`;
    const durability = embedded
      ? options.fsync ? 'fsync on (PostgreSQL defaults; --fsync off to trade durability for speed)' : 'fsync off, synchronous_commit off, full_page_writes off (--fsync off)'
      : `fsync ${settings.fsync}, synchronous_commit ${settings.synchronous_commit} (as the server is configured)`;
    return {
      adminUrl,
      settings,
      description: `${where} ${settings.server_version} · ${durability} · shared_buffers ${settings.shared_buffers}, max_wal_size ${settings.max_wal_size}`,
      stop: async () => embedded?.stop(),
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

async function readSettings(url: string): Promise<Record<string, string>> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    const settings: Record<string, string> = {};
    for (const name of SHOWN) settings[name] = (await client.query<Record<string, string>>(`SHOW ${name}`)).rows[0]![name]!;
    return settings;
  } finally {
    await client.end();
  }
}
