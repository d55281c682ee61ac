import { isAutoseedError } from '../errors.js';
import type { UiBackend } from './backend.js';
import { selectionOf } from './state-pick.js';
import type { UiAction, UiState } from './state-types.js';
import type { Store } from './store.js';

/**
 * Runs the side effects the state asks for, outside React: connect at start, a new plan when the
 * selection changes, the seed when the seed screen opens, verify-integrity when the run is done.
 * Resolves with the exit code once the state has one.
 */
export function startController(store: Store<UiState, UiAction>, backend: UiBackend, now: () => number): Promise<number> {
  const dispatch = (action: UiAction) => store.dispatch(action);
  const fail = (error: unknown) => dispatch({ type: 'failed', ...describeError(error) });
  let previous = store.getState();
  return new Promise<number>((resolve) => {
    const stop = store.subscribe(() => {
      const state = store.getState();
      const before = previous;
      previous = state;
      if (state.exit !== null) {
        stop();
        resolve(state.exit);
        return;
      }
      if (state.planRequest !== before.planRequest) {
        const id = state.planRequest;
        backend.plan(selectionOf(state)).then((plan) => dispatch({ type: 'planned', id, plan }), fail);
      }
      if (state.screen === 'seed' && before.screen !== 'seed') {
        backend.seed(selectionOf(state), (event) => dispatch({ type: 'event', event, at: now() })).catch(fail);
      }
      if (state.verify.status === 'running' && before.verify.status !== 'running') {
        backend.verify().then(
          (result) => dispatch({ type: 'verified', result }),
          (error: unknown) => dispatch({ type: 'verify-failed', message: describeError(error).message }),
        );
      }
    });
    backend.connect((text) => dispatch({ type: 'status', text })).then((data) => dispatch({ type: 'connected', data }), fail);
  });
}

/** The message and exit code of anything a backend call rejected with. */
export function describeError(error: unknown): { message: string; exitCode: number } {
  if (isAutoseedError(error)) return { message: error.message, exitCode: error.exitCode };
  return { message: `Unexpected error: ${error instanceof Error ? error.message : String(error)}`, exitCode: 1 };
}
