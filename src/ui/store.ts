/** A minimal external store: React reads it through useSyncExternalStore, the controller watches it. */
export interface Store<S, A> {
  getState(): S;
  dispatch(action: A): void;
  subscribe(listener: () => void): () => void;
}

/**
 * A store over a pure reducer. An action dispatched while listeners run (a backend answering at
 * once) is queued, so every listener sees every state in order.
 */
export function createStore<S, A>(reduce: (state: S, action: A) => S, initial: S): Store<S, A> {
  let state = initial;
  const listeners = new Set<() => void>();
  const queue: A[] = [];
  let busy = false;
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispatch(action) {
      queue.push(action);
      if (busy) return;
      busy = true;
      try {
        for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
          const after = reduce(state, next);
          if (after === state) continue;
          state = after;
          for (const listener of [...listeners]) listener();
        }
      } finally {
        busy = false;
      }
    },
  };
}
