import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AutoseedError } from '../../src/errors.js';
import { isSqlExpression } from '../../src/overrides/define.js';
import { demoOverridesFile, isDemoOverridesFile } from '../../src/overrides/demo-file.js';
import { loadOverrides } from '../../src/overrides/load.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'autoseed-overrides-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

async function loadError(path: string): Promise<AutoseedError> {
  const error = await loadOverrides(path, { required: true }).then(() => null, (e: unknown) => e);
  if (!(error instanceof AutoseedError)) throw new Error(`expected an AutoseedError, got ${String(error)}`);
  return error;
}

describe('loadOverrides', () => {
  it('an edited file is read afresh (the transpile cache is keyed by the text), an imported one too', async () => {
    const helper = await file('rows-helper.ts', 'export const rows: number = 3;');
    const path = await file('edited.ts', "import { rows } from './rows-helper.js';\nexport default { seed: 1 as number, rows };");
    expect((await loadOverrides(path, { required: true }))?.overrides).toEqual({ seed: 1, rows: 3 });
    await writeFile(path, "import { rows } from './rows-helper.js';\nexport default { seed: 2 as number, rows };");
    await writeFile(helper, 'export const rows: number = 4;');
    expect((await loadOverrides(path, { required: true }))?.overrides).toEqual({ seed: 2, rows: 4 });
  });

  it('loads TypeScript without a build step; `autoseed` resolves to this package', async () => {
    const path = await file('ok.ts', [
      "import { defineOverrides, sql } from 'autoseed';",
      'const rows: number = 5;',
      "export default defineOverrides({ seed: 2, rows, tables: { users: { columns: { pw: sql`md5('x')`, email: ({ index }) => `u${index}@x.test` } } } });",
    ].join('\n'));
    const loaded = await loadOverrides(path, { required: true });
    expect(loaded?.overrides.seed).toBe(2);
    expect(loaded?.overrides.rows).toBe(5);
    const columns = loaded?.overrides.tables?.users?.columns as Record<string, unknown>;
    expect(isSqlExpression(columns.pw)).toBe(true);
    expect((columns.email as (c: { index: number }) => string)({ index: 3 })).toBe('u3@x.test');
    expect(loaded?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the fingerprint follows the file text', async () => {
    const a = await loadOverrides(await file('a.ts', 'export default { rows: 1 };'), { required: true });
    const b = await loadOverrides(await file('b.ts', 'export default { rows: 2 };'), { required: true });
    const a2 = await loadOverrides(await file('a2.ts', 'export default { rows: 1 };'), { required: true });
    expect(a?.fingerprint).not.toBe(b?.fingerprint);
    expect(a?.fingerprint).toBe(a2?.fingerprint);
  });

  it('a missing default file means no overrides; a missing --config file is an error', async () => {
    expect(await loadOverrides(join(dir, 'nope.ts'), { required: false })).toBeNull();
    const error = await loadError(join(dir, 'nope.ts'));
    expect(error.code).toBe('OVERRIDES_NOT_FOUND');
    expect(error.exitCode).toBe(1);
  });

  it('a file that throws or does not parse', async () => {
    const throws = await loadError(await file('throws.ts', "throw new Error('boom');\nexport default {};"));
    expect(throws.code).toBe('OVERRIDES_LOAD_FAILED');
    expect(throws.message).toContain('boom');
    expect((await loadError(await file('syntax.ts', 'export default {'))).code).toBe('OVERRIDES_LOAD_FAILED');
  });

  it('a default export that is not an object, or bad file-level settings', async () => {
    const none = await loadError(await file('none.ts', 'export const x = 1;'));
    expect(none.code).toBe('OVERRIDES_NOT_AN_OBJECT');
    expect(none.message).toContain('export default defineOverrides');
    expect((await loadError(await file('fn.ts', 'export default () => ({});'))).message).toContain('it exports a function');
    const bad = await loadError(await file('bad.ts', "export default { seed: -1, rows: 'many', tabels: {} };"));
    expect(bad.code).toBe('OVERRIDES_INVALID');
    expect(bad.message).toContain('has 3 problems');
  });
});

describe('the demo overrides file', () => {
  it('is the package root overrides.ts, loads, and is recognised as the demo one', async () => {
    const demo = demoOverridesFile();
    expect(demo).toMatch(/overrides\.ts$/);
    expect(isDemoOverridesFile(demo)).toBe(true);
    expect(isDemoOverridesFile(join(dir, 'ok.ts'))).toBe(false);
    const loaded = await loadOverrides(demo, { required: true });
    expect(Object.keys(loaded?.overrides.tables ?? {})).toContain('school.staff');
  });
});
