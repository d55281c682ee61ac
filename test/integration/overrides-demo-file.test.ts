import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

/**
 * The repository's top-level overrides.ts (the demo schema's override file): it type-checks with
 * `tsc --strict` (`autoseed` resolves to this package by name, through its "exports"), its types
 * file is what `autoseed init` writes for examples/school.sql, and seeding with it does what it says.
 */

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SCHOOL = await readFile(join(REPO, 'examples', 'school.sql'), 'utf8');

let db: TestDatabase;
let dir: string;
beforeAll(async () => {
  db = await createTestDatabase(SCHOOL);
  dir = await mkdtemp(join(tmpdir(), 'autoseed-demo-overrides-'));
});
afterAll(async () => {
  await db?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The types file without its header comments (they name the database and server). */
const body = (text: string) => text.split('\n').filter((l) => !l.startsWith('//')).join('\n');

describe('the top-level overrides.ts', () => {
  it('type-checks with tsc --strict', async () => {
    const tsconfig = join(dir, 'tsconfig.json');
    await writeFile(tsconfig, JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', skipLibCheck: true, types: [] },
      files: [join(REPO, 'overrides.ts')],
    }));
    const result = spawnSync(join(REPO, 'node_modules', '.bin', 'tsc'), ['-p', tsconfig], { encoding: 'utf8' });
    expect(`${result.stdout}${result.stderr}`).toBe('');
    expect(result.status).toBe(0);
  });

  it('examples/school-schema.d.ts is what autoseed init writes for examples/school.sql', async () => {
    const file = join(dir, 'overrides.ts');
    const init = await runCli(['init', '--url', db.url, '--config', file]);
    expect(init.code, init.stderr).toBe(0);
    const fresh = await readFile(join(dir, 'autoseed-schema.d.ts'), 'utf8');
    const committed = await readFile(join(REPO, 'examples', 'school-schema.d.ts'), 'utf8');
    expect(body(committed), 'regenerate it: autoseed init on the demo schema, then copy autoseed-schema.d.ts').toBe(body(fresh));
  });

  it('seeds the demo schema with every feature it shows', async () => {
    const seed = await runCli(['seed', '--url', db.url, '--config', join(REPO, 'overrides.ts'), '--rows', '20']);
    expect(seed.code, seed.stderr.slice(-3000)).toBe(0);
    const one = async (query: string) => (await db.client.query(query)).rows[0] as Record<string, unknown>;
    expect(await one('SELECT count(*)::int AS n FROM school.schools')).toEqual({ n: 3 });
    expect(await one("SELECT count(*)::int AS n FROM school.staff WHERE email !~ '^[a-z0-9]+\\.[a-z0-9]+\\.[0-9]+@school\\.test$'")).toEqual({ n: 0 });
    expect(await one("SELECT count(*)::int AS n FROM school.guardians WHERE preferred_language NOT IN ('en', 'fr', 'de', 'nl')")).toEqual({ n: 0 });
    expect(await one("SELECT count(*)::int AS n FROM school.invoices WHERE currency <> 'EUR'")).toEqual({ n: 0 });
    expect(await one(`SELECT min(n)::int AS min, max(n)::int AS max FROM (SELECT count(l.id) AS n FROM school.invoices i
      LEFT JOIN school.invoice_lines l ON l.invoice_id = i.id GROUP BY i.id) x`)).toMatchObject({ min: 1, max: 4 });
    expect(await one("SELECT count(*)::int AS n FROM school.invoice_lines WHERE description NOT LIKE '% (invoice #' || invoice_id || ')'")).toEqual({ n: 0 });
    expect(await one("SELECT count(*)::int AS n FROM school.results WHERE grade = 'A' AND comment IS DISTINCT FROM 'Excellent work'")).toEqual({ n: 0 });
    expect(await one(`SELECT count(*)::int AS n FROM school.audit_logs WHERE changes <> '{"source": "autoseed demo"}'::jsonb`)).toEqual({ n: 0 });
    expect(await one('SELECT count(*) > 0 AS some FROM school.audit_logs')).toEqual({ some: true });
  });
});
