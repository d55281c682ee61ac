/**
 * One error type for everything a user can get wrong or run into. Each code has typed data and
 * one formatter that says the cause and the fix; the CLI maps codes to exit codes.
 */

interface ErrorData {
  INVALID_URL: { reason: string };
  NO_URL: Record<string, never>;
  CONNECTION_REFUSED: { host: string; port: number };
  HOST_NOT_FOUND: { host: string };
  AUTH_FAILED: { user: string; host: string; port: number };
  DATABASE_NOT_FOUND: { database: string; host: string; port: number };
  CONNECT_TIMEOUT: { host: string; port: number; seconds: number };
  CONNECTION_FAILED: { host: string; port: number; detail: string };
  USAGE: { message: string };
  SEED_FAILED: { table: string; detail: string; constraint: string | null; sample: string | null };
  CHECK_UNSATISFIABLE: { table: string; check: string; attempts: number; sample: string };
  NOTHING_TO_SEED: Record<string, never>;
  NOT_BUILT: { command: string };
}

export type ErrorCode = keyof ErrorData;

const FORMAT: { [C in ErrorCode]: (d: ErrorData[C]) => string } = {
  INVALID_URL: (d) =>
    `Invalid database URL: ${d.reason}. Fix: pass --url or DATABASE_URL as postgres://user:password@host:5432/dbname.`,
  NO_URL: () =>
    'No database given. Fix: set DATABASE_URL or pass --url postgres://user:password@host:5432/dbname.',
  CONNECTION_REFUSED: (d) =>
    `Connection refused by ${d.host}:${d.port}. Fix: start PostgreSQL there, or correct the host and port in the URL.`,
  HOST_NOT_FOUND: (d) =>
    `Host "${d.host}" not found. Fix: correct the host name in the URL (or check your DNS / network).`,
  AUTH_FAILED: (d) =>
    `Authentication failed for user "${d.user}" at ${d.host}:${d.port}. Fix: check the user name and password in the URL, and pg_hba.conf on the server.`,
  DATABASE_NOT_FOUND: (d) =>
    `Database "${d.database}" does not exist on ${d.host}:${d.port}. Fix: create it (createdb ${d.database}) or name an existing database in the URL.`,
  CONNECT_TIMEOUT: (d) =>
    `Timed out after ${d.seconds} s connecting to ${d.host}:${d.port}. Fix: check that the server is reachable (firewall, VPN), or raise --connect-timeout.`,
  CONNECTION_FAILED: (d) =>
    `Could not connect to ${d.host}:${d.port}: ${d.detail}. Fix: check the URL and that the server accepts connections from here.`,
  USAGE: (d) => `${d.message} Run autoseed --help for usage.`,
  SEED_FAILED: (d) =>
    `Seeding ${d.table} failed${d.constraint ? ` on constraint ${d.constraint}` : ''}: ${d.detail}.` +
    `${d.sample ? ` Sample row: ${d.sample}.` : ''} Nothing was written (the run was rolled back).` +
    ' Fix: give the column a generator that fits in overrides.ts, or exclude the table with --exclude.',
  CHECK_UNSATISFIABLE: (d) =>
    `Could not generate rows for ${d.table} that pass CHECK ${d.check} (${d.attempts} attempts). Sample candidate: ${d.sample}.` +
    ' Nothing was written. Fix: give the columns of that check a generator in overrides.ts, or exclude the table with --exclude.',
  NOTHING_TO_SEED: () =>
    'There is no table to seed in this database. Fix: point --url / DATABASE_URL at the database that holds your schema, or create the tables first.',
  NOT_BUILT: (d) =>
    `"autoseed ${d.command}" is not available in this version yet. Fix: use "autoseed introspect" for now, or update autoseed.`,
};

/** Exit code per error code; anything not listed exits 1. */
const EXIT_CODES: Partial<Record<ErrorCode, number>> = { USAGE: 2 };

export class AutoseedError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly data: ErrorData[C];

  constructor(code: C, data: ErrorData[C], options?: { cause?: unknown }) {
    super(FORMAT[code](data), options);
    this.name = 'AutoseedError';
    this.code = code;
    this.data = data;
  }

  get exitCode(): number {
    return EXIT_CODES[this.code] ?? 1;
  }
}

export function isAutoseedError(error: unknown): error is AutoseedError {
  return error instanceof AutoseedError;
}
