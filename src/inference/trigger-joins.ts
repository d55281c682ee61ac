import { parseSync } from 'libpg-query';
import { type Catalog, type QualifiedName, type Table, qualifiedName } from '../catalog.js';
import type { Node } from './checks/ast.js';
import { firesOnInsert, resolveTable, triggerSearchPath } from './trigger-tables.js';

/**
 * An FK column that INSERT triggers compare with another column of the table it references.
 * musicbrainz' `prevent_invalid_attributes` accepts a link attribute only when
 * `link_type_attribute_type.attribute_type = link_attribute_type.root`: the whitelist's FK to
 * `link_attribute_type(id)` must name rows that are some row's `root`, not any row. Rows chosen
 * that way are the ones the trigger can find.
 */
export interface JoinSteer {
  /** The name of the FK (single-column) that is steered. */
  readonly foreignKey: string;
  /** The FK column of the table being seeded. */
  readonly column: string;
  /** The referenced table. */
  readonly parent: QualifiedName;
  /** The parent's column the trigger compares it with (not the referenced one). */
  readonly parentColumn: string;
}

const cache = new WeakMap<Catalog, Map<QualifiedName, JoinSteer[]>>();

/** Every steer the catalog's INSERT triggers imply, by the table whose FK column they steer. */
export function triggerJoinSteers(catalog: Catalog): Map<QualifiedName, JoinSteer[]> {
  const known = cache.get(catalog);
  if (known) return known;
  const out = new Map<QualifiedName, JoinSteer[]>();
  const byName = new Map(catalog.tables.map((t) => [qualifiedName(t.schema, t.name), t]));
  for (const table of catalog.tables) {
    for (const trigger of table.triggers.filter(firesOnInsert)) {
      const searchPath = triggerSearchPath(table, trigger);
      for (const query of selectStatements(trigger.functionSource!)) {
        for (const [left, right] of columnEqualities(query, catalog, searchPath)) {
          for (const [own, other] of [[left, right], [right, left]] as const) {
            const steer = steerOf(own, other, byName);
            if (!steer) continue;
            const list = out.get(own.table) ?? [];
            if (!list.some((s) => s.foreignKey === steer.foreignKey && s.parentColumn === steer.parentColumn)) list.push(steer);
            out.set(own.table, list);
          }
        }
      }
    }
  }
  cache.set(catalog, out);
  return out;
}

interface ColumnOf {
  readonly table: QualifiedName;
  readonly column: string;
}

/** `own.column` is a single-column FK into `other.table`, compared with a column it does not reference. */
function steerOf(own: ColumnOf, other: ColumnOf, byName: Map<QualifiedName, Table>): JoinSteer | null {
  const table = byName.get(own.table);
  const parent = byName.get(other.table);
  if (!table || !parent || !parent.columns.some((c) => c.name === other.column)) return null;
  const fk = table.foreignKeys.find((f) => f.columns.length === 1 && f.columns[0] === own.column &&
    qualifiedName(f.references.schema, f.references.table) === other.table);
  if (!fk || fk.references.columns[0] === other.column) return null;
  return { foreignKey: fk.name, column: own.column, parent: other.table, parentColumn: other.column };
}

/**
 * The SELECT statements of a PL/pgSQL or SQL body, as text PostgreSQL's parser reads: each runs
 * from a SELECT (not inside one already taken) to the `;`, the parenthesis that closes around it,
 * or a THEN / LOOP. Comments are dropped and string literals emptied first.
 */
export function selectStatements(source: string): string[] {
  const code = source
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/'(?:[^']|'')*'/g, "''");
  const out: string[] = [];
  const start = /\bselect\b/gi;
  let m: RegExpExecArray | null;
  while ((m = start.exec(code)) !== null) {
    const end = statementEnd(code, m.index);
    out.push(code.slice(m.index, end));
    start.lastIndex = end;
  }
  return out;
}

function statementEnd(code: string, from: number): number {
  let depth = 0;
  const stop = /[();]|\b(?:then|loop)\b/gi;
  stop.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = stop.exec(code)) !== null) {
    if (m[0] === '(') depth++;
    else if (m[0] === ')') {
      if (depth === 0) return m.index;
      depth--;
    } else if (depth === 0) return m.index;
  }
  return code.length;
}

/**
 * `a.x = b.y` comparisons of a statement whose aliases name catalog tables. An alias naming two
 * different tables in the statement is ambiguous and skipped; so is a statement that does not parse.
 */
export function columnEqualities(query: string, catalog: Catalog, searchPath: (string | null)[]): [ColumnOf, ColumnOf][] {
  let tree: Node;
  try {
    tree = parseSync(query) as Node;
  } catch {
    return [];
  }
  const aliases = new Map<string, QualifiedName | null>();
  const pairs: [string[], string[]][] = [];
  walk(tree, (node) => {
    const range = node.RangeVar as Node | undefined;
    if (range && typeof range.relname === 'string') {
      const key = resolveTable({ schema: range.schemaname ?? null, name: range.relname }, catalog, searchPath);
      const alias = (range.alias?.aliasname as string | undefined) ?? range.relname;
      if (key) aliases.set(alias, aliases.has(alias) && aliases.get(alias) !== key ? null : key);
    }
    const expr = node.A_Expr as Node | undefined;
    if (expr?.kind === 'AEXPR_OP' && expr.name?.length === 1 && expr.name[0]?.String?.sval === '=') {
      const l = qualifiedRef(expr.lexpr);
      const r = qualifiedRef(expr.rexpr);
      if (l && r) pairs.push([l, r]);
    }
  });
  const resolved = ([alias, column]: string[]): ColumnOf | null => {
    const table = aliases.get(alias!);
    return table ? { table, column: column! } : null;
  };
  return pairs.flatMap(([l, r]) => {
    const a = resolved(l);
    const b = resolved(r);
    return a && b && a.table !== b.table ? [[a, b] as [ColumnOf, ColumnOf]] : [];
  });
}

/** `alias.column` → [alias, column]; anything else undefined. */
function qualifiedRef(node: Node | undefined): string[] | undefined {
  const fields = node?.ColumnRef?.fields as Node[] | undefined;
  if (fields?.length !== 2) return undefined;
  const names = fields.map((f) => f.String?.sval);
  return names.every((n): n is string => typeof n === 'string') ? names : undefined;
}

function walk(node: unknown, visit: (n: Node) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  visit(node as Node);
  for (const value of Object.values(node)) walk(value, visit);
}
