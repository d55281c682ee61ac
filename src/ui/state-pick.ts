import type { QualifiedName } from '../catalog.js';
import type { PlannedTable } from '../planner/plan-types.js';
import type { Selection, TableEntry } from './backend.js';
import { nameOf } from './names.js';
import type { PickState, UiAction, UiState } from './state-types.js';

/** Largest row count the picker lets one table ask for. */
export const MAX_ROWS = 100_000_000;

/** The tables the filter lets through, in catalog order. */
export function visibleTables(state: UiState): readonly TableEntry[] {
  const tables = state.source?.tables ?? [];
  const filter = state.pick.filter.toLowerCase();
  if (!filter) return tables;
  const name = nameOf(tables);
  return tables.filter((t) => name(t.key).toLowerCase().includes(filter));
}

function plannedTable(state: UiState, key: QualifiedName): PlannedTable | undefined {
  return state.plan?.tables.find((t) => t.key === key);
}

/** What the backend plans and seeds: the ticked tables, in catalog order, and the changed counts. */
export function selectionOf(state: UiState): Selection {
  const tables = (state.source?.tables ?? []).filter((t) => state.pick.selected.has(t.key)).map((t) => t.key);
  return { tables, rows: state.pick.rows };
}

type PickAction = Extract<UiAction, { type: 'move' | 'move-to' | 'toggle' | 'toggle-all' | 'scale' | 'filter-start' | 'filter-type' | 'filter-erase' | 'filter-done' }>;

/** The picker's keys. A change of selection or counts bumps `planRequest`, which asks for a new plan. */
export function reducePick(state: UiState, action: PickAction): UiState {
  const pick: PickState = { ...state.pick, notice: null };
  const visible = visibleTables(state);
  const clamp = (cursor: number, length = visible.length) => Math.max(0, Math.min(cursor, length - 1));
  switch (action.type) {
    case 'move':
      return { ...state, pick: { ...pick, cursor: clamp(pick.cursor + action.by) } };
    case 'move-to':
      return { ...state, pick: { ...pick, cursor: action.where === 'start' ? 0 : clamp(visible.length - 1) } };
    case 'toggle': {
      const entry = visible[pick.cursor];
      if (!entry) return state;
      const selected = new Set(pick.selected);
      if (!selected.delete(entry.key)) selected.add(entry.key);
      return replan(state, { ...pick, selected });
    }
    case 'toggle-all': {
      const all = visible.every((t) => pick.selected.has(t.key));
      const selected = new Set(pick.selected);
      for (const t of visible) {
        if (all) selected.delete(t.key);
        else selected.add(t.key);
      }
      return replan(state, { ...pick, selected });
    }
    case 'scale':
      return scale(state, pick, action.factor);
    case 'filter-start':
      return { ...state, pick: { ...pick, filtering: true } };
    case 'filter-type': {
      const filter = pick.filter + action.text.replace(/[\p{Cc}]/gu, '');
      return { ...state, pick: { ...pick, filter, cursor: 0 } };
    }
    case 'filter-erase':
      return { ...state, pick: { ...pick, filter: pick.filter.slice(0, -1), cursor: 0 } };
    case 'filter-done': {
      if (action.keep) return { ...state, pick: { ...pick, filtering: false } };
      // keep the highlighted table highlighted once the whole list is back
      const key = visible[pick.cursor]?.key;
      const all = state.source?.tables ?? [];
      const cursor = Math.max(0, all.findIndex((t) => t.key === key));
      return { ...state, pick: { ...pick, filtering: false, filter: '', cursor } };
    }
  }
}

function scale(state: UiState, pick: PickState, factor: 2 | 0.5): UiState {
  const entry = visibleTables(state)[pick.cursor];
  if (!entry) return state;
  const planned = plannedTable(state, entry.key);
  if (planned?.mode !== 'seed') {
    const name = nameOf(state.source?.tables ?? [])(entry.key);
    return { ...state, pick: { ...pick, notice: `${name} is not seeded: tick it first` } };
  }
  const current = pick.rows[entry.key] ?? planned.rows;
  const next = factor === 2 ? Math.min(MAX_ROWS, Math.max(1, current * 2)) : Math.max(1, Math.floor(current / 2));
  if (next === current) return { ...state, pick };
  return replan(state, { ...pick, rows: { ...pick.rows, [entry.key]: next } });
}

function replan(state: UiState, pick: PickState): UiState {
  return { ...state, pick, planRequest: state.planRequest + 1 };
}

/**
 * Requested counts above what a table can hold come back down to the planned count, so that
 * halving a capped table acts at once.
 */
export function settleRows(rows: PickState['rows'], tables: readonly PlannedTable[]): PickState['rows'] {
  const keys = Object.keys(rows);
  if (keys.length === 0) return rows;
  const byKey = new Map(tables.map((t) => [t.key, t]));
  let changed = false;
  const settled: Record<QualifiedName, number> = {};
  for (const key of keys) {
    const planned = byKey.get(key);
    const wanted = rows[key]!;
    const capped = planned?.mode === 'seed' && planned.rows < wanted;
    settled[key] = capped ? planned.rows : wanted;
    changed ||= capped;
  }
  return changed ? settled : rows;
}
