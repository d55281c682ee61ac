import type { RunRecord } from './store.js';

/**
 * What a seed run does, given the ledger (R9). Pure.
 *
 * - `--reset` / `--append`: a new run (after truncating, or with keys after the existing ones).
 * - the same fingerprint already complete: nothing to do.
 * - the same fingerprint interrupted with committed tables (a --checkpoint run): resume it.
 * - another run's rows are in the database: refuse, offering --reset / --append / rollback.
 * - otherwise: a new run.
 */
export type Decision =
  | { readonly kind: 'new' }
  | { readonly kind: 'nothing-to-do'; readonly run: RunRecord }
  | { readonly kind: 'resume'; readonly run: RunRecord }
  | { readonly kind: 'refuse'; readonly run: RunRecord };

/** A run whose rows are (at least partly) in the database. */
export function hasRows(run: RunRecord): boolean {
  return run.status !== 'rolled-back' && (run.status === 'complete' || run.completeTables > 0);
}

/** `runs` newest first, as listRuns returns them; stale `running` runs already marked failed. */
export function decide(runs: readonly RunRecord[], fingerprint: string, flags: { append: boolean; reset: boolean }): Decision {
  if (flags.reset || flags.append) return { kind: 'new' };
  const live = runs.filter(hasRows);
  const same = live.find((r) => r.fingerprint === fingerprint);
  if (same) return same.status === 'complete' ? { kind: 'nothing-to-do', run: same } : { kind: 'resume', run: same };
  const latest = live[0];
  return latest ? { kind: 'refuse', run: latest } : { kind: 'new' };
}
