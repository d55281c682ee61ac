import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AutoseedError } from '../errors.js';
import { fileProblems } from './validate.js';
import { show } from './value-check.js';
import type { Overrides } from './types.js';

/** An overrides file as a run uses it. */
export interface LoadedOverrides {
  /** The path as given (for messages). */
  readonly file: string;
  /** The file loaded: worker threads load it again for its functions. */
  readonly path: string;
  readonly overrides: Overrides;
  /** sha256 of the file's text: part of the run's fingerprint (same file, same rows). */
  readonly fingerprint: string;
}

/**
 * Loads an overrides file (TypeScript or JavaScript, no build step) with jiti. A missing file is
 * `null` when it is the default `./overrides.ts` (`required: false`), OVERRIDES_NOT_FOUND when it
 * was asked for. A file that throws, or whose default export is not an object, is an error.
 * The file's `import … from 'autoseed'` always resolves to this autoseed, wherever it is installed.
 */
export async function loadOverrides(path: string, options: { required: boolean; label?: string }): Promise<LoadedOverrides | null> {
  const file = options.label ?? path;
  if (!existsSync(path)) {
    if (!options.required) return null;
    throw new AutoseedError('OVERRIDES_NOT_FOUND', { file });
  }
  const text = readFileSync(path, 'utf8');
  // loaded only when there is a file to load (a tenth of a second of start-up otherwise)
  const { createJiti } = await import('jiti');
  const jiti = createJiti(import.meta.url, {
    alias: { autoseed: selfEntry() },
    // transpiled files are cached under the system's temporary folder, keyed by their text:
    // the user's folder stays clean, an edited file is transpiled afresh, an unchanged one is not
    fsCache: transpileCache(),
    moduleCache: false,
    interopDefault: true,
  });
  let exported: unknown;
  try {
    const mod = await jiti.import<Record<string, unknown>>(path);
    exported = typeof mod === 'object' && mod !== null && 'default' in mod ? mod.default : undefined;
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    throw new AutoseedError('OVERRIDES_LOAD_FAILED', { file, detail: detail.replace(/\.+$/, '') }, { cause: error });
  }
  if (typeof exported !== 'object' || exported === null || Array.isArray(exported)) {
    throw new AutoseedError('OVERRIDES_NOT_AN_OBJECT', { file, got: describe(exported) });
  }
  // seed and rows are used before the catalog is read: check them now (tables are checked against it later)
  const problems = fileProblems(exported);
  if (problems.length > 0) throw new AutoseedError('OVERRIDES_INVALID', { file, problems });
  return { file, path, overrides: exported as Overrides, fingerprint: createHash('sha256').update(text).digest('hex') };
}

/**
 * A folder of this user's for jiti's transpiled files (a file there is used only when it ends
 * with the hash of the source it came from), or false when none can be written.
 */
function transpileCache(): string | false {
  const dir = join(tmpdir(), `autoseed-jiti-${process.getuid?.() ?? 'cache'}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    accessSync(dir, constants.W_OK);
    return dir;
  } catch {
    return false;
  }
}

/** This package's entry point (dist/src/index.js when built, src/index.ts under a TypeScript runner). */
function selfEntry(): string {
  const js = fileURLToPath(new URL('../index.js', import.meta.url));
  return existsSync(js) ? js : fileURLToPath(new URL('../index.ts', import.meta.url));
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing (no default export)';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'function') return 'a function';
  return `${typeof value} ${show(value)}`;
}
