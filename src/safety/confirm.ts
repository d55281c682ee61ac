import { createInterface } from 'node:readline/promises';
import { AutoseedError } from '../errors.js';

/**
 * Confirmation of destructive operations (rollback, seed --reset): `--yes` confirms; otherwise
 * the question is asked on a terminal, and without one the operation is refused (a script must
 * say --yes; it must never block on a prompt nobody sees).
 */

/** Asks a yes/no question; resolves true for yes. Undefined where there is no terminal to ask on. */
export type Confirm = (question: string) => Promise<boolean>;

/** Goes ahead when confirmed; throws CONFIRMATION_REQUIRED (no terminal) or CONFIRMATION_DECLINED. */
export async function requireConfirmation(options: { yes: boolean; confirm: Confirm | undefined; action: string; question: string }): Promise<void> {
  if (options.yes) return;
  if (!options.confirm) throw new AutoseedError('CONFIRMATION_REQUIRED', { action: options.action });
  if (!(await options.confirm(options.question))) throw new AutoseedError('CONFIRMATION_DECLINED', { action: options.action });
}

/** "y" or "yes", any case; anything else (an empty line included) is no. */
export function isYes(answer: string): boolean {
  return /^\s*y(es)?\s*$/i.test(answer);
}

/** A Confirm that asks on a terminal: the CLI passes stdin and stderr when both are TTYs. */
export function terminalConfirm(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Confirm {
  return async (question) => {
    const rl = createInterface({ input, output });
    try {
      return isYes(await rl.question(`${question} [y/N] `));
    } catch {
      // Ctrl-C or Ctrl-D at the prompt
      return false;
    } finally {
      rl.close();
    }
  };
}
