import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/ui/app.js';
import { initialState, reduce, selectionOf } from '../../src/ui/state.js';
import type { UiState } from '../../src/ui/state-types.js';
import { formatInt } from '../../src/ui/format.js';
import { CLEAN, apply, pickState, planFor, rowsIn, runEvents, seededRows, shopModel } from './helpers/ui-fixtures.js';

afterEach(() => cleanup());

const frame = (state: UiState) => render(<App state={state} />).lastFrame() ?? '';
const feed = (state: UiState, count?: number) =>
  runEvents(state.plan!).slice(0, count).reduce((s, event, i) => reduce(s, { type: 'event', event, at: 1000 + i * 100 }), state);
const seeding = async () => apply(await pickState(), { type: 'continue' }, { type: 'continue' });

/** Every line fits the terminal width (all glyphs used are one column wide). */
function expectFits(text: string, columns: number) {
  for (const line of text.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(columns);
}

describe('screens', () => {
  it('connect: a spinner, what is going on, and where', () => {
    const state = reduce(initialState({ target: 'me@db:5432/shop', verify: true, now: 0 }), { type: 'status', text: 'Reading the schema' });
    const text = frame(state);
    expect(text).toContain('autoseed · connecting');
    expect(text).toContain('me@db:5432/shop');
    expect(text).toMatch(/⠋ Reading the schema…/);
  });

  it('error: one panel with the message', async () => {
    const message = 'Connection refused by localhost:5432. Fix: start PostgreSQL there, or correct the host and port in the URL.';
    const text = frame(apply(await pickState(), { type: 'failed', message, exitCode: 1 }));
    expect(text).toContain('autoseed stopped');
    expect(text.replace(/[\s│]+/g, ' ')).toContain(message);
    expect(text).toContain('╭');
    expectFits(text, 80);
  });

  it('pick: checkboxes, planned rows, the cursor, markers for existing and unseedable tables', async () => {
    const state = await pickState();
    const text = frame(state);
    expect(text).toContain(`5 of 5 tables ticked · 4 seeded · ${formatInt(seededRows(state.plan!))} rows`);
    expect(text).toMatch(new RegExp(`› \\[x\\] users\\s+${rowsIn(state.plan!, 'users')}\\b`));
    expect(text).toMatch(new RegExp(`\\[x\\] countries\\s+${rowsIn(state.plan!, 'countries')}\\b`));
    expect(text).toMatch(/\[x\] events\s+—\s+can't seed: partitioned table/);
    expect(text).toContain('space tick');
  });

  it('pick: an unticked parent shows as required, a unticked table with rows as referenced', async () => {
    // each change answered with the plan for the new selection, as the controller would
    const answer = async (s: UiState) => reduce(s, { type: 'planned', id: s.planRequest, plan: planFor(await shopModel(), selectionOf(s)) });
    let state = await answer(apply(await pickState(), { type: 'toggle' }));
    state = await answer(apply(state, { type: 'move', by: 2 }, { type: 'toggle' }));
    const text = frame(state);
    expect(text).toMatch(new RegExp(`\\[ \\] users\\s+${rowsIn(state.plan!, 'users')}\\s+required`));
    expect(text).toMatch(/\[ \] countries\s+—\s+uses 12 existing/);
    expect(text).toContain('3 of 5 tables ticked');
  });

  it('pick: the filter line shows what is typed and only matching tables', async () => {
    const text = frame(apply(await pickState(), { type: 'filter-start' }, { type: 'filter-type', text: 'ord' }));
    expect(text).toContain('/ord');
    expect(text).toContain('orders');
    expect(text).not.toContain('users');
  });

  it('plan: insertion order with counts, not seeded with reasons, warnings; no PII section without PII data', async () => {
    const state = apply(await pickState(), { type: 'continue' });
    const text = frame(state);
    expect(text).toContain('autoseed · plan');
    expect(text).toContain(`4 tables, ${formatInt(seededRows(state.plan!))} rows, seed 1`);
    expect(text).toMatch(new RegExp(`1\\. users\\s+${rowsIn(state.plan!, 'users')} rows`));
    expect(text.indexOf('users')).toBeLessThan(text.indexOf('orders'));
    expect(text).toContain('Not seeded');
    expect(text).toMatch(/events: partitioned table/);
    expect(text).toContain('Warnings');
    expect(text).not.toContain('PII');
    expect(text).toContain('enter seed · esc back');
  });

  it('plan: PII columns are listed when the backend provides them', async () => {
    const state = await pickState();
    const withPii = { ...state, screen: 'plan' as const, source: { ...state.source!, pii: [{ table: 'public.users', column: 'email', kind: 'email' }] } };
    expect(frame(withPii)).toMatch(/users\.email\s+email/);
  });

  it('seed: finished tables collapsed with rows and time, the running one with a bar, overall, rate and ETA', async () => {
    const state = feed(await seeding(), 6);
    const text = frame(state);
    const plan = state.plan!;
    // users done; the second table (in plan order) half written, 500 ms after run-start
    const [users, second] = state.seed.tables;
    const done = users!.rows + second!.rows;
    const total = seededRows(plan);
    expect(text).toContain(`autoseed · seeding 4 tables, ${formatInt(total)} rows`);
    expect(text).toMatch(new RegExp(`✓ users\\s+${rowsIn(plan, 'users')} rows\\s+12 ms`));
    expect(text).toMatch(new RegExp(`█+░+\\s+${formatInt(second!.rows)}/${formatInt(second!.total)}`));
    expect(text).toMatch(new RegExp(`Overall\\s+█+░+\\s+${Math.floor((done / total) * 100)}%\\s+${formatInt(done)}/${formatInt(total)} rows`));
    expect(text).toContain(`${formatInt(done * 2)} rows/s`);
    expect(text).toMatch(/ETA \d+ ms/);
  });

  it('seed: warnings appear as they happen', async () => {
    const state = reduce(await seeding(), { type: 'event', event: { type: 'warning', message: 'public.tags holds at most 10 rows' }, at: 1 });
    expect(frame(state)).toContain('! public.tags holds at most 10 rows');
  });

  it('summary: rows per table, total, time, verify result, skipped tables, next commands', async () => {
    const done = feed(await seeding());
    expect(frame(done)).toContain('verify-integrity: checking every constraint…');
    const text = frame(apply(done, { type: 'verified', result: CLEAN }));
    expect(text).toContain(`✓ Seeded ${formatInt(seededRows(done.plan!))} rows in 4 tables in 345 ms (seed 1)`);
    expect(text).toMatch(new RegExp(`users\\s+${rowsIn(done.plan!, 'users')} rows`));
    expect(text).toContain('✓ integrity: every FK, unique, NOT NULL and CHECK holds');
    expect(text).toMatch(/events: partitioned table/);
    expect(text).toContain('autoseed rollback');
    expect(text).toContain('autoseed verify-integrity');
  });

  it('summary: the ledger run and the PII columns the run reports', async () => {
    const state = feed(await seeding());
    const done = { ...state.seed.done!, run: 7, pii: [{ table: 'public.users', column: 'email', kind: 'email' as const, reason: 'semantic:email' }] };
    const text = frame({ ...state, seed: { ...state.seed, done } });
    expect(text).toContain('(seed 1, run #7)');
    expect(text).toMatch(/PII columns[\s\S]*users\.email\s+email/);
  });

  it('summary: a run that had nothing to do says so', async () => {
    const state = reduce(await seeding(), { type: 'event', event: { type: 'run-done', tables: {}, rows: 0, ms: 0, skipped: {}, short: {}, run: 3 }, at: 1 });
    expect(frame(state)).toContain('Nothing written (already seeded, run #3)');
  });

  it('summary: with --no-verify, says integrity was not checked', async () => {
    const off = { ...(await seeding()), verify: { status: 'off' as const } };
    expect(frame(feed(off))).toContain('Integrity not checked (--no-verify)');
  });

  it('summary: violations are counted in the headline and listed', async () => {
    const result = { ...CLEAN, violations: ['public.orders: foreign-key orders_user_fk: 3'] };
    const text = frame(apply(feed(await seeding()), { type: 'verified', result }));
    expect(text).toContain('✗ integrity: 1 violation (listed below)');
    expect(text).toContain('public.orders: foreign-key orders_user_fk: 3');
  });
});

describe('narrow and resized terminals', () => {
  const everyScreen = async (size: { columns: number; rows: number }) => {
    const pick = reduce(await pickState(), { type: 'resize', ...size });
    const seed = apply(pick, { type: 'continue' }, { type: 'continue' });
    return [pick, apply(pick, { type: 'continue' }), feed(seed, 12), apply(feed(seed), { type: 'verified', result: CLEAN })];
  };
  const LONG = 'customer_loyalty_programme_membership_history_entries';

  it('every screen fits 80 columns; the picker cuts long names with …', async () => {
    const [pick, ...others] = await everyScreen({ columns: 80, rows: 24 });
    expect(frame(pick!)).toContain('customer_loyalty_programme_…');
    for (const state of [pick!, ...others]) expectFits(frame(state), 80);
  });

  it('every screen still fits 50 columns, long names cut everywhere', async () => {
    for (const state of await everyScreen({ columns: 50, rows: 24 })) {
      const text = frame(state);
      expectFits(text, 50);
      expect(text).toContain('customer_loyalty');
      expect(text).not.toContain(LONG);
    }
  });

  it('a resize re-lays the picker out: 50 columns and 10 rows still fit, with scroll marks', async () => {
    const small = reduce(await pickState(), { type: 'resize', columns: 50, rows: 10 });
    const text = frame(small);
    expectFits(text, 50);
    expect(text.split('\n').length).toBeLessThanOrEqual(10);
    expect(text).toMatch(/↓ 2 more/);
  });
});
