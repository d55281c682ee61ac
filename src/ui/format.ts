/** `1234567` → `1,234,567`. */
export function formatInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** `850 ms`, `1.2 s`, `2 m 05 s`. */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} m ${String(s % 60).padStart(2, '0')} s`;
}

/** A bar of `width` cells, `ratio` (0..1) of them full. */
export function bar(ratio: number, width: number): string {
  const cells = Math.max(0, width);
  const full = Math.min(cells, Math.max(0, Math.round(ratio * cells)));
  return '█'.repeat(full) + '░'.repeat(cells - full);
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'] as const;

export function spinnerFrame(frame: number): string {
  return SPINNER[frame % SPINNER.length]!;
}

/** `s` when `n` is 1, else `s + "s"`: `1 table`, `2 tables`. */
export function plural(n: number, word: string): string {
  return `${formatInt(n)} ${word}${n === 1 ? '' : 's'}`;
}
