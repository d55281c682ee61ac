/** What the bench reads from `autoseed seed --json` (JSON lines, docs/events.md) and from failed children. */
import type { ChildResult } from './child.js';

export interface SeedSummary {
  rows: number;
  tables: Record<string, number>;
  /** The run's own duration (run-done.ms), without process start-up. */
  ms: number;
}

interface Line {
  type?: string;
  [key: string]: unknown;
}

function lines(stdout: string): Line[] {
  const events: Line[] = [];
  for (const text of stdout.split('\n')) {
    if (!text.startsWith('{')) continue;
    try {
      events.push(JSON.parse(text) as Line);
    } catch {
      // not an event
    }
  }
  return events;
}

/** The run-done event of a finished seed. */
export function seedSummary(stdout: string): SeedSummary {
  const done = lines(stdout).find((e) => e.type === 'run-done');
  if (!done) throw new Error('the seed printed no run-done event');
  return { rows: Number(done.rows), tables: done.tables as Record<string, number>, ms: Number(done.ms) };
}

/** Rows written so far, from a seed's events as they arrive (for a run stopped at a time limit). */
export class SeedProgress {
  private readonly done = new Map<string, number>();
  private readonly current = new Map<string, number>();
  planned: number | null = null;

  onLine = (text: string): void => {
    if (!text.startsWith('{')) return;
    let event: Line;
    try {
      event = JSON.parse(text) as Line;
    } catch {
      return;
    }
    if (event.type === 'run-start') this.planned = Number(event.rows);
    if (event.type === 'progress') this.current.set(String(event.table), Number(event.rows));
    if (event.type === 'table-done') {
      this.done.set(String(event.table), Number(event.rows));
      this.current.delete(String(event.table));
    }
  };

  get rows(): number {
    let total = 0;
    for (const n of this.done.values()) total += n;
    for (const n of this.current.values()) total += n;
    return total;
  }

  get tablesDone(): number {
    return this.done.size;
  }
}

/** An Error that says what a child printed before it failed (its error event, else the end of stderr). */
export function childFailure(what: string, result: ChildResult): Error {
  const error = lines(result.stdout).find((e) => e.type === 'error');
  const detail = error ? `${String(error.code)}: ${String(error.message)}` : lastLines(result.stderr || result.stdout, 6);
  const how = result.signal ? `signal ${result.signal}` : `exit ${result.code}`;
  return new Error(`${what} failed (${how}): ${detail}`);
}

function lastLines(text: string, n: number): string {
  return text.trim().split('\n').slice(-n).join('\n');
}
