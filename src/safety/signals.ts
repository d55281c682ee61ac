import { AutoseedError } from '../errors.js';

/**
 * Ctrl-C and SIGTERM (R15). The CLI turns the first signal into an aborted `AbortSignal` that
 * is passed down through the stages' options (no global flag): the COPY in flight is failed
 * (pg-copy-streams sends CopyFail when its stream is destroyed), the transaction rolled back,
 * the lock released, and the run ends with INTERRUPTED (exit 130). A second signal exits at once.
 */

/** Why a run was aborted: the reason carried by the AbortSignal. */
export class Interruption extends Error {
  constructor(readonly signalName: string) {
    super(`interrupted by ${signalName}`);
    this.name = 'Interruption';
  }
}

/** The subset of `process` that signal handling needs (an EventEmitter in tests). */
export interface SignalSource {
  on(event: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
  off(event: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
}

export interface InterruptHandle {
  readonly signal: AbortSignal;
  /** Stops listening (the process's default handling comes back). */
  dispose(): void;
}

/**
 * First SIGINT/SIGTERM: abort `signal` and call `onFirst` (to say "rolling back…"). Second:
 * `exitNow()` — the CLI passes `process.exit(130)`; PostgreSQL then rolls back and drops the
 * lock itself when the connection closes.
 */
export function interruptOnSignals(source: SignalSource, handlers: { onFirst?: (name: string) => void; exitNow: () => void }): InterruptHandle {
  const controller = new AbortController();
  const listeners = (['SIGINT', 'SIGTERM'] as const).map((name) => {
    const listener = () => {
      if (controller.signal.aborted) {
        handlers.exitNow();
        return;
      }
      controller.abort(new Interruption(name));
      handlers.onFirst?.(name);
    };
    source.on(name, listener);
    return [name, listener] as const;
  });
  return {
    signal: controller.signal,
    dispose: () => listeners.forEach(([name, listener]) => source.off(name, listener)),
  };
}

/**
 * Signal handling installed on first use: `signal()` starts listening (once) and returns the
 * AbortSignal; commands that cannot stop cleanly never call it and keep the default behaviour.
 */
export function lazyInterrupts(source: SignalSource, handlers: Parameters<typeof interruptOnSignals>[1]): { signal(): AbortSignal; dispose(): void } {
  let handle: InterruptHandle | null = null;
  return {
    signal: () => (handle ??= interruptOnSignals(source, handlers)).signal,
    dispose: () => handle?.dispose(),
  };
}

/** The name of the signal that aborted `signal` (SIGINT when it was aborted some other way). */
export function signalName(signal: AbortSignal | undefined): string {
  return signal?.reason instanceof Interruption ? signal.reason.signalName : 'SIGINT';
}

/** Throws INTERRUPTED when `signal` was aborted; `kept` says what a --checkpoint run committed before. */
export function throwIfInterrupted(signal: AbortSignal | undefined, kept: string | null = null): void {
  if (signal?.aborted) throw new AutoseedError('INTERRUPTED', { signal: signalName(signal), kept }, { cause: signal.reason });
}

/** Resolves after `ms`, or at once when `signal` is aborted. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
