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
  LOCK_BUSY: { database: string; holder: LockHolderInfo | null; waited: number };
  INTERRUPTED: { signal: string; kept: string | null };
  PRODUCTION_REFUSED: { environment: string; source: string; host: string };
  CONFIRMATION_REQUIRED: { action: string };
  CONFIRMATION_DECLINED: { action: string };
  ALREADY_SEEDED: { run: number; seed: number; started: string; fingerprint: string };
  NOTHING_TO_ROLL_BACK: { database: string };
  RUN_NOT_FOUND: { run: number; runs: string };
  INPUTS_CHANGED: { run: number; what: string; action: string; fix: string };
  ROLLBACK_FAILED: { run: number; table: string; detail: string; constraint: string | null };
  LEDGER_UNAVAILABLE: { database: string; user: string; detail: string };
  OVERRIDES_NOT_FOUND: { file: string };
  OVERRIDES_LOAD_FAILED: { file: string; detail: string };
  OVERRIDES_NOT_AN_OBJECT: { file: string; got: string };
  OVERRIDES_INVALID: { file: string; problems: readonly string[] };
  OVERRIDE_FAILED: { file: string; table: string; column: string; row: number; detail: string };
  INIT_WOULD_OVERWRITE: { files: readonly string[] };
}

/** Who holds autoseed's advisory lock, from pg_locks and pg_stat_activity (fields may be hidden from non-superusers). */
export interface LockHolderInfo {
  pid: number;
  applicationName: string | null;
  user: string | null;
  client: string | null;
  /** When the holder's session started (autoseed takes the lock right after connecting). */
  since: string | null;
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
  LOCK_BUSY: (d) =>
    `Another autoseed run is working on database "${d.database}"${d.holder ? `: ${describeHolder(d.holder)}` : ''}` +
    `${d.waited > 0 ? ` (waited ${d.waited} s)` : ''}. Fix: wait for it to finish, pass --lock-timeout SEC to wait for it,` +
    `${d.holder ? ` or stop it (SELECT pg_terminate_backend(${d.holder.pid}))` : ' or stop it'} if it is stuck.`,
  INTERRUPTED: (d) =>
    `Interrupted by ${d.signal}: the transaction in progress was rolled back and the lock released; ` +
    `${d.kept ?? 'nothing from this run was kept'}.`,
  PRODUCTION_REFUSED: (d) =>
    `Refusing to write to ${d.host}: the environment is "${d.environment}" (from ${d.source}). Nothing was written; autoseed did not connect.` +
    ' Fix: point autoseed at a development or staging database (or set AUTOSEED_ENV=development for a local copy),' +
    ' or pass --allow-production if you really mean to write fake data there.',
  CONFIRMATION_REQUIRED: (d) =>
    `${d.action} needs confirmation and there is no terminal to ask on. Nothing was changed. Fix: pass --yes to confirm, or run it in a terminal.`,
  CONFIRMATION_DECLINED: (d) => `${d.action}: not confirmed. Nothing was changed. Fix: answer "y" to go ahead, or pass --yes.`,
  ALREADY_SEEDED: (d) =>
    `This database was already seeded by autoseed run #${d.run} (seed ${d.seed}, started ${d.started}) with a different schema, seed or volume` +
    ` (fingerprint ${d.fingerprint.slice(0, 12)}). Nothing was written. Fix: --reset to truncate the seeded tables and seed again,` +
    ` --append to add rows after the existing ones, or "autoseed rollback" to remove run #${d.run} first.`,
  NOTHING_TO_ROLL_BACK: (d) =>
    `No autoseed run with rows to roll back in database "${d.database}". Nothing was changed. Fix: check --url; runs already rolled back or reset are not rolled back twice.`,
  RUN_NOT_FOUND: (d) => `There is no autoseed run #${d.run} with rows to roll back. Runs: ${d.runs}. Fix: pass one of those to --run.`,
  INPUTS_CHANGED: (d) =>
    `The ${d.what} changed since autoseed run #${d.run}, so the keys of its rows cannot be recomputed to ${d.action}. Nothing was changed.` +
    ` Fix: ${d.fix}, or use "autoseed seed --reset" to truncate the seeded tables instead.`,
  LEDGER_UNAVAILABLE: (d) =>
    `Could not create autoseed's run ledger (schema "autoseed") in database "${d.database}": ${d.detail}. Nothing was written.` +
    ` Fix: let the user create it once (GRANT CREATE ON DATABASE "${d.database}" TO "${d.user}"), or have an owner run` +
    ` CREATE SCHEMA autoseed AUTHORIZATION "${d.user}".`,
  ROLLBACK_FAILED: (d) =>
    `Rolling back run #${d.run} failed in ${d.table}${d.constraint ? ` on constraint ${d.constraint}` : ''}: ${d.detail}. Nothing was deleted (the rollback was rolled back).` +
    ' Fix: rows written after the run may reference its rows: delete those first, roll back later runs first (--run ID), or use "autoseed seed --reset".',
  OVERRIDES_NOT_FOUND: (d) =>
    `The overrides file ${d.file} does not exist. Nothing was written. Fix: correct the --config path, or run "autoseed init" to write one.`,
  OVERRIDES_LOAD_FAILED: (d) =>
    `Could not load the overrides file ${d.file}: ${d.detail}. Nothing was written. Fix: correct the file (run it through tsc to see where), or pass another one with --config.`,
  OVERRIDES_NOT_AN_OBJECT: (d) =>
    `The overrides file ${d.file} must export an object as its default export; it exports ${d.got}. Nothing was written.` +
    " Fix: end the file with `export default defineOverrides({ … })` (import { defineOverrides } from 'autoseed').",
  OVERRIDES_INVALID: (d) =>
    `The overrides file ${d.file} has ${d.problems.length === 1 ? 'a problem' : `${d.problems.length} problems`}:\n` +
    `${d.problems.map((p) => `  - ${p}`).join('\n')}\nNothing was written. Fix: correct ${d.problems.length === 1 ? 'it' : 'them'} in ${d.file}` +
    ' ("autoseed init" writes schema types that make the compiler catch these).',
  OVERRIDE_FAILED: (d) =>
    `The override function for ${d.table}.${d.column} (${d.file}) failed on row ${d.row}: ${d.detail}. Nothing was written (the run was rolled back).` +
    " Fix: make it return a value of the column's type for every row (the types \"autoseed init\" writes catch most of these at compile time).",
  INIT_WOULD_OVERWRITE: (d) =>
    `${d.files.join(' and ')} already ${d.files.length === 1 ? 'exists' : 'exist'}: autoseed init does not overwrite files. Nothing was written.` +
    ' Fix: pass --yes to overwrite, or move the existing files away first.',
};

function describeHolder(h: LockHolderInfo): string {
  const who = [h.applicationName ? `application_name "${h.applicationName}"` : null, h.user ? `user ${h.user}` : null, h.client ? `from ${h.client}` : null];
  return `pid ${h.pid} (${who.filter(Boolean).join(', ') || 'details hidden: not your session'})${h.since ? `, connected since ${h.since}` : ''}`;
}

/** Exit code per error code; anything not listed exits 1. */
const EXIT_CODES: Partial<Record<ErrorCode, number>> = { USAGE: 2, LOCK_BUSY: 3, INTERRUPTED: 130 };

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
