import type { Catalog, Column, Table } from '../catalog.js';
import { qualifiedName } from '../catalog.js';
import { TS_TYPE, typeClass } from './type-class.js';

/**
 * The TypeScript type a column override produces: ints → number, bigint / numeric → string |
 * number, text-like → string, bool → boolean, dates and timestamps → string | Date, json →
 * unknown, arrays → arrays, enums → the union of their labels; `| null` when the column is nullable.
 */
export function tsType(column: Column, catalog: Catalog): string {
  const type = column.type;
  let scalar: string;
  if (typeClass(type) === 'enum') {
    const labels = catalog.enums.find((e) => qualifiedName(e.schema, e.name) === type.enum)?.labels ?? [];
    scalar = labels.length > 0 ? labels.map(tsString).join(' | ') : 'string';
  } else {
    scalar = TS_TYPE[typeClass(type) as Exclude<ReturnType<typeof typeClass>, 'enum'>];
  }
  let ts = scalar;
  if (type.arrayDims > 0) ts = `${scalar.includes(' ') ? `(${scalar})` : scalar}${'[]'.repeat(type.arrayDims)}`;
  const nullable = !column.notNull && !type.domainNotNull;
  // `unknown` already holds null
  return nullable && ts !== 'unknown' ? `${ts} | null` : ts;
}

/** The tables an overrides file may name: partitions are seeded through their parent. */
export function overridableTables(catalog: Catalog): Table[] {
  return catalog.tables.filter((t) => t.kind !== 'partition');
}

/** The columns an override may set: not the ones PostgreSQL computes (GENERATED … STORED). */
export function overridableColumns(table: Table): Column[] {
  return table.columns.filter((c) => c.generated === null);
}

/**
 * `autoseed-schema.d.ts`: one interface per table (column → TypeScript type) and `Schema`, table
 * name → interface, keyed schema-qualified and, when only one schema has the table, bare too.
 * `defineOverrides<Schema>(…)` then rejects unknown tables and columns and wrongly typed values.
 */
export function schemaTypesFile(catalog: Catalog): string {
  const tables = overridableTables(catalog);
  const names = interfaceNames(tables);
  const bareCount = new Map<string, number>();
  for (const t of tables) bareCount.set(t.name, (bareCount.get(t.name) ?? 0) + 1);
  const lines = [
    `// autoseed-schema.d.ts: the schema of database "${catalog.database}" (PostgreSQL ${catalog.serverVersion}), written by \`autoseed init\`.`,
    '// The tables and columns overrides.ts may name, and the TypeScript type each column override must produce.',
    '// Do not edit: run `autoseed init --yes` again after a schema change.',
    '',
  ];
  for (const t of tables) {
    lines.push(`/** ${qualifiedName(t.schema, t.name)} */`, `export interface ${names.get(t)} {`);
    for (const c of overridableColumns(t)) {
      lines.push(`  /** ${c.type.sql}${c.notNull ? ' NOT NULL' : ''} */`, `  ${tsKey(c.name)}: ${tsType(c, catalog)};`);
    }
    lines.push('}', '');
  }
  lines.push('/** Table name (schema-qualified, or bare when only one schema has it) → its columns. */', 'export interface Schema {');
  for (const t of tables) {
    lines.push(`  ${tsString(qualifiedName(t.schema, t.name))}: ${names.get(t)};`);
    if (bareCount.get(t.name) === 1 && !t.name.includes('.')) lines.push(`  ${tsKey(t.name)}: ${names.get(t)};`);
  }
  lines.push('}', '');
  return lines.join('\n');
}

/** `public.order_items` → `PublicOrderItems`, made unique. */
function interfaceNames(tables: readonly Table[]): Map<Table, string> {
  const used = new Set<string>(['Schema']);
  const names = new Map<Table, string>();
  for (const t of tables) {
    const pascalName = `${pascal(t.schema)}${pascal(t.name)}` || 'Table';
    const base = /^[A-Za-z_$]/.test(pascalName) ? pascalName : `T${pascalName}`;
    let name = base;
    for (let k = 2; used.has(name); k++) name = `${base}${k}`;
    used.add(name);
    names.set(t, name);
  }
  return names;
}

function pascal(text: string): string {
  return text.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

/** A property key: bare when it is an identifier, quoted otherwise. */
export function tsKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : tsString(name);
}

/** A single-quoted TypeScript string literal. */
export function tsString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}
