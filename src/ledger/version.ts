import { existsSync, readFileSync } from 'node:fs';

/** The version in our package.json, found by walking up from this file (src/ledger/ or dist/src/ledger/). */
export function autoseedVersion(): string {
  for (let dir = new URL('.', import.meta.url); dir.pathname !== '/'; dir = new URL('..', dir)) {
    const file = new URL('package.json', dir);
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'autoseed' && pkg.version) return pkg.version;
  }
  return 'unknown';
}
