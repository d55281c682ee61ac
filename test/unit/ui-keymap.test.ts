import { describe, expect, it } from 'vitest';
import { type KeyInfo, keyToAction } from '../../src/ui/keymap.js';
import type { UiState } from '../../src/ui/state-types.js';
import { apply, pickState } from './helpers/ui-fixtures.js';

const on = (state: UiState, input: string, key: KeyInfo = {}) => keyToAction(state, input, key);

describe('keyToAction', () => {
  it('picker: arrows and j/k move, space ticks, a ticks all, ←→ and -/+ scale, / filters, enter, q/esc quit', async () => {
    const pick = await pickState();
    expect(on(pick, '', { downArrow: true })).toEqual({ type: 'move', by: 1 });
    expect(on(pick, 'j')).toEqual({ type: 'move', by: 1 });
    expect(on(pick, 'k')).toEqual({ type: 'move', by: -1 });
    expect(on(pick, '', { upArrow: true })).toEqual({ type: 'move', by: -1 });
    expect(on(pick, '', { pageDown: true })).toEqual({ type: 'move', by: 17 });
    expect(on(pick, ' ')).toEqual({ type: 'toggle' });
    expect(on(pick, 'a')).toEqual({ type: 'toggle-all' });
    for (const [input, key] of [['', { leftArrow: true }], ['-', {}]] as const) expect(on(pick, input, key)).toEqual({ type: 'scale', factor: 0.5 });
    for (const [input, key] of [['', { rightArrow: true }], ['+', {}]] as const) expect(on(pick, input, key)).toEqual({ type: 'scale', factor: 2 });
    expect(on(pick, '/')).toEqual({ type: 'filter-start' });
    expect(on(pick, '', { return: true })).toEqual({ type: 'continue' });
    expect(on(pick, 'q')).toEqual({ type: 'quit' });
    expect(on(pick, '', { escape: true })).toEqual({ type: 'quit' });
  });

  it('while filtering, letters are typed (q and j included); enter keeps, esc clears, backspace erases', async () => {
    const filtering = apply(await pickState(), { type: 'filter-start' });
    expect(on(filtering, 'q')).toEqual({ type: 'filter-type', text: 'q' });
    expect(on(filtering, 'j')).toEqual({ type: 'filter-type', text: 'j' });
    expect(on(filtering, '', { return: true })).toEqual({ type: 'filter-done', keep: true });
    expect(on(filtering, '', { escape: true })).toEqual({ type: 'filter-done', keep: false });
    expect(on(filtering, '', { backspace: true })).toEqual({ type: 'filter-erase' });
    expect(on(filtering, '', { downArrow: true })).toEqual({ type: 'move', by: 1 });
  });

  it('plan: enter seeds, esc goes back, q quits; seed screen ignores keys but ctrl-c', async () => {
    const plan = apply(await pickState(), { type: 'continue' });
    expect(on(plan, '', { return: true })).toEqual({ type: 'continue' });
    expect(on(plan, '', { escape: true })).toEqual({ type: 'back' });
    expect(on(plan, 'q')).toEqual({ type: 'quit' });
    const seed = apply(plan, { type: 'continue' });
    expect(on(seed, 'q')).toBeNull();
    expect(on(seed, '', { return: true })).toBeNull();
    expect(on(seed, 'c', { ctrl: true })).toEqual({ type: 'interrupt' });
  });

  it('summary and error screens: q quits', async () => {
    const failed = apply(await pickState(), { type: 'failed', message: 'x', exitCode: 1 });
    expect(on(failed, 'q')).toEqual({ type: 'quit' });
    const summary = { ...failed, screen: 'summary' as const };
    expect(on(summary, 'q')).toEqual({ type: 'quit' });
    expect(on(summary, 'j')).toEqual({ type: 'move', by: 1 });
  });
});
