/**
 * The terminal UI's state and its one pure reducer: UI actions (keys, backend answers) and the
 * writer's SeedEvents in, the next state out. Components only render what is here.
 */
import { bodyHeight, summaryBodyHeight } from './layout.js';
import { planLines } from './plan-lines.js';
import { EMPTY_SEED, applySeedEvent } from './state-seed.js';
import { reducePick, selectionOf, settleRows } from './state-pick.js';
import type { UiAction, UiState } from './state-types.js';
import { summaryExitCode, summaryLines } from './summary-lines.js';

export type * from './state-types.js';
export { selectionOf } from './state-pick.js';

/** What the UI knows before it connects. */
export interface InitialOptions {
  /** Where we connect, without the password. */
  target: string;
  /** Run verify-integrity after seeding (false with --no-verify). */
  verify: boolean;
  columns?: number | undefined;
  rows?: number | undefined;
  now: number;
}

/** Exit code for Ctrl-C. */
export const INTERRUPTED = 130;

/** The connect screen, before anything is known of the database. */
export function initialState(options: InitialOptions): UiState {
  return {
    screen: 'connect',
    size: { columns: options.columns || 80, rows: options.rows || 24 },
    clock: { now: options.now, frame: 0 },
    target: options.target,
    status: `Connecting to ${options.target}`,
    source: null,
    pick: { cursor: 0, selected: new Set(), rows: {}, filter: '', filtering: false, notice: null },
    plan: null,
    planRequest: 0,
    planId: 0,
    scroll: 0,
    seed: EMPTY_SEED,
    verify: options.verify ? { status: 'waiting' } : { status: 'off' },
    error: null,
    exit: null,
  };
}

/** Is the plan on screen the one for the current selection? */
export function planReady(state: UiState): boolean {
  return state.plan !== null && state.planId === state.planRequest;
}

/** The next state after one action. Pure: same state and action, same result. */
export function reduce(state: UiState, action: UiAction): UiState {
  if (state.exit !== null) return state;
  switch (action.type) {
    case 'status':
      return { ...state, status: action.text };
    case 'connected':
      return {
        ...state,
        screen: 'pick',
        source: action.data,
        plan: action.data.plan,
        pick: { ...state.pick, selected: new Set(action.data.selected) },
      };
    case 'planned':
      if (action.id !== state.planRequest) return state;
      return { ...state, plan: action.plan, planId: action.id, pick: { ...state.pick, rows: settleRows(state.pick.rows, action.plan.tables) } };
    case 'failed':
      return { ...state, screen: 'error', error: { message: action.message, exitCode: action.exitCode } };
    case 'move':
    case 'move-to':
      if (state.screen === 'plan' || state.screen === 'summary') return scroll(state, action);
      return state.screen === 'pick' ? reducePick(state, action) : state;
    case 'toggle':
    case 'toggle-all':
    case 'scale':
    case 'filter-start':
    case 'filter-type':
    case 'filter-erase':
    case 'filter-done':
      return state.screen === 'pick' ? reducePick(state, action) : state;
    case 'continue':
      return next(state);
    case 'back':
      return state.screen === 'plan' ? { ...state, screen: 'pick' } : state;
    case 'quit':
      return { ...state, exit: quitCode(state) };
    case 'interrupt':
      return { ...state, exit: INTERRUPTED };
    case 'event': {
      const seed = applySeedEvent(state.seed, action.event, action.at);
      const clock = { ...state.clock, now: action.at };
      if (action.event.type !== 'run-done') return { ...state, seed, clock };
      const verify = state.verify.status === 'waiting' ? { status: 'running' as const } : state.verify;
      return { ...state, seed, clock, verify, screen: 'summary', scroll: 0 };
    }
    case 'verified':
      return { ...state, verify: { status: 'done', result: action.result } };
    case 'verify-failed':
      return { ...state, verify: { status: 'failed', message: action.message } };
    case 'tick':
      return animating(state) ? { ...state, clock: { now: action.at, frame: state.clock.frame + 1 } } : state;
    case 'resize':
      return { ...state, size: { columns: action.columns || state.size.columns, rows: action.rows || state.size.rows } };
  }
}

/** Enter: picker → plan → seeding. */
function next(state: UiState): UiState {
  if (state.screen === 'pick') {
    if (state.pick.filtering) return state;
    if (selectionOf(state).tables.length === 0) {
      return { ...state, pick: { ...state.pick, notice: 'Tick at least one table (space), or press q to quit' } };
    }
    return { ...state, screen: 'plan', scroll: 0 };
  }
  if (state.screen === 'plan' && planReady(state) && state.plan!.tables.some((t) => t.mode === 'seed')) {
    return { ...state, screen: 'seed', seed: EMPTY_SEED };
  }
  return state;
}

function quitCode(state: UiState): number {
  if (state.screen === 'error') return state.error?.exitCode ?? 1;
  if (state.screen === 'summary') return summaryExitCode(state.verify);
  return 0;
}

function scroll(state: UiState, action: Extract<UiAction, { type: 'move' | 'move-to' }>): UiState {
  const plan = state.screen === 'plan';
  const lines = plan
    ? (state.plan ? planLines(state.plan, state.source?.tables ?? [], state.source?.pii ?? null).length : 0)
    : summaryLines(state).length;
  const max = Math.max(0, lines - (plan ? bodyHeight(state.size) : summaryBodyHeight(state.size)));
  const wanted = action.type === 'move' ? state.scroll + action.by : action.where === 'start' ? 0 : max;
  return { ...state, scroll: Math.max(0, Math.min(max, wanted)) };
}

/** Spinners, rates and ETAs need the clock only while something is under way. */
function animating(state: UiState): boolean {
  switch (state.screen) {
    case 'connect':
    case 'seed':
      return true;
    case 'plan':
    case 'pick':
      return !planReady(state);
    case 'summary':
      return state.verify.status === 'running' || state.verify.status === 'waiting';
    case 'error':
      return false;
  }
}
