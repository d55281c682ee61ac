import type { Catalog, ForeignKey, QualifiedName, Table } from '../catalog.js';
import { AutoseedError } from '../errors.js';
import type { SeedModel } from '../inference/model.js';
import { isList } from './compile.js';
import { didYouMean } from './suggest.js';
import { lookupTable } from './table-names.js';
import type { Overrides } from './types.js';
import { columnTarget, show, valueProblem } from './value-check.js';

const FILE_KEYS = ['seed', 'rows', 'tables'];
const TABLE_KEYS = ['rows', 'skip', 'perParent', 'columns'];

/**
 * Checks an overrides file against the database: every problem is collected, then thrown at
 * once as OVERRIDES_INVALID. Column functions are checked later, on each row they produce.
 * `model` (when given) adds the CHECK domains and the implicit FKs inference found.
 */
export function validateOverrides(overrides: unknown, catalog: Catalog, model: SeedModel | null, file: string): asserts overrides is Overrides {
  const problems = overrideProblems(overrides, catalog, model);
  if (problems.length > 0) throw new AutoseedError('OVERRIDES_INVALID', { file, problems });
}

/** Every problem of `overrides`, as one line each ('' problems: valid). */
export function overrideProblems(overrides: unknown, catalog: Catalog, model: SeedModel | null): string[] {
  const problems = fileProblems(overrides);
  if (!isObject(overrides) || !isObject(overrides.tables)) return problems;
  const seen = new Map<QualifiedName, string>();
  for (const [name, settings] of Object.entries(overrides.tables)) {
    const found = lookupTable(name, catalog);
    if (!found.ok) {
      problems.push(`tables: ${found.problem}`);
      continue;
    }
    const earlier = seen.get(found.key);
    if (earlier !== undefined) problems.push(`tables: "${name}" and "${earlier}" are the same table (${found.key}); merge them`);
    seen.set(found.key, name);
    tableProblems(name, settings, found.table, found.key, catalog, model, problems);
  }
  return problems;
}

/** The file-level settings (seed, rows, the shape of tables): checked when the file loads, before connecting. */
export function fileProblems(overrides: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(overrides)) return [`the default export is ${show(overrides)}, not an object`];
  unknownKeys(overrides, FILE_KEYS, '', problems);
  if (overrides.seed !== undefined && !isWhole(overrides.seed, 0)) problems.push(`seed: ${show(overrides.seed)} is not a whole number >= 0`);
  if (overrides.rows !== undefined && !isWhole(overrides.rows, 1)) problems.push(`rows: ${show(overrides.rows)} is not a positive whole number`);
  if (overrides.tables !== undefined && !isObject(overrides.tables)) problems.push(`tables: ${show(overrides.tables)} is not an object of table name → settings`);
  return problems;
}

function tableProblems(
  name: string, settings: unknown, table: Table, key: QualifiedName, catalog: Catalog, model: SeedModel | null, problems: string[],
): void {
  const at = `tables["${name}"]`;
  if (!isObject(settings)) {
    problems.push(`${at}: ${show(settings)} is not an object ({ rows, skip, perParent, columns })`);
    return;
  }
  unknownKeys(settings, TABLE_KEYS, `${at}.`, problems);
  if (settings.rows !== undefined && !isWhole(settings.rows, 1)) problems.push(`${at}.rows: ${show(settings.rows)} is not a positive whole number`);
  if (settings.skip !== undefined && typeof settings.skip !== 'boolean') problems.push(`${at}.skip: ${show(settings.skip)} is not true or false`);
  const tableModel = model?.tables.find((t) => t.key === key);
  if (settings.perParent !== undefined) {
    perParentProblems(settings.perParent, [...table.foreignKeys, ...(tableModel?.foreignKeys ?? [])], `${at}.perParent`, problems);
    if (settings.rows !== undefined) problems.push(`${at}: give rows or perParent, not both (with perParent the rows are the sum of every parent's children)`);
  }
  if (settings.columns === undefined) return;
  if (!isObject(settings.columns)) {
    problems.push(`${at}.columns: ${show(settings.columns)} is not an object of column name → override`);
    return;
  }
  for (const [columnName, value] of Object.entries(settings.columns)) {
    const where = `${at}.columns.${columnName}`;
    const column = table.columns.find((c) => c.name === columnName);
    if (!column) {
      problems.push(`${at}.columns: unknown column "${columnName}" in ${key}${didYouMean(columnName, table.columns.map((c) => c.name))}`);
      continue;
    }
    if (column.generated !== null) {
      problems.push(`${where}: the column is GENERATED ALWAYS AS (${column.generated}): PostgreSQL computes it, remove the override`);
      continue;
    }
    if (typeof value === 'function') continue;
    const target = columnTarget(column, catalog, tableModel?.columns.find((c) => c.name === columnName)?.domain);
    if (isList(value, column.type.arrayDims)) {
      if (value.length === 0) problems.push(`${where}: an empty list gives no value to pick`);
      value.forEach((item, k) => {
        const problem = valueProblem(item, target);
        if (problem) problems.push(`${where}[${k}]: ${problem}`);
      });
      continue;
    }
    const problem = valueProblem(value, target);
    if (problem) problems.push(`${where}: ${problem}`);
    else if (value !== null && singleColumnKey(table, columnName)) {
      problems.push(`${where}: a constant in a unique column fits one row only; give a list or a function`);
    }
  }
}

/** `perParent: { author_id: [0, 25] }`: an FK of the table (column or constraint name) → a range of children. */
function perParentProblems(perParent: unknown, fks: readonly ForeignKey[], at: string, problems: string[]): void {
  if (!isObject(perParent)) {
    problems.push(`${at}: ${show(perParent)} is not an object of FK → [min, max]`);
    return;
  }
  const entries = Object.entries(perParent);
  if (entries.length > 1) problems.push(`${at}: one FK per table (the rows follow its parents), got ${entries.map(([k]) => `"${k}"`).join(', ')}`);
  for (const [name, range] of entries) {
    if (!foreignKeyNamed(name, fks)) {
      const names = [...fks.map((f) => f.name), ...fks.flatMap((f) => f.columns)];
      const known = fks.length === 0 ? ' (the table has no foreign key)' : didYouMean(name, names) || ` (its FKs: ${fks.map((f) => `${f.columns.join(', ')} (${f.name})`).join('; ')})`;
      problems.push(`${at}: "${name}" is not a foreign key of this table${known}`);
    }
    const ok = Array.isArray(range) && range.length === 2 && isWhole(range[0], 0) && isWhole(range[1], 0) && (range[0] as number) <= (range[1] as number);
    if (!ok) problems.push(`${at}.${name}: ${show(range)} is not [min, max] with whole numbers 0 <= min <= max`);
  }
}

/** The FK an overrides key names: its constraint name, or one of its columns (single-column FKs first). */
export function foreignKeyNamed(name: string, fks: readonly ForeignKey[]): ForeignKey | undefined {
  return fks.find((f) => f.name === name)
    ?? fks.find((f) => f.columns.length === 1 && f.columns[0] === name)
    ?? fks.find((f) => f.columns.includes(name));
}

/** The column alone is the primary key or a (non-partial) unique key. */
function singleColumnKey(table: Table, column: string): boolean {
  if (table.primaryKey?.columns.length === 1 && table.primaryKey.columns[0] === column) return true;
  return table.uniques.some((u) => u.parts.length === 1 && u.columns[0] === column && u.predicate === null);
}

function unknownKeys(object: Record<string, unknown>, known: readonly string[], prefix: string, problems: string[]): void {
  for (const key of Object.keys(object)) {
    if (!known.includes(key)) problems.push(`${prefix}${key}: unknown setting${didYouMean(key, known) || ` (known: ${known.join(', ')})`}`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isWhole(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min;
}
