/** One line of the bench's table, and the arithmetic over repeated runs. */
export interface Sample {
  seconds: number;
  rows: number;
  /** Peak RSS of the process doing the work, KiB (null: not measurable). */
  rssKb: number | null;
}

export interface BenchRow {
  /** Stable id for --json comparisons. */
  id: string;
  scenario: string;
  tool: string;
  /** Rows written (or checked, or planned tables for introspect + plan). */
  rows: number | null;
  /** Median wall-clock seconds; null: not run. */
  seconds: number | null;
  rowsPerSecond: number | null;
  /** rows/s ÷ the reference's rows/s; null where it means nothing. */
  ratio: number | null;
  /** Largest peak RSS over the runs, MiB. */
  rssMb: number | null;
  /** Every run's seconds, in order. */
  samples: number[];
  note: string;
  /** Anything else worth keeping in --json (not printed). */
  extra?: Record<string, unknown>;
  /** Rows written (compared with the reference's ingest speed) or only read (verify, plan: no ratio). */
  writes?: boolean;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A table row from runs of one measurement (ratio filled in later, against the reference). */
export function rowFrom(base: { id: string; scenario: string; tool: string; note?: string; extra?: Record<string, unknown>; writes?: boolean }, samples: readonly Sample[], countRowsPerSecond = true): BenchRow {
  const seconds = median(samples.map((s) => s.seconds));
  const rows = median(samples.map((s) => s.rows));
  const rss = samples.map((s) => s.rssKb).filter((r): r is number => r !== null);
  return {
    ...base,
    rows,
    seconds,
    rowsPerSecond: countRowsPerSecond && seconds > 0 ? rows / seconds : null,
    ratio: null,
    rssMb: rss.length > 0 ? Math.max(...rss) / 1024 : null,
    samples: samples.map((s) => s.seconds),
    note: base.note ?? '',
  };
}

/** A row for something that could not be measured here, with why. */
export function unavailable(base: { id: string; scenario: string; tool: string }, why: string): BenchRow {
  return { ...base, rows: null, seconds: null, rowsPerSecond: null, ratio: null, rssMb: null, samples: [], note: why };
}

/** Fills in each row's ratio to the reference's rows/s. */
export function withRatios(rows: readonly BenchRow[], referenceId: string): BenchRow[] {
  const reference = rows.find((r) => r.id === referenceId)?.rowsPerSecond ?? null;
  return rows.map((r) => ({ ...r, ratio: reference && r.writes !== false && r.rowsPerSecond !== null ? r.rowsPerSecond / reference : null }));
}
