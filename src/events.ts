import type { QualifiedName } from './catalog.js';

/**
 * What a run reports while it works. The writer emits these; the terminal UI and the JSON-lines
 * logger are two consumers of the same stream.
 */
export type SeedEvent =
  | { type: 'run-start'; seed: number; tables: number; rows: number; steps: number }
  | { type: 'table-start'; table: QualifiedName; rows: number; method: 'copy' | 'insert' }
  | { type: 'progress'; table: QualifiedName; rows: number; total: number }
  | { type: 'table-done'; table: QualifiedName; rows: number; ms: number; retried: number }
  | { type: 'cycle-update'; table: QualifiedName; foreignKeys: readonly string[]; rows: number; ms: number }
  | { type: 'warning'; message: string; table?: QualifiedName }
  | { type: 'error'; code: string; message: string; table?: QualifiedName; constraint?: string; sample?: Record<string, unknown> }
  | {
      type: 'run-done';
      tables: Record<QualifiedName, number>;
      rows: number;
      ms: number;
      /** Tables not seeded, with the reason. */
      skipped: Record<QualifiedName, string>;
      /** Tables that got fewer rows than planned (rows a trigger kept rejecting), with the reason. */
      short: Record<QualifiedName, { rows: number; planned: number; reason: string }>;
    };

export type EventSink = (event: SeedEvent) => void;
