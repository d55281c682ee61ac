import type { QualifiedName } from '../catalog.js';
import { formatInt, plural } from './format.js';
import type { Tone } from './lines.js';
import { nameOf } from './names.js';
import { planReady } from './state.js';
import { visibleTables } from './state-pick.js';
import type { UiState } from './state-types.js';

/** One line of the picker, as plain data. */
export interface PickRow {
  readonly key: QualifiedName;
  readonly name: string;
  readonly checked: boolean;
  readonly current: boolean;
  /** Planned rows, or `—` when the table gets none. */
  readonly rows: string;
  /** The count was changed with ←/→. */
  readonly changed: boolean;
  /** `required`, `uses 12 existing`, `can't seed: …`, `max 36`. */
  readonly marker: string;
  readonly tone: Tone;
}

/** Every row the filter lets through, with what the current plan says of it. */
export function pickRows(state: UiState): PickRow[] {
  const planned = new Map((state.plan?.tables ?? []).map((t) => [t.key, t]));
  const name = nameOf(state.source?.tables ?? []);
  return visibleTables(state).map((t, i) => {
    const p = planned.get(t.key);
    const checked = state.pick.selected.has(t.key);
    const base = { key: t.key, name: name(t.key), checked, current: i === state.pick.cursor, changed: state.pick.rows[t.key] !== undefined };
    if (!p) return { ...base, rows: '', marker: '', tone: 'plain' };
    if (p.mode === 'seed') {
      const marker = !checked && p.required ? 'required' : p.capacity ? `max ${formatInt(p.capacity.rows)}` : '';
      return { ...base, rows: formatInt(p.rows), marker, tone: !checked && p.required ? 'warn' : 'plain' };
    }
    if (p.mode === 'existing') return { ...base, rows: '—', marker: `uses ${formatInt(p.rows)} existing`, tone: 'dim' };
    if (p.skip) return { ...base, rows: '—', marker: `can't seed: ${p.skip.reason}`, tone: 'bad' };
    return { ...base, rows: '—', marker: 'not seeded', tone: 'dim' };
  });
}

/** `3 of 5 tables ticked · 4 seeded · 400 rows`, plus `(planning…)` while a plan is on its way. */
export function pickSummary(state: UiState): string {
  const tables = state.source?.tables ?? [];
  const seeded = (state.plan?.tables ?? []).filter((t) => t.mode === 'seed');
  const rows = seeded.reduce((n, t) => n + t.rows, 0);
  const ticked = tables.filter((t) => state.pick.selected.has(t.key)).length;
  return `${formatInt(ticked)} of ${plural(tables.length, 'table')} ticked · ${formatInt(seeded.length)} seeded · ${plural(rows, 'row')}${planReady(state) ? '' : ' (planning…)'}`;
}
