import { describe, expect, it } from 'vitest';
import type { SeedEvent } from '../../src/events.js';
import { INTERRUPTED, initialState, planReady, reduce, selectionOf } from '../../src/ui/state.js';
import { seedTotals } from '../../src/ui/state-seed.js';
import type { UiState } from '../../src/ui/state-types.js';
import { CLEAN, apply, pickState, planFor, rowsIn, runEvents, seededRows, shopModel } from './helpers/ui-fixtures.js';

const cursorOn = (state: UiState, name: string): UiState => {
  const index = state.source!.tables.findIndex((t) => t.name === name);
  return apply(state, { type: 'move-to', where: 'start' }, { type: 'move', by: index });
};
const planned = (state: UiState, name: string) => state.plan!.tables.find((t) => t.key === `public.${name}`)!;
/** Answers the pending plan request the way the controller would. */
const answer = async (state: UiState): Promise<UiState> =>
  reduce(state, { type: 'planned', id: state.planRequest, plan: planFor(await shopModel(), selectionOf(state)) });

describe('ui state: connect and pick', () => {
  it('starts on the connect screen and moves to the picker with every table ticked', async () => {
    const start = initialState({ target: 't', verify: true, now: 0 });
    expect(start.screen).toBe('connect');
    expect(reduce(start, { type: 'status', text: 'Reading the schema' }).status).toBe('Reading the schema');
    const state = await pickState();
    expect(state.screen).toBe('pick');
    expect(state.pick.selected.size).toBe(5);
    expect(planReady(state)).toBe(true);
  });

  it('moves within the list and never past its ends', async () => {
    const state = await pickState();
    expect(apply(state, { type: 'move', by: -1 }).pick.cursor).toBe(0);
    expect(apply(state, { type: 'move', by: 3 }).pick.cursor).toBe(3);
    expect(apply(state, { type: 'move', by: 99 }).pick.cursor).toBe(4);
    expect(apply(state, { type: 'move-to', where: 'end' }).pick.cursor).toBe(4);
  });

  it('space unticks and ticks the highlighted table, each time asking for a new plan', async () => {
    const state = await pickState();
    const off = apply(state, { type: 'toggle' });
    expect(off.pick.selected.has('public.users')).toBe(false);
    expect(off.planRequest).toBe(state.planRequest + 1);
    expect(planReady(off)).toBe(false);
    expect(apply(off, { type: 'toggle' }).pick.selected.has('public.users')).toBe(true);
  });

  it('an unticked parent that ticked children need is kept and marked required; one with rows is referenced', async () => {
    let state = await answer(apply(cursorOn(await pickState(), 'users'), { type: 'toggle' }));
    expect(planned(state, 'users')).toMatchObject({ mode: 'seed', required: true });
    state = await answer(apply(cursorOn(state, 'countries'), { type: 'toggle' }));
    expect(planned(state, 'countries')).toMatchObject({ mode: 'existing', rows: 12 });
  });

  it('ignores the plan of an older request', async () => {
    const state = await pickState();
    const changed = apply(state, { type: 'toggle' }, { type: 'toggle' });
    const stale = reduce(changed, { type: 'planned', id: changed.planRequest - 1, plan: state.plan! });
    expect(stale.planId).toBe(changed.planId);
  });

  it('`a` unticks every table when all are ticked, then ticks them all', async () => {
    const none = apply(await pickState(), { type: 'toggle-all' });
    expect(none.pick.selected.size).toBe(0);
    expect(apply(none, { type: 'toggle-all' }).pick.selected.size).toBe(5);
  });

  it('←/→ halve and double the highlighted table from its planned count', async () => {
    let state = cursorOn(await pickState(), 'orders');
    const start = planned(state, 'orders').rows;
    state = await answer(apply(state, { type: 'scale', factor: 2 }));
    expect(state.pick.rows).toEqual({ 'public.orders': start * 2 });
    expect(planned(state, 'orders').rows).toBe(start * 2);
    state = await answer(apply(state, { type: 'scale', factor: 0.5 }, { type: 'scale', factor: 0.5 }));
    expect(planned(state, 'orders').rows).toBe(Math.floor(start / 2));
    const one = apply(state, ...Array.from({ length: 10 }, () => ({ type: 'scale', factor: 0.5 }) as const));
    expect(one.pick.rows['public.orders']).toBe(1);
  });

  it('changing the count of a table that is not seeded explains why nothing happens', async () => {
    const state = apply(cursorOn(await pickState(), 'events'), { type: 'scale', factor: 2 });
    expect(state.pick.rows).toEqual({});
    expect(state.pick.notice).toContain('events is not seeded');
  });

  it('`/` filters by name; esc clears the filter and keeps the highlighted table', async () => {
    let state = apply(await pickState(), { type: 'filter-start' }, { type: 'filter-type', text: 'ord' });
    expect(state.pick.filtering).toBe(true);
    state = apply(state, { type: 'filter-type', text: 'x' }, { type: 'filter-erase' }, { type: 'toggle' });
    expect(state.pick.selected.has('public.orders')).toBe(false);
    expect(apply(state, { type: 'filter-done', keep: true }).pick).toMatchObject({ filter: 'ord', filtering: false });
    const cleared = apply(state, { type: 'filter-done', keep: false });
    expect(cleared.pick.filter).toBe('');
    expect(cleared.source!.tables[cleared.pick.cursor]!.name).toBe('orders');
  });

  it('enter needs at least one ticked table; then plan, esc back, enter again, and enter seeds', async () => {
    const none = apply(await pickState(), { type: 'toggle-all' }, { type: 'continue' });
    expect(none.screen).toBe('pick');
    expect(none.pick.notice).toContain('Tick at least one table');
    const plan = apply(await pickState(), { type: 'continue' });
    expect(plan.screen).toBe('plan');
    expect(apply(plan, { type: 'back' }).screen).toBe('pick');
    expect(apply(plan, { type: 'continue' }).screen).toBe('seed');
  });

  it('enter on the plan waits while a newer plan is on its way', async () => {
    const pending = apply(await pickState(), { type: 'toggle' }, { type: 'continue' }, { type: 'continue' });
    expect(pending.screen).toBe('plan');
    expect(apply(await answer(pending), { type: 'continue' }).screen).toBe('seed');
  });

  it('q on the picker exits 0; ctrl-c exits 130; nothing changes once the exit code is set', async () => {
    const quit = apply(await pickState(), { type: 'quit' });
    expect(quit.exit).toBe(0);
    expect(apply(quit, { type: 'toggle' })).toBe(quit);
    expect(apply(await pickState(), { type: 'interrupt' }).exit).toBe(INTERRUPTED);
  });
});

describe('ui state: seeding events', () => {
  const seeding = async () => apply(await pickState(), { type: 'continue' }, { type: 'continue' });
  const feed = (state: UiState, events: SeedEvent[], start = 1000, step = 100) =>
    events.reduce((s, event, i) => reduce(s, { type: 'event', event, at: start + i * step }), state);

  it('tracks each table from start to done, and the overall rows, rate and ETA', async () => {
    const plan = (await seeding()).plan!;
    const events = runEvents(plan);
    const mid = feed(await seeding(), events.slice(0, 6));
    // run-start, then each table in plan order: start, progress (half), done
    const [first, second] = events.flatMap((e) => (e.type === 'table-start' ? [e] : []));
    expect(mid.seed.tables.map((t) => [t.key, t.status, t.rows])).toEqual([
      [first!.table, 'done', first!.rows],
      [second!.table, 'running', Math.floor(second!.rows / 2)],
    ]);
    const totals = seedTotals(mid.seed, mid.clock.now);
    const rows = first!.rows + Math.floor(second!.rows / 2);
    expect(totals.rows).toBe(rows);
    expect(totals.ratio).toBeCloseTo(rows / seededRows(plan));
    // 500 ms since run-start
    expect(totals.rate).toBeCloseTo(rows / 0.5);
    expect(totals.etaMs).toBeCloseTo(((seededRows(plan) - rows) / (rows / 0.5)) * 1000);
    expect(rowsIn(plan, 'users')).toBe(first!.rows);
  });

  it('keeps warnings, including those sent before run-start, and cycle updates', async () => {
    const state = feed(await seeding(), [
      { type: 'warning', message: 'before the run' },
      { type: 'run-start', seed: 1, tables: 1, rows: 10, steps: 2 },
      { type: 'cycle-update', table: 'public.users', foreignKeys: ['fk'], rows: 10, ms: 3 },
      { type: 'warning', message: 'during the run', table: 'public.users' },
    ]);
    expect(state.seed.warnings).toEqual(['before the run', 'during the run']);
    expect(state.seed.updates).toEqual([{ table: 'public.users', foreignKeys: ['fk'], rows: 10 }]);
  });

  it('run-done opens the summary and starts verify-integrity, unless --no-verify', async () => {
    const events = runEvents((await seeding()).plan!);
    const done = feed(await seeding(), events);
    expect(done.screen).toBe('summary');
    expect(done.verify.status).toBe('running');
    expect(seedTotals(done.seed, 0)).toMatchObject({ ratio: 1, elapsedMs: 345, etaMs: 0 });
    const off = { ...(await seeding()), verify: { status: 'off' as const } };
    expect(feed(off, events).verify.status).toBe('off');
  });

  it('q on the summary exits 0 when integrity holds, 1 when verify-integrity found violations', async () => {
    const done = feed(await seeding(), runEvents((await seeding()).plan!));
    expect(apply(done, { type: 'verified', result: CLEAN }, { type: 'quit' }).exit).toBe(0);
    const bad = { ...CLEAN, violations: ['public.orders: foreign-key orders_user_fk: 3'] };
    expect(apply(done, { type: 'verified', result: bad }, { type: 'quit' }).exit).toBe(1);
    expect(apply(done, { type: 'verify-failed', message: 'x' }).verify).toEqual({ status: 'failed', message: 'x' });
  });

  it('a failure shows the error screen and quitting there exits with its code', async () => {
    const failed = apply(await seeding(), { type: 'failed', message: 'Seeding x failed', exitCode: 1 });
    expect(failed.screen).toBe('error');
    expect(apply(failed, { type: 'quit' }).exit).toBe(1);
  });

  it('the clock ticks only while something is under way; resize updates the size', async () => {
    const pick = await pickState();
    expect(reduce(pick, { type: 'tick', at: 5 })).toBe(pick);
    const seed = await seeding();
    expect(reduce(seed, { type: 'tick', at: 5 }).clock).toEqual({ now: 5, frame: 1 });
    expect(reduce(pick, { type: 'resize', columns: 60, rows: 20 }).size).toEqual({ columns: 60, rows: 20 });
  });
});
