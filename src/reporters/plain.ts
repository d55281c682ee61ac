import type { AutoseedEvent } from '../events.js';
import { opsLine, piiLines } from './plain-ops.js';

/** Human progress lines: one per table as it finishes, warnings as they come, a summary. */
export function plainReporter(write: (text: string) => void): (event: AutoseedEvent) => void {
  return (event) => {
    switch (event.type) {
      case 'run-start': {
        const extra = [
          event.run ? `run #${event.run.id}${event.run.resumed ? ' resumed' : ''}` : null,
          event.environment ? `${event.environment.name} environment` : null,
          event.run?.checkpoint ? 'committing table by table' : null,
        ].filter(Boolean);
        write(`Seeding ${event.tables} tables, ${event.rows} rows (seed ${event.seed})${extra.length > 0 ? ` · ${extra.join(', ')}` : ''}\n`);
        return;
      }
      case 'table-done':
        if (event.resumed) {
          write(`  ✓ ${event.table.padEnd(48)} ${String(event.rows).padStart(8)} rows  (committed before the interruption)\n`);
          return;
        }
        write(`  ✓ ${event.table.padEnd(48)} ${String(event.rows).padStart(8)} rows  ${event.ms} ms${event.retried ? `  (${event.retried} rows regenerated after a CHECK or a trigger refused them)` : ''}\n`);
        return;
      case 'cycle-update':
        write(`  ↺ ${event.table.padEnd(48)} ${String(event.rows).padStart(8)} rows updated (${event.foreignKeys.join(', ')})\n`);
        return;
      case 'warning':
        write(`  ! ${event.message}\n`);
        return;
      case 'run-done': {
        const skipped = Object.keys(event.skipped).length;
        const time = event.ms < 1000 ? `${event.ms} ms` : `${(event.ms / 1000).toFixed(1)} s`;
        const short = Object.keys(event.short).length;
        write(`Done: ${event.rows} rows in ${Object.keys(event.tables).length} tables in ${time}${skipped ? `; ${skipped} tables skipped` : ''}${short ? `; ${short} tables short of rows (see warnings)` : ''}\n`);
        if (event.pii && event.pii.length > 0) write(piiLines(event.pii));
        return;
      }
      default: {
        const line = opsLine(event);
        if (line) write(line);
      }
    }
  };
}
