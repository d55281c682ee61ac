import type { Catalog, Column, Sequence, Table } from '../catalog.js';
import { qualifiedName } from '../catalog.js';
import { quoteIdent, relation, scanTarget } from './sql-text.js';

/** A column a sequence feeds, in the table whose scan covers its rows. */
export interface SequenceUser {
  readonly table: Table;
  readonly column: Column;
}

/**
 * One query per sequence: its next value against the highest (lowest, for a descending sequence)
 * value of every column it feeds. Returns `last_value`, `is_called`, `next_value`, then per user
 * `m0`, `b0` (true when the next value is already taken or passed), `m1`, `b1`, …
 */
export interface SequenceCheck {
  readonly sequence: Sequence;
  readonly users: readonly SequenceUser[];
  readonly sql: string;
}

// only a column a nextval() lands in as a number can collide with the sequence's next value
const NUMERIC_BASES = new Set(['int2', 'int4', 'int8', 'numeric']);

/** The sequence checks for the columns of `tables` fed by a sequence. */
export function sequenceChecks(catalog: Catalog, tables: readonly Table[]): SequenceCheck[] {
  const byName = new Map(catalog.sequences.map((s) => [qualifiedName(s.schema, s.name), s]));
  const tableByName = new Map(catalog.tables.map((t) => [qualifiedName(t.schema, t.name), t]));
  const selected = new Set(tables);
  const users = new Map<Sequence, SequenceUser[]>();
  for (const table of tables) {
    const parent = table.partitionOf ? tableByName.get(table.partitionOf.parent) : undefined;
    const checkedParent = parent && selected.has(parent) ? parent : undefined;
    for (const column of table.columns) {
      const sequence = column.sequence === null ? undefined : byName.get(column.sequence);
      if (!sequence || column.type.arrayDims > 0 || !NUMERIC_BASES.has(column.type.base)) continue;
      // a partition's rows are already in its partitioned parent's max() when both use the sequence
      if (checkedParent?.columns.some((c) => c.name === column.name && c.sequence === column.sequence)) continue;
      const list = users.get(sequence);
      if (list) list.push({ table, column });
      else users.set(sequence, [{ table, column }]);
    }
  }
  return [...users].map(([sequence, list]) => ({ sequence, users: list, sql: sequenceSql(sequence, list) }));
}

function sequenceSql(sequence: Sequence, users: readonly SequenceUser[]): string {
  const increment = /^-?\d+$/.test(sequence.increment) ? sequence.increment : '1';
  const descending = increment.startsWith('-');
  const extreme = descending ? 'min' : 'max';
  const passed = descending ? '<=' : '>=';
  const columns = users.map((_, i) =>
    `,\n       m.m${i}::text AS m${i}, m.m${i} ${passed} q.next_value AS b${i}`).join('');
  const extremes = users.map((u, i) =>
    `(SELECT ${extreme}(${quoteIdent(u.column.name)}) FROM ${scanTarget(u.table)})::numeric AS m${i}`).join(',\n         ');
  // read last_value / is_called from the sequence relation itself: pg_sequences hides them from
  // roles without USAGE and its last_value is NULL until the first nextval
  return `SELECT q.last_value::text AS last_value, q.is_called, q.next_value::text AS next_value${columns}
FROM (SELECT last_value, is_called,
             CASE WHEN is_called THEN last_value::numeric + ${increment} ELSE last_value::numeric END AS next_value
        FROM ${relation(sequence.schema, sequence.name)}) q
CROSS JOIN LATERAL (SELECT ${extremes}) m`;
}
