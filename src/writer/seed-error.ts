import { AutoseedError, isAutoseedError } from '../errors.js';
import type { TableGenerator } from './generate/table-generator.js';
import { describeRow } from './table-rows.js';

/** Turns a database error into one that names the table, the constraint and a sample row. */
export async function guard<T>(gen: TableGenerator | null, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isAutoseedError(error)) throw error;
    const e = error as { message?: string; constraint?: string; table?: string; where?: string; detail?: string };
    const line = /line (\d+)/.exec(e.where ?? '')?.[1];
    // a table goes in several COPY statements: the line counts from the failing one's first row
    const offset = (error as { rowOffset?: number }).rowOffset ?? 0;
    const sample = gen && line ? describeRow(gen, gen.row(offset + Number(line) - 1)) : null;
    throw new AutoseedError('SEED_FAILED', {
      table: e.table ?? gen?.key ?? 'the database',
      // the server's sentences end with a period; ours add their own
      detail: [e.message, e.detail].filter(Boolean).map((t) => t!.replace(/\.+$/, '')).join(' — ') || String(error),
      constraint: e.constraint ?? null,
      sample,
    }, { cause: error });
  }
}
