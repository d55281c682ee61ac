import type pg from 'pg';
import { isFunctionOverride } from '../inference/model.js';
import { matchKey } from '../ledger/keys.js';
import { fkNullable } from '../planner/fk-nullable.js';
import { isImplicit } from '../planner/select.js';
import { throwIfInterrupted } from '../safety/signals.js';
import { quoteIdent } from '../sql/ident.js';
import { ROWS_PER_STATEMENT } from './batching.js';
import { copyStatements, type LineBatch } from './copy.js';
import { CopyBytes, type EncodedBatch } from './copy-bytes.js';
import { isSqlValueInCopy } from './encode-copy.js';
import type { ExecuteOptions, RunSummary, TableOutcome } from './execute-plan.js';
import type { GeneratorSet } from './generate/generator-set.js';
import type { TableGenerator } from './generate/table-generator.js';
import { insertGuarded } from './guarded-insert.js';
import { fromTable } from './probe.js';
import { guard } from './seed-error.js';
import { mainMemoryCap as memoryCap } from './memory-cap.js';
import { insertStaged, stagedSqlColumns } from './staged-insert.js';
import { Prefetch } from './prefetch.js';
import { type RowBatch, tableRows } from './table-rows.js';
import type { RowWorkers } from './workers/row-workers.js';

/**
 * Writes one table of the plan: COPY in statements while generation runs ahead, or guarded
 * INSERT … RETURNING for tables whose triggers or SQL values need it; a table another table's
 * triggers already filled is adopted, one whose required parent ended empty is left out.
 */
export async function copyTable(
  client: pg.ClientBase,
  gen: TableGenerator,
  options: ExecuteOptions,
  returning: readonly string[],
  triggersRan: boolean,
  short: RunSummary['short'],
  gens: GeneratorSet,
  ahead: AheadOptions = {},
): Promise<TableOutcome> {
  const t0 = performance.now();
  const orphaned = emptyRequiredParent(gen, gens);
  const ready = ahead.ready ?? (async () => undefined);
  // the server work queued before this step runs while the rows are generated, on the plain COPY path
  if (orphaned || triggersRan || hasInsertTriggers(gen) || gen.model.insertOnly) await ready();
  // only the plain COPY path below reads rows generated ahead
  if (ahead.prefetched && (orphaned || triggersRan || !copiesPlainly(gen))) {
    await ahead.prefetched.cancel();
    ahead = { ...ahead, prefetched: undefined };
  }
  if (orphaned) {
    short[gen.key] = { rows: 0, planned: gen.rows, reason: orphaned };
    gen.giveUp(Array.from({ length: gen.rows }, (_, i) => i));
    options.emit({ type: 'warning', table: gen.key, message: `${gen.key}: left empty: ${orphaned}` });
    options.emit({ type: 'table-done', table: gen.key, rows: 0, ms: 0, retried: 0 });
    return { table: gen.key, rows: 0, method: 'empty' };
  }
  if (triggersRan) {
    // another table's trigger may already have filled this one (musicbrainz' artist → artist_meta)
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${fromTable(gen.model.table)}`);
    const added = Number(rows[0]!.n) - (gen.inputs.existingRows.get(gen.key) ?? 0);
    if (added > 0) {
      if (returning.length > 0) gen.adopt(returning, await readKeys(client, gen, returning));
      options.emit({ type: 'warning', table: gen.key, message: `${gen.key}: ${added} rows were written by triggers of other tables; left as they are` });
      options.emit({ type: 'table-done', table: gen.key, rows: added, ms: Math.round(performance.now() - t0), retried: 0 });
      return { table: gen.key, rows: added, method: 'trigger-filled' };
    }
  }
  // overrides.ts sql`…` values (insertOnly) cannot go through COPY: they are SQL, not text
  if (hasInsertTriggers(gen)) return insertTable(client, gen, options, returning, short, t0);
  if (gen.model.insertOnly) return sqlValuedTable(client, gen, options, returning, short, t0);
  // an overrides.ts function may return sql`…` for some row: then the table goes through INSERT after all
  const fallback = hasFunctionOverrides(gen);
  const savepoint = fallback ? async () => {
    await ready();
    await client.query('SAVEPOINT autoseed_copy');
  } : ready;
  try {
    // rows generated ahead and the next table's head start only where the rows go as generated
    const outcome = await copyRowsOf(client, gen, gens, options, t0, fallback ? { ready: savepoint, workers: ahead.workers } : { ...ahead, ready });
    if (fallback) await client.query('RELEASE SAVEPOINT autoseed_copy');
    return outcome;
  } catch (error) {
    if (!fallback || !isSqlValueInCopy(error)) throw error;
    await client.query('ROLLBACK TO SAVEPOINT autoseed_copy');
    await client.query('RELEASE SAVEPOINT autoseed_copy');
    return insertTable(client, gen, options, returning, short, t0);
  }
}

/**
 * A table some of whose columns take overrides.ts sql`…` expressions: staged (COPY, then one
 * INSERT … SELECT) where every such column takes one expression and no CHECK needs PostgreSQL's
 * confirmation per batch; guarded INSERTs otherwise, and where the staged statement fails (the
 * guarded way then isolates the rows at fault).
 */
async function sqlValuedTable(
  client: pg.ClientBase,
  gen: TableGenerator,
  options: ExecuteOptions,
  returning: readonly string[],
  short: RunSummary['short'],
  t0: number,
): Promise<TableOutcome> {
  const sqlColumns = gen.model.unverifiedChecks.length > 0 && options.checker ? null : stagedSqlColumns(gen);
  if (!sqlColumns || gen.rows === 0) return insertTable(client, gen, options, returning, short, t0);
  options.emit({ type: 'table-start', table: gen.key, rows: gen.rows, method: 'copy' });
  await client.query('SAVEPOINT autoseed_stage');
  try {
    const rows = await insertStaged(client, gen, sqlColumns, options.checker, (done) => {
      throwIfInterrupted(options.signal);
      options.emit({ type: 'progress', table: gen.key, rows: done, total: gen.rows });
    });
    await client.query('RELEASE SAVEPOINT autoseed_stage');
    options.emit({ type: 'table-done', table: gen.key, rows, ms: Math.round(performance.now() - t0), retried: 0 });
    return { table: gen.key, rows, method: 'copy' };
  } catch (error) {
    throwIfInterrupted(options.signal);
    await client.query('ROLLBACK TO SAVEPOINT autoseed_stage');
    await client.query('RELEASE SAVEPOINT autoseed_stage');
    options.emit({ type: 'warning', table: gen.key, message: `${gen.key}: the staged INSERT … SELECT failed (${(error as Error).message}); writing it row-isolating instead` });
    return insertTable(client, gen, options, returning, short, t0);
  }
}

/** INSERT … RETURNING in guarded batches: for tables with triggers and for SQL values. */
async function insertTable(
  client: pg.ClientBase,
  gen: TableGenerator,
  options: ExecuteOptions,
  returning: readonly string[],
  short: RunSummary['short'],
  t0: number,
): Promise<TableOutcome> {
  options.emit({ type: 'table-start', table: gen.key, rows: gen.rows, method: 'insert' });
  // the row's key is read back too: a trigger may rewrite it, and the ledger records it for rollback
  const keys = [...new Set([...returning, ...(matchKey(gen.model.table) ?? [])])];
  const result = await guard(gen, () => insertGuarded(client, gen, keys, options.checker, (done) => {
    throwIfInterrupted(options.signal);
    options.emit({ type: 'progress', table: gen.key, rows: done, total: gen.rows });
  }));
  if (result.missing > 0) {
    short[gen.key] = { rows: result.rows, planned: gen.rows, reason: result.reasons.slice(0, 2).join('; ') };
    options.emit({
      type: 'warning',
      table: gen.key,
      message: `${gen.key}: only ${result.rows} of ${gen.rows} rows: its triggers or constraints kept rejecting rows (${result.reasons.slice(0, 2).join('; ')})`,
    });
  } else if (result.rejected > 0) {
    options.emit({
      type: 'warning',
      table: gen.key,
      message: `${gen.key}: ${result.rejected} rows rejected by a trigger or constraint and replaced (${result.reasons.slice(0, 2).join('; ')})`,
    });
  }
  options.emit({ type: 'table-done', table: gen.key, rows: result.rows, ms: Math.round(performance.now() - t0), retried: result.rejected });
  return { table: gen.key, rows: result.rows, method: 'insert' };
}

/** COPY in statements, generation running ahead. */
async function copyRowsOf(
  client: pg.ClientBase,
  gen: TableGenerator,
  gens: GeneratorSet,
  options: ExecuteOptions,
  t0: number,
  ahead: AheadOptions,
): Promise<TableOutcome> {
  // a large table's rows come from worker threads (rows generated ahead are already here)
  const workers = !ahead.prefetched && ahead.workers?.takes(gen, gens, options.checker) ? ahead.workers : null;
  options.emit({ type: 'table-start', table: gen.key, rows: gen.rows, method: 'copy', ...(workers ? { threads: workers.size } : {}) });
  let done = 0;
  let retried = 0;
  const source = workers ? workers.lines(gen) : encoded(ahead.prefetched?.batches() ?? tableRows(gen, options.checker));
  // generation runs ahead of the server (copyStatements yields a macrotask turn per batch, which
  // also lets a Ctrl-C be seen mid-COPY); progress counts rows generated
  const batches = async function* (): AsyncGenerator<LineBatch> {
    for await (const batch of source) {
      memoryCap.check();
      retried += batch.retried;
      done += batch.rows;
      options.emit({ type: 'progress', table: gen.key, rows: done, total: gen.rows });
      yield batch;
    }
    // every row is generated; the server is still busy with the last statement
    ahead.generated?.();
  };
  if (gen.rows > 0) {
    await guard(gen, () => copyStatements(client, gen.model.table, gen.written.map((c) => c.name), batches(), ROWS_PER_STATEMENT, options.signal, ahead.ready));
  } else {
    await ahead.ready?.();
  }
  options.emit({ type: 'table-done', table: gen.key, rows: gen.rows, ms: Math.round(performance.now() - t0), retried });
  return { table: gen.key, rows: gen.rows, method: 'copy' };
}

/** Batches of rows as COPY bytes. */
async function* encoded(batches: AsyncIterable<RowBatch>): AsyncGenerator<EncodedBatch> {
  for await (const batch of batches) {
    const bytes = new CopyBytes();
    for (const row of batch.rows) bytes.add(row);
    yield { data: bytes.chunks(), rows: batch.rows.length, retried: batch.retried };
  }
}

/** The referenced columns of a table's rows, as text, in a stable order. */
async function readKeys(client: pg.ClientBase, gen: TableGenerator, columns: readonly string[]): Promise<string[][]> {
  const list = columns.map((c) => quoteIdent(c)).join(', ');
  const select = columns.map((c, k) => `${quoteIdent(c)}::text AS k${k}`).join(', ');
  const { rows } = await client.query<Record<string, string>>(`SELECT ${select} FROM ${fromTable(gen.model.table)} ORDER BY ${list}`);
  return rows.map((r) => columns.map((_, k) => r[`k${k}`]!));
}

/** Why a table cannot get rows after all: a NOT NULL FK's parent ended up with none. Null when it can. */
function emptyRequiredParent(gen: TableGenerator, gens: GeneratorSet): string | null {
  for (const fk of gen.model.foreignKeys) {
    if (isImplicit(fk) || fkNullable(gen.model, fk)) continue;
    const parent = gens.generator(`${fk.references.schema}.${fk.references.table}`);
    if (parent && parent !== gen && parent.isEmpty()) return `its NOT NULL foreign key ${fk.name} needs rows in ${parent.key}, whose rows were all rejected`;
  }
  return null;
}

/**
 * Tables whose rows the database may rewrite or reject for reasons the generators cannot see:
 * enabled row triggers on INSERT, and partitioned tables whose partitions add constraints or
 * partitions of their own (rows are routed there). They are written row-isolating.
 */
export function hasInsertTriggers(gen: TableGenerator): boolean {
  const t = gen.model.table;
  if (!gen.triggersDisabled && t.triggers.some((tr) => tr.enabled !== 'disabled' && tr.level === 'row' && tr.events.includes('insert'))) return true;
  return gen.model.partitionsAddRules;
}

/** Rows generated ahead of a table's turn, and what to start once this table's rows are all generated. */
export interface AheadOptions {
  readonly prefetched?: Prefetch<RowBatch> | undefined;
  readonly generated?: () => void;
  /** Worker threads that may generate this table's rows (when it is large and plain). */
  readonly workers?: RowWorkers | null;
  /**
   * Resolves once the server work queued before this step (--fast's index builds) is done, and
   * rejects with its failure: awaited before this table's first statement, once its rows are
   * being generated.
   */
  readonly ready?: (() => Promise<void>) | undefined;
}

/**
 * Whether a table's rows go in exactly as generated, by COPY: no insert triggers, no SQL
 * values, no function override that might return one. Only then may its rows be generated
 * before its turn, and the next table's while its last statement is checked.
 */
export function copiesPlainly(gen: TableGenerator): boolean {
  return !hasInsertTriggers(gen) && !gen.model.insertOnly && !hasFunctionOverrides(gen);
}

/** Rows of `gen` generated ahead, or null when its parents' rows may still change what it gets. */
export function prefetchRows(gen: TableGenerator, gens: GeneratorSet, checker: ExecuteOptions['checker'], workers: RowWorkers | null = null): Prefetch<RowBatch> | null {
  // a table the workers take is generated there, as fast as they go
  if (!copiesPlainly(gen) || emptyRequiredParent(gen, gens) || workers?.takes(gen, gens, checker)) return null;
  return new Prefetch(tableRows(gen, checker), ROWS_PER_STATEMENT);
}

function hasFunctionOverrides(gen: TableGenerator): boolean {
  return gen.written.some((c) => isFunctionOverride(c.generator));
}
