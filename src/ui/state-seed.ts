import type { SeedEvent } from '../events.js';
import type { SeedState, TableProgress } from './state-types.js';

/** The seed screen before `run-start`. */
export const EMPTY_SEED: SeedState = {
  seed: 0, tableCount: 0, totalRows: 0, startedAt: null, tables: [], updates: [], warnings: [], done: null,
};

/** The seed screen's state after one writer event, received at clock time `at`. */
export function applySeedEvent(s: SeedState, event: SeedEvent, at: number): SeedState {
  switch (event.type) {
    case 'run-start':
      // warnings sent before the run (the plan's) stay
      return { ...s, seed: event.seed, tableCount: event.tables, totalRows: event.rows, startedAt: at };
    case 'table-start':
      return upsert(s, { key: event.table, status: 'running', rows: 0, total: event.rows, ms: 0, method: event.method });
    case 'progress': {
      const old = s.tables.find((t) => t.key === event.table);
      return upsert(s, { key: event.table, status: 'running', rows: event.rows, total: event.total, ms: 0, method: old?.method ?? 'copy' });
    }
    case 'table-done': {
      const old = s.tables.find((t) => t.key === event.table);
      return upsert(s, { key: event.table, status: 'done', rows: event.rows, total: old?.total ?? event.rows, ms: event.ms, method: old?.method ?? 'copy' });
    }
    case 'cycle-update':
      return { ...s, updates: [...s.updates, { table: event.table, foreignKeys: event.foreignKeys, rows: event.rows }] };
    case 'warning':
      return { ...s, warnings: [...s.warnings, event.message] };
    case 'run-done':
      return { ...s, done: event };
    case 'error':
      // the failure itself arrives as the seed call's rejection, with the full message
      return s;
  }
}

function upsert(s: SeedState, entry: TableProgress): SeedState {
  const index = s.tables.findIndex((t) => t.key === entry.key);
  if (index < 0) return { ...s, tables: [...s.tables, entry] };
  const tables = s.tables.slice();
  tables[index] = entry;
  return { ...s, tables };
}

/** Overall progress of a run. */
export interface SeedTotals {
  readonly rows: number;
  /** 0..1 */
  readonly ratio: number;
  readonly elapsedMs: number;
  /** Rows per second so far; null until there is something to measure. */
  readonly rate: number | null;
  readonly etaMs: number | null;
}

/** Overall progress at clock time `now`. */
export function seedTotals(s: SeedState, now: number): SeedTotals {
  const rows = s.tables.reduce((n, t) => n + t.rows, 0);
  const ratio = s.done ? 1 : s.totalRows > 0 ? Math.min(1, rows / s.totalRows) : 0;
  const elapsedMs = s.done ? s.done.ms : s.startedAt === null ? 0 : Math.max(0, now - s.startedAt);
  const rate = elapsedMs >= 200 && rows > 0 ? (rows * 1000) / elapsedMs : null;
  const etaMs = s.done ? 0 : rate ? (Math.max(0, s.totalRows - rows) * 1000) / rate : null;
  return { rows, ratio, elapsedMs, rate, etaMs };
}
