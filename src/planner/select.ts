import type { QualifiedName } from '../catalog.js';
import { qualifiedName } from '../catalog.js';
import type { SeedModel } from '../inference/model.js';
import { AutoseedError } from '../errors.js';
import { fkNullable } from './fk-nullable.js';
import type { ExistingState, PlanOptions } from './plan-types.js';

export interface Selection {
  readonly mode: Map<QualifiedName, 'seed' | 'existing' | 'skip'>;
  readonly required: Set<QualifiedName>;
  readonly skip: Map<QualifiedName, { reason: string; fix: string | null }>;
  /** FKs written NULL because their parent has no rows and is not seeded. */
  readonly nullFks: Map<QualifiedName, string[]>;
}

/**
 * Which tables are seeded: the user's choice (`--tables`, `--exclude`), plus the parents a NOT
 * NULL FK needs when they hold no rows, minus the tables that cannot hold rows (and, through
 * NOT NULL FKs, the tables that need them).
 */
export function selectTables(model: SeedModel, existing: ExistingState, options: PlanOptions): Selection {
  const byKey = new Map(model.tables.map((t) => [t.key, t]));
  const resolve = (names: readonly string[] | undefined) => (names ?? []).map((n) => resolveName(n, model));
  const only = options.tables && options.tables.length > 0 ? new Set(resolve(options.tables)) : null;
  const excluded = new Set(resolve(options.exclude));

  const mode = new Map<QualifiedName, 'seed' | 'existing' | 'skip'>();
  const skip = new Map<QualifiedName, { reason: string; fix: string | null }>();
  const required = new Set<QualifiedName>();
  for (const t of model.tables) {
    if (t.skip) {
      mode.set(t.key, 'skip');
      skip.set(t.key, t.skip);
    } else if ((only && !only.has(t.key)) || excluded.has(t.key)) {
      mode.set(t.key, (existing.rows.get(t.key) ?? 0) > 0 ? 'existing' : 'skip');
    } else {
      mode.set(t.key, 'seed');
    }
  }

  // pull in parents a NOT NULL FK needs; drop children whose needed parent cannot have rows
  let changed = true;
  while (changed) {
    changed = false;
    for (const t of model.tables) {
      if (mode.get(t.key) !== 'seed') continue;
      for (const fk of t.foreignKeys) {
        // an implicit reference is a nicety: it never pulls tables in or keeps one out
        if (fkNullable(t, fk) || isImplicit(fk)) continue;
        const parent = qualifiedName(fk.references.schema, fk.references.table);
        const parentMode = mode.get(parent);
        if (parentMode === 'seed' || parentMode === 'existing' || parent === t.key) continue;
        const parentModel = byKey.get(parent);
        if (parentModel && !parentModel.skip && !excluded.has(parent)) {
          mode.set(parent, 'seed');
          required.add(parent);
        } else {
          mode.set(t.key, 'skip');
          skip.set(t.key, {
            reason: `its NOT NULL foreign key ${fk.name} needs rows in ${parent}, which ${parentModel?.skip ? 'cannot hold rows' : 'is excluded and empty'}`,
            fix: parentModel?.skip?.fix ?? `seed ${parent} too, or make ${fk.columns.join(', ')} nullable`,
          });
        }
        changed = true;
        break;
      }
    }
  }

  const nullFks = new Map<QualifiedName, string[]>();
  for (const t of model.tables) {
    if (mode.get(t.key) !== 'seed') continue;
    const dead = t.foreignKeys
      .filter((fk) => !isImplicit(fk) && mode.get(qualifiedName(fk.references.schema, fk.references.table)) === 'skip')
      .map((fk) => fk.name);
    if (dead.length > 0) nullFks.set(t.key, dead);
  }
  return { mode, required, skip, nullFks };
}

/** An FK autoseed inferred from names (see inference/implicit-fks.ts), not one the schema declares. */
export function isImplicit(fk: { name: string }): boolean {
  return fk.name.startsWith('implicit:');
}

function resolveName(name: string, model: SeedModel): QualifiedName {
  const exact = model.tables.find((t) => t.key === name);
  if (exact) return exact.key;
  const bare = model.tables.filter((t) => t.table.name === name);
  if (bare.length === 1) return bare[0]!.key;
  if (bare.length > 1) {
    throw new AutoseedError('USAGE', { message: `Table "${name}" is ambiguous: ${bare.map((t) => t.key).join(', ')}. Qualify it with its schema.` });
  }
  const near = model.tables.map((t) => t.key).filter((k) => k.includes(name.split('.').pop() ?? name)).slice(0, 3);
  throw new AutoseedError('USAGE', {
    message: `No table "${name}" in this database.${near.length ? ` Did you mean ${near.join(', ')}?` : ''}`,
  });
}
