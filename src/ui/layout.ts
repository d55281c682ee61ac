import type { UiState } from './state-types.js';

type Size = UiState['size'];

/** Table rows the picker shows at once: the terminal minus title, summary, scroll marks, notice and keys. */
export function listHeight(size: Size): number {
  return Math.max(3, size.rows - 7);
}

/** Lines the plan screen shows at once: the terminal minus title, scroll marks and keys. */
export function bodyHeight(size: Size): number {
  return Math.max(3, size.rows - 5);
}

/** The summary also keeps its headline, the integrity result and the next commands in view. */
export function summaryBodyHeight(size: Size): number {
  return Math.max(3, size.rows - 8);
}

/** The first index to show so that `cursor` stays in view, roughly centred. */
export function windowStart(cursor: number, total: number, height: number): number {
  if (total <= height) return 0;
  return Math.min(Math.max(0, cursor - Math.floor(height / 2)), total - height);
}

/** A slice of a list that fits the screen. */
export interface Window<T> {
  readonly items: readonly T[];
  readonly start: number;
  /** How many items are cut off above and below. */
  readonly above: number;
  readonly below: number;
}

/** `height` items from `start` (clamped), with how many are hidden on each side. */
export function windowAt<T>(items: readonly T[], start: number, height: number): Window<T> {
  const first = Math.min(Math.max(0, start), Math.max(0, items.length - height));
  const shown = items.slice(first, first + height);
  return { items: shown, start: first, above: first, below: Math.max(0, items.length - first - shown.length) };
}
