/**
 * Rows generated per batch (one progress event, one CHECK verification query) and rows per COPY
 * statement (PostgreSQL checks a statement's foreign keys after its last row, while the next
 * statement's rows are generated). Neither changes the data: rows are addressed by index.
 * `AUTOSEED_BATCH_ROWS` and `AUTOSEED_STATEMENT_ROWS` override them, for tuning and for the
 * tests that prove it.
 */
export const BATCH_ROWS = fromEnv('AUTOSEED_BATCH_ROWS', 2_000);
export const ROWS_PER_STATEMENT = fromEnv('AUTOSEED_STATEMENT_ROWS', 20_000);
/**
 * `--fast` builds a table's indexes and keys after its load from this many rows on: below it,
 * keeping them up row by row costs less than the DDL. `AUTOSEED_FAST_REBUILD_ROWS` overrides it.
 */
export function rebuildMinRows(): number {
  return fromEnv('AUTOSEED_FAST_REBUILD_ROWS', 1_000);
}

function fromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}
