import type { QualifiedName } from '../catalog.js';
import type { SeedEvent } from '../events.js';
import type { Plan } from '../planner/plan-types.js';
import type { Connected, VerifyResult } from './backend.js';

/** The five screens, plus the error panel. */
export type Screen = 'connect' | 'pick' | 'plan' | 'seed' | 'summary' | 'error';

/** The picker: cursor, ticks, changed counts, filter. */
export interface PickState {
  /** Index into the filtered list. */
  readonly cursor: number;
  readonly selected: ReadonlySet<QualifiedName>;
  /** Requested rows for the tables whose count was halved or doubled. */
  readonly rows: Readonly<Record<QualifiedName, number>>;
  readonly filter: string;
  /** Typing goes into the filter. */
  readonly filtering: boolean;
  readonly notice: string | null;
}

/** One table on the seed screen. */
export interface TableProgress {
  readonly key: QualifiedName;
  readonly status: 'running' | 'done';
  readonly rows: number;
  readonly total: number;
  readonly ms: number;
  readonly method: 'copy' | 'insert';
}

/** A cycle's UPDATE pass, as reported by `cycle-update`. */
export interface CycleUpdate {
  readonly table: QualifiedName;
  readonly foreignKeys: readonly string[];
  readonly rows: number;
}

/** The writer's final event. */
export type RunDone = Extract<SeedEvent, { type: 'run-done' }>;

/** The seed screen, built from the writer's events. */
export interface SeedState {
  readonly seed: number;
  readonly tableCount: number;
  readonly totalRows: number;
  /** Clock time of `run-start`. */
  readonly startedAt: number | null;
  /** In the order they started. */
  readonly tables: readonly TableProgress[];
  readonly updates: readonly CycleUpdate[];
  readonly warnings: readonly string[];
  readonly done: RunDone | null;
}

/** verify-integrity after the run: off (--no-verify), waiting for the run, running, done or failed. */
export type VerifyState =
  | { readonly status: 'off' }
  | { readonly status: 'waiting' }
  | { readonly status: 'running' }
  | { readonly status: 'done'; readonly result: VerifyResult }
  | { readonly status: 'failed'; readonly message: string };

/** Everything the screens show; changed only by `reduce`. */
export interface UiState {
  readonly screen: Screen;
  readonly size: { readonly columns: number; readonly rows: number };
  /** `now` feeds rates and ETAs; `frame` animates spinners. */
  readonly clock: { readonly now: number; readonly frame: number };
  /** Where we connect, without the password. */
  readonly target: string;
  /** What the connect screen says it is doing. */
  readonly status: string;
  readonly source: Connected | null;
  readonly pick: PickState;
  readonly plan: Plan | null;
  /** Bumped on every selection change; the plan answering it carries the same id. */
  readonly planRequest: number;
  readonly planId: number;
  /** First line shown on the plan and summary screens. */
  readonly scroll: number;
  readonly seed: SeedState;
  readonly verify: VerifyState;
  readonly error: { readonly message: string; readonly exitCode: number } | null;
  /** Set when the UI is done: the process exit code. */
  readonly exit: number | null;
}

/** Key presses (as meanings), backend answers, writer events, clock ticks, resizes. */
export type UiAction =
  | { type: 'status'; text: string }
  | { type: 'connected'; data: Connected }
  | { type: 'planned'; id: number; plan: Plan }
  | { type: 'failed'; message: string; exitCode: number }
  | { type: 'move'; by: number }
  | { type: 'move-to'; where: 'start' | 'end' }
  | { type: 'toggle' }
  | { type: 'toggle-all' }
  | { type: 'scale'; factor: 2 | 0.5 }
  | { type: 'filter-start' }
  | { type: 'filter-type'; text: string }
  | { type: 'filter-erase' }
  | { type: 'filter-done'; keep: boolean }
  | { type: 'continue' }
  | { type: 'back' }
  | { type: 'quit' }
  | { type: 'interrupt' }
  | { type: 'event'; event: SeedEvent; at: number }
  | { type: 'verified'; result: VerifyResult }
  | { type: 'verify-failed'; message: string }
  | { type: 'tick'; at: number }
  | { type: 'resize'; columns: number; rows: number };
