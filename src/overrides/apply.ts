import type { Catalog, QualifiedName } from '../catalog.js';
import type { ColumnModel, SeedModel, TableModel } from '../inference/model.js';
import { settleGeneratorChecks } from '../inference/generator-checks.js';
import type { PlanOptions } from '../planner/plan-types.js';
import { compileOverride, mayProduceSql } from './compile.js';
import { lookupTable } from './table-names.js';
import type { Overrides, TableOverrides } from './types.js';
import { foreignKeyNamed, validateOverrides } from './validate.js';
import { columnTarget } from './value-check.js';

/**
 * The model with an overrides file applied (after validating it: OVERRIDES_INVALID lists every
 * problem). Overridden columns get `{ kind: 'override' }` with reason `override` and decide
 * their own NULLs and uniqueness; `perParent` is keyed by FK constraint name; a table that may
 * hold a SQL expression (a `sql` value, or a function, which may return one) is written with
 * INSERT. Pure: `model` is not changed.
 */
export function applyOverrides(model: SeedModel, overrides: Overrides, catalog: Catalog, file = 'overrides.ts', path?: string): SeedModel {
  validateOverrides(overrides, catalog, model, file);
  const byKey = tablesByKey(overrides, catalog);
  if (byKey.size === 0) return model;
  return {
    ...model,
    tables: model.tables.map((t) => {
      const found = byKey.get(t.key);
      // rows and skip are plan options: only columns and perParent change the table's model
      if (!found || !(found.settings.columns || found.settings.perParent)) return t;
      return applyToTable(t, found.settings, catalog, file, path === undefined ? undefined : { path, entry: found.entry });
    }),
  };
}

/** `from` the file's path and the table's entry in it: function overrides carry where they came from (FunctionSource). */
function applyToTable(t: TableModel, settings: TableOverrides, catalog: Catalog, file: string, from?: { path: string; entry: string }): TableModel {
  const given = (settings.columns ?? {}) as Readonly<Record<string, unknown>>;
  let insertOnly = t.insertOnly;
  const columns = t.columns.map((c): ColumnModel => {
    if (!Object.hasOwn(given, c.name) || given[c.name] === undefined) return c;
    const target = columnTarget(c.column, catalog, c.domain);
    const site = { file, table: t.key, column: c.name };
    const compiled = compileOverride(given[c.name], target, site);
    const override = compiled.kind === 'function' && from ? { ...compiled, source: { ...from, column: c.name, target, site } } : compiled;
    insertOnly ||= mayProduceSql(override);
    return { ...c, generator: { kind: 'override', override }, reason: 'override', nullRate: 0, injective: false, slot: null };
  });
  const perParent: Record<string, readonly [number, number]> = { ...t.perParent };
  for (const [name, range] of Object.entries(settings.perParent ?? {})) {
    const fk = foreignKeyNamed(name, t.foreignKeys);
    if (fk) perParent[fk.name] = [range[0], range[1]];
  }
  // an overridden column may no longer ensure a CHECK its generator did (a regex, a non-empty range)
  const { generatorChecks, unverifiedChecks } = settleGeneratorChecks(columns, t.relations, t.generatorChecks ?? [], t.unverifiedChecks);
  return { ...t, columns, perParent, insertOnly, generatorChecks, unverifiedChecks };
}

/** Table settings by qualified table key (the file may use bare names), with the entry's name as written. */
function tablesByKey(overrides: Overrides, catalog: Catalog): Map<QualifiedName, { entry: string; settings: TableOverrides }> {
  const map = new Map<QualifiedName, { entry: string; settings: TableOverrides }>();
  for (const [name, settings] of Object.entries(overrides.tables ?? {}) as [string, TableOverrides | undefined][]) {
    const found = lookupTable(name, catalog);
    if (found.ok && settings) map.set(found.key, { entry: name, settings });
  }
  return map;
}

/** What the command line asked for, which wins over the file. */
export interface CliSelection {
  readonly tables?: readonly string[];
  readonly exclude?: readonly string[];
}

/**
 * Plan options from the file: per-table `rows` (by qualified key) and `skip: true` tables added
 * to the exclusions — except a table `--tables` names: flags win over the file.
 */
export function planOptionsFromOverrides(overrides: Overrides, catalog: Catalog, cli: CliSelection = {}): Pick<PlanOptions, 'tableRows' | 'exclude'> {
  const named = new Set((cli.tables ?? []).map((n) => qualified(n, catalog)));
  const tableRows: Record<QualifiedName, number> = {};
  const exclude = [...(cli.exclude ?? [])];
  for (const [key, { settings }] of tablesByKey(overrides, catalog)) {
    if (settings.rows !== undefined) tableRows[key] = settings.rows;
    if (settings.skip === true && !named.has(key)) exclude.push(key);
  }
  return {
    ...(Object.keys(tableRows).length > 0 ? { tableRows } : {}),
    ...(exclude.length > 0 ? { exclude } : {}),
  };
}

function qualified(name: string, catalog: Catalog): string {
  const found = lookupTable(name, catalog);
  return found.ok ? found.key : name;
}
