import type pg from 'pg';
import type { QualifiedName } from '../catalog.js';
import type { Queryable } from '../db/queryable.js';
import type { EventSink, SeedEvent } from '../events.js';
import { checkpointUnits, stepTables } from '../ledger/checkpoint-units.js';
import { throwIfInterrupted } from '../safety/signals.js';
import type { Plan } from '../planner/plan-types.js';
import { quoteIdent, quoteQualified } from '../sql/ident.js';
import { FastPath, tablesToKeep } from './fast-path.js';
import { updateDeferred } from './deferred-update.js';
import type { GeneratorSet } from './generate/generator-set.js';
import type { TableGenerator } from './generate/table-generator.js';
import { insertTogether } from './insert-together.js';
import { guard } from './seed-error.js';
import { advanceSequences } from './sequences.js';
import type { Prefetch } from './prefetch.js';
import type { RowBatch } from './table-rows.js';
import { heapBudgetMb, mainMemoryCap, threadShare } from './memory-cap.js';
import { RowWorkers } from './workers/row-workers.js';
import { copiesPlainly, copyTable, hasInsertTriggers, prefetchRows } from './write-table.js';

export interface ExecuteOptions {
  /** Where the verified fallback evaluates CHECKs: a second connection, outside the run's transaction. */
  checker: Queryable | null;
  emit: EventSink;
  /** Commit table by table (a cycle's tables together) instead of once at the end: `--checkpoint`. */
  checkpoint?: boolean;
  /** Tables an interrupted run of this same plan already committed, with their rows: skipped (resume). */
  done?: ReadonlyMap<QualifiedName, number>;
  /** Aborts the run: the COPY in flight is failed (CopyFail), the transaction rolled back, INTERRUPTED thrown. */
  signal?: AbortSignal;
  /** The caller already began the first transaction on `client` (to truncate, or write the ledger, in it). */
  transactionOpen?: boolean;
  /** Runs inside each transaction just before its COMMIT, with the tables that COMMIT makes durable; `last` on the run's final one. */
  beforeCommit?: (client: pg.ClientBase, tables: readonly TableOutcome[], last: boolean) => Promise<void>;
  /**
   * `--disable-triggers`: the seeded tables' enabled user triggers are switched off inside each
   * transaction and on again before its COMMIT (needs table ownership); tables then go through COPY.
   */
  disableTriggers?: boolean;
  /** `--fast`: indexes, keys and FKs of empty tables built after the load; trigger-free tables copied without per-row FK checks (fast-path.ts). */
  fast?: boolean;
  /** More fields for the run-start event (environment, configuration, the ledger's run). */
  start?: Pick<Extract<SeedEvent, { type: 'run-start' }>, 'environment' | 'configuration' | 'run'>;
}

/** How a table's rows went in: the ledger records it, rollback reads it. */
export type WriteMethod = 'copy' | 'insert' | 'together' | 'trigger-filled' | 'empty';

export interface TableOutcome {
  readonly table: QualifiedName;
  readonly rows: number;
  readonly method: WriteMethod;
}

export interface RunSummary {
  tables: Record<QualifiedName, number>;
  /** Tables that got fewer rows than planned, and why. */
  short: Record<QualifiedName, { rows: number; planned: number; reason: string }>;
  rows: number;
  ms: number;
}

/**
 * Runs a plan inside ONE transaction on `client` (or, with `checkpoint`, one per table): COPY per
 * table in plan order, cycles through deferred constraints, NULL-then-UPDATE or a single
 * statement, then sequences. Any failure rolls back the open transaction and is reported with
 * the table, the constraint and a sample row; an aborted `signal` ends it with INTERRUPTED.
 */
export async function executePlan(client: pg.ClientBase, gens: GeneratorSet, plan: Plan, options: ExecuteOptions): Promise<RunSummary> {
  const started = performance.now();
  const seeded = plan.tables.filter((t) => t.mode === 'seed');
  const total = seeded.reduce((n, t) => n + t.rows, 0);
  options.emit({ type: 'run-start', seed: plan.seed, tables: seeded.length, rows: total, steps: plan.steps.length, ...options.start });
  const tables: Record<QualifiedName, number> = {};
  const short: RunSummary['short'] = {};
  const generator = (key: QualifiedName) => gens.generator(key)!;
  const done = options.done ?? new Map<QualifiedName, number>();
  for (const [key, rows] of done) {
    tables[key] = rows;
    options.emit({ type: 'table-done', table: key, rows, ms: 0, retried: 0, resumed: true });
  }

  const referenced = referencedColumns(gens, plan);
  // a resumed run's committed tables may have triggers that filled tables still to come
  let triggersRan = [...done.keys()].some((key) => hasInsertTriggers(generator(key)));
  const deferrable = plan.tables.flatMap((t) => t.deferredConstraints.map((c) => {
    const g = generator(t.key).model.table;
    return quoteQualified(g.schema, c);
  }));
  const units = options.checkpoint ? checkpointUnits(plan) : [plan.steps];
  const committed: QualifiedName[] = [];
  let open = options.transactionOpen === true;
  let fast: FastPath | null | undefined;
  let keep: Set<QualifiedName> | undefined;
  // the next table's rows, generated while the server finishes the current table
  const ahead: { next: { table: QualifiedName; rows: Prefetch<RowBatch> } | null } = { next: null };
  // started now, so the threads are ready by the time the first large table comes
  const workers = RowWorkers.forRun(gens, plan, options.fast === true);
  // the threads' heaps come out of the process's budget
  mainMemoryCap.reset(threadShare(heapBudgetMb(), workers?.size ?? 0).main);
  try {
    for (const [u, unit] of units.entries()) {
      const last = u === units.length - 1;
      const steps = unit.filter((step) => stepTables(step).some((t) => !done.has(t)));
      if (steps.length === 0 && !last) continue;
      if (!open) await client.query('BEGIN');
      open = true;
      // SET CONSTRAINTS lasts one transaction. Deferred constraint triggers keep their timing:
      // some (musicbrainz' delete_unused_tag) only make sense once the whole transaction is in
      if (deferrable.length > 0) await client.query(`SET CONSTRAINTS ${deferrable.join(', ')} DEFERRED`);
      const switched = options.disableTriggers ? await switchTriggers(client, steps.flatMap(stepTables).map(generator), 'DISABLE') : [];
      if (options.fast && fast === undefined) fast = await FastPath.open(client);
      if (fast) {
        const copied = steps.flatMap((s) => (s.kind === 'copy' && !done.has(s.table) ? [generator(s.table)] : []));
        const warn = (message: string) => options.emit({ type: 'warning', message });
        const why = await fast.begin(copied, keep ??= tablesToKeep(plan, gens), seeded.map((t) => generator(t.key)), warn);
        if (why !== null) {
          options.emit({ type: 'warning', message: why });
          fast = null;
        }
      }
      const outcomes: TableOutcome[] = [];
      for (const [s, step] of steps.entries()) {
        throwIfInterrupted(options.signal);
        fast?.before(step, gens);
        // a COPY waits for the index builds queued before it only once its rows are being generated
        const ready = fast?.ready.bind(fast);
        if (step.kind !== 'copy') await ready?.();
        if (step.kind === 'copy') {
          const gen = generator(step.table);
          const prefetched = ahead.next?.table === step.table ? ahead.next.rows : undefined;
          ahead.next = null;
          // once this table's rows are generated, the next table's may be: its parents are final
          const next = steps[s + 1];
          const generated = next?.kind === 'copy' && !triggersRan && copiesPlainly(gen)
            ? () => {
              const rows = prefetchRows(generator(next.table), gens, options.checker, workers);
              if (rows) ahead.next = { table: next.table, rows };
            }
            : undefined;
          const outcome = await copyTable(client, gen, options, referenced.get(step.table) ?? [], triggersRan, short, gens, { prefetched, workers, ready, ...(generated ? { generated } : {}) });
          tables[step.table] = outcome.rows;
          outcomes.push(outcome);
          reportCapacityCut(gen, outcome, short, options);
          triggersRan ||= hasInsertTriggers(gen);
        } else if (step.kind === 'insert-together') {
          const gens = step.tables.map(generator);
          const t0 = performance.now();
          for (const g of gens) options.emit({ type: 'table-start', table: g.key, rows: g.rows, method: 'insert' });
          await guard(gens[0]!, () => insertTogether(client, gens, options.checker));
          for (const g of gens) {
            tables[g.key] = g.rows;
            outcomes.push({ table: g.key, rows: g.rows, method: 'together' });
            options.emit({ type: 'table-done', table: g.key, rows: g.rows, ms: Math.round(performance.now() - t0), retried: 0 });
          }
        } else {
          const gen = generator(step.table);
          const t0 = performance.now();
          const rows = await guard(gen, () => updateDeferred(client, gen, step.foreignKeys));
          options.emit({ type: 'cycle-update', table: step.table, foreignKeys: step.foreignKeys, rows, ms: Math.round(performance.now() - t0) });
        }
        fast?.afterStep(new Set(steps.slice(s + 1).flatMap(stepTables)), options.signal);
      }
      throwIfInterrupted(options.signal);
      await fast?.verify(gens, options.signal);
      // a Ctrl-C during the index builds still rolls back
      throwIfInterrupted(options.signal);
      await advanceSequences(client, outcomes.map((o) => generator(o.table)));
      await switchTriggers(client, switched, 'ENABLE');
      await options.beforeCommit?.(client, outcomes, last);
      await guard(null, () => client.query('COMMIT'));
      open = false;
      committed.push(...outcomes.map((o) => o.table));
    }
  } catch (failure) {
    // a queued index build that failed comes first: what followed it only met an aborted transaction
    const error = fast ? await fast.cause(failure) : failure;
    await ahead.next?.rows.cancel();
    await client.query('ROLLBACK').catch(() => undefined);
    throwIfInterrupted(options.signal, keptTables(committed, done));
    throw error;
  } finally {
    await workers?.close();
  }
  return { tables, short, rows: Object.values(tables).reduce((a, b) => a + b, 0), ms: Math.round(performance.now() - started) };
}

/**
 * Switches the enabled user triggers of these tables off or back on, by name (triggers that were
 * disabled before stay disabled). ALTER TABLE is transactional: a failed run restores them too.
 */
async function switchTriggers(client: pg.ClientBase, gens: readonly TableGenerator[], how: 'DISABLE' | 'ENABLE'): Promise<TableGenerator[]> {
  const touched: TableGenerator[] = [];
  for (const gen of gens) {
    const t = gen.model.table;
    const names = t.triggers.filter((tr) => tr.enabled !== 'disabled').map((tr) => tr.name);
    if (names.length === 0) continue;
    for (const name of names) {
      await guard(gen, () => client.query(`ALTER TABLE ${quoteQualified(t.schema, t.name)} ${how} TRIGGER ${quoteIdent(name)}`));
    }
    gen.triggersDisabled = how === 'DISABLE';
    touched.push(gen);
  }
  return touched;
}

/**
 * A table whose unique key holds fewer rows than planned once its parents are written (parents
 * came out short, or only some parent rows may be pointed at) is written with what the key
 * holds, and reported short with the key's name.
 */
function reportCapacityCut(gen: TableGenerator, outcome: TableOutcome, short: RunSummary['short'], options: ExecuteOptions): void {
  if (gen.key in short || outcome.method === 'trigger-filled' || outcome.method === 'empty' || gen.rows >= gen.planned.rows) return;
  const key = gen.radix.tightest();
  const steered = Object.entries(gen.model.triggerSteers).map(([name, column]) => {
    const fk = gen.model.foreignKeys.find((f) => f.name === name)!;
    return `${fk.columns[0]} names only rows of ${fk.references.table} that are some row's ${column} (an INSERT trigger compares them)`;
  });
  const reason = `its unique key ${key?.name ?? ''} holds only ${gen.rows} rows with the parent rows it may point at` +
    (steered.length > 0 ? `: ${steered.join('; ')}` : '');
  short[gen.key] = { rows: outcome.rows, planned: gen.planned.rows, reason };
  options.emit({ type: 'warning', table: gen.key, message: `${gen.key}: only ${outcome.rows} of ${gen.planned.rows} rows: ${reason}` });
}

/** Per table, the columns some FK of a seeded table points at: what a trigger's rewrite must be read back for. */
function referencedColumns(gens: GeneratorSet, plan: Plan): Map<QualifiedName, string[]> {
  const map = new Map<QualifiedName, Set<string>>();
  for (const t of plan.tables) {
    if (t.mode !== 'seed') continue;
    for (const fk of gens.generator(t.key)!.model.foreignKeys) {
      const parent = `${fk.references.schema}.${fk.references.table}`;
      const set = map.get(parent) ?? new Set<string>();
      for (const c of fk.references.columns) set.add(c);
      map.set(parent, set);
    }
  }
  // columns trigger-steered FKs compare (after the referenced ones, which order the adopted rows)
  for (const t of plan.tables) {
    if (t.mode !== 'seed') continue;
    const model = gens.generator(t.key)!.model;
    for (const [name, column] of Object.entries(model.triggerSteers)) {
      const fk = model.foreignKeys.find((f) => f.name === name)!;
      map.get(`${fk.references.schema}.${fk.references.table}`)?.add(column);
    }
  }
  return new Map([...map].map(([k, v]) => [k, [...v]]));
}

/** What an interrupted --checkpoint run keeps: the tables committed before the signal. */
function keptTables(committed: readonly QualifiedName[], done: ReadonlyMap<QualifiedName, number>): string | null {
  const kept = [...done.keys(), ...committed];
  if (kept.length === 0) return null;
  return `the ${kept.length} tables committed before it are kept (${kept.slice(0, 5).join(', ')}${kept.length > 5 ? ', …' : ''}):` +
    ' run the same command again to resume, or "autoseed rollback" to remove them';
}
