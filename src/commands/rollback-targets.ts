import type { Catalog, QualifiedName } from '../catalog.js';
import type { Queryable } from '../db/queryable.js';
import type { PrepareOptions } from './prepare.js';
import { inputsOfRun } from '../ledger/inputs.js';
import { matchKey, restoreKeys, type StoredKeys } from '../ledger/keys.js';
import type { RunDetail, RunTableRecord } from '../ledger/store.js';
import type { Plan } from '../planner/plan-types.js';
import type { Value } from '../inference/gen-context.js';
import { encodeText } from '../writer/encode-copy.js';
import { GeneratorSet } from '../writer/generate/generator-set.js';
import type { TableGenerator } from '../writer/generate/table-generator.js';
import { fromTable } from '../writer/probe.js';
import { tableRows } from '../writer/table-rows.js';

/** One table's share of a run, found again: how to match its rows, and the values to match. */
export interface RollbackTarget {
  readonly table: QualifiedName;
  /** `ONLY "s"."t"` (or `"s"."t"` for a partitioned table). */
  readonly from: string;
  readonly recorded: number;
  /** Key columns (or every written column, without a key) with the SQL type to cast values to. */
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  /** True: `columns` are a key (equality, index-friendly); false: the full row is compared. */
  readonly byKey: boolean;
  readonly matchedBy: string;
  /** Values as PostgreSQL text, one tuple per row. */
  readonly tuples: readonly (readonly (string | null)[])[];
  /** Deferred cycle edges (FK columns written NULL, then UPDATEd): set NULL again before any delete. */
  readonly nullFirst: readonly { readonly name: string; readonly columns: readonly string[] }[];
}

export interface RollbackPlan {
  /** Delete groups, children first: the tables of a NOT NULL cycle go in one statement. */
  readonly groups: readonly (readonly RollbackTarget[])[];
  /** Committed tables whose rows are not ours to delete, with why. */
  readonly left: readonly { readonly table: QualifiedName; readonly reason: string }[];
}

/**
 * Recomputes the rows of a run: the ledger's inputs rebuild its plan and generators, which give
 * back each row's key (or, for tables without a key, the whole row). Keys the database decided
 * come from the ledger. Pre-existing rows cannot match: the run's keys started after theirs.
 */
export async function rollbackPlan(q: Queryable, catalog: Catalog, run: RunDetail, files: Pick<PrepareOptions, 'overrides' | 'password'>): Promise<RollbackPlan> {
  const prepared = await inputsOfRun(q, catalog, run, files);
  const committed = run.tables.filter((t) => t.status === 'complete');
  const gens = new GeneratorSet(prepared.inputs);
  restoreKeys(gens, committed);
  const byTable = new Map(committed.map((t) => [t.table, t]));
  const planned = new Map(prepared.plan.tables.map((t) => [t.key, t]));
  const left: { table: QualifiedName; reason: string }[] = [];
  const groups: RollbackTarget[][] = [];
  for (const tables of stepGroups(prepared.plan).reverse()) {
    const group: RollbackTarget[] = [];
    for (const table of tables) {
      const record = byTable.get(table);
      if (!record || record.method === 'empty') continue;
      if (record.method === 'trigger-filled') {
        left.push({ table, reason: 'its rows were written by triggers of other tables, not by autoseed' });
        continue;
      }
      const gen = gens.generator(table)!;
      const nullFirst = (planned.get(table)?.deferredFks ?? []).map((name) => ({
        name, columns: gen.model.foreignKeys.find((f) => f.name === name)?.columns ?? [],
      }));
      group.push({ ...(await targetOf(gen, record, q)), nullFirst });
    }
    if (group.length > 0) groups.push(group);
  }
  return { groups, left };
}

/** The plan's steps as table groups in insert order (an insert-together step is one group). */
function stepGroups(plan: Plan): QualifiedName[][] {
  const groups: QualifiedName[][] = [];
  for (const step of plan.steps) {
    if (step.kind === 'copy') groups.push([step.table]);
    else if (step.kind === 'insert-together') groups.push([...step.tables]);
  }
  return groups;
}

async function targetOf(gen: TableGenerator, record: RunTableRecord, q: Queryable): Promise<Omit<RollbackTarget, 'nullFirst'>> {
  const t = gen.model.table;
  const typeOf = (name: string) => t.columns.find((c) => c.name === name)!.type.sql;
  const base = { table: record.table, from: fromTable(t), recorded: record.rows };
  const key = matchKey(t);
  if (key) {
    const columns = key.map((name) => ({ name, type: typeOf(name) }));
    const what = `${t.primaryKey ? 'primary key' : 'unique key'} (${key.join(', ')})`;
    if (record.keys) return { ...base, columns, byKey: true, matchedBy: `${what}, as the ledger recorded it`, tuples: distinct(project(record.keys, key)) };
    const tuples = Array.from({ length: record.plannedRows }, (_, i) => key.map((c) => encodeText(gen.value(c, i))));
    return { ...base, columns, byKey: true, matchedBy: `${what}, recomputed`, tuples };
  }
  const columns = gen.written.map((c) => ({ name: c.name, type: c.column.type.sql }));
  const rows: Value[][] = [];
  if (record.method === 'together') {
    for (let i = 0; i < gen.rows; i++) rows.push(gen.row(i, 0, 'final'));
  } else {
    // the same batches, CHECK re-rolls included, that the COPY wrote. (A keyless table written
    // with INSERTs because of its triggers is matched on its rows as generated: rows a trigger
    // changed do not match, and the plan's found-vs-recorded counts show it.)
    for await (const batch of tableRows(gen, q)) rows.push(...batch.rows);
  }
  return { ...base, columns, byKey: false, matchedBy: `full row (${columns.length} columns), recomputed`, tuples: rows.map((r) => r.map(encodeText)) };
}

function project(keys: StoredKeys, columns: readonly string[]): (string | null)[][] {
  const at = columns.map((c) => keys.columns.indexOf(c));
  return keys.rows.map((r) => at.map((k) => {
    const v = r[k];
    return v === null || v === undefined ? null : typeof v === 'string' ? v : encodeText(v);
  }));
}

/** A short table keeps references to rows that made it in: the same key may appear for several planned rows. */
function distinct(tuples: (string | null)[][]): (string | null)[][] {
  const seen = new Set<string>();
  return tuples.filter((t) => {
    const k = JSON.stringify(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
