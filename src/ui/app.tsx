import { useInput } from 'ink';
import { useSyncExternalStore } from 'react';
import { ConnectScreen } from './connect-screen.js';
import { ErrorPanel } from './error-panel.js';
import { keyToAction } from './keymap.js';
import { PickScreen } from './pick-screen.js';
import { PlanScreen } from './plan-screen.js';
import { SeedScreen } from './seed-screen.js';
import type { UiAction, UiState } from './state-types.js';
import type { Store } from './store.js';
import { SummaryScreen } from './summary-screen.js';

/** The screen for the state: pure rendering, no input, no effects. */
export function App({ state }: { state: UiState }) {
  switch (state.screen) {
    case 'connect':
      return <ConnectScreen target={state.target} status={state.status} frame={state.clock.frame} width={state.size.columns} />;
    case 'pick':
      return <PickScreen state={state} />;
    case 'plan':
      return <PlanScreen state={state} />;
    case 'seed':
      return <SeedScreen state={state} />;
    case 'summary':
      return <SummaryScreen state={state} />;
    case 'error':
      return <ErrorPanel message={state.error?.message ?? 'Unknown error'} width={state.size.columns} />;
  }
}

/** App bound to a store: renders its state, turns key presses into actions. */
export function Root({ store }: { store: Store<UiState, UiAction> }) {
  const state = useSyncExternalStore(store.subscribe, store.getState);
  useInput((input, key) => {
    // several characters in one read (typed fast, or pasted) are several key presses
    const presses = input.length > 1 && !key.ctrl && !key.meta ? [...input] : [input];
    for (const press of presses) {
      const action = keyToAction(store.getState(), press, key);
      if (action) store.dispatch(action);
    }
  });
  return <App state={state} />;
}
