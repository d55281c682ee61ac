import type { Catalog } from '../catalog.js';
import type { Queryable } from '../db/queryable.js';
import { buildCatalog } from './build-catalog.js';
import { fetchColumns } from './queries/columns.js';
import { fetchConstraints } from './queries/constraints.js';
import { fetchDomainChecks } from './queries/domain-checks.js';
import { fetchEnumLabels } from './queries/enums.js';
import { fetchIndexes } from './queries/indexes.js';
import { fetchRules } from './queries/rules.js';
import { fetchSequences } from './queries/sequences.js';
import { fetchServer } from './queries/server.js';
import { fetchTables } from './queries/tables.js';
import { fetchTriggers } from './queries/triggers.js';
import { fetchTypes } from './queries/types.js';
import type { RawCatalogRows } from './raw-rows.js';

export { buildCatalog } from './build-catalog.js';
export type { RawCatalogRows } from './raw-rows.js';

/** Reads the catalog rows: one bulk query per concern, all in one read-only snapshot. */
export async function fetchCatalogRows(q: Queryable): Promise<RawCatalogRows> {
  // one snapshot, so a concurrent DDL cannot make the queries disagree with each other
  await q.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const server = await fetchServer(q);
    const v = server.server_version_num;
    // the planner's estimates for the recursive type closure pass jit_above_cost: compiling it
    // took 60 ms of a 150 ms query that takes 14 ms without (PostgreSQL 11+ has JIT)
    if (v >= 110000) await q.query('SET LOCAL jit = off');
    const rows: RawCatalogRows = {
      server,
      tables: await fetchTables(q),
      columns: await fetchColumns(q),
      types: await fetchTypes(q, v),
      enumLabels: await fetchEnumLabels(q),
      domainChecks: await fetchDomainChecks(q),
      constraints: await fetchConstraints(q),
      indexes: await fetchIndexes(q, v),
      triggers: await fetchTriggers(q, v),
      rules: await fetchRules(q),
      sequences: await fetchSequences(q),
    };
    await q.query('COMMIT');
    return rows;
  } catch (error) {
    await q.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Introspects the database behind `q` into a `Catalog`. */
export async function introspect(q: Queryable): Promise<Catalog> {
  return buildCatalog(await fetchCatalogRows(q));
}
