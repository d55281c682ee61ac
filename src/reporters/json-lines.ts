import type { EventSink } from '../events.js';

/** Events as JSON lines, each with a timestamp: for CI logs and other programs. */
export function jsonLinesReporter(write: (text: string) => void): EventSink {
  return (event) => write(`${JSON.stringify({ ts: new Date().toISOString(), ...event })}\n`);
}
