import { render } from 'ink';
import { Root } from './app.js';
import type { UiBackend } from './backend.js';
import { startController } from './controller.js';
import { initialState, reduce } from './state.js';
import { createStore } from './store.js';

export interface TuiOptions {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  /** Where we connect, without the password. */
  target: string;
  /** Run verify-integrity after seeding (false with --no-verify). */
  verify: boolean;
  /** Aborted by SIGTERM / SIGINT from outside: the UI stops as on Ctrl-C. */
  signal?: AbortSignal;
  now?: () => number;
}

const TICK_MS = 100;

/**
 * Runs the interactive seed UI on a terminal until the user quits; resolves with the exit code
 * (0 done or quit, 1 failure or violations, 130 Ctrl-C). Closes the backend before resolving.
 */
export async function runTui(backend: UiBackend, options: TuiOptions): Promise<number> {
  const now = options.now ?? (() => performance.now());
  const { stdout } = options;
  const store = createStore(reduce, initialState({ target: options.target, verify: options.verify, columns: stdout.columns, rows: stdout.rows, now: now() }));
  const exit = startController(store, backend, now);
  // Ctrl-C is ours: an "interrupt" action, so the run is aborted (rolled back, lock released) before we exit
  const app = render(<Root store={store} />, { stdin: options.stdin, stdout, exitOnCtrlC: false });
  const onResize = () => store.dispatch({ type: 'resize', columns: stdout.columns, rows: stdout.rows });
  stdout.on('resize', onResize);
  const timer = setInterval(() => store.dispatch({ type: 'tick', at: now() }), TICK_MS);
  const onAbort = () => store.dispatch({ type: 'interrupt' });
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await exit;
  } finally {
    clearInterval(timer);
    stdout.off('resize', onResize);
    options.signal?.removeEventListener('abort', onAbort);
    app.unmount();
    await app.waitUntilExit().catch(() => undefined);
    await backend.close().catch(() => undefined);
  }
}
