import { type Catalog, type QualifiedName, type Table, type Trigger, qualifiedName } from '../catalog.js';
import { type PartitionSlot, partitionSlotsOf } from './partition-bounds.js';

/**
 * Tables a table's INSERT triggers read (`FROM x`, `JOIN x` in their SQL or PL/pgSQL body): a
 * trigger that checks a row against a whitelist table (musicbrainz' `prevent_invalid_attributes`)
 * can only accept rows once that table has rows, so those tables are seeded first where the
 * foreign keys allow it. Deferred constraint triggers run at COMMIT, when every table is full:
 * they impose no order. Names are matched against the catalog; what is not a table is ignored.
 */
export function tablesTriggersRead(table: Table, catalog: Catalog): QualifiedName[] {
  return triggerTables(table, catalog, READ);
}

/**
 * Tables a table's INSERT triggers write rows into (`INSERT INTO x`): gitlab's partitioning
 * migrations copy every new `uploads` row into a LIST-partitioned twin.
 */
export function tablesTriggersInsertInto(table: Table, catalog: Catalog): QualifiedName[] {
  return triggerTables(table, catalog, INSERT);
}

/**
 * Columns whose values an INSERT trigger copies into another table's partition key: they must
 * land in one of that table's partitions (no DEFAULT partition), so they are aimed at them.
 * The column is matched by name and type category, as sync triggers copy `NEW.col` into `col`.
 */
export function triggerPartitionSlots(table: Table, catalog: Catalog): Map<string, { slots: PartitionSlot[]; reason: string }> {
  const out = new Map<string, { slots: PartitionSlot[]; reason: string }>();
  for (const key of tablesTriggersInsertInto(table, catalog)) {
    const target = catalog.tables.find((t) => qualifiedName(t.schema, t.name) === key);
    const column = target?.partitionKey?.columns.length === 1 ? target.partitionKey.columns[0]! : null;
    const slots = target && column ? partitionSlotsOf(target, catalog) : null;
    if (!target || !column || !slots || out.has(column)) continue;
    const own = table.columns.find((c) => c.name === column);
    const theirs = target.columns.find((c) => c.name === column);
    if (own && theirs && own.type.category === theirs.type.category && own.generated === null) out.set(column, { slots, reason: `trigger-partition:${key}` });
  }
  return out;
}

function triggerTables(table: Table, catalog: Catalog, pattern: RegExp): QualifiedName[] {
  const own = qualifiedName(table.schema, table.name);
  const found = new Set<QualifiedName>();
  for (const trigger of table.triggers.filter(firesOnInsert)) {
    const searchPath = triggerSearchPath(table, trigger);
    for (const name of tableNames(trigger.functionSource!, pattern)) {
      const key = resolveTable(name, catalog, searchPath);
      if (key && key !== own) found.add(key);
    }
  }
  return [...found].sort();
}

/**
 * Where an unqualified table name in a trigger's body is looked for: the table's schema, the
 * function's, then public (the server's search_path at run time is not known here).
 */
export function triggerSearchPath(table: Table, trigger: Trigger): (string | null)[] {
  const functionSchema = trigger.function.includes('.') ? trigger.function.slice(0, trigger.function.indexOf('.')) : null;
  return [table.schema, functionSchema, 'public'];
}

/** An enabled trigger that fires on INSERT before COMMIT, with a body we can read. */
export function firesOnInsert(trigger: Trigger): boolean {
  if (trigger.enabled === 'disabled' || !trigger.events.includes('insert') || trigger.functionSource === null) return false;
  return !(trigger.constraint && trigger.initiallyDeferred);
}

const IDENT = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)`;
const NAME = String.raw`(${IDENT}(?:\s*\.\s*${IDENT})?)`;
/** FROM / JOIN (group 1 set for DELETE FROM, which is no read). */
const READ = new RegExp(String.raw`\b(delete\s+)?(?:from|join)\s+${NAME}`, 'gi');
const INSERT = new RegExp(String.raw`\b()insert\s+into\s+${NAME}`, 'gi');

/** `schema.table` or `table` names the pattern finds, comments and literals removed. */
export function tableNames(source: string, pattern: RegExp = READ): { schema: string | null; name: string }[] {
  const code = source
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/'(?:[^']|'')*'/g, "''");
  const names: { schema: string | null; name: string }[] = [];
  for (const m of code.matchAll(pattern)) {
    if (m[1]) continue;
    const parts = m[2]!.split(/\s*\.\s*(?=(?:"|[A-Za-z_]))/).map(unquote);
    names.push(parts.length === 2 ? { schema: parts[0]!, name: parts[1]! } : { schema: null, name: parts[0]! });
  }
  return names;
}

function unquote(identifier: string): string {
  return identifier.startsWith('"') ? identifier.slice(1, -1).replace(/""/g, '"') : identifier.toLowerCase();
}

/** A table name as the function would resolve it: unique in the catalog, else by the search path. */
export function resolveTable(ref: { schema: string | null; name: string }, catalog: Catalog, searchPath: (string | null)[]): QualifiedName | null {
  const matches = catalog.tables.filter((t) => t.name === ref.name && (ref.schema === null || t.schema === ref.schema));
  if (matches.length === 1) return qualifiedName(matches[0]!.schema, matches[0]!.name);
  for (const schema of searchPath) {
    const hit = matches.find((t) => t.schema === schema);
    if (hit) return qualifiedName(hit.schema, hit.name);
  }
  return null;
}
