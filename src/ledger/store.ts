import type { QualifiedName } from '../catalog.js';
import type { Queryable } from '../db/queryable.js';
import type { StoredKeys } from './keys.js';

/** Reads and writes of `autoseed.runs` / `autoseed.run_tables` (see schema.ts for the columns' meaning). */

export type RunStatus = 'running' | 'complete' | 'failed' | 'rolled-back';
export type TableMethod = 'copy' | 'insert' | 'together' | 'trigger-filled' | 'empty';

/** The request a run's plan is rebuilt from. */
export interface RunOptions {
  readonly rows: number;
  /** Per-table counts from the terminal UI's picker. */
  readonly rowOverrides?: Readonly<Record<string, number>>;
  readonly tables?: readonly string[];
  readonly exclude?: readonly string[];
  readonly append?: boolean;
  readonly reset?: boolean;
}

export interface RunRecord {
  readonly id: number;
  readonly status: RunStatus;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly seed: number;
  readonly fingerprint: string;
  readonly schemaFingerprint: string;
  /** sha256 of the overrides file the run used; null without one. */
  readonly overridesFingerprint: string | null;
  readonly environment: string;
  readonly checkpoint: boolean;
  readonly options: RunOptions;
  readonly error: string | null;
  /** Tables whose rows are committed, of how many. */
  readonly completeTables: number;
  readonly tableCount: number;
  /** Rows in the committed tables. */
  readonly rows: number;
}

export interface RunTableRecord {
  readonly table: QualifiedName;
  readonly position: number;
  readonly plannedRows: number;
  readonly rows: number;
  readonly status: 'pending' | 'complete' | 'rolled-back';
  readonly method: TableMethod | null;
  readonly keyStart: Readonly<Record<string, number>>;
  readonly keys: StoredKeys | null;
}

export interface RunDetail extends RunRecord {
  readonly existingRows: Readonly<Record<QualifiedName, number>>;
  readonly existingKeys: Readonly<Record<QualifiedName, StoredKeys>>;
  readonly autoseedVersion: string;
  readonly tables: readonly RunTableRecord[];
}

/** What a new run writes into the ledger before its first table. */
export type RunDraft = Omit<RunDetail, 'id' | 'status' | 'startedAt' | 'finishedAt' | 'error' | 'completeTables' | 'tableCount' | 'rows'>;

const RUN_COLUMNS = `r.id::int AS id, r.status, to_char(r.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS started_at,
  to_char(r.finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS finished_at, r.seed::float8 AS seed, r.fingerprint,
  r.schema_fingerprint, r.overrides_fingerprint, r.environment, r.checkpoint, r.options, r.error,
  (SELECT count(*) FROM autoseed.run_tables t WHERE t.run_id = r.id AND t.status = 'complete')::int AS complete_tables,
  (SELECT count(*) FROM autoseed.run_tables t WHERE t.run_id = r.id)::int AS table_count,
  (SELECT coalesce(sum(t.rows), 0) FROM autoseed.run_tables t WHERE t.run_id = r.id AND t.status = 'complete')::float8 AS rows`;

interface RunRow {
  id: number; status: RunStatus; started_at: string; finished_at: string | null; seed: number; fingerprint: string;
  schema_fingerprint: string; overrides_fingerprint: string | null; environment: string; checkpoint: boolean; options: RunOptions; error: string | null;
  complete_tables: number; table_count: number; rows: number;
}

function toRecord(r: RunRow): RunRecord {
  return {
    id: r.id, status: r.status, startedAt: r.started_at, finishedAt: r.finished_at, seed: r.seed, fingerprint: r.fingerprint,
    schemaFingerprint: r.schema_fingerprint, overridesFingerprint: r.overrides_fingerprint, environment: r.environment, checkpoint: r.checkpoint, options: r.options,
    error: r.error, completeTables: r.complete_tables, tableCount: r.table_count, rows: r.rows,
  };
}

/** Every run, newest first. */
export async function listRuns(q: Queryable): Promise<RunRecord[]> {
  const { rows } = await q.query<RunRow>(`SELECT ${RUN_COLUMNS} FROM autoseed.runs r ORDER BY r.id DESC`);
  return rows.map(toRecord);
}

/** One run with its tables and stored inputs; null when there is no such run. */
export async function loadRun(q: Queryable, id: number): Promise<RunDetail | null> {
  const { rows } = await q.query<RunRow & { existing_rows: Record<string, number>; existing_keys: Record<string, StoredKeys>; autoseed_version: string }>(
    `SELECT ${RUN_COLUMNS}, r.existing_rows, r.existing_keys, r.autoseed_version FROM autoseed.runs r WHERE r.id = $1`, [id]);
  const r = rows[0];
  if (!r) return null;
  const { rows: tables } = await q.query<{
    table_name: string; position: number; planned_rows: number; rows: number; status: RunTableRecord['status'];
    method: TableMethod | null; key_start: Record<string, number>; keys: StoredKeys | null;
  }>('SELECT table_name, position, planned_rows, rows, status, method, key_start, keys FROM autoseed.run_tables WHERE run_id = $1 ORDER BY position', [id]);
  return {
    ...toRecord(r),
    existingRows: r.existing_rows,
    existingKeys: r.existing_keys,
    autoseedVersion: r.autoseed_version,
    tables: tables.map((t) => ({
      table: t.table_name, position: t.position, plannedRows: t.planned_rows, rows: t.rows, status: t.status,
      method: t.method, keyStart: t.key_start, keys: t.keys,
    })),
  };
}

/** Inserts a run (status running) and its tables (pending); returns the run's id. */
export async function createRun(q: Queryable, draft: RunDraft): Promise<number> {
  const { rows } = await q.query<{ id: number }>(
    `INSERT INTO autoseed.runs (status, seed, fingerprint, schema_fingerprint, overrides_fingerprint, environment, checkpoint, options, existing_rows, existing_keys, autoseed_version)
     VALUES ('running', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id::int AS id`,
    [draft.seed, draft.fingerprint, draft.schemaFingerprint, draft.overridesFingerprint, draft.environment, draft.checkpoint, JSON.stringify(draft.options),
      JSON.stringify(draft.existingRows), JSON.stringify(draft.existingKeys), draft.autoseedVersion]);
  const id = rows[0]!.id;
  const t = draft.tables;
  // one statement for every table, however many
  await q.query(
    `INSERT INTO autoseed.run_tables (run_id, table_name, position, planned_rows, status, key_start)
     SELECT $1, n, p, r, 'pending', k FROM unnest($2::text[], $3::int[], $4::int[], $5::jsonb[]) AS x(n, p, r, k)`,
    [id, t.map((x) => x.table), t.map((x) => x.position), t.map((x) => x.plannedRows), t.map((x) => JSON.stringify(x.keyStart))]);
  return id;
}

/** Marks tables complete, inside the transaction that wrote them. */
export async function completeTables(q: Queryable, runId: number, tables: readonly { table: QualifiedName; rows: number; method: TableMethod; keys: StoredKeys | null }[]): Promise<void> {
  for (const t of tables) {
    await q.query(
      `UPDATE autoseed.run_tables SET status = 'complete', rows = $3, method = $4, keys = $5, finished_at = now() WHERE run_id = $1 AND table_name = $2`,
      [runId, t.table, t.rows, t.method, t.keys === null ? null : JSON.stringify(t.keys)]);
  }
}

/** Sets a run's status (and its tables', when rolled back); `error` says why a run failed or how it was rolled back. */
export async function setRunStatus(q: Queryable, runId: number, status: RunStatus, error: string | null = null): Promise<void> {
  const finished = status === 'running' ? 'NULL' : 'now()';
  await q.query(`UPDATE autoseed.runs SET status = $2, error = $3, finished_at = ${finished} WHERE id = $1`, [runId, status, error]);
  if (status === 'rolled-back') {
    await q.query("UPDATE autoseed.run_tables SET status = 'rolled-back' WHERE run_id = $1 AND status = 'complete'", [runId]);
  }
}

/**
 * Runs still marked running while we hold the lock were killed: nobody else can be running.
 * They become failed; a --checkpoint run keeps its complete tables, which an identical run resumes.
 */
export async function failStaleRuns(q: Queryable): Promise<number> {
  const result = await q.query<{ id: number }>(
    `UPDATE autoseed.runs SET status = 'failed', finished_at = now(), error = 'interrupted: the process ended before the run finished'
     WHERE status = 'running' RETURNING id::int AS id`);
  return result.rows.length;
}

/** After `seed --reset` truncated the seeded tables: every run with rows is over (its keys may be reused now). */
export async function resetRuns(q: Queryable): Promise<number[]> {
  const { rows } = await q.query<{ id: number }>(
    `UPDATE autoseed.runs SET status = 'rolled-back', finished_at = coalesce(finished_at, now()), error = 'reset: its tables were truncated by seed --reset'
     WHERE status <> 'rolled-back' RETURNING id::int AS id`);
  const ids = rows.map((r) => r.id);
  if (ids.length > 0) await q.query("UPDATE autoseed.run_tables SET status = 'rolled-back' WHERE run_id = ANY($1::bigint[]) AND status = 'complete'", [ids]);
  return ids.sort((a, b) => a - b);
}

/** The committed tables of each run. */
export async function committedTables(q: Queryable, runIds: readonly number[]): Promise<Map<number, QualifiedName[]>> {
  const { rows } = await q.query<{ run_id: number; table_name: string }>(
    "SELECT run_id::int AS run_id, table_name FROM autoseed.run_tables WHERE run_id = ANY($1::bigint[]) AND status = 'complete' ORDER BY position",
    [[...runIds]]);
  const map = new Map<number, QualifiedName[]>();
  for (const r of rows) map.set(r.run_id, [...(map.get(r.run_id) ?? []), r.table_name]);
  return map;
}
