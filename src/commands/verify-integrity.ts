import { readOnlyPool } from '../db/connect.js';
import { readCatalog } from './read-catalog.js';
import { AutoseedError } from '../errors.js';
import type { Io } from '../io.js';
import { formatReport, selectTables, splitNames, verifyIntegrity } from '../verify/index.js';

export interface VerifyIntegrityOptions {
  url: string;
  connectTimeout: number;
  json: boolean;
  /** `--tables a,b`: only these (schema-qualified or bare names). */
  tables?: string;
  /** `--exclude a,b`: every table but these. */
  exclude?: string;
  /** Parallel connections; default 4. */
  concurrency?: number;
  requireRows: boolean;
}

const PROGRESS_EVERY_MS = 200;

/** `autoseed verify-integrity`: exit 0 when every constraint holds, 1 on any violation. */
export async function runVerifyIntegrity(options: VerifyIntegrityOptions, io: Io): Promise<number> {
  const started = performance.now();
  const catalog = await readCatalog(options);
  const selection = selectTables(
    catalog,
    options.tables === undefined ? undefined : splitNames(options.tables),
    options.exclude === undefined ? [] : splitNames(options.exclude),
  );
  if (selection.unknown.length > 0) {
    const names = selection.unknown.map((n) => `"${n}"`).join(', ');
    throw new AutoseedError('USAGE', {
      message: `No table${selection.unknown.length > 1 ? 's' : ''} named ${names} in database "${catalog.database}". Fix: use schema.table or table names that "autoseed introspect" lists.`,
    });
  }
  const concurrency = options.concurrency ?? 4;
  const pool = readOnlyPool(options, concurrency);
  const progress = options.json ? undefined : progressLine(io);
  try {
    const report = await verifyIntegrity(catalog, pool, {
      tables: selection.tables,
      concurrency,
      requireRows: options.requireRows,
      onProgress: progress?.update,
    });
    progress?.done();
    io.stdout(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, performance.now() - started));
    return report.violations.length > 0 || report.failures.length > 0 ? 1 : 0;
  } finally {
    await pool.end();
  }
}

/** `checked n/N` on stderr, rewritten in place, at most every PROGRESS_EVERY_MS. */
function progressLine(io: Io): { update: (done: number, total: number) => void; done: () => void } {
  let last = 0;
  let shown = '';
  let latest = '';
  return {
    update: (done, total) => {
      latest = `checked ${done}/${total}`;
      const now = performance.now();
      if (now - last < PROGRESS_EVERY_MS && done < total) return;
      last = now;
      shown = latest;
      io.stderr(`\r${latest}`);
    },
    done: () => {
      if (latest && latest !== shown) io.stderr(`\r${latest}`);
      if (latest) io.stderr('\n');
    },
  };
}
