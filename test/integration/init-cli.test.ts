import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, runCli } from '../helpers/cli.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { fixtureSql } from '../helpers/fixtures.js';

/**
 * `autoseed init` on the blog fixture, then the files it writes compiled by the real TypeScript
 * compiler (`tsc --strict`), with `autoseed` resolving to this repository's built types through a
 * node_modules symlink, as in a project that installed it.
 */

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const TSC = join(REPO, 'node_modules', '.bin', 'tsc');

let db: TestDatabase;
let dir: string;
let file: string;
let init: CliResult;
let skeleton: string;

beforeAll(async () => {
  db = await createTestDatabase(fixtureSql('overrides-blog'));
  dir = await mkdtemp(join(tmpdir(), 'autoseed-init-'));
  file = join(dir, 'overrides.ts');
  init = await runCli(['init', '--url', db.url, '--config', file]);
  skeleton = existsSync(file) ? await readFile(file, 'utf8') : '';
  // a project that installed autoseed: an ES module package with autoseed in node_modules
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  await mkdir(join(dir, 'node_modules'));
  await symlink(REPO, join(dir, 'node_modules', 'autoseed'), 'dir');
  await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', skipLibCheck: true, types: [] },
    files: ['overrides.ts'],
  }));
});

afterAll(async () => {
  await db?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** `tsc --strict -p` on the temp project, after replacing overrides.ts with `text`. */
async function compile(text: string): Promise<{ code: number | null; output: string }> {
  await writeFile(file, text);
  const result = spawnSync(TSC, ['--strict', '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

/** The skeleton with `entry` added to the columns of `table`. */
function withColumns(table: string, entry: string): string {
  const at = skeleton.indexOf(`'${table}': {`);
  const columns = skeleton.indexOf('columns: {', at) + 'columns: {'.length;
  return `${skeleton.slice(0, columns)}\n        ${entry}${skeleton.slice(columns)}`;
}

describe('autoseed init (built CLI)', () => {
  it('writes overrides.ts and autoseed-schema.d.ts', async () => {
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('(5 tables,');
    expect(skeleton).toContain("import type { Schema } from './autoseed-schema.js';");
    expect(skeleton).toContain('export default defineOverrides<Schema>({');
    // every table and column, with its type and what autoseed infers
    expect(skeleton).toContain("    'billing.invoices': {");
    expect(skeleton).toMatch(/\/\/ email: …, +\/\/ string · /);
    expect(skeleton).toMatch(/\/\/ role: …, +\/\/ 'admin' \| 'member' \| 'guest' · one of "admin", "member", "guest" \(enum\)/);
    expect(skeleton).toMatch(/\/\/ author_id: …, +\/\/ number · from public\.users \(fk\)/);
    const types = await readFile(join(dir, 'autoseed-schema.d.ts'), 'utf8');
    expect(types).toContain("  'public.users': PublicUsers;\n  users: PublicUsers;");
    expect(types).toContain("  role: 'admin' | 'member' | 'guest';");
    expect(types).toContain('  tags: string[] | null;');
  });

  it('the skeleton compiles with tsc --strict, and so does a correct edit', async () => {
    expect(await compile(skeleton)).toEqual({ code: 0, output: '' });
    const edited = withColumns('public.users', "email: ({ row, index }) => `${row.first_name.toLowerCase()}.${index}@x.test`, role: ['admin', 'guest'], tags: [['a'], ['b', 'c']],");
    expect(await compile(edited)).toEqual({ code: 0, output: '' });
  });

  it('a misspelt column, a misspelt table, a wrongly typed function: compile errors', async () => {
    const column = await compile(withColumns('public.users', "emial: 'a@b.test',"));
    expect(column.code).not.toBe(0);
    expect(column.output).toMatch(/'emial' does not exist in type/);
    const table = await compile(skeleton.replace("'public.posts': {", "'public.post': {"));
    expect(table.code).not.toBe(0);
    expect(table.output).toContain("'public.post'");
    const returns = await compile(withColumns('public.posts', 'title: ({ index }) => index,'));
    expect(returns.code).not.toBe(0);
    expect(returns.output).toMatch(/Type 'number' is not assignable to type 'string/);
    const label = await compile(withColumns('public.users', "role: 'owner',"));
    expect(label.code).not.toBe(0);
  });

  it('the edited skeleton seeds', async () => {
    await writeFile(file, withColumns('public.users', "plan: 'team', email: ({ row, index }) => `${row.first_name.toLowerCase()}.${index}@x.test`,"));
    const seed = await runCli(['seed', '--url', db.url, '--config', file, '--rows', '10']);
    expect(seed.code, seed.stderr).toBe(0);
    const { rows } = await db.client.query<{ plans: string[]; n: number }>("SELECT array_agg(DISTINCT plan) AS plans, count(*)::int AS n FROM users WHERE email LIKE '%@x.test'");
    expect(rows[0]).toMatchObject({ plans: ['team'] });
    expect(rows[0]!.n).toBeGreaterThan(0);
  });

  it('refuses to overwrite without --yes (exit 1, naming --yes); --yes overwrites', async () => {
    await writeFile(file, '// mine\n');
    const refused = await runCli(['init', '--url', db.url, '--config', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('already exist');
    expect(refused.stderr).toContain('--yes');
    expect(await readFile(file, 'utf8')).toBe('// mine\n');
    const forced = await runCli(['init', '--url', db.url, '--config', file, '--yes']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(await readFile(file, 'utf8')).toContain('defineOverrides<Schema>');
  });
});
