/** Issue 9's targets, checked against this run's figures (met / missed by how much / not measured). */
import type { BenchRow } from './results.js';

export interface TargetCheck {
  target: string;
  measured: string;
  verdict: 'met' | 'missed' | 'not measured';
}

export function checkTargets(rows: readonly BenchRow[], quick: boolean): TargetCheck[] {
  const get = (id: string) => rows.find((r) => r.id === id && r.seconds !== null);
  const checks: TargetCheck[] = [];
  const autoseed = get('blog-autoseed');
  const fast = get('blog-autoseed-fast');
  const drizzle = get('blog-drizzle-seed');
  const atLeast = (target: string, value: number | null | undefined, goal: number, unit: string) =>
    checks.push(value === null || value === undefined
      ? { target, measured: '—', verdict: 'not measured' }
      : { target, measured: `${value.toFixed(2)}${unit}`, verdict: value >= goal ? 'met' : 'missed' });
  const under = (target: string, row: BenchRow | undefined, seconds: number, extra = '') =>
    checks.push(!row || row.seconds === null
      ? { target, measured: '—', verdict: 'not measured' }
      : row.note.startsWith('STOPPED')
        ? { target, measured: `> ${row.seconds.toFixed(0)} s (stopped at the limit, see notes)${extra}`, verdict: 'missed' }
        : { target, measured: `${row.seconds.toFixed(2)} s${extra}`, verdict: row.seconds < seconds ? 'met' : 'missed' });
  const speedup = (a: BenchRow | undefined) => (a?.rowsPerSecond && drizzle?.rowsPerSecond ? a.rowsPerSecond / drizzle.rowsPerSecond : null);

  atLeast('default mode ≥ 0.90× reference COPY (blog)', autoseed?.ratio, 0.9, '×');
  atLeast('default mode ≥ 3× drizzle-seed (blog)', speedup(autoseed), 3, '×');
  atLeast('--fast ≥ 10× drizzle-seed (blog)', speedup(fast), 10, '×');
  under('demo schema at --rows 100000 < 30 s', get('school-autoseed'), 30, quick ? ' (--quick: --rows 10000)' : '');
  under('introspect + plan of 1,000+ tables < 3 s', get('introspect-plan'), 3, quick ? ' (--quick: 120 tables)' : '');
  under('verify-integrity on 410k rows < 3 s', get('verify-blog'), 3, quick ? ' (--quick: 41k rows)' : '');
  const big = get('big-blog-fast');
  const rssMb = big?.rssMb ?? null;
  checks.push(rssMb === null
    ? { target: '10M rows: RSS < 300 MB', measured: 'run with --only big (10.25 M rows)', verdict: 'not measured' }
    : { target: '10M rows: RSS < 300 MB', measured: `${Math.round(rssMb)} MB at ${big!.rows?.toLocaleString('en-US')} rows${quick ? ' (--quick: 1/10)' : ''}`, verdict: rssMb < 300 ? 'met' : 'missed' });
  return checks;
}

export function formatTargets(checks: readonly TargetCheck[]): string {
  const width = Math.max(...checks.map((c) => c.target.length));
  return ['Targets (issue 9)', ...checks.map((c) => `  ${c.target.padEnd(width)}  ${c.verdict.padEnd(12)}  ${c.measured}`)].join('\n');
}
