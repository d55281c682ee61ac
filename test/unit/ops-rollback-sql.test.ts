import { describe, expect, it } from 'vitest';
import type { Queryable } from '../../src/db/queryable.js';
import { countMatches, deleteGroup, nullDeferredEdges } from '../../src/commands/rollback-delete.js';
import type { RollbackTarget } from '../../src/commands/rollback-targets.js';

/** A Queryable that records statements and answers with `rows`. */
function recorder(rows: Record<string, unknown>[] = [{ n: '2', n0: 1, n1: 2 }]) {
  const calls: { text: string; values: readonly unknown[] }[] = [];
  const q: Queryable & { rowCount?: number } = {
    async query<R extends object>(text: string, values: readonly unknown[] = []) {
      calls.push({ text, values });
      return { rows: rows as R[], rowCount: 2 };
    },
  };
  return { q, calls };
}

const keyed: RollbackTarget = {
  table: 'public.orders', from: 'ONLY "public"."orders"', recorded: 2, byKey: true, matchedBy: 'primary key (id), recomputed',
  columns: [{ name: 'id', type: 'bigint' }], tuples: [['1'], ['2']], nullFirst: [{ name: 'orders_last_fk', columns: ['last_id'] }],
};
const keyless: RollbackTarget = {
  table: 'public.notes', from: 'ONLY "public"."notes"', recorded: 2, byKey: false, matchedBy: 'full row (2 columns), recomputed',
  columns: [{ name: 'body', type: 'text' }, { name: 'meta', type: 'json' }], tuples: [['a', null], ['', '{"x": 1}']], nullFirst: [],
};

describe('rollback SQL', () => {
  it('matches keys with typed equality, the values as text arrays', async () => {
    const { q, calls } = recorder();
    expect(await countMatches(q, keyed)).toBe(2);
    expect(calls[0]!.text).toContain('FROM unnest($1::text[]) AS v(c0)');
    expect(calls[0]!.text).toContain('v.c0::bigint AS c0');
    expect(calls[0]!.text).toContain('x."id" = w.c0');
    expect(calls[0]!.values).toEqual([['1', '2']]);
  });

  it('matches keyless rows by their whole text form, so NULL and the empty string stay apart', async () => {
    const { q, calls } = recorder();
    await countMatches(q, keyless);
    expect(calls[0]!.text).toContain('ROW(v.c0::text::text, v.c1::json::text)::text AS r');
    expect(calls[0]!.text).toContain('ROW(x."body"::text, x."meta"::text)::text = w.r');
    expect(calls[0]!.values).toEqual([['a', ''], [null, '{"x": 1}']]);
  });

  it('sets deferred cycle edges back to NULL for the run\'s rows only', async () => {
    const { q, calls } = recorder();
    await nullDeferredEdges(q, keyed);
    expect(calls[0]!.text).toMatch(/^UPDATE ONLY "public"\."orders" AS x SET "last_id" = NULL FROM \(SELECT DISTINCT/);
    await nullDeferredEdges(q, keyless);
    expect(calls).toHaveLength(1);
  });

  it('deletes a NOT NULL cycle in one statement of data-modifying CTEs, counting per table', async () => {
    const { q, calls } = recorder();
    expect(await deleteGroup(q, [keyed, keyless])).toEqual([1, 2]);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.text).toMatch(/^WITH d0 AS \(DELETE FROM ONLY "public"\."orders" AS x USING .* RETURNING 1\), d1 AS \(DELETE FROM ONLY "public"\."notes"/);
    expect(calls[0]!.text).toContain('$2::text[], $3::text[]');
    expect(calls[0]!.values).toHaveLength(3);
  });
});
