import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { inferModel } from '../../src/inference/infer.js';
import { checkpointUnits } from '../../src/ledger/checkpoint-units.js';
import { decide } from '../../src/ledger/decide.js';
import { matchKey } from '../../src/ledger/keys.js';
import type { RunRecord } from '../../src/ledger/store.js';
import { buildPlan } from '../../src/planner/build-plan.js';
import { isYes, requireConfirmation } from '../../src/safety/confirm.js';
import { interruptOnSignals, Interruption, lazyInterrupts, throwIfInterrupted } from '../../src/safety/signals.js';
import { truncation } from '../../src/safety/truncate.js';
import { catalog, col, fk, idCol, table, unique } from './helpers/catalog-builder.js';

function run(id: number, over: Partial<RunRecord> = {}): RunRecord {
  return {
    id, status: 'complete', startedAt: '2026-01-01T00:00:00Z', finishedAt: null, seed: 1, fingerprint: 'A', schemaFingerprint: 's', overridesFingerprint: null,
    environment: 'development', checkpoint: false, options: { rows: 10 }, error: null, completeTables: 2, tableCount: 2, rows: 20, ...over,
  };
}

describe('decide: what a seed does given the ledger', () => {
  const flags = { append: false, reset: false };

  it('a fresh database gets a new run', () => {
    expect(decide([], 'A', flags)).toEqual({ kind: 'new' });
  });

  it('the same fingerprint complete: nothing to do; interrupted with committed tables: resume', () => {
    expect(decide([run(1)], 'A', flags)).toMatchObject({ kind: 'nothing-to-do', run: { id: 1 } });
    expect(decide([run(2, { status: 'failed', completeTables: 1 }), run(1, { fingerprint: 'B', status: 'rolled-back' })], 'A', flags))
      .toMatchObject({ kind: 'resume', run: { id: 2 } });
  });

  it('another fingerprint with rows in the database: refuse, naming the latest such run', () => {
    expect(decide([run(3, { fingerprint: 'B' }), run(2, { fingerprint: 'C' })], 'A', flags)).toMatchObject({ kind: 'refuse', run: { id: 3 } });
    expect(decide([run(3, { fingerprint: 'B', status: 'failed', completeTables: 1 })], 'A', flags)).toMatchObject({ kind: 'refuse' });
  });

  it('runs without rows do not count: rolled back, or failed before committing anything', () => {
    expect(decide([run(2, { status: 'rolled-back' }), run(1, { fingerprint: 'B', status: 'failed', completeTables: 0 })], 'A', flags)).toEqual({ kind: 'new' });
  });

  it('--append and --reset always start a new run', () => {
    expect(decide([run(1)], 'A', { append: true, reset: false })).toEqual({ kind: 'new' });
    expect(decide([run(1, { fingerprint: 'B' })], 'A', { append: false, reset: true })).toEqual({ kind: 'new' });
  });
});

describe('checkpointUnits: one transaction per table, a cycle with its UPDATE pass in one', () => {
  it('keeps cycle members and their update together', async () => {
    const model = await inferModel(catalog([
      table('departments', [idCol(), col('head_id', 'int4')], { pk: ['id'], foreignKeys: [fk('departments_head_fk', ['head_id'], 'staff')] }),
      table('staff', [idCol(), col('department_id', 'int4', { notNull: true })], { pk: ['id'], foreignKeys: [fk('staff_department_fk', ['department_id'], 'departments')] }),
      table('badges', [idCol(), col('staff_id', 'int4', { notNull: true })], { pk: ['id'], foreignKeys: [fk('badges_staff_fk', ['staff_id'], 'staff')] }),
      table('rooms', [idCol()], { pk: ['id'] }),
    ]), { seed: 1 });
    const plan = buildPlan(model, { rows: new Map() }, { rows: 5 });
    const units = checkpointUnits(plan).map((u) => u.map((s) => (s.kind === 'insert-together' ? s.tables.join('+') : `${s.kind}:${s.table}`)));
    expect(units).toContainEqual(['copy:public.departments', 'copy:public.staff', 'update:public.departments']);
    expect(units).toContainEqual(['copy:public.badges']);
    expect(units).toContainEqual(['copy:public.rooms']);
    expect(units.flat()).toHaveLength(plan.steps.length);
  });
});

describe('truncation: what TRUNCATE … CASCADE empties', () => {
  it('lists the tables reached through FKs, transitively, apart from the named ones', () => {
    const c = catalog([
      table('a', [idCol()], { pk: ['id'] }),
      table('b', [idCol(), col('a_id', 'int4')], { pk: ['id'], foreignKeys: [fk('b_a', ['a_id'], 'a')] }),
      table('c', [idCol(), col('b_id', 'int4')], { pk: ['id'], foreignKeys: [fk('c_b', ['b_id'], 'b')] }),
      table('d', [idCol()], { pk: ['id'] }),
    ]);
    expect(truncation(c, ['public.a'])).toEqual({ tables: ['public.a'], cascaded: ['public.b', 'public.c'] });
    expect(truncation(c, ['public.a', 'public.b', 'public.c', 'public.d']).cascaded).toEqual([]);
  });
});

describe('matchKey: how rollback finds a row', () => {
  it('the primary key, else a NOT NULL unique key, else null (the full row)', () => {
    expect(matchKey(table('t', [idCol()], { pk: ['id'] }))).toEqual(['id']);
    expect(matchKey(table('t', [col('code', 'text', { notNull: true })], { uniques: [unique('t_code', ['code'])] }))).toEqual(['code']);
    expect(matchKey(table('t', [col('code', 'text')], { uniques: [unique('t_code', ['code'])] }))).toBeNull();
    expect(matchKey(table('t', [col('x', 'int4')]))).toBeNull();
  });
});

describe('signals and confirmation', () => {
  it('the first signal aborts with the signal name, the second exits at once', () => {
    const source = new EventEmitter();
    let exits = 0;
    const seen: string[] = [];
    const handle = interruptOnSignals(source, { onFirst: (n) => seen.push(n), exitNow: () => void exits++ });
    expect(handle.signal.aborted).toBe(false);
    source.emit('SIGTERM');
    expect(handle.signal.aborted).toBe(true);
    expect((handle.signal.reason as Interruption).signalName).toBe('SIGTERM');
    expect(() => throwIfInterrupted(handle.signal)).toThrow(/Interrupted by SIGTERM/);
    source.emit('SIGINT');
    expect(exits).toBe(1);
    expect(seen).toEqual(['SIGTERM']);
    handle.dispose();
    expect(source.listenerCount('SIGINT')).toBe(0);
  });

  it('--yes confirms; without a terminal it is refused naming --yes; "n" declines', async () => {
    await expect(requireConfirmation({ yes: true, confirm: undefined, action: 'x', question: 'q' })).resolves.toBeUndefined();
    await expect(requireConfirmation({ yes: false, confirm: undefined, action: 'rollback', question: 'q' })).rejects.toThrow(/pass --yes/);
    await expect(requireConfirmation({ yes: false, confirm: async () => false, action: 'rollback', question: 'q' })).rejects.toMatchObject({ code: 'CONFIRMATION_DECLINED' });
    await expect(requireConfirmation({ yes: false, confirm: async () => true, action: 'rollback', question: 'q' })).resolves.toBeUndefined();
    expect(['y', 'Yes', ' YES '].every(isYes)).toBe(true);
    expect(['', 'no', 'yep', 'n'].some(isYes)).toBe(false);
  });
});

describe('lazyInterrupts', () => {
  it('listens only once asked, and only once', () => {
    const source = new EventEmitter();
    const lazy = lazyInterrupts(source, { exitNow: () => undefined });
    expect(source.listenerCount('SIGINT')).toBe(0);
    const signal = lazy.signal();
    expect(lazy.signal()).toBe(signal);
    expect(source.listenerCount('SIGINT')).toBe(1);
    source.emit('SIGINT');
    expect(signal.aborted).toBe(true);
    lazy.dispose();
    expect(source.listenerCount('SIGTERM')).toBe(0);
  });
});
