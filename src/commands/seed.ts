import { connect } from '../db/connect.js';
import { AutoseedError } from '../errors.js';
import type { EventSink } from '../events.js';
import { introspect } from '../introspect/index.js';
import type { Io } from '../io.js';
import { jsonLinesReporter } from '../reporters/json-lines.js';
import { plainReporter } from '../reporters/plain.js';
import { executePlan, type RunSummary } from '../writer/execute-plan.js';
import { GeneratorSet } from '../writer/generate/generator-set.js';
import { prepare, type PrepareOptions } from './prepare.js';

export interface SeedDatabaseOptions extends PrepareOptions {
  url: string;
  connectTimeout: number;
}

export interface SeedResult extends RunSummary {
  /** Tables left out, with the reason. */
  skipped: Record<string, string>;
}

/**
 * Seeds the database at `url`: introspect → infer → plan → generate + COPY, in one transaction.
 * Reports through `emit` only; prints nothing.
 */
export async function seedDatabase(options: SeedDatabaseOptions, emit: EventSink): Promise<SeedResult> {
  const client = await connect({ url: options.url, connectTimeout: options.connectTimeout });
  // CHECKs autoseed cannot build into its generators are confirmed on a second connection
  const checker = await connect({ url: options.url, connectTimeout: options.connectTimeout, applicationName: 'autoseed-checker' });
  try {
    const catalog = await introspect(client);
    const { plan, inputs } = await prepare(client, catalog, options);
    if (!plan.tables.some((t) => t.mode === 'seed')) throw new AutoseedError('NOTHING_TO_SEED', {});
    for (const message of plan.warnings) emit({ type: 'warning', message });
    const summary = await executePlan(client, new GeneratorSet(inputs), plan, { checker, emit });
    const skipped = Object.fromEntries(plan.tables.filter((t) => t.mode === 'skip' && t.skip).map((t) => [t.key, t.skip!.reason]));
    emit({ type: 'run-done', tables: summary.tables, rows: summary.rows, ms: summary.ms, skipped, short: summary.short });
    return { ...summary, skipped };
  } finally {
    await Promise.all([client.end(), checker.end()]);
  }
}

export interface SeedOptions extends SeedDatabaseOptions {
  json: boolean;
}

/** `autoseed seed`: JSON lines with --json, human progress lines otherwise. */
export async function runSeed(options: SeedOptions, io: Io): Promise<number> {
  const emit: EventSink = options.json ? jsonLinesReporter(io.stdout) : plainReporter(io.stderr);
  await seedDatabase(options, emit);
  return 0;
}
