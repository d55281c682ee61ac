import type { Sample, VerifyReport, Violation } from './types.js';

const MAX_SAMPLE_WIDTH = 70;

/** The human report: a table of violations, failures, then coverage and the verdict. */
export function formatReport(report: VerifyReport, elapsedMs: number): string {
  const lines: string[] = [];
  const tableCount = Object.keys(report.tables).length;
  lines.push(`verify-integrity: ${report.checks} checks on ${tableCount} tables in ${(elapsedMs / 1000).toFixed(1)} s`, '');
  if (report.violations.length > 0) {
    lines.push(...columns([
      ['KIND', 'CONSTRAINT', 'TABLE', 'VIOLATIONS', 'SAMPLE'],
      ...report.violations.map((v) => [v.kind, constraintLabel(v), v.table, String(v.count), samplesText(v.samples)]),
    ]), '');
  }
  if (report.failures.length > 0) {
    lines.push('Could not check:');
    for (const f of report.failures) lines.push(`  ${f.kind} ${f.constraint} on ${f.table}: ${f.message}${f.sqlState ? ` (SQLSTATE ${f.sqlState})` : ''}`);
    lines.push('');
  }
  lines.push(`${tableCount} tables, ${report.totalRows.toLocaleString('en-US')} rows.`);
  if (report.emptyTables.length > 0) lines.push(`Empty (${report.emptyTables.length}): ${list(report.emptyTables)}`);
  if (report.cannotHoldRows.length > 0) {
    lines.push(`Partitioned with no partition, cannot hold rows (${report.cannotHoldRows.length}): ${list(report.cannotHoldRows)}`);
  }
  lines.push(verdict(report));
  return `${lines.join('\n')}\n`;
}

function verdict(report: VerifyReport): string {
  const n = report.violations.length;
  if (n === 0 && report.failures.length === 0) return 'OK: no violations.';
  const parts = [
    ...(n > 0 ? [`${n} constraint${n === 1 ? '' : 's'} violated`] : []),
    ...(report.failures.length > 0 ? [`${report.failures.length} check${report.failures.length === 1 ? '' : 's'} could not run`] : []),
  ];
  return `FAILED: ${parts.join(', ')}.`;
}

function constraintLabel(v: Violation): string {
  const where = v.domain ? ` (domain ${v.domain}${v.column ? `, column ${v.column}` : ''})` : v.column && v.kind === 'sequence' ? ` (column ${v.column})` : '';
  return `${v.constraint}${where}`;
}

/** `a=1, b=x; a=2, b=y …`, cut to a readable width. */
function samplesText(samples: readonly Sample[]): string {
  const text = samples.map(sampleText).join('; ');
  return text.length > MAX_SAMPLE_WIDTH ? `${text.slice(0, MAX_SAMPLE_WIDTH - 1)}…` : text;
}

function sampleText(sample: Sample): string {
  return Object.entries(sample)
    .map(([key, value]) => (value !== null && typeof value === 'object' ? `${key}(${sampleText(value as Sample)})` : `${key}=${value === null ? 'NULL' : String(value)}`))
    .join(', ');
}

function list(names: readonly string[], max = 20): string {
  return names.length > max ? `${names.slice(0, max).join(', ')}, … (${names.length - max} more)` : names.join(', ');
}

function columns(rows: readonly string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd());
}
