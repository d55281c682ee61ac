import type { OpsEvent, SeedEvent } from '../events.js';
import type { PiiColumn } from '../safety/pii.js';

/** Human lines for the safety and operations events (lock, resume, reset, rollback); null for others. */
export function opsLine(event: OpsEvent | SeedEvent): string | null {
  switch (event.type) {
    case 'lock-wait': {
      const h = event.holder;
      const who = h ? `pid ${h.pid}${h.applicationName ? ` (${h.applicationName})` : ''}` : 'another session';
      return `Waiting up to ${event.timeoutSeconds} s for ${who}, which holds autoseed's lock on this database…\n`;
    }
    case 'nothing-to-do':
      return `${event.message}\n`;
    case 'seed-dry-run':
      return `Dry run: would ${event.action === 'resume' ? `resume run #${event.run} and ` : ''}seed ${event.rows} rows into ${Object.keys(event.tables).length} tables; nothing was written.\n`;
    case 'resume':
      return `Resuming run #${event.run}: ${event.complete.length} tables already committed, ${event.pending.length} to go.\n`;
    case 'reset-plan':
      return [
        `${event.dryRun ? 'Would truncate' : 'Will truncate'} (RESTART IDENTITY CASCADE): ${event.tables.join(', ')}`,
        ...(event.cascaded.length > 0 ? [`  and, through CASCADE, the tables that reference them: ${event.cascaded.join(', ')}`] : []),
      ].join('\n') + '\n';
    case 'reset-done':
      return `Truncated ${event.tables.length + event.cascaded.length} tables in the run's transaction (undone if the run fails)` +
        `${event.runs.length > 0 ? `; earlier runs ${event.runs.map((r) => `#${r}`).join(', ')} are over` : ''}.\n`;
    case 'rollback-plan': {
      const lines = [`${event.dryRun ? 'Rollback of' : 'Rolling back'} run #${event.run}: rows that ${event.dryRun ? 'would be' : 'will be'} deleted, children first`];
      for (const t of event.tables) {
        const gone = t.found < t.recorded ? `  (${t.recorded - t.found} of the ${t.recorded} it wrote are gone already)` : '';
        lines.push(`  ${t.table.padEnd(48)} ${String(t.found).padStart(8)} rows  by ${t.matchedBy}${gone}`);
      }
      return `${lines.join('\n')}\n`;
    }
    case 'rollback-table':
      return `  ✗ ${event.table.padEnd(48)} ${String(event.rows).padStart(8)} rows deleted  ${event.ms} ms${event.nulled?.length ? `  (first set NULL: ${event.nulled.join(', ')})` : ''}\n`;
    case 'rollback-done':
      return `Rolled back run #${event.run}: ${event.rows} rows deleted from ${Object.keys(event.tables).length} tables in ${event.ms} ms.\n`;
    default:
      return null;
  }
}

/** The PII audit in the summary: which seeded columns hold personal data, stating the values are synthetic. */
export function piiLines(pii: readonly PiiColumn[]): string {
  const lines = [`Personal data columns (${pii.length}), filled with synthetic values only — no real personal data was read or copied:`];
  for (const c of pii) lines.push(`  ${`${c.table}.${c.column}`.padEnd(56)} ${c.kind}`);
  return `${lines.join('\n')}\n`;
}
