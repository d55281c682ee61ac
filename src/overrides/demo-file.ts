import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { demoSchemaFile } from '../commands/demo-server.js';

/** The demo schema's overrides file: `overrides.ts` at the root of this package (next to examples/). */
export function demoOverridesFile(): string {
  return join(dirname(demoSchemaFile()), '..', 'overrides.ts');
}

/**
 * True when `file` is the demo's overrides file, i.e. autoseed runs inside its own checkout:
 * that file describes the demo schema, not the database at hand, so it is not a default there.
 */
export function isDemoOverridesFile(file: string): boolean {
  if (!existsSync(file)) return false;
  let demo: string;
  try {
    demo = demoOverridesFile();
  } catch {
    // no package folder found: then there is no demo file either
    return false;
  }
  return existsSync(demo) && realpathSync(file) === realpathSync(demo);
}
