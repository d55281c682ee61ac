import type { QualifiedName } from './catalog.js';
import type { LockHolderInfo } from './errors.js';
import type { PiiColumn } from './safety/pii.js';

/**
 * What a run reports while it works. The writer emits these; the terminal UI and the JSON-lines
 * logger are two consumers of the same stream. The schema of every event, as the JSON-lines
 * logger prints it, is documented in docs/events.md.
 */
export type SeedEvent =
  | {
      type: 'run-start';
      seed: number;
      tables: number;
      rows: number;
      steps: number;
      /** The environment the run resolved (R12): name, tier, and where the name came from. */
      environment?: { name: string; tier: string; source: string };
      /** The run's configuration, the URL without its password. */
      configuration?: Record<string, unknown>;
      /** The ledger's run: its id, fingerprint, and whether it continues an interrupted run. */
      run?: { id: number; fingerprint: string; resumed: boolean; checkpoint: boolean };
    }
  /** `threads`: worker threads generating the table's rows (absent: the main thread). */
  | { type: 'table-start'; table: QualifiedName; rows: number; method: 'copy' | 'insert'; threads?: number }
  | { type: 'progress'; table: QualifiedName; rows: number; total: number }
  | {
      type: 'table-done';
      table: QualifiedName;
      rows: number;
      ms: number;
      retried: number;
      /** Written by the interrupted run this one resumes: skipped, not written again. */
      resumed?: boolean;
    }
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
      /** Seeded columns that hold personal data in the real application; their values here are synthetic. */
      pii?: readonly PiiColumn[];
      /** The ledger's run id. */
      run?: number;
    };

export type EventSink = (event: SeedEvent) => void;

/**
 * Events of the safety and operations layer (R9–R11): the lock, idempotent re-runs, resume,
 * reset, rollback. Kept apart from SeedEvent so consumers of the writer's stream are unaffected.
 */
export type OpsEvent =
  | { type: 'lock-wait'; holder: LockHolderInfo | null; timeoutSeconds: number }
  | { type: 'nothing-to-do'; run: number; fingerprint: string; tables: Record<QualifiedName, number>; rows: number; message: string }
  | { type: 'resume'; run: number; complete: readonly QualifiedName[]; pending: readonly QualifiedName[] }
  | { type: 'seed-dry-run'; action: 'new-run' | 'resume'; run: number | null; tables: Record<QualifiedName, number>; rows: number }
  | { type: 'reset-plan'; tables: readonly QualifiedName[]; cascaded: readonly QualifiedName[]; dryRun: boolean }
  | { type: 'reset-done'; tables: readonly QualifiedName[]; cascaded: readonly QualifiedName[]; runs: readonly number[] }
  | {
      type: 'rollback-plan';
      run: number;
      dryRun: boolean;
      /** Per table, children first: rows the run recorded, and rows found now that would be deleted. */
      tables: readonly { table: QualifiedName; recorded: number; found: number; matchedBy: string }[];
    }
  | { type: 'rollback-table'; table: QualifiedName; rows: number; ms: number; nulled?: readonly string[] }
  | { type: 'rollback-done'; run: number; rows: number; tables: Record<QualifiedName, number>; ms: number };

export type AutoseedEvent = SeedEvent | OpsEvent;
export type OpsSink = (event: OpsEvent) => void;
