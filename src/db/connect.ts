import pg from 'pg';
import { AutoseedError } from '../errors.js';

export interface ConnectOptions {
  url: string;
  /** Seconds to wait for the server before giving up. */
  connectTimeout: number;
  applicationName?: string;
}

export interface ConnectionTarget {
  host: string;
  port: number;
  user: string;
  database: string;
}

/** Validates a postgres:// URL and tells where it points, without ever echoing the password. */
export function parseDatabaseUrl(url: string): ConnectionTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // the text is not echoed: a mistyped URL may still hold a password
    throw new AutoseedError('INVALID_URL', { reason: 'the value given is not a URL' });
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new AutoseedError('INVALID_URL', {
      reason: `the scheme must be postgres:// or postgresql://, not ${parsed.protocol}//`,
    });
  }
  const socketHost = parsed.searchParams.get('host');
  const host = decodeURIComponent(parsed.hostname) || socketHost || 'localhost';
  const port = parsed.port ? Number(parsed.port) : Number(parsed.searchParams.get('port') ?? 5432);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  const user = decodeURIComponent(parsed.username);
  return { host, port, user: user || 'postgres', database: database || user || 'postgres' };
}

/** The URL with its password replaced by `***`, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@]*@/i, '$1:***@');
}

/**
 * Opens one connection, turning every way it can fail into an `AutoseedError` that names the
 * cause and the fix. The driver's error is kept as `cause` (its message never holds the password).
 */
export async function connect(options: ConnectOptions): Promise<pg.Client> {
  const target = parseDatabaseUrl(options.url);
  const timeoutMs = options.connectTimeout * 1000;
  const client = new pg.Client({
    connectionString: options.url,
    application_name: options.applicationName ?? 'autoseed',
    // pg closes the socket itself when this expires, so a silent server cannot keep us alive
    connectionTimeoutMillis: timeoutMs,
  });
  // an idle client's socket error must not crash the process; queries report their own errors
  client.on('error', () => undefined);
  const started = performance.now();
  try {
    await client.connect();
    return client;
  } catch (error) {
    void client.end().catch(() => undefined);
    const timedOut = performance.now() - started >= timeoutMs - 50 && !hasCode(error);
    if (timedOut) {
      const data = { host: target.host, port: target.port, seconds: options.connectTimeout };
      throw new AutoseedError('CONNECT_TIMEOUT', data, { cause: error });
    }
    throw translateConnectError(error, target, options.connectTimeout);
  }
}

function hasCode(error: unknown): boolean {
  return typeof (error as { code?: unknown } | null)?.code === 'string';
}

function translateConnectError(error: unknown, t: ConnectionTarget, seconds: number): AutoseedError {
  const code = (error as { code?: unknown }).code;
  const where = { host: t.host, port: t.port };
  switch (code) {
    case 'ECONNREFUSED':
      return new AutoseedError('CONNECTION_REFUSED', where, { cause: error });
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new AutoseedError('HOST_NOT_FOUND', { host: t.host }, { cause: error });
    case '28P01': // invalid_password
    case '28000': // invalid_authorization_specification (pg_hba reject, unknown user)
      return new AutoseedError('AUTH_FAILED', { ...where, user: t.user }, { cause: error });
    case '3D000': // invalid_catalog_name
      return new AutoseedError('DATABASE_NOT_FOUND', { ...where, database: t.database }, { cause: error });
    case 'ETIMEDOUT':
      return new AutoseedError("CONNECT_TIMEOUT", { ...where, seconds }, { cause: error });
    default: {
      const detail = error instanceof Error ? error.message : String(error);
      return new AutoseedError('CONNECTION_FAILED', { ...where, detail }, { cause: error });
    }
  }
}

/**
 * A pool for verify-integrity: read-only sessions (verification only reads; this also stops a
 * CHECK's function from writing anything), `max` connections at most.
 */
export function readOnlyPool(options: ConnectOptions, max: number): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.url,
    max,
    connectionTimeoutMillis: options.connectTimeout * 1000,
    application_name: options.applicationName ?? 'autoseed verify-integrity',
    options: '-c default_transaction_read_only=on',
  });
  // an idle pooled client's socket error must not crash the process; queries report their own
  pool.on('error', () => undefined);
  return pool;
}
