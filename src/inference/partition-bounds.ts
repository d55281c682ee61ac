import { parseSync } from 'libpg-query';
import { type Catalog, type Table, qualifiedName } from '../catalog.js';
import { type Const, type Node, constant } from './checks/ast.js';

/** One partition's accepted values for a single-column partition key. */
export type PartitionSlot =
  | { kind: 'range'; from: Const | 'minvalue'; to: Const | 'maxvalue' }
  | { kind: 'list'; values: Const[] }
  | { kind: 'hash'; modulus: number; remainder: number }
  | { kind: 'default' };

/**
 * Reads a partition bound as `pg_get_expr(relpartbound)` prints it (`FOR VALUES FROM (…) TO (…)`,
 * `FOR VALUES IN (…)`, `FOR VALUES WITH (…)`, `DEFAULT`) with PostgreSQL's parser. Only the
 * first key column is read; returns null when the bound cannot be read.
 */
export function parsePartitionBound(bound: string): PartitionSlot | null {
  if (bound.trim().toUpperCase() === 'DEFAULT') return { kind: 'default' };
  let spec: Node | undefined;
  try {
    spec = parseSync(`CREATE TABLE p PARTITION OF t ${bound}`)?.stmts?.[0]?.stmt?.CreateStmt?.partbound;
  } catch {
    return null;
  }
  if (!spec) return null;
  if (spec.is_default) return { kind: 'default' };
  switch (spec.strategy) {
    case 'PARTITION_STRATEGY_RANGE':
    case 'r': {
      const from = datum(spec.lowerdatums?.[0]);
      const to = datum(spec.upperdatums?.[0]);
      return from === undefined || to === undefined ? null : { kind: 'range', from: from as Const | 'minvalue', to: to as Const | 'maxvalue' };
    }
    case 'PARTITION_STRATEGY_LIST':
    case 'l': {
      const values = ((spec.listdatums ?? []) as Node[]).map((d) => constant(d)?.value);
      return values.some((v) => v === undefined) ? null : { kind: 'list', values: values as Const[] };
    }
    case 'PARTITION_STRATEGY_HASH':
    case 'h':
      return { kind: 'hash', modulus: spec.modulus ?? 1, remainder: spec.remainder ?? 0 };
  }
  return null;
}

function datum(node: Node | undefined): Const | 'minvalue' | 'maxvalue' | undefined {
  const ref = node?.ColumnRef?.fields?.[0]?.String?.sval;
  if (ref === 'minvalue' || ref === 'maxvalue') return ref;
  return constant(node)?.value;
}

/** Partition slots of a partitioned table keyed on one column with no DEFAULT partition. */
export function partitionSlotsOf(table: Table, catalog: Catalog): PartitionSlot[] | null {
  if (table.kind !== 'partitioned' || table.partitionKey?.columns.length !== 1 || table.partitions.length === 0) return null;
  const slots: PartitionSlot[] = [];
  for (const name of table.partitions) {
    const partition = catalog.tables.find((t) => qualifiedName(t.schema, t.name) === name);
    const slot = partition?.partitionOf ? parsePartitionBound(partition.partitionOf.bound) : null;
    if (!slot) return null;
    // with a DEFAULT partition any value finds a home: no need to aim
    if (slot.kind === 'default') return null;
    slots.push(slot);
  }
  return slots;
}
