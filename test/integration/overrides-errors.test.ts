import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { fixtureSql } from '../helpers/fixtures.js';

/** What a user sees when overrides.ts is wrong: every problem at once, exit 1, nothing written. */

let dir: string;
let db: TestDatabase;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'autoseed-overrides-errors-'));
  db = await createTestDatabase(fixtureSql('overrides-blog'));
});
afterAll(async () => {
  await db?.drop();
  await rm(dir, { recursive: true, force: true });
});

async function seedWith(name: string, text: string, json = false, env: Record<string, string> = {}) {
  const config = join(dir, name);
  await writeFile(config, text);
  return runCli(['seed', '--url', db.url, '--config', config, ...(json ? ['--json'] : [])], env);
}

async function rows(): Promise<number> {
  const { rows: r } = await db.client.query<{ n: number }>(
    'SELECT ((SELECT count(*) FROM users) + (SELECT count(*) FROM posts) + (SELECT count(*) FROM billing.invoices))::int AS n');
  return r[0]!.n;
}

describe('overrides.ts errors at run time (built CLI)', () => {
  it('misspelt table and column: "did you mean", all problems at once, exit 1, nothing written', async () => {
    const result = await seedWith('typos.ts', `
      import { defineOverrides } from 'autoseed';
      export default defineOverrides({
        tables: {
          post: { rows: 3 },
          users: { columns: { emial: 'a@b.test', plan: 'enterprise', role: 'owner' } },
          'billing.invoices': { perParent: { customer_id: [1, 2] } },
        },
      });`);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('has 5 problems');
    expect(result.stderr).toContain('unknown table "post" (did you mean "posts"?)');
    expect(result.stderr).toContain('unknown column "emial" in public.users (did you mean "email"?)');
    expect(result.stderr).toContain(`"enterprise" is not allowed by the column's CHECK: one of "free", "pro", "team"`);
    expect(result.stderr).toContain('"owner" is not a label of enum public.user_role (admin, member, guest)');
    expect(result.stderr).toContain('"customer_id" is not a foreign key of this table');
    expect(await rows()).toBe(0);
  });

  it('--json: the error is a JSON line with code OVERRIDES_INVALID and the problems', async () => {
    const result = await seedWith('typo-json.ts', "export default { tables: { usres: {} } };", true);
    expect(result.code).toBe(1);
    const event = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as { code: string; context: { problems: string[] } };
    expect(event.code).toBe('OVERRIDES_INVALID');
    expect(event.context.problems).toEqual(['tables: unknown table "usres" (did you mean "users"?)']);
  });

  it('a function returning the wrong type fails the run naming table, column and row; nothing is written', async () => {
    const result = await seedWith('bad-function.ts', `
      export default { tables: { 'billing.invoices': { columns: { amount: ({ index }) => (index === 3 ? 'lots' : 10) } } } };`);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('The override function for billing.invoices.amount');
    expect(result.stderr).toContain('failed on row 3: "lots" is not a number (the column is numeric(10,2))');
    expect(await rows()).toBe(0);
  });

  it('a duplicate in a later COPY statement names the constraint and that row; nothing is written', async () => {
    // statements of 10 rows: row 25 is line 6 of the third statement
    const result = await seedWith('duplicate.ts', `
      export default { tables: { users: { rows: 40, columns: {
        email: ({ index }) => (index === 25 ? 'u0@dup.test' : \`u\${index}@dup.test\`),
        bio: ({ index }) => \`row \${index}\`,
      } } } };`, false, { AUTOSEED_STATEMENT_ROWS: '10', AUTOSEED_BATCH_ROWS: '5' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('users_email_key');
    expect(result.stderr).toContain('bio=row 25');
    expect(await rows()).toBe(0);
  });

  it('a missing --config file, a file that throws: exit 1 with the cause and the fix', async () => {
    const missing = await runCli(['seed', '--url', db.url, '--config', join(dir, 'nope.ts')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('does not exist. Nothing was written. Fix: correct the --config path, or run "autoseed init"');
    const throws = await seedWith('throws.ts', "throw new Error('no config for you');");
    expect(throws.code).toBe(1);
    expect(throws.stderr).toContain('Could not load the overrides file');
    expect(throws.stderr).toContain('no config for you');
    expect(await rows()).toBe(0);
  });
});
