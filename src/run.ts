import { existsSync, readFileSync } from 'node:fs';
import { COMMANDS, type Command, FLAGS, HELP } from './cli-spec.js';
import { runDemo } from './commands/demo.js';
import { runIntrospect } from './commands/introspect.js';
import { runPlan } from './commands/plan.js';
import { splitList } from './commands/prepare.js';
import { runSeed } from './commands/seed.js';
import { runVerifyIntegrity } from './commands/verify-integrity.js';
import { AutoseedError, isAutoseedError } from './errors.js';
import type { Io } from './io.js';

export type { Io } from './io.js';

/** What the CLI hands to `run()`: meow's parsed flags, camelCased. */
export interface Flags {
  url?: string;
  config?: string;
  seed?: number;
  rows?: number;
  size?: string;
  env?: string;
  tables?: string;
  exclude?: string;
  run?: string;
  reset?: boolean;
  yes?: boolean;
  json?: boolean;
  dryRun?: boolean;
  lockTimeout?: number;
  concurrency?: number;
  allowProduction?: boolean;
  connectTimeout?: number;
  requireRows?: boolean;
  keep?: string;
  help?: boolean;
  version?: boolean;
}

export interface Invocation {
  input: readonly string[];
  flags: Flags;
}

/** Runs one CLI invocation and returns its exit code; never throws, never exits the process. */
export async function run(invocation: Invocation, io: Io): Promise<number> {
  const { flags } = invocation;
  if (flags.help) {
    io.stdout(HELP);
    return 0;
  }
  if (flags.version) {
    io.stdout(`${packageVersion()}\n`);
    return 0;
  }
  try {
    const command = parseCommand(invocation.input);
    validateFlags(flags);
    return await dispatch(command, flags, io);
  } catch (error) {
    return reportError(error, io, flags.json === true);
  }
}

async function dispatch(command: Command, flags: Flags, io: Io): Promise<number> {
  switch (command) {
    case 'introspect':
      return runIntrospect({ url: databaseUrl(flags, io), connectTimeout: flags.connectTimeout ?? 10, json: flags.json === true }, io);
    case 'verify-integrity':
      return runVerifyIntegrity({
        url: databaseUrl(flags, io),
        connectTimeout: flags.connectTimeout ?? 10,
        json: flags.json === true,
        tables: flags.tables,
        exclude: flags.exclude,
        concurrency: flags.concurrency,
        requireRows: flags.requireRows === true,
      }, io);
    case 'seed':
      return runSeed({ ...seedInputs(flags, io), json: flags.json === true }, io);
    case 'plan':
      return runPlan({ ...seedInputs(flags, io), json: flags.json === true }, io);
    case 'demo':
      return runDemo({ seed: flags.seed ?? DEFAULT_SEED, rows: flags.rows ?? DEFAULT_ROWS, json: flags.json === true, keep: flags.keep }, io);
    case 'rollback':
    case 'init':
      throw new AutoseedError('NOT_BUILT', { command });
  }
}

function parseCommand(input: readonly string[]): Command {
  const [first, ...rest] = input;
  if (first === undefined) return 'seed';
  if (!(COMMANDS as readonly string[]).includes(first)) {
    throw new AutoseedError('USAGE', { message: `Unknown command "${first}". Commands: ${COMMANDS.join(', ')}.` });
  }
  if (rest.length > 0) {
    throw new AutoseedError('USAGE', { message: `Unexpected argument "${rest[0]}" after "${first}".` });
  }
  return first as Command;
}

const KNOWN_FLAGS = new Set<string>(Object.keys(FLAGS));

/** Collects every problem with the flags and reports them at once. */
function validateFlags(flags: Flags): void {
  const problems: string[] = Object.keys(flags)
    .filter((key) => !KNOWN_FLAGS.has(key))
    .map((key) => `unknown flag --${kebab(key)}`);
  const check = (name: string, value: number | undefined, min: number) => {
    if (value !== undefined && (!Number.isFinite(value) || !Number.isInteger(value) || value < min)) {
      problems.push(`--${name} must be a whole number >= ${min}`);
    }
  };
  check('seed', flags.seed, 0);
  check('rows', flags.rows, 0);
  check('lock-timeout', flags.lockTimeout, 0);
  check('concurrency', flags.concurrency, 1);
  if (flags.connectTimeout !== undefined && !(flags.connectTimeout > 0)) {
    problems.push('--connect-timeout must be a number of seconds > 0');
  }
  if (problems.length > 0) throw new AutoseedError('USAGE', { message: `${problems.join('; ')}.` });
}

/** Default seed: a fixed one, so two runs without --seed give the same data. */
const DEFAULT_SEED = 1;
/** Default base row count per table. */
const DEFAULT_ROWS = 100;

function seedInputs(flags: Flags, io: Io) {
  const tables = splitList(flags.tables);
  const exclude = splitList(flags.exclude);
  return {
    url: databaseUrl(flags, io),
    connectTimeout: flags.connectTimeout ?? 10,
    seed: flags.seed ?? DEFAULT_SEED,
    rows: flags.rows ?? DEFAULT_ROWS,
    ...(tables ? { tables } : {}),
    ...(exclude ? { exclude } : {}),
  };
}

function kebab(camel: string): string {
  return camel.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function databaseUrl(flags: Flags, io: Io): string {
  const url = flags.url ?? io.env.DATABASE_URL;
  if (!url) throw new AutoseedError('NO_URL', {});
  return url;
}

function reportError(error: unknown, io: Io, json: boolean): number {
  const known = isAutoseedError(error);
  const message = known ? error.message : `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
  if (json) {
    const event = {
      type: 'error',
      code: known ? error.code : 'INTERNAL',
      message,
      ...(error instanceof Error && !known ? { stack: error.stack } : {}),
    };
    io.stdout(`${JSON.stringify(event)}\n`);
  }
  io.stderr(`autoseed: ${message}\n`);
  if (known && error.code === 'USAGE') io.stderr(HELP);
  return known ? error.exitCode : 1;
}

/** The version in our package.json, found by walking up from this file (src/ or dist/src/). */
function packageVersion(): string {
  for (let dir = new URL('.', import.meta.url); dir.pathname !== '/'; dir = new URL('..', dir)) {
    const file = new URL('package.json', dir);
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'autoseed' && pkg.version) return pkg.version;
  }
  return 'unknown';
}
