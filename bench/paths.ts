import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The autoseed checkout the bench runs from (the folder of its package.json), whether from bench/ or dist/bench/. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'autoseed') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('bench: the autoseed package folder was not found above this script');
    dir = up;
  }
}

export const ROOT = packageRoot();

/** The built CLI, run as a child process the way a user runs it. */
export const CLI = join(ROOT, 'dist', 'src', 'cli.js');

/** A source file of the bench (SQL, overrides files are read as they are, not built). */
export function benchSource(path: string): string {
  return join(ROOT, 'bench', path);
}

/** A built script of bench/workers/ (run as a child process). */
export function workerScript(name: string): string {
  return join(ROOT, 'dist', 'bench', 'workers', `${name}.js`);
}

export function projectFile(path: string): string {
  return join(ROOT, path);
}
