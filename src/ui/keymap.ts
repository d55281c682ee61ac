import { bodyHeight, listHeight, summaryBodyHeight } from './layout.js';
import type { UiAction, UiState } from './state-types.js';

/** The subset of Ink's `Key` the UI reads. */
export interface KeyInfo {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  ctrl?: boolean;
  meta?: boolean;
  backspace?: boolean;
  delete?: boolean;
  tab?: boolean;
}

/** One key press on the current screen → the action it means, or null. Pure. */
export function keyToAction(state: UiState, input: string, key: KeyInfo): UiAction | null {
  if (key.ctrl && input === 'c') return { type: 'interrupt' };
  switch (state.screen) {
    case 'connect':
      return input === 'q' || key.escape ? { type: 'quit' } : null;
    case 'error':
      return input === 'q' || key.escape || key.return ? { type: 'quit' } : null;
    case 'pick':
      return state.pick.filtering ? filterKey(input, key) ?? moveKey(state, input, key, false) : pickKey(state, input, key);
    case 'plan':
      if (key.return) return { type: 'continue' };
      if (key.escape || key.leftArrow) return { type: 'back' };
      if (input === 'q') return { type: 'quit' };
      return moveKey(state, input, key, true);
    case 'seed':
      return null;
    case 'summary':
      if (input === 'q' || key.return || key.escape) return { type: 'quit' };
      return moveKey(state, input, key, true);
  }
}

function pickKey(state: UiState, input: string, key: KeyInfo): UiAction | null {
  if (key.return) return { type: 'continue' };
  if (key.escape || input === 'q') return { type: 'quit' };
  if (key.leftArrow || input === '-') return { type: 'scale', factor: 0.5 };
  if (key.rightArrow || input === '+' || input === '=') return { type: 'scale', factor: 2 };
  switch (input) {
    case ' ': return { type: 'toggle' };
    case 'a': return { type: 'toggle-all' };
    case '/': return { type: 'filter-start' };
    default: return moveKey(state, input, key, true);
  }
}

function filterKey(input: string, key: KeyInfo): UiAction | null {
  if (key.return) return { type: 'filter-done', keep: true };
  if (key.escape) return { type: 'filter-done', keep: false };
  if (key.backspace || key.delete) return { type: 'filter-erase' };
  if (key.upArrow || key.downArrow || key.pageUp || key.pageDown || key.ctrl || key.meta || key.tab) return null;
  return input ? { type: 'filter-type', text: input } : null;
}

/** Arrows, page keys, home/end, and (when `letters`) j/k. */
function moveKey(state: UiState, input: string, key: KeyInfo, letters: boolean): UiAction | null {
  const page = state.screen === 'pick' ? listHeight(state.size) : state.screen === 'summary' ? summaryBodyHeight(state.size) : bodyHeight(state.size);
  if (key.upArrow || (letters && input === 'k')) return { type: 'move', by: -1 };
  if (key.downArrow || (letters && input === 'j')) return { type: 'move', by: 1 };
  if (key.pageUp) return { type: 'move', by: -page };
  if (key.pageDown) return { type: 'move', by: page };
  if (key.home) return { type: 'move-to', where: 'start' };
  if (key.end) return { type: 'move-to', where: 'end' };
  return null;
}
