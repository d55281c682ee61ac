import type { KeyPart, Table } from '../catalog.js';
import { qualifiedName } from '../catalog.js';
import { heapTarget, jsonSample, quoteIdent, violationSelect } from './sql-text.js';
import type { ConstraintQuery } from './types.js';

/** What a unique check needs of a primary key, unique constraint or unique index. */
export interface UniqueSpec {
  readonly name: string;
  readonly parts: readonly KeyPart[];
  readonly predicate: string | null;
  readonly nullsNotDistinct: boolean;
}

/**
 * Key values that more than one row of `table` holds, as one GROUP BY over the index's own
 * columns and expressions, under its predicate. A key with a NULL part is exempt unless the index
 * is NULLS NOT DISTINCT (GROUP BY then puts the NULLs together, as the index does). The rows are
 * read from the heap, never from the index being checked.
 */
export function uniqueQuery(table: Table, key: UniqueSpec): ConstraintQuery {
  const exprs = key.parts.map((p) => ('column' in p ? quoteIdent(p.column) : `(${p.expression})`));
  const labels = key.parts.map((p) => ('column' in p ? p.column : p.expression));
  const filters = [
    ...(key.predicate ? [`(${key.predicate})`] : []),
    ...(key.nullsNotDistinct ? [] : exprs.map((e) => `${e} IS NOT NULL`)),
  ];
  const aliases = exprs.map((_, i) => `k${i}`);
  const inner = `SELECT ${exprs.map((e, i) => `${e} AS ${aliases[i]}`).join(', ')}\n  FROM ${heapTarget(table, 't')}${
    filters.length > 0 ? `\n  WHERE ${filters.join(' AND ')}` : ''}`;
  const sample = jsonSample(labels.map((label, i) => [label, `k.${aliases[i]}`]));
  return {
    kind: 'unique',
    constraint: key.name,
    table: qualifiedName(table.schema, table.name),
    sql: violationSelect(sample, `FROM (${inner}) k\nGROUP BY ${aliases.join(', ')}\nHAVING count(*) > 1`),
  };
}

/**
 * The primary key and unique keys of `table`. `checkedParent` is its partitioned parent when that
 * is checked too: a partition's primary key is then a clone the parent's check already covers.
 */
export function uniqueSpecs(table: Table, checkedParent: Table | undefined): UniqueSpec[] {
  const ownPrimaryKey = table.primaryKey && !checkedParent?.primaryKey;
  const pk: UniqueSpec[] = ownPrimaryKey && table.primaryKey
    ? [{ name: table.primaryKey.name, parts: table.primaryKey.columns.map((column) => ({ column })), predicate: null, nullsNotDistinct: false }]
    : [];
  return [...pk, ...table.uniques];
}
