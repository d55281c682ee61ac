import { type Catalog, type QualifiedName, type Table, qualifiedName } from '../catalog.js';

/**
 * Tables a table's INSERT triggers read (`FROM x`, `JOIN x` in their SQL or PL/pgSQL body): a
 * trigger that checks a row against a whitelist table (musicbrainz' `prevent_invalid_attributes`)
 * can only accept rows once that table has rows, so those tables are seeded first where the
 * foreign keys allow it. Deferred constraint triggers run at COMMIT, when every table is full:
 * they impose no order. Names are matched against the catalog; what is not a table is ignored.
 */
export function tablesTriggersRead(table: Table, catalog: Catalog): QualifiedName[] {
  const own = qualifiedName(table.schema, table.name);
  const reads = new Set<QualifiedName>();
  for (const trigger of table.triggers) {
    if (trigger.enabled === 'disabled' || !trigger.events.includes('insert') || trigger.functionSource === null) continue;
    if (trigger.constraint && trigger.initiallyDeferred) continue;
    const functionSchema = trigger.function.includes('.') ? trigger.function.slice(0, trigger.function.indexOf('.')) : null;
    for (const name of readNames(trigger.functionSource)) {
      const key = resolve(name, catalog, [table.schema, functionSchema, 'public']);
      if (key && key !== own) reads.add(key);
    }
  }
  return [...reads].sort();
}

const IDENT = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)`;
const READ = new RegExp(String.raw`\b(delete\s+)?(?:from|join)\s+(${IDENT}(?:\s*\.\s*${IDENT})?)`, 'gi');

/** `schema.table` or `table` names after FROM / JOIN (not DELETE FROM), comments and literals removed. */
export function readNames(source: string): { schema: string | null; name: string }[] {
  const code = source
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/'(?:[^']|'')*'/g, "''");
  const names: { schema: string | null; name: string }[] = [];
  for (const m of code.matchAll(READ)) {
    if (m[1]) continue;
    const parts = m[2]!.split(/\s*\.\s*(?=(?:"|[A-Za-z_]))/).map(unquote);
    names.push(parts.length === 2 ? { schema: parts[0]!, name: parts[1]! } : { schema: null, name: parts[0]! });
  }
  return names;
}

function unquote(identifier: string): string {
  return identifier.startsWith('"') ? identifier.slice(1, -1).replace(/""/g, '"') : identifier.toLowerCase();
}

function resolve(ref: { schema: string | null; name: string }, catalog: Catalog, searchPath: (string | null)[]): QualifiedName | null {
  const matches = catalog.tables.filter((t) => t.name === ref.name && (ref.schema === null || t.schema === ref.schema));
  if (matches.length === 1) return qualifiedName(matches[0]!.schema, matches[0]!.name);
  for (const schema of searchPath) {
    const hit = matches.find((t) => t.schema === schema);
    if (hit) return qualifiedName(hit.schema, hit.name);
  }
  return null;
}
