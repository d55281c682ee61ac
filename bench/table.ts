/** The bench's table as text: one line per scenario and tool. */
import type { BenchRow } from './results.js';

export const HEADER = ['scenario', 'tool', 'rows', 'seconds', 'rows/s', 'ratio', 'peak RSS', 'notes'] as const;

const NUMERIC = new Set([2, 3, 4, 5, 6]);

/** Longer notes (a failure's whole message) are cut here; --json and stderr keep them whole. */
const NOTE_WIDTH = 220;

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

export function formatTable(rows: readonly BenchRow[]): string {
  const cells = rows.map((r) => [
    r.scenario,
    r.tool,
    r.rows === null ? (r.seconds === null ? 'n/a' : '—') : whole(r.rows),
    r.seconds === null ? 'n/a' : r.seconds.toFixed(2),
    r.rowsPerSecond === null ? '—' : whole(r.rowsPerSecond),
    r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`,
    r.rssMb === null ? 'n/a' : `${Math.round(r.rssMb)} MB`,
    clip(r.note, NOTE_WIDTH),
  ]);
  const header = [...HEADER];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) => c.map((v, i) => (NUMERIC.has(i) ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

export function whole(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
