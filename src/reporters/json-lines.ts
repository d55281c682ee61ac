import type { AutoseedEvent } from '../events.js';

/** Events as JSON lines, each with a timestamp: for CI logs and other programs (schema: docs/events.md). */
export function jsonLinesReporter(write: (text: string) => void): (event: AutoseedEvent) => void {
  return (event) => write(`${JSON.stringify({ ts: new Date().toISOString(), ...event })}\n`);
}
