import type { Exclusion, Table } from '../catalog.js';
import { qualifiedName } from '../catalog.js';
import { heapTarget, jsonSample, quoteIdent, rowIdentity, SAMPLE_LIMIT, scanTarget } from './sql-text.js';
import type { ConstraintQuery } from './types.js';

/**
 * Pairs of rows of `table` that the exclusion constraint forbids: a self-join on every element
 * with the constraint's operator, both rows under its predicate, each pair counted once.
 *
 * Only a nested loop over the constraint's own index makes this join affordable, yet that index
 * may be what let the pair in. So one side is read from the heap and the join looks in both
 * directions: a pair is found when either of its rows is in the index. Pairs are keyed by
 * (tableoid, ctid), since ctids repeat across the partitions of a partitioned table.
 */
export function exclusionQuery(table: Table, exclusion: Exclusion): ConstraintQuery {
  const exprs = exclusion.elements.map((e) => ('column' in e ? quoteIdent(e.column) : `(${e.expression})`));
  const labels = exclusion.elements.map((e) => ('column' in e ? e.column : e.expression));
  // a ctid alone does not say which partition a row of a partitioned table is in
  const where: [string, string][] = table.kind === 'partitioned' ? [['partition', 'tableoid::regclass']] : [];
  const identity = [...where, ...rowIdentity(table)].filter(([label]) => !labels.includes(label));
  const side = (from: string) => `SELECT tableoid AS _rel, ctid AS _row, ${[
    ...identity.map(([, expr], i) => `${expr} AS id${i}`),
    ...exprs.map((e, i) => `${e} AS x${i}`),
  ].join(', ')}\n  FROM ${from}${exclusion.predicate ? `\n  WHERE (${exclusion.predicate})` : ''}`;
  const conflicts = exclusion.elements.map((e, i) => `a.x${i} ${e.operator} b.x${i}`);
  const sample = (alias: string) => jsonSample([
    ...identity.map(([label], i): [string, string] => [label, `${alias}.id${i}`]),
    ...labels.map((label, i): [string, string] => [label, `${alias}.x${i}`]),
  ]);
  // the pair in a canonical order: the row with the lower (tableoid, ctid) first
  const pick = (first: string, second: string) => `CASE WHEN o.a_first THEN ${first} ELSE ${second} END`;
  const sql = `SELECT json_build_object('first', p.first, 'second', p.second) AS sample, count(*) OVER () AS total
FROM (
  SELECT DISTINCT ON (lo_rel, lo_row, hi_rel, hi_row)
         ${pick('a._rel', 'b._rel')} AS lo_rel, ${pick('a._row', 'b._row')} AS lo_row,
         ${pick('b._rel', 'a._rel')} AS hi_rel, ${pick('b._row', 'a._row')} AS hi_row,
         ${pick(sample('a'), sample('b'))} AS first, ${pick(sample('b'), sample('a'))} AS second
  FROM (${side(heapTarget(table, 't'))}) a
  JOIN (${side(scanTarget(table))}) b ON (a._rel, a._row) <> (b._rel, b._row) AND ${conflicts.join(' AND ')}
  CROSS JOIN LATERAL (SELECT (a._rel, a._row) < (b._rel, b._row) AS a_first) o
) p
LIMIT ${SAMPLE_LIMIT}`;
  return { kind: 'exclusion', constraint: exclusion.name, table: qualifiedName(table.schema, table.name), sql };
}
