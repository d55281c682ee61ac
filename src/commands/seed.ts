import { connect } from '../db/connect.js';
import type { EventSink, OpsSink } from '../events.js';
import { warmCheckParser } from '../inference/infer.js';
import { introspect } from '../introspect/index.js';
import type { Io } from '../io.js';
import { seedWithLedger } from '../ledger/session.js';
import { jsonLinesReporter } from '../reporters/json-lines.js';
import { plainReporter } from '../reporters/plain.js';
import type { Confirm } from '../safety/confirm.js';
import { requireConfirmation } from '../safety/confirm.js';
import type { Environment } from '../safety/environment.js';
import { acquireLock, releaseLock } from '../safety/lock.js';
import type { PiiColumn } from '../safety/pii.js';
import { throwIfInterrupted } from '../safety/signals.js';
import type { Truncation } from '../safety/truncate.js';
import type { RunSummary } from '../writer/execute-plan.js';
import type { PrepareOptions } from './prepare.js';

export interface SeedDatabaseOptions extends PrepareOptions {
  url: string;
  connectTimeout: number;
  /** Commit table by table and record each table in the ledger, so an interrupted run resumes (`--checkpoint`). */
  checkpoint?: boolean;
  /** Switch the seeded tables' user triggers off during the run (`--disable-triggers`; needs table ownership). */
  disableTriggers?: boolean;
  /** `--fast`: indexes, keys and FKs of empty tables built after the load; per-row FK checks skipped; all verified before COMMIT. */
  fast?: boolean;
  /** Seed again where another run's rows are, keys after the existing ones (`--append`). */
  append?: boolean;
  /** Truncate the tables being seeded first (`--reset`), once `confirmReset` agrees. */
  reset?: boolean;
  /** Asked with the list of tables --reset would empty; throws to refuse. Without it, --reset is refused. */
  confirmReset?: (truncation: Truncation) => Promise<void>;
  /** Say what would happen (reset list, resume, nothing to do); write nothing. */
  dryRun?: boolean;
  /** Seconds to wait for another run's advisory lock; 0 (default) fails at once with LOCK_BUSY. */
  lockTimeout?: number;
  /** Aborting it cancels the run: rolled back, lock released, INTERRUPTED. */
  signal?: AbortSignal;
  environment?: Environment;
  /** The run's configuration for the run-start event (the URL without its password). */
  configuration?: Record<string, unknown>;
}

export interface SeedResult extends RunSummary {
  /** Tables left out, with the reason. */
  skipped: Record<string, string>;
  /** seeded: a new run; resumed: an interrupted one finished; already-complete: nothing to do; dry-run: nothing written. */
  outcome: 'seeded' | 'resumed' | 'already-complete' | 'dry-run';
  /** The ledger's run id (null for a dry run that would start a new run). */
  run: number | null;
  /** Seeded columns that hold personal data in the real application (their values are synthetic). */
  pii: readonly PiiColumn[];
}

/**
 * Seeds the database at `url`: lock → introspect → ledger decision (nothing to do, resume, new
 * run, refuse) → infer → plan → generate + COPY, in one transaction (or one per table with
 * `checkpoint`). Reports through `emit` (the writer's events) and `ops` (lock, resume, reset);
 * prints nothing.
 *
 * Two connections: the main one holds the advisory lock and the run's transaction; the checker
 * evaluates CHECKs outside it. Both are closed, and the lock released, on every exit path.
 */
export async function seedDatabase(options: SeedDatabaseOptions, emit: EventSink, ops: OpsSink = () => undefined): Promise<SeedResult> {
  throwIfInterrupted(options.signal);
  // compiled while the connections open and the catalog is read
  warmCheckParser();
  // the lock holder's application_name tells a waiting run what holds it
  const client = await connect({ url: options.url, connectTimeout: options.connectTimeout, applicationName: 'autoseed seed' });
  // CHECKs autoseed cannot build into its generators are confirmed on a second connection, which
  // opens while the lock is taken and the catalog read
  const checking = connect({ url: options.url, connectTimeout: options.connectTimeout, applicationName: 'autoseed-checker' });
  // awaited below, or closed on the way out
  checking.catch(() => undefined);
  try {
    const timeoutSeconds = options.lockTimeout ?? 0;
    // a dry run only reads: it neither waits for nor blocks another run
    const locking = options.dryRun !== true;
    if (locking) await acquireLock(client, { timeoutSeconds, signal: options.signal, onWait: (holder) => ops({ type: 'lock-wait', holder, timeoutSeconds }) });
    try {
      throwIfInterrupted(options.signal);
      const catalog = await introspect(client);
      const checker = await checking;
      throwIfInterrupted(options.signal);
      return await seedWithLedger({ client, checker, catalog, options, emit, ops });
    } finally {
      if (locking) await releaseLock(client);
    }
  } finally {
    const checker = await checking.catch(() => null);
    await Promise.all([client.end().catch(() => undefined), checker?.end().catch(() => undefined)]);
  }
}

export interface SeedOptions extends SeedDatabaseOptions {
  /** --json: JSON lines only. */
  json: boolean;
  /** JSON lines on stdout (without --json: stdout is not a terminal), human lines still on stderr. */
  jsonLines?: boolean;
  /** --yes: confirm --reset without asking. */
  yes?: boolean;
  /** Asks on the terminal; undefined without one (then --reset needs --yes). */
  confirm?: Confirm;
}

/** `autoseed seed`: JSON lines with --json, human progress lines otherwise. */
export async function runSeed(options: SeedOptions, io: Io): Promise<number> {
  const human = plainReporter(io.stderr);
  const lines = jsonLinesReporter(io.stdout);
  const both: typeof human = (event) => {
    lines(event);
    human(event);
  };
  const report = options.json ? lines : options.jsonLines ? both : human;
  const confirmReset = async (t: Truncation) => requireConfirmation({
    yes: options.yes === true,
    confirm: options.confirm,
    action: 'seed --reset',
    question: `Truncate ${t.tables.length + t.cascaded.length} tables (RESTART IDENTITY CASCADE) and seed again?`,
  });
  await seedDatabase({ ...options, confirmReset }, report, report);
  return 0;
}
