import type {
  Catalog, Check, Column, DomainType, EnumType, Exclusion, FkAction, ForeignKey, KeyPart,
  PrimaryKey, Rule, Sequence, Table, Trigger, TriggerEvent, UniqueKey,
} from '../catalog.js';
import { qualifiedName } from '../catalog.js';
import type { RawColumnRow } from './queries/columns.js';
import type { RawConstraintRow } from './queries/constraints.js';
import type { RawIndexRow } from './queries/indexes.js';
import type { RawRuleRow } from './queries/rules.js';
import type { RawTableRow } from './queries/tables.js';
import type { RawTriggerRow } from './queries/triggers.js';
import type { RawTypeRow } from './queries/types.js';
import type { RawCatalogRows } from './raw-rows.js';
import { resolveColumnType } from './resolve-type.js';

/** Turns the rows of the catalog queries into the `Catalog`. Pure: no I/O. */
export function buildCatalog(raw: RawCatalogRows): Catalog {
  const types = new Map(raw.types.map((t) => [t.oid, t]));
  const byTable = {
    columns: groupBy(raw.columns, (r) => r.table_oid),
    constraints: groupBy(raw.constraints, (r) => r.table_oid),
    indexes: groupBy(raw.indexes, (r) => r.table_oid),
    triggers: groupBy(raw.triggers, (r) => r.table_oid),
    rules: groupBy(raw.rules, (r) => r.table_oid),
  };
  const identitySequences = new Map(
    raw.sequences
      .filter((s) => s.owned_by !== null)
      .map((s) => [columnKey(s.owned_by!.schema, s.owned_by!.table, s.owned_by!.column), qualifiedName(s.schema, s.name)]),
  );
  const partitionsOf = groupBy(
    raw.tables.filter((t) => t.is_partition && t.parents[0]),
    (t) => qualifiedName(t.parents[0]!.schema, t.parents[0]!.name),
  );

  const tables = raw.tables.map((t): Table => {
    const constraints = byTable.constraints.get(t.oid) ?? [];
    const indexes = byTable.indexes.get(t.oid) ?? [];
    return {
      schema: t.schema,
      name: t.name,
      kind: t.relkind === 'p' ? 'partitioned' : t.is_partition ? 'partition' : 'table',
      columns: (byTable.columns.get(t.oid) ?? []).map((c) => buildColumn(c, t, types, identitySequences)),
      primaryKey: buildPrimaryKey(constraints),
      uniques: buildUniques(constraints, indexes),
      foreignKeys: constraints.filter((c) => c.contype === 'f' && !c.from_parent).map(buildForeignKey),
      checks: constraints
        // a partition's copies of its parent's checks are the parent's, not its own
        .filter((c) => c.contype === 'c' && !(t.is_partition && !c.is_local))
        .map(buildCheck),
      exclusions: buildExclusions(constraints, indexes),
      triggers: (byTable.triggers.get(t.oid) ?? []).map(buildTrigger),
      rules: (byTable.rules.get(t.oid) ?? []).map(buildRule),
      partitionKey: t.partition_key === null ? null : {
        strategy: partitionStrategy(t.partition_key),
        definition: t.partition_key,
        columns: t.partition_key_columns ?? [],
      },
      partitionOf: t.is_partition && t.parents[0] ? {
        parent: qualifiedName(t.parents[0].schema, t.parents[0].name),
        bound: t.partition_bound ?? '',
      } : null,
      partitions: (partitionsOf.get(qualifiedName(t.schema, t.name)) ?? []).map((p) => qualifiedName(p.schema, p.name)),
      inheritsFrom: t.is_partition ? [] : t.parents.map((p) => qualifiedName(p.schema, p.name)),
      estimatedRows: t.reltuples,
      unlogged: t.unlogged,
      rowSecurity: t.row_security,
      comment: t.comment,
    };
  });

  return {
    serverVersion: raw.server.server_version,
    serverVersionNum: raw.server.server_version_num,
    database: raw.server.database,
    schemas: raw.server.schemas,
    tables,
    enums: buildEnums(raw.types, raw.enumLabels),
    domains: buildDomains(raw.types, raw.domainChecks),
    sequences: raw.sequences.map((s): Sequence => ({
      schema: s.schema,
      name: s.name,
      dataType: s.data_type,
      start: s.start,
      increment: s.increment,
      min: s.min,
      max: s.max,
      cycle: s.cycle,
      ownedBy: s.owned_by === null ? null : {
        table: qualifiedName(s.owned_by.schema, s.owned_by.table),
        column: s.owned_by.column,
      },
    })),
  };
}

function buildColumn(
  c: RawColumnRow,
  t: RawTableRow,
  types: ReadonlyMap<number, RawTypeRow>,
  identitySequences: ReadonlyMap<string, string>,
): Column {
  const generated = c.generated === 's';
  return {
    name: c.name,
    position: c.attnum,
    type: resolveColumnType(types, c.type_oid, c.typmod, c.ndims, c.type_sql),
    notNull: c.not_null,
    default: generated ? null : c.default_expr,
    identity: c.identity === 'a' ? 'always' : c.identity === 'd' ? 'by-default' : null,
    generated: generated ? c.default_expr : null,
    collation: c.collation,
    sequence: c.default_sequence
      ? qualifiedName(c.default_sequence.schema, c.default_sequence.name)
      : c.identity ? identitySequences.get(columnKey(t.schema, t.name, c.name)) ?? null : null,
    comment: c.comment,
  };
}

function buildPrimaryKey(constraints: readonly RawConstraintRow[]): PrimaryKey | null {
  const pk = constraints.find((c) => c.contype === 'p');
  return pk ? { name: pk.name, columns: pk.columns } : null;
}

function keyParts(index: RawIndexRow): KeyPart[] {
  return index.parts.map((p) => (p.column !== null ? { column: p.column } : { expression: p.expression }));
}

function buildUniques(constraints: readonly RawConstraintRow[], indexes: readonly RawIndexRow[]): UniqueKey[] {
  // an FK's conindid names the *referenced* key's index, so only p/u/x constraints are backers
  const backing = new Map(
    constraints.filter((c) => c.contype === 'p' || c.contype === 'u' || c.contype === 'x').map((c) => [c.index_oid, c]),
  );
  const uniques: UniqueKey[] = [];
  for (const index of indexes) {
    if (!index.is_unique || index.from_parent) continue;
    const con = backing.get(index.index_oid);
    if (con && con.contype !== 'u') continue; // the primary key (or an exclusion) is reported elsewhere
    const parts = keyParts(index);
    uniques.push({
      name: con ? con.name : index.name,
      source: con ? 'constraint' : 'index',
      parts,
      columns: parts.flatMap((p) => ('column' in p ? [p.column] : [])),
      predicate: index.predicate,
      nullsNotDistinct: index.nulls_not_distinct,
      deferrable: con ? con.deferrable : false,
      initiallyDeferred: con ? con.deferred : false,
      definition: index.definition,
    });
  }
  return uniques;
}

function buildExclusions(constraints: readonly RawConstraintRow[], indexes: readonly RawIndexRow[]): Exclusion[] {
  const indexByOid = new Map(indexes.map((i) => [i.index_oid, i]));
  return constraints
    .filter((c) => c.contype === 'x' && !c.from_parent)
    .map((c): Exclusion => {
      const index = indexByOid.get(c.index_oid);
      const operators = c.exclusion_operators ?? [];
      return {
        name: c.name,
        method: index?.method ?? '',
        elements: (index ? keyParts(index) : []).map((p, i) => ({ ...p, operator: operators[i] ?? '=' })),
        predicate: index?.predicate ?? null,
        deferrable: c.deferrable,
        initiallyDeferred: c.deferred,
        definition: c.definition,
      };
    });
}

const FK_ACTIONS: Record<string, FkAction> = {
  a: 'no action', r: 'restrict', c: 'cascade', n: 'set null', d: 'set default',
};

function buildForeignKey(c: RawConstraintRow): ForeignKey {
  return {
    name: c.name,
    columns: c.columns,
    references: { schema: c.ref_schema ?? '', table: c.ref_table ?? '', columns: c.ref_columns ?? [] },
    match: c.match_type === 'f' ? 'full' : c.match_type === 'p' ? 'partial' : 'simple',
    onDelete: FK_ACTIONS[c.on_delete] ?? 'no action',
    onUpdate: FK_ACTIONS[c.on_update] ?? 'no action',
    deferrable: c.deferrable,
    initiallyDeferred: c.deferred,
    valid: c.valid,
    definition: c.definition,
  };
}

function buildCheck(c: RawConstraintRow): Check {
  return {
    name: c.name,
    expression: c.check_expr ?? '',
    columns: c.columns,
    valid: c.valid,
    noInherit: c.no_inherit,
    inherited: !c.is_local,
  };
}

// pg_trigger.tgtype bits (src/include/catalog/pg_trigger.h)
const TRIGGER_ROW = 1 << 0;
const TRIGGER_BEFORE = 1 << 1;
const TRIGGER_INSTEAD = 1 << 6;
const TRIGGER_EVENTS: readonly [number, TriggerEvent][] = [
  [1 << 2, 'insert'], [1 << 4, 'update'], [1 << 3, 'delete'], [1 << 5, 'truncate'],
];
const TRIGGER_ENABLED: Record<string, Trigger['enabled']> = {
  O: 'origin', A: 'always', R: 'replica', D: 'disabled',
};

function buildTrigger(t: RawTriggerRow): Trigger {
  return {
    name: t.name,
    timing: t.tgtype & TRIGGER_INSTEAD ? 'instead of' : t.tgtype & TRIGGER_BEFORE ? 'before' : 'after',
    events: TRIGGER_EVENTS.filter(([bit]) => t.tgtype & bit).map(([, e]) => e),
    level: t.tgtype & TRIGGER_ROW ? 'row' : 'statement',
    constraint: t.is_constraint,
    deferrable: t.deferrable,
    initiallyDeferred: t.deferred,
    enabled: TRIGGER_ENABLED[t.enabled] ?? 'origin',
    function: qualifiedName(t.function_schema, t.function_name),
    functionSource: t.function_source,
  };
}

const RULE_EVENTS: Record<string, Rule['event']> = { 1: 'select', 2: 'update', 3: 'insert', 4: 'delete' };

function buildRule(r: RawRuleRow): Rule {
  return { name: r.name, event: RULE_EVENTS[r.event] ?? 'insert', instead: r.instead, definition: r.definition };
}

function partitionStrategy(definition: string): 'range' | 'list' | 'hash' {
  // pg_get_partkeydef always starts with the strategy keyword in upper case
  const word = definition.split(' ', 1)[0]?.toLowerCase();
  return word === 'list' ? 'list' : word === 'hash' ? 'hash' : 'range';
}

function buildEnums(types: readonly RawTypeRow[], labels: RawCatalogRows['enumLabels']): EnumType[] {
  const labelsByType = new Map(labels.map((l) => [l.type_oid, l.labels]));
  return userTypes(types, 'e').map((t) => ({ schema: t.schema, name: t.name, labels: labelsByType.get(t.oid) ?? [] }));
}

function buildDomains(types: readonly RawTypeRow[], checks: RawCatalogRows['domainChecks']): DomainType[] {
  const checksByType = groupBy(checks, (c) => c.type_oid);
  return userTypes(types, 'd').map((t) => ({
    schema: t.schema,
    name: t.name,
    over: t.over_sql ?? '',
    notNull: t.not_null,
    default: t.default_expr,
    checks: (checksByType.get(t.oid) ?? []).map((c) => ({ name: c.name, expression: c.expression, valid: c.valid })),
  }));
}

/** The user's own enums or domains (not pg_catalog's, not an extension's), sorted by name. */
function userTypes(types: readonly RawTypeRow[], typtype: 'e' | 'd'): RawTypeRow[] {
  return types
    .filter((t) => t.typtype === typtype && !t.extension_member && !/^pg_|^information_schema$/.test(t.schema))
    .sort((a, b) => compare(a.schema, b.schema) || compare(a.name, b.name));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function columnKey(schema: string, table: string, column: string): string {
  return JSON.stringify([schema, table, column]);
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
