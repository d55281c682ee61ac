import type { ForeignKey, Table } from '../catalog.js';
import { qualifiedName } from '../catalog.js';
import { jsonSample, quoteIdent, relation, scanTarget, violationSelect } from './sql-text.js';
import type { ConstraintQuery } from './types.js';

/**
 * Rows of `table` whose key has no match in the referenced table, as one anti-join.
 * MATCH SIMPLE: a key with any NULL is exempt. MATCH FULL: an all-NULL key is exempt, a partly
 * NULL one is a violation. NOT VALID keys are checked like any other (that is the point).
 * `referenced` is the referenced table as the catalog describes it, when it does.
 */
export function foreignKeyQuery(table: Table, fk: ForeignKey, referenced: Table | undefined): ConstraintQuery {
  const child = fk.columns.map((c) => `c.${quoteIdent(c)}`);
  const matches = fk.columns
    .map((c, i) => `p.${quoteIdent(fk.references.columns[i] ?? c)} = c.${quoteIdent(c)}`)
    .join(' AND ');
  // the referenced side is read like PostgreSQL's own RI check: ONLY, unless it is partitioned
  const parent = referenced
    ? scanTarget(referenced)
    : `ONLY ${relation(fk.references.schema, fk.references.table)}`;
  const orphan = `NOT EXISTS (SELECT 1 FROM ${parent} p WHERE ${matches})`;
  const anyNull = child.map((c) => `${c} IS NULL`).join(' OR ');
  const allNull = child.map((c) => `${c} IS NULL`).join(' AND ');
  const where = fk.match === 'full'
    ? `NOT (${allNull}) AND (${anyNull} OR ${orphan})`
    : `NOT (${anyNull}) AND ${orphan}`;
  const sample = jsonSample(fk.columns.map((c) => [c, `c.${quoteIdent(c)}`]));
  return {
    kind: 'foreign-key',
    constraint: fk.name,
    table: qualifiedName(table.schema, table.name),
    sql: violationSelect(sample, `FROM ${scanTarget(table)} c\nWHERE ${where}`),
  };
}
