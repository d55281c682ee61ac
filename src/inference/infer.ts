import { loadModule, parseSync } from 'libpg-query';
import type { Catalog, Column, ForeignKey, Table } from '../catalog.js';
import { qualifiedName } from '../catalog.js';
import { type TableConstraints, type ValueDomain, emptyDomain, tableConstraints } from './domain.js';
import { birthDateBounds, impliedRelations } from './coherence.js';
import { tablesTriggersRead, triggerPartitionSlots } from './trigger-tables.js';
import { triggerJoinSteers } from './trigger-joins.js';
import { satisfies } from './domain-test.js';
import { kindFromName } from './heuristics.js';
import type { ColumnModel, GeneratorSpec, RadixKey, SeedModel, TableModel } from './model.js';
import { exclusionSlots } from './exclusions.js';
import { implicitForeignKeys } from './implicit-fks.js';
import { DEFAULT_PASSWORD, passwordHash } from './password.js';
import { type PartitionSlot, parsePartitionBound, partitionSlotsOf } from './partition-bounds.js';
import type { PartitionTarget } from './model.js';
import { quoteQualified } from '../sql/ident.js';
import { isBuiltinBase } from './registry.js';
import { settleGeneratorChecks } from './generator-checks.js';

export interface InferOptions {
  seed: number;
  /** The password every password-hash column gets the bcrypt hash of. */
  password?: string;
}

/** Share of NULLs in a nullable column that nothing else decides for. */
const DEFAULT_NULL_RATE = 0.1;

/**
 * How often a nullable column is NULL, from its name: bookkeeping timestamps are always set,
 * "…deleted/archived/ended" markers and middle names mostly absent.
 */
export function nullRateFor(name: string): number {
  const n = name.toLowerCase();
  if (/(^|_)(created|updated|modified|inserted|added|registered)(_(at|on|date|time|timestamp))?$|^(created|updated|modified)(at|on|date)$/.test(n)) return 0;
  if (/(^|_)(deleted|archived|removed|revoked|cancell?ed|expired|banned|blocked|suspended|closed|ended|resolved|merged|locked)(_(at|on|date|time|by))?$/.test(n)) return 0.85;
  if (/middle_?name|second_?name|suffix|prefix|nickname|fax/.test(n)) return 0.7;
  return DEFAULT_NULL_RATE;
}

let parserReady: Promise<void> | undefined;

/**
 * Loads the PostgreSQL parser CHECKs are read with and compiles it ahead: its first parse compiles
 * the WebAssembly parser on the main thread (40–50 ms). inferModel awaits it.
 */
function checkParser(): Promise<void> {
  parserReady ??= loadModule().then(() => {
    parseSync("SELECT a IN ('x', 'y') AND b ~ '^z' AND c BETWEEN 1 AND 2");
  });
  return parserReady;
}

/**
 * Starts compiling the CHECK parser without waiting for it: a command that will infer calls this
 * before it connects, so the compilation happens while it waits on the server (a failure surfaces
 * where inferModel awaits the parser).
 */
export function warmCheckParser(): void {
  checkParser().catch(() => undefined);
}

/** Chooses a generator, with its reason, for every column of every table. */
export async function inferModel(catalog: Catalog, options: InferOptions): Promise<SeedModel> {
  await checkParser();
  const implicit = implicitForeignKeys(catalog);
  const referenced = referencedColumns(catalog, implicit);
  const tables = catalog.tables
    .filter((t) => t.kind !== 'partition')
    .map((t) => inferTable(t, catalog, referenced, implicit.get(qualifiedName(t.schema, t.name)) ?? []));
  return { seed: options.seed, tables: withPasswordHashes(tables, options) };
}

/** Password-hash columns get one real bcrypt hash of the run's password (computed once; bcrypt is slow on purpose). */
function withPasswordHashes(tables: TableModel[], options: InferOptions): TableModel[] {
  const isHash = (c: ColumnModel) => c.generator.kind === 'semantic' && c.generator.semantic === 'password_hash';
  if (!tables.some((t) => t.columns.some(isHash))) return tables;
  const hash = passwordHash(options.password ?? DEFAULT_PASSWORD, options.seed);
  return tables.map((t) => ({
    ...t,
    columns: t.columns.map((c) => {
      if (!isHash(c) || (c.column.type.length !== null && c.column.type.length < hash.length)) return c;
      return { ...c, generator: { kind: 'pick', values: [hash] } as GeneratorSpec, reason: 'name:password_hash (bcrypt of the known password)' };
    }),
  }));
}

/** `schema.table` → columns some FK points at (they must not change between attempts). */
function referencedColumns(catalog: Catalog, implicit: Map<string, ForeignKey[]>): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const t of catalog.tables) {
    for (const fk of [...t.foreignKeys, ...(implicit.get(qualifiedName(t.schema, t.name)) ?? [])]) {
      const key = qualifiedName(fk.references.schema, fk.references.table);
      const set = map.get(key) ?? new Set<string>();
      for (const c of fk.references.columns) set.add(c);
      map.set(key, set);
    }
  }
  return map;
}

function inferTable(tableAsDeclared: Table, catalog: Catalog, referenced: Map<string, Set<string>>, implicit: readonly ForeignKey[]): TableModel {
  const table = withPartitionUniques(tableAsDeclared, catalog);
  const key = qualifiedName(table.schema, table.name);
  const constraints = tableConstraints(table, catalog);
  const { foreignKeys: declared, partitionTargets } = retargetPartitionFks(ownAndPartitionForeignKeys(table, catalog), catalog);
  const foreignKeys = [...declared, ...implicit];
  const fkOf = columnOwners(foreignKeys);

  const { injective, radixKeys } = uniqueness(table, fkOf, constraints);
  const keyColumnSet = new Set([
    ...(table.primaryKey?.columns ?? []),
    ...table.uniques.flatMap((u) => keyColumns(u.parts, table)),
  ]);
  const keySlots = triggerPartitionSlots(table, catalog);
  const partitionSlots = partitionSlotsOf(table, catalog);
  if (partitionSlots && table.partitionKey) keySlots.set(table.partitionKey.columns[0]!, { slots: partitionSlots, reason: 'partition-bounds' });
  const slots = exclusionSlots(table);

  const columns = table.columns.map((column): ColumnModel => {
    const domain = withBirthDateBounds(constraints.domains.get(column.name), column, table);
    const chosen = chooseGenerator(column, table, catalog, domain, fkOf.get(column.name), keySlots.get(column.name) ?? null);
    const radixFinite = radixKeys.some((k) => k.finiteColumns.includes(column.name)) && chosen.generator.kind !== 'pick';
    // a finite key column enumerates its values so the radix digits can pick each one
    const codes = !radixFinite ? null : column.type.base === 'bool' ? [true, false] : shortCodeValues(column);
    const slot = chosen.generator.kind === 'fk' ? null : slots.get(column.name) ?? null;
    const { generator, reason } = codes
      ? { generator: { kind: 'pick', values: codes } as GeneratorSpec, reason: column.type.base === 'bool' ? 'key:boolean' : 'key:short-code' }
      : slot ? { generator: chosen.generator, reason: `exclusion:${slot.exclusion}` } : chosen;
    const inKey = keyColumnSet.has(column.name);
    const required = column.notNull || domain?.notNull === true || injective.has(column.name) || inKey;
    return {
      name: column.name,
      column,
      generator,
      reason,
      nullRate: required || slot || generator.kind === 'omit' ? 0 : generator.kind === 'null' ? 1 : nullRateFor(column.name),
      domain,
      injective: injective.has(column.name),
      stable: inKey || referenced.get(key)?.has(column.name) === true,
      slot,
    };
  });
  const stableSet = new Set(columns.filter((c) => c.stable).map((c) => c.name));
  const unsupported = columns.filter((c) => c.generator.kind === 'unsupported' && c.nullRate === 0);

  const unverified: { name: string; expression: string; column?: string }[] = [
    ...constraints.unverified,
    // a relation between two columns we cannot adjust (both FK or key columns) is left to PostgreSQL
    ...constraints.relations
      .filter((r) => !adjustable(r.column, fkOf, stableSet) && !adjustable(r.other, fkOf, stableSet))
      .flatMap((r) => (r.check ? [r.check] : [])),
  ];
  const relations = [...constraints.relations, ...impliedRelations(table, constraints.relations)];
  const withMentions = <T extends { expression: string; column?: string }>(c: T) => ({ ...c, mentions: mentionedColumns(c.expression, table, c.column) });
  const { generatorChecks, unverifiedChecks } = settleGeneratorChecks(columns, relations, constraints.generatorChecks.map(withMentions), dedupeChecks(unverified).map(withMentions));
  return {
    key,
    table,
    columns,
    relations,
    nonNullGroups: constraints.nonNullGroups,
    unverifiedChecks,
    generatorChecks,
    foreignKeys,
    radixKeys,
    partitionTargets,
    triggerReads: tablesTriggersRead(table, catalog),
    triggerSteers: steersOf(key, foreignKeys, catalog),
    perParent: {},
    insertOnly: false,
    partitionsAddRules: table.partitions.some((name) => {
      const p = catalog.tables.find((t) => qualifiedName(t.schema, t.name) === name);
      return p !== undefined && (p.checks.length > 0 || p.foreignKeys.length > 0 || p.kind === 'partitioned' || p.triggers.length > 0);
    }),
    skip: table.kind === 'partitioned' && table.partitions.length === 0
      ? {
          reason: 'partitioned table with no partition: no row can be inserted',
          fix: `CREATE TABLE ${quoteQualified(table.schema, `${table.name}_default`)} PARTITION OF ${quoteQualified(table.schema, table.name)} DEFAULT;`,
        }
      : unsupported.length > 0
        ? {
            reason: `no generator for NOT NULL column ${unsupported.map((c) => `${c.name} (${c.column.type.sql})`).join(', ')}`,
            fix: 'give the column a default, or a generator in overrides.ts',
          }
        : null,
  };
}

/** The trigger steers (see TableModel.triggerSteers) of the table's single-column FKs, by FK name. */
function steersOf(key: string, foreignKeys: readonly ForeignKey[], catalog: Catalog): Record<string, string> {
  const out: Record<string, string> = {};
  for (const steer of triggerJoinSteers(catalog).get(key) ?? []) {
    // an FK aimed at a partition's root (retargetPartitionFks) no longer references the steer's table
    const fk = foreignKeys.find((f) => f.name === steer.foreignKey);
    if (fk && qualifiedName(fk.references.schema, fk.references.table) === steer.parent && !(fk.name in out)) out[fk.name] = steer.parentColumn;
  }
  return out;
}

/**
 * An FK may point at one partition (gitlab: ci_cost_settings → instance_type_ci_runners). Rows
 * are seeded through the partitioned root, so the FK is aimed at the root, restricted to the
 * root's rows whose partition key falls in that partition.
 */
function retargetPartitionFks(
  fks: readonly ForeignKey[],
  catalog: Catalog,
): { foreignKeys: ForeignKey[]; partitionTargets: Record<string, PartitionTarget> } {
  const byName = new Map(catalog.tables.map((t) => [qualifiedName(t.schema, t.name), t]));
  const partitionTargets: Record<string, PartitionTarget> = {};
  const foreignKeys = fks.map((fk) => {
    let target = byName.get(qualifiedName(fk.references.schema, fk.references.table));
    if (!target?.partitionOf) return fk;
    const slot = parsePartitionBound(target.partitionOf.bound);
    let root = byName.get(target.partitionOf.parent);
    const keyColumn = root?.partitionKey?.columns.length === 1 ? root.partitionKey.columns[0]! : null;
    while (root?.partitionOf) root = byName.get(root.partitionOf.parent);
    target = root;
    if (!target || !slot || !keyColumn) return fk;
    partitionTargets[fk.name] = { keyColumn, slot };
    return { ...fk, references: { ...fk.references, schema: target.schema, table: target.name } };
  });
  return { foreignKeys, partitionTargets };
}

/**
 * Which FK writes each FK column. When FKs share a column (messages.conversation_id → conversations,
 * and (conversation_id, sender_id) → participants), the FK with more columns wins: its parent row
 * fixes every shared column at once, and the smaller FK then holds through that parent.
 */
export function columnOwners(foreignKeys: readonly ForeignKey[]): Map<string, ForeignKey> {
  const owners = new Map<string, ForeignKey>();
  const widestFirst = [...foreignKeys].sort((a, b) => b.columns.length - a.columns.length);
  for (const fk of widestFirst) for (const c of fk.columns) if (!owners.has(c)) owners.set(c, fk);
  return owners;
}

/** A birth date with no CHECK of its own gets bounds that make plausible ages for its table. */
function withBirthDateBounds(domain: ValueDomain | undefined, column: Column, table: Table): ValueDomain | undefined {
  const bounds = birthDateBounds(column, table);
  if (!bounds || (domain && (domain.min !== null || domain.max !== null))) return domain;
  return { ...(domain ?? emptyDomain()), min: bounds.min, max: bounds.max, minInclusive: true, maxInclusive: true, sources: [...(domain?.sources ?? []), 'name:birth_date'] };
}

/**
 * A unique index declared on a partition (musicbrainz' artist_release_va (release, artist)) binds
 * the rows routed there: it is kept on the parent's model as a unique key over all its rows,
 * which is stricter and so safe.
 */
function withPartitionUniques(table: Table, catalog: Catalog): Table {
  if (table.kind !== 'partitioned') return table;
  const signature = (u: Table['uniques'][number]) => JSON.stringify(u.parts);
  const seen = new Set(table.uniques.map(signature));
  const extra = table.partitions
    .flatMap((name) => catalog.tables.find((t) => qualifiedName(t.schema, t.name) === name)?.uniques ?? [])
    .filter((u) => u.columns.every((c) => table.columns.some((x) => x.name === c)) && !seen.has(signature(u)) && (seen.add(signature(u)), true));
  return extra.length === 0 ? table : { ...table, uniques: [...table.uniques, ...extra] };
}

/**
 * A partitioned table's rows land in its partitions, so FKs declared on the partitions (not on
 * the parent) bind the parent's rows too: they are added, once per distinct target.
 */
function ownAndPartitionForeignKeys(table: Table, catalog: Catalog): ForeignKey[] {
  const fks = [...table.foreignKeys];
  if (table.kind !== 'partitioned') return fks;
  const signature = (fk: ForeignKey) => JSON.stringify([fk.columns, fk.references]);
  const seen = new Set(fks.map(signature));
  for (const name of table.partitions) {
    const partition = catalog.tables.find((t) => qualifiedName(t.schema, t.name) === name);
    for (const fk of partition?.foreignKeys ?? []) {
      if (seen.has(signature(fk))) continue;
      seen.add(signature(fk));
      fks.push(fk);
    }
  }
  return fks;
}

function adjustable(column: string, fkOf: Map<string, ForeignKey>, stable: Set<string>): boolean {
  return !fkOf.has(column) && !stable.has(column);
}

function chooseGenerator(
  column: Column,
  table: Table,
  catalog: Catalog,
  domain: ValueDomain | undefined,
  fk: ForeignKey | undefined,
  keySlot: { slots: PartitionSlot[]; reason: string } | null,
): { generator: GeneratorSpec; reason: string } {
  if (column.generated !== null) return { generator: { kind: 'omit' }, reason: 'generated' };
  if (domain?.isNull) return { generator: { kind: 'null' }, reason: 'check:IS NULL' };
  if (fk) {
    const implicit = fk.name.startsWith('implicit:');
    return { generator: { kind: 'fk', constraint: fk.name }, reason: implicit ? `implicit-fk:${fk.references.table}.${fk.references.columns[0]}` : 'fk' };
  }
  if (domain?.isNull) return { generator: { kind: 'null' }, reason: 'check:IS NULL' };
  const base = column.type.base;
  // the table's own partition key, or a column its trigger copies into another table's partition key
  if (keySlot && isBuiltinBase(base)) {
    return { generator: { kind: 'partition-key', slots: keySlot.slots, base }, reason: keySlot.reason };
  }
  if (domain?.values && domain.values.length > 0) {
    // the set, minus what the same CHECKs' bounds and exclusions rule out
    const values = domain.values.filter((v) => satisfies(v, { ...domain, values: null, notNull: false }));
    return { generator: { kind: 'pick', values }, reason: domain.sources.find((s) => s.startsWith('check:')) ?? 'check:IN' };
  }
  const narrow = narrowIntegerSet(base, domain);
  if (narrow) return { generator: { kind: 'pick', values: narrow }, reason: 'check:range, check:<>' };
  if (column.type.enum) {
    const labels = catalog.enums.find((e) => qualifiedName(e.schema, e.name) === column.type.enum)?.labels ?? [];
    // `CHECK (e <> 'label')` rules a label out for good, not just usually
    const allowed = domain && domain.notEqual.length > 0 ? labels.filter((l) => satisfies(l, { ...domain, values: null, notNull: false, min: null, max: null })) : labels;
    return { generator: { kind: 'pick', values: [...(allowed.length > 0 ? allowed : labels)] }, reason: domain?.notEqual.length ? 'enum, check:<>' : 'enum' };
  }
  // an extension's domain (earthdistance's `earth`) has checks we cannot see: do not guess
  const foreignDomain = column.type.domain !== null && !catalog.domains.some((d) => qualifiedName(d.schema, d.name) === column.type.domain);
  if (!isBuiltinBase(base) || foreignDomain) {
    if (column.default !== null) return { generator: { kind: 'omit' }, reason: `default (no generator for ${base})` };
    if (!column.notNull) return { generator: { kind: 'null' }, reason: `null (no generator for ${base})` };
    return { generator: { kind: 'unsupported', type: column.type.sql }, reason: `type:${base}` };
  }
  if (column.type.category === 'string' || base === 'citext') {
    const named = kindFromName(column, table);
    if (named) return { generator: { kind: 'semantic', semantic: named.kind }, reason: named.reason };
  }
  if (domain?.sources.includes('name:birth_date')) return { generator: { kind: 'type', base }, reason: 'name:birth_date' };
  return { generator: { kind: 'type', base }, reason: `type:${base}` };
}

const INTEGER_BASES = new Set(['int2', 'int4', 'int8']);
/** Largest integer range whose `<>` exclusions are applied by listing what is left. */
const NARROW_RANGE = 256;

/**
 * `CHECK (x <> 0) CHECK (x BETWEEN 0 AND 1)`: an integer range so small that redrawing until a value
 * misses the exclusions would often fail; list the values left instead (none left: the table is reported).
 */
function narrowIntegerSet(base: string, domain: ValueDomain | undefined): number[] | null {
  if (!domain || domain.notEqual.length === 0 || !INTEGER_BASES.has(base)) return null;
  if (typeof domain.min !== 'number' || typeof domain.max !== 'number') return null;
  const low = Math.ceil(domain.min) + (domain.minInclusive || !Number.isInteger(domain.min) ? 0 : 1);
  const high = Math.floor(domain.max) - (domain.maxInclusive || !Number.isInteger(domain.max) ? 0 : 1);
  if (high < low || high - low + 1 > NARROW_RANGE) return null;
  const values: number[] = [];
  for (let v = low; v <= high; v++) if (satisfies(v, { ...domain, values: null, notNull: false })) values.push(v);
  return values;
}

const INJECTABLE = new Set(['int2', 'int4', 'int8', 'numeric', 'float4', 'float8', 'text', 'varchar', 'bpchar', 'citext', 'name', 'uuid', 'bytea', 'money', 'date', 'timestamp', 'timestamptz', 'inet']);

/**
 * For each unique key, one column that varies injectively with the row index carries its
 * uniqueness. A key made only of FK and finite columns (a junction table) instead becomes the
 * table's radix key: its parent rows are chosen as distinct combinations.
 */
function uniqueness(
  table: Table,
  fkOf: Map<string, ForeignKey>,
  constraints: TableConstraints,
): { injective: Set<string>; radixKeys: RadixKey[] } {
  const injective = new Set<string>();
  const radixKeys: (RadixKey & { links: { foreignKey: string; follows: string }[] })[] = [];
  const inRadix = new Set<string>();
  const keys = [
    ...(table.primaryKey ? [{ name: table.primaryKey.name, columns: table.primaryKey.columns }] : []),
    ...table.uniques.map((u) => ({ name: u.name, columns: keyColumns(u.parts, table) })),
  ];
  // narrow keys first: a key that contains a key already unique is unique too
  keys.sort((a, b) => a.columns.length - b.columns.length);
  const satisfied: (readonly string[])[] = [];
  for (const k of keys) {
    if (k.columns.length === 0) continue;
    if (satisfied.some((s) => s.every((c) => k.columns.includes(c)))) continue;
    satisfied.push(k.columns);
    const finite = (c: string) => {
      const column = table.columns.find((x) => x.name === c);
      return (constraints.domains.get(c)?.values?.length ?? 0) > 0 || column?.type.enum != null || column?.type.base === 'bool'
        || (column !== undefined && shortCodeValues(column) !== null);
    };
    const candidates = k.columns.filter((c) => {
      const column = table.columns.find((x) => x.name === c);
      return column && !fkOf.has(c) && !finite(c) && column.generated === null && column.type.arrayDims === 0 && INJECTABLE.has(column.type.base);
    }).sort((a, b) => injectivePreference(table, a) - injectivePreference(table, b));
    if (candidates.some((c) => injective.has(c))) continue;
    if (candidates.length > 0) {
      injective.add(candidates[0]!);
      continue;
    }
    const fks = [...new Set(k.columns.filter((c) => fkOf.has(c)).map((c) => fkOf.get(c)!.name))];
    const fkColumns = table.foreignKeys.filter((f) => fks.includes(f.name)).flatMap((f) => f.columns);
    const finiteColumns = k.columns.filter((c) => !fkOf.has(c) && finite(c));
    if ([...k.columns, ...fkColumns].some((c) => inRadix.has(c))) {
      // (namespace, item) and (project, item): the project follows the namespace's digit, so its pairs are distinct too
      const link = linkTo(radixKeys, fks, finiteColumns);
      if (link) {
        link.key.links.push({ foreignKey: link.extra, follows: link.follows });
        for (const c of table.foreignKeys.find((f) => f.name === link.extra)!.columns) inRadix.add(c);
      }
      continue;
    }
    radixKeys.push({ name: k.name, foreignKeys: fks, finiteColumns, links: [] });
    for (const c of [...k.columns, ...fkColumns]) inRadix.add(c);
  }
  return { injective, radixKeys };
}

/**
 * A key that differs from a radix key by exactly one FK on each side (same finite columns, same
 * other FKs) can ride on it: its own FK takes the other one's digit.
 */
function linkTo(
  radixKeys: (RadixKey & { links: { foreignKey: string; follows: string }[] })[],
  fks: readonly string[],
  finiteColumns: readonly string[],
): { key: RadixKey & { links: { foreignKey: string; follows: string }[] }; extra: string; follows: string } | null {
  for (const key of radixKeys) {
    if (key.finiteColumns.length !== finiteColumns.length || !key.finiteColumns.every((c) => finiteColumns.includes(c))) continue;
    const mine = fks.filter((f) => !key.foreignKeys.includes(f));
    const theirs = key.foreignKeys.filter((f) => !fks.includes(f));
    if (mine.length === 1 && theirs.length === 1 && !key.links.some((l) => l.foreignKey === mine[0])) {
      return { key, extra: mine[0]!, follows: theirs[0]! };
    }
  }
  return null;
}

/**
 * Which column of a key should carry uniqueness: a sequence- or identity-fed key first, then
 * integers, uuids and text; timestamps last, and never a partition key when there is a choice.
 */
function injectivePreference(table: Table, name: string): number {
  const column = table.columns.find((c) => c.name === name)!;
  const partitionKey = table.partitionKey?.columns.includes(name) ? 100 : 0;
  if (column.sequence !== null || column.identity !== null) return partitionKey;
  const base = column.type.base;
  if (['int2', 'int4', 'int8', 'numeric'].includes(base)) return partitionKey + 1;
  if (base === 'uuid') return partitionKey + 2;
  if (['text', 'varchar', 'bpchar', 'citext', 'name'].includes(base)) return partitionKey + 3;
  return partitionKey + 10;
}

const CODE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A text column of at most 2 characters holds few distinct values: list them (36 or 1,296). */
export function shortCodeValues(column: Column): (string | boolean)[] | null {
  const t = column.type;
  if (!['varchar', 'bpchar', 'char'].includes(t.base) || t.length === null || t.length > 2 || t.arrayDims > 0) return null;
  const singles = [...CODE_ALPHABET];
  return t.length === 1 ? singles : singles.flatMap((a) => singles.map((b) => a + b));
}

/** Columns of the table an expression mentions (VALUE of a domain check stands for `valueColumn`). */
function mentionedColumns(expression: string, table: Table, valueColumn?: string): string[] {
  const found = table.columns.filter((c) => mentions(expression, c.name)).map((c) => c.name);
  return valueColumn ? [...new Set([valueColumn, ...found])] : found;
}

function mentions(expression: string, column: string): boolean {
  return new RegExp(`(^|[^\\w"])"?${escapeRegex(column)}"?($|[^\\w"])`).test(expression);
}

/** Columns of a unique key: its plain columns and the columns its expressions mention. */
function keyColumns(parts: Table['uniques'][number]['parts'], table: Table): string[] {
  const columns: string[] = [];
  for (const p of parts) {
    if ('column' in p) columns.push(p.column);
    else for (const c of table.columns) if (mentions(p.expression, c.name)) columns.push(c.name);
  }
  return [...new Set(columns)];
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One entry per check and column: a domain's CHECK is confirmed for each column of that domain. */
function dedupeChecks<T extends { name: string; column?: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const key = `${i.name}\0${i.column ?? ''}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

