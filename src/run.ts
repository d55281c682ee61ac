// heavy commands (the terminal UI's Ink and React, the embedded server, init, rollback) load on use:
// a JSON-lines seed starts without them
import { resolve } from 'node:path';
import { COMMANDS, type Command, FLAGS, HELP } from './cli-spec.js';
import { runIntrospect } from './commands/introspect.js';
import { runPlan } from './commands/plan.js';
import { splitList } from './commands/prepare.js';
import { runSeed } from './commands/seed.js';
import { runVerifyIntegrity } from './commands/verify-integrity.js';
import { redactUrl } from './db/connect.js';
import { AutoseedError, isAutoseedError } from './errors.js';
import type { Io } from './io.js';
import { autoseedVersion } from './ledger/version.js';
import { isDemoOverridesFile } from './overrides/demo-file.js';
import { type LoadedOverrides, loadOverrides } from './overrides/load.js';
import type { Confirm } from './safety/confirm.js';
import { guardProduction, isSize, resolveEnvironment, resolveRows } from './safety/environment.js';

export type { Io } from './io.js';

/** What the CLI passes besides output and environment: how to ask for confirmation, and Ctrl-C. */
export interface RunIo extends Io {
  /** Asks yes/no on the terminal; absent when stdin is not a TTY (destructive commands then need --yes). */
  confirm?: Confirm;
  /**
   * Starts handling SIGINT/SIGTERM and returns the signal the first one aborts: the seed or
   * rollback in progress then rolls back and exits 130. Called only by commands that can stop so.
   */
  interrupts?: () => AbortSignal;
}

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
  checkpoint?: boolean;
  disableTriggers?: boolean;
  fast?: boolean;
  append?: boolean;
  /** false with --no-verify. */
  verify?: boolean;
  help?: boolean;
  version?: boolean;
}

export interface Invocation {
  input: readonly string[];
  flags: Flags;
}

/** Runs one CLI invocation and returns its exit code; never throws, never exits the process. */
export async function run(invocation: Invocation, io: RunIo): Promise<number> {
  const { flags } = invocation;
  if (flags.help) {
    io.stdout(HELP);
    return 0;
  }
  if (flags.version) {
    io.stdout(`${autoseedVersion()}\n`);
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

async function dispatch(command: Command, flags: Flags, io: RunIo): Promise<number> {
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
    case 'seed': {
      const inputs = seedInputs(flags, io, await overridesFor(flags));
      // before connecting: a refused run writes nothing and opens no connection
      if (flags.dryRun !== true) guardProduction({ environment: inputs.environment, vars: io.env, url: inputs.url, allowProduction: flags.allowProduction === true });
      // the terminal UI does not do --reset / --append / --checkpoint / --dry-run: those run the plain way
      const operations = flags.reset === true || flags.append === true || flags.checkpoint === true || flags.dryRun === true;
      if (interactive(flags, io) && !operations) return (await import('./commands/seed-tui.js')).runSeedTui({ ...inputs, verify: flags.verify !== false }, io);
      return runSeed({
        ...inputs,
        json: flags.json === true,
        // the CLI contract: JSON lines on stdout when it is not a terminal (people still get lines on stderr)
        jsonLines: flags.json === true || io.stdoutIsTTY !== true,
        checkpoint: flags.checkpoint === true,
        append: flags.append === true,
        reset: flags.reset === true,
        dryRun: flags.dryRun === true,
        lockTimeout: flags.lockTimeout ?? 0,
        yes: flags.yes === true,
        ...(io.confirm ? { confirm: io.confirm } : {}),
        ...(io.interrupts ? { signal: io.interrupts() } : {}),
      }, io);
    }
    case 'rollback': {
      const url = databaseUrl(flags, io);
      if (flags.dryRun !== true) guardProduction({ environment: resolveEnvironment(flags.env, io.env), vars: io.env, url, allowProduction: flags.allowProduction === true });
      // the run's keys are recomputed with the overrides file it used (its fingerprint is checked)
      const loaded = await overridesFor(flags);
      return (await import('./commands/rollback.js')).runRollback({
        url,
        ...(loaded ? { overrides: loaded } : {}),
        ...(io.env.AUTOSEED_PASSWORD ? { password: io.env.AUTOSEED_PASSWORD } : {}),
        connectTimeout: flags.connectTimeout ?? 10,
        json: flags.json === true,
        ...(flags.run !== undefined ? { run: Number(flags.run) } : {}),
        dryRun: flags.dryRun === true,
        yes: flags.yes === true,
        lockTimeout: flags.lockTimeout ?? 0,
        ...(io.confirm ? { confirm: io.confirm } : {}),
        ...(io.interrupts ? { signal: io.interrupts() } : {}),
      }, io);
    }
    case 'plan':
      return runPlan({ ...seedInputs(flags, io, await overridesFor(flags)), json: flags.json === true }, io);
    case 'demo':
      // the demo's own overrides.ts supplies the seed and rows unless --seed / --rows say otherwise
      return (await import('./commands/demo.js')).runDemo({ seed: flags.seed, rows: flags.rows, json: flags.json === true, keep: flags.keep }, io);
    case 'init':
      return (await import('./commands/init.js')).runInit({
        url: databaseUrl(flags, io),
        connectTimeout: flags.connectTimeout ?? 10,
        file: resolve(flags.config ?? 'overrides.ts'),
        yes: flags.yes === true,
      }, io);
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
  if (flags.run !== undefined && !/^[1-9]\d*$/.test(String(flags.run))) problems.push('--run must be a run id (a whole number >= 1)');
  if (flags.size !== undefined && !isSize(flags.size)) problems.push('--size must be small, medium or large');
  if (flags.reset === true && flags.append === true) problems.push('--reset and --append cannot be combined (--reset empties the tables, --append adds to them)');
  if (flags.connectTimeout !== undefined && !(flags.connectTimeout > 0)) {
    problems.push('--connect-timeout must be a number of seconds > 0');
  }
  if (problems.length > 0) throw new AutoseedError('USAGE', { message: `${problems.join('; ')}.` });
}

/** Default seed: a fixed one, so two runs without --seed give the same data. */
const DEFAULT_SEED = 1;

/**
 * Seed and plan inputs. The environment (--env, AUTOSEED_ENV, NODE_ENV, else development) is
 * resolved here and only here: the stages below receive it as data.
 */
function seedInputs(flags: Flags, io: Io, loaded: LoadedOverrides | null) {
  const tables = splitList(flags.tables);
  const exclude = splitList(flags.exclude);
  const url = databaseUrl(flags, io);
  const environment = resolveEnvironment(flags.env, io.env);
  // the file's seed and rows are defaults: --seed, --rows and --size win
  const fileRows = flags.size === undefined ? loaded?.overrides.rows : undefined;
  const { rows, size } = resolveRows({ rows: flags.rows ?? fileRows, size: flags.size, environment });
  const seed = flags.seed ?? loaded?.overrides.seed ?? DEFAULT_SEED;
  return {
    url,
    connectTimeout: flags.connectTimeout ?? 10,
    seed,
    rows,
    ...(tables ? { tables } : {}),
    ...(exclude ? { exclude } : {}),
    ...(io.env.AUTOSEED_PASSWORD ? { password: io.env.AUTOSEED_PASSWORD } : {}),
    ...(loaded ? { overrides: loaded } : {}),
    disableTriggers: flags.disableTriggers === true,
    fast: flags.fast === true,
    environment,
    // for the run-start event: what this run was asked to do, the password left out
    configuration: {
      url: redactUrl(url), seed, rows, size, tables: tables ?? null, exclude: exclude ?? null, config: loaded?.file ?? null,
      checkpoint: flags.checkpoint === true, append: flags.append === true, reset: flags.reset === true,
      dryRun: flags.dryRun === true, lockTimeout: flags.lockTimeout ?? 0, allowProduction: flags.allowProduction === true,
    },
  };
}

/**
 * The overrides file: --config FILE (which must exist), else ./overrides.ts of the working folder
 * when there is one — except inside the autoseed checkout, where that file is the demo's.
 */
async function overridesFor(flags: Flags): Promise<LoadedOverrides | null> {
  if (flags.config !== undefined) return loadOverrides(resolve(flags.config), { required: true, label: flags.config });
  const file = resolve('overrides.ts');
  if (isDemoOverridesFile(file)) return null;
  return loadOverrides(file, { required: false, label: './overrides.ts' });
}

/** The seed UI runs on a terminal, outside CI, unless --yes or --json asks for no interaction. */
function interactive(flags: Flags, io: Io): boolean {
  const ci = io.env.CI !== undefined && io.env.CI !== '' && io.env.CI !== '0' && io.env.CI !== 'false';
  return io.isTTY === true && !ci && flags.yes !== true && flags.json !== true;
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
    // the JSON line carries what a log search needs: the code, the error's data, and the stack
    const event = {
      ts: new Date().toISOString(),
      type: 'error',
      code: known ? error.code : 'INTERNAL',
      message,
      ...(known ? { context: error.data } : {}),
      ...(error instanceof Error ? { stack: error.stack } : {}),
    };
    io.stdout(`${JSON.stringify(event)}\n`);
  }
  io.stderr(`autoseed: ${message}\n`);
  if (known && error.code === 'USAGE') io.stderr(HELP);
  return known ? error.exitCode : 1;
}
