import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { readCatalog } from './read-catalog.js';
import { AutoseedError } from '../errors.js';
import { inferModel } from '../inference/infer.js';
import type { Io } from '../io.js';
import { schemaTypesFile } from '../overrides/schema-types.js';
import { overridesSkeleton } from '../overrides/skeleton.js';

/** The types file `autoseed init` writes next to the overrides file. */
export const SCHEMA_TYPES_FILE = 'autoseed-schema.d.ts';

export interface InitOptions {
  url: string;
  connectTimeout: number;
  /** The overrides file to write (absolute); the types file goes next to it. */
  file: string;
  /** Overwrite existing files. */
  yes: boolean;
  /** Folder paths are shown relative to (default: the process's working folder). */
  cwd?: string;
}

/**
 * `autoseed init`: reads the live schema and writes `overrides.ts` (a commented skeleton of every
 * table and column, with what autoseed infers for it) and `autoseed-schema.d.ts` (the schema as
 * TypeScript types, so `defineOverrides<Schema>` rejects misspelt names). Refuses to overwrite
 * either file without `--yes`, before connecting.
 */
export async function runInit(options: InitOptions, io: Io): Promise<number> {
  const typesFile = join(dirname(options.file), SCHEMA_TYPES_FILE);
  const show = (path: string) => relative(options.cwd ?? process.cwd(), path) || path;
  const existing = [options.file, typesFile].filter((f) => existsSync(f));
  if (existing.length > 0 && !options.yes) throw new AutoseedError('INIT_WOULD_OVERWRITE', { files: existing.map(show) });

  const catalog = await readCatalog(options);
  const model = await inferModel(catalog, { seed: 1 });
  const typesModule = `./${SCHEMA_TYPES_FILE.replace(/\.d\.ts$/, '.js')}`;
  await writeFile(typesFile, schemaTypesFile(catalog));
  await writeFile(options.file, overridesSkeleton(model, catalog, typesModule));
  const columns = model.tables.reduce((n, t) => n + t.columns.length, 0);
  io.stdout(
    `Wrote ${show(options.file)} (${model.tables.length} tables, ${columns} columns) and ${show(typesFile)} (their types).\n` +
    `Next: uncomment and edit what you want in ${show(options.file)}, check it with "autoseed plan", seed with "autoseed".\n`,
  );
  return 0;
}
