import { formatInt, formatMs, plural } from './format.js';
import { type Line, section } from './lines.js';
import { nameOf } from './names.js';
import { piiLines } from './plan-lines.js';
import type { UiState, VerifyState } from './state-types.js';

/** What to run after a seed; always in view on the summary. */
export const NEXT_COMMANDS = 'Next: autoseed rollback (undo this run) · autoseed verify-integrity';

/** `✓ Seeded 1,300 rows in 10 tables in 173 ms (seed 1)`. */
export function summaryHeadline(state: UiState): Line {
  const done = state.seed.done;
  if (!done) return { text: '' };
  const tables = Object.keys(done.tables).length;
  const run = done.run !== undefined ? `, run #${done.run}` : '';
  if (tables === 0) return { text: `Nothing written${run ? ` (already seeded${run})` : ''}`, tone: 'warn' };
  return { text: `✓ Seeded ${plural(done.rows, 'row')} in ${plural(tables, 'table')} in ${formatMs(done.ms)} (seed ${state.seed.seed}${run})`, tone: 'ok' };
}

/** One line for verify-integrity: under way, clean, or how many problems (listed in the body). */
export function verifyHeadline(verify: VerifyState): Line {
  switch (verify.status) {
    case 'off':
      return { text: 'Integrity not checked (--no-verify)', tone: 'dim' };
    case 'waiting':
    case 'running':
      return { text: 'verify-integrity: checking every constraint…', spin: true };
    case 'failed':
      return { text: `✗ could not verify: ${verify.message}`, tone: 'bad' };
    case 'done': {
      const { result } = verify;
      const took = `${plural(result.checks, 'check')}, ${formatMs(result.ms)}`;
      if (result.violations.length === 0 && result.failures.length === 0) {
        return { text: '✓ integrity: every FK, unique, NOT NULL and CHECK holds', tone: 'ok', right: took };
      }
      const failures = result.failures.length > 0 ? `, ${plural(result.failures.length, 'check')} could not run` : '';
      return { text: `✗ integrity: ${plural(result.violations.length, 'violation')}${failures} (listed below)`, tone: 'bad', right: took };
    }
  }
}

/** The summary's scrolling body: rows per table, short and skipped tables, problems, warnings, PII. */
export function summaryLines(state: UiState): Line[] {
  const done = state.seed.done;
  if (!done) return [];
  const name = nameOf(state.source?.tables ?? []);
  const rows: Line[] = Object.entries(done.tables).map(([key, n]) => ({
    text: name(key),
    right: `${formatInt(n)} rows`,
    ...(done.short[key] ? { tone: 'warn' as const } : {}),
  }));
  const short: Line[] = Object.entries(done.short).map(([key, s]) => ({
    text: `${name(key)}: ${formatInt(s.rows)} of ${formatInt(s.planned)} rows: ${s.reason}`, tone: 'warn',
  }));
  const skipped: Line[] = Object.entries(done.skipped).map(([key, reason]) => ({ text: `${name(key)}: ${reason}`, tone: 'dim' }));
  const problems: Line[] = state.verify.status === 'done'
    ? [
        ...state.verify.result.violations.map((v) => ({ text: v, tone: 'bad' as const })),
        ...state.verify.result.failures.map((f) => ({ text: f, tone: 'warn' as const })),
      ]
    : [];
  return [
    { text: 'Rows per table', tone: 'title' },
    ...rows.map((l) => ({ ...l, text: `  ${l.text}` })),
    ...section('Short of rows', short),
    ...section('Not seeded', skipped),
    ...section('Integrity problems', problems),
    ...section('Warnings', state.seed.warnings.map((w) => ({ text: `! ${w}`, tone: 'warn' as const }))),
    ...piiLines(done.pii ?? null, name),
  ];
}

/** Exit code once the run is over: 1 when verify-integrity found a problem, else 0. */
export function summaryExitCode(verify: VerifyState): number {
  return verify.status === 'done' && (verify.result.violations.length > 0 || verify.result.failures.length > 0) ? 1 : 0;
}
