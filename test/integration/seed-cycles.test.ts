import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { fixtureSql } from '../helpers/fixtures.js';
import { fkOrphans, rowCounts, sequencesBehind } from '../helpers/integrity.js';

interface PlanJson {
  steps: { kind: string; table?: string; tables?: string[] }[];
  cycles: { tables: string[]; strategy: string; edges: { table: string; foreignKey: string; how: string }[] }[];
}

describe('cycles and self-references', () => {
  let db: TestDatabase;
  let plan: PlanJson;

  beforeAll(async () => {
    db = await createTestDatabase(fixtureSql('cycles'));
    plan = JSON.parse((await runCli(['plan', '--json', '--url', db.url])).stdout) as PlanJson;
    const seed = await runCli(['seed', '--rows', '50', '--json', '--url', db.url]);
    expect(seed.stderr).toBe('');
    expect(seed.code).toBe(0);
  });
  afterAll(() => db?.drop());

  const cycleOf = (table: string) => plan.cycles.find((c) => c.tables.includes(table));

  it('fills every table with every FK valid and sequences ahead', async () => {
    const counts = await rowCounts(db.client);
    expect([...counts].filter(([, n]) => n === 0)).toEqual([]);
    expect(await fkOrphans(db.client)).toEqual([]);
    expect(await sequencesBehind(db.client)).toEqual([]);
  });

  it('breaks a nullable 2-table cycle by NULL first, then one UPDATE pass', async () => {
    expect(cycleOf('nullable2.staff')?.edges).toEqual([
      { table: 'nullable2.departments', foreignKey: 'departments_head_id_fkey', how: 'null-then-update' },
    ]);
    expect(plan.steps).toContainEqual({ kind: 'update', table: 'nullable2.departments', foreignKeys: ['departments_head_id_fkey'] });
    const { rows } = await db.client.query<{ n: string }>('SELECT count(*) AS n FROM nullable2.departments WHERE head_id IS NOT NULL');
    expect(Number(rows[0]!.n)).toBeGreaterThan(25);
  });

  it('breaks a 3-table cycle at its only nullable edge', () => {
    expect(cycleOf('three.a')).toMatchObject({ strategy: 'deferred-edges', edges: [{ table: 'three.c', how: 'null-then-update' }] });
  });

  it('defers a deferrable NOT NULL cycle to COMMIT instead of updating', () => {
    const c = cycleOf('deferred.orders');
    expect(c?.edges).toHaveLength(1);
    expect(c?.edges[0]?.how).toBe('deferred-constraint');
    expect(plan.steps.some((s) => s.kind === 'update' && s.table?.startsWith('deferred.'))).toBe(false);
  });

  it('inserts a NOT NULL non-deferrable cycle in one statement', async () => {
    expect(cycleOf('hard.store')?.strategy).toBe('single-statement');
    expect(plan.steps).toContainEqual({ kind: 'insert-together', tables: ['hard.staff', 'hard.store'] });
  });

  it('lets a NOT NULL self-reference root point at itself, others at earlier rows', async () => {
    const { rows } = await db.client.query<{ roots: string; forward: string }>(
      `SELECT count(*) FILTER (WHERE root = id) AS roots, count(*) FILTER (WHERE root > id) AS forward FROM selfref.link_types`);
    expect(Number(rows[0]!.roots)).toBeGreaterThanOrEqual(1);
    expect(Number(rows[0]!.forward)).toBe(0);
  });

  it('builds a nullable tree with several roots and some depth', async () => {
    const { rows } = await db.client.query<{ roots: string; depth: number }>(`
      WITH RECURSIVE walk AS (
        SELECT id, 1 AS depth FROM selfref.categories WHERE parent_id IS NULL
        UNION ALL SELECT c.id, w.depth + 1 FROM selfref.categories c JOIN walk w ON c.parent_id = w.id)
      SELECT (SELECT count(*) FROM selfref.categories WHERE parent_id IS NULL) AS roots, max(depth) AS depth FROM walk`);
    expect(Number(rows[0]!.roots)).toBeGreaterThan(1);
    expect(rows[0]!.depth).toBeGreaterThanOrEqual(3);
  });
});
