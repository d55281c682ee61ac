import type pg from 'pg';
import type { QualifiedName } from '../catalog.js';
import type { Queryable } from '../db/queryable.js';
import { AutoseedError, isAutoseedError } from '../errors.js';
import type { EventSink } from '../events.js';
import type { Plan } from '../planner/plan-types.js';
import { quoteIdent, quoteQualified } from '../sql/ident.js';
import { copyRows } from './copy.js';
import { updateDeferred } from './deferred-update.js';
import { encodeCopyRow } from './encode-copy.js';
import type { GeneratorSet } from './generate/generator-set.js';
import { fkNullable } from '../planner/fk-nullable.js';
import { isImplicit } from '../planner/select.js';
import type { TableGenerator } from './generate/table-generator.js';
import { insertGuarded } from './guarded-insert.js';
import { fromTable } from './probe.js';
import { insertTogether } from './insert-together.js';
import { advanceSequences } from './sequences.js';
import { describeRow, tableRows } from './table-rows.js';

export interface ExecuteOptions {
  /** Where the verified fallback evaluates CHECKs: a second connection, outside the run's transaction. */
  checker: Queryable | null;
  emit: EventSink;
}

export interface RunSummary {
  tables: Record<QualifiedName, number>;
  /** Tables that got fewer rows than planned, and why. */
  short: Record<QualifiedName, { rows: number; planned: number; reason: string }>;
  rows: number;
  ms: number;
}

/**
 * Runs a plan inside ONE transaction on `client`: COPY per table in plan order, cycles through
 * deferred constraints, NULL-then-UPDATE or a single statement, then sequences. Any failure
 * rolls everything back and is reported with the table, the constraint and a sample row.
 */
export async function executePlan(client: pg.ClientBase, gens: GeneratorSet, plan: Plan, options: ExecuteOptions): Promise<RunSummary> {
  const started = performance.now();
  const seeded = plan.tables.filter((t) => t.mode === 'seed');
  const total = seeded.reduce((n, t) => n + t.rows, 0);
  options.emit({ type: 'run-start', seed: plan.seed, tables: seeded.length, rows: total, steps: plan.steps.length });
  const tables: Record<QualifiedName, number> = {};
  const short: RunSummary['short'] = {};
  const generator = (key: QualifiedName) => gens.generator(key)!;

  const referenced = referencedColumns(gens, plan);
  let triggersRan = false;
  await client.query('BEGIN');
  try {
    const deferrable = plan.tables.flatMap((t) => t.deferredConstraints.map((c) => {
      const g = generator(t.key).model.table;
      return quoteQualified(g.schema, c);
    }));
    if (deferrable.length > 0) await client.query(`SET CONSTRAINTS ${deferrable.join(', ')} DEFERRED`);
    // deferred constraint triggers keep their timing: some (musicbrainz' delete_unused_tag) only
    // make sense once the whole transaction is in

    for (const step of plan.steps) {
      if (step.kind === 'copy') {
        const gen = generator(step.table);
        tables[step.table] = await copyTable(client, gen, options, referenced.get(step.table) ?? [], triggersRan, short, gens);
        triggersRan ||= hasInsertTriggers(gen);
      } else if (step.kind === 'insert-together') {
        const gens = step.tables.map(generator);
        const t0 = performance.now();
        for (const g of gens) options.emit({ type: 'table-start', table: g.key, rows: g.rows, method: 'insert' });
        await guard(gens[0]!, () => insertTogether(client, gens));
        for (const g of gens) {
          tables[g.key] = g.rows;
          options.emit({ type: 'table-done', table: g.key, rows: g.rows, ms: Math.round(performance.now() - t0), retried: 0 });
        }
      } else {
        const gen = generator(step.table);
        const t0 = performance.now();
        const rows = await guard(gen, () => updateDeferred(client, gen, step.foreignKeys));
        options.emit({ type: 'cycle-update', table: step.table, foreignKeys: step.foreignKeys, rows, ms: Math.round(performance.now() - t0) });
      }
    }
    await advanceSequences(client, seeded.map((t) => generator(t.key)));
    await guard(null, () => client.query('COMMIT'));
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return { tables, short, rows: Object.values(tables).reduce((a, b) => a + b, 0), ms: Math.round(performance.now() - started) };
}

async function copyTable(
  client: pg.ClientBase,
  gen: TableGenerator,
  options: ExecuteOptions,
  returning: readonly string[],
  triggersRan: boolean,
  short: RunSummary['short'],
  gens: GeneratorSet,
): Promise<number> {
  const t0 = performance.now();
  const orphaned = emptyRequiredParent(gen, gens);
  if (orphaned) {
    short[gen.key] = { rows: 0, planned: gen.rows, reason: orphaned };
    gen.giveUp(Array.from({ length: gen.rows }, (_, i) => i));
    options.emit({ type: 'warning', table: gen.key, message: `${gen.key}: left empty: ${orphaned}` });
    options.emit({ type: 'table-done', table: gen.key, rows: 0, ms: 0, retried: 0 });
    return 0;
  }
  if (triggersRan) {
    // another table's trigger may already have filled this one (musicbrainz' artist → artist_meta)
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${fromTable(gen.model.table)}`);
    const added = Number(rows[0]!.n) - (gen.inputs.existingRows.get(gen.key) ?? 0);
    if (added > 0) {
      if (returning.length > 0) gen.adopt(returning, await readKeys(client, gen, returning));
      options.emit({ type: 'warning', table: gen.key, message: `${gen.key}: ${added} rows were written by triggers of other tables; left as they are` });
      options.emit({ type: 'table-done', table: gen.key, rows: added, ms: Math.round(performance.now() - t0), retried: 0 });
      return added;
    }
  }
  if (hasInsertTriggers(gen)) {
    options.emit({ type: 'table-start', table: gen.key, rows: gen.rows, method: 'insert' });
    const result = await guard(gen, () => insertGuarded(client, gen, returning, options.checker, (done) =>
      options.emit({ type: 'progress', table: gen.key, rows: done, total: gen.rows })));
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
    return result.rows;
  }
  options.emit({ type: 'table-start', table: gen.key, rows: gen.rows, method: 'copy' });
  let done = 0;
  let retried = 0;
  const lines = async function* () {
    for await (const batch of tableRows(gen, options.checker)) {
      retried += batch.retried;
      for (const row of batch.rows) yield encodeCopyRow(row);
      done += batch.rows.length;
      options.emit({ type: 'progress', table: gen.key, rows: done, total: gen.rows });
    }
  };
  if (gen.rows > 0) {
    await guard(gen, () => copyRows(client, gen.model.table, gen.written.map((c) => c.name), lines()));
  }
  options.emit({ type: 'table-done', table: gen.key, rows: gen.rows, ms: Math.round(performance.now() - t0), retried });
  return gen.rows;
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
function hasInsertTriggers(gen: TableGenerator): boolean {
  const t = gen.model.table;
  if (t.triggers.some((tr) => tr.enabled !== 'disabled' && tr.level === 'row' && tr.events.includes('insert'))) return true;
  return gen.model.partitionsAddRules;
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
  return new Map([...map].map(([k, v]) => [k, [...v]]));
}

/** Turns a database error into one that names the table, the constraint and a sample row. */
async function guard<T>(gen: TableGenerator | null, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isAutoseedError(error)) throw error;
    const e = error as { message?: string; constraint?: string; table?: string; where?: string; detail?: string };
    const line = /line (\d+)/.exec(e.where ?? '')?.[1];
    const sample = gen && line ? describeRow(gen, gen.row(Number(line) - 1)) : null;
    throw new AutoseedError('SEED_FAILED', {
      table: e.table ?? gen?.key ?? 'the database',
      // the server's sentences end with a period; ours add their own
      detail: [e.message, e.detail].filter(Boolean).map((t) => t!.replace(/\.+$/, '')).join(' — ') || String(error),
      constraint: e.constraint ?? null,
      sample,
    }, { cause: error });
  }
}
