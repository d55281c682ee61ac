import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactUrl } from '../../src/db/connect.js';
import { runCli } from '../helpers/cli.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { events, SHOP_SQL, shopCounts } from './ops-support.js';

describe('environments (R12), structured logs (R14) and the PII audit (R13)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(SHOP_SQL);
  });
  afterAll(() => db?.drop());

  const ledgerExists = async () => (await db.client.query<{ ok: boolean }>("SELECT to_regnamespace('autoseed') IS NOT NULL AS ok")).rows[0]!.ok;

  it('NODE_ENV=production is refused before connecting, and nothing is written', async () => {
    const refused = await runCli(['seed', '--url', db.url, '--rows', '5'], { NODE_ENV: 'production' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('the environment is "production" (from NODE_ENV)');
    expect(refused.stderr).toContain('--allow-production');
    expect(Object.values(await shopCounts(db.client)).every((n) => n === 0)).toBe(true);
    expect(await ledgerExists()).toBe(false);
    // nothing listens on port 1: a refusal that came after connecting would say "Connection refused"
    const unreachable = await runCli(['seed', '--url', 'postgres://app:secret@127.0.0.1:1/app'], { NODE_ENV: 'production' });
    expect(unreachable.stderr).toContain('Refusing to write to 127.0.0.1');
    expect(unreachable.stderr).not.toContain('secret');
    const rollback = await runCli(['rollback', '--url', db.url, '--yes'], { AUTOSEED_ENV: 'prod' });
    expect(rollback.code).toBe(1);
    expect(rollback.stderr).toContain('Refusing to write');
  });

  it('the volume follows the environment; --size and --rows override it', async () => {
    const rowsOf = async (args: string[], env: Record<string, string>) => {
      const plan = await runCli(['plan', '--url', db.url, '--json', ...args], env);
      expect(plan.code, plan.stderr).toBe(0);
      return (JSON.parse(plan.stdout) as { tables: { table: string; rows: number }[] }).tables.find((t) => t.table === 'public.customers')!.rows;
    };
    expect(await rowsOf([], {})).toBe(100);
    expect(await rowsOf([], { NODE_ENV: 'staging' })).toBe(10_000);
    expect(await rowsOf([], { AUTOSEED_ENV: 'development', NODE_ENV: 'staging' })).toBe(100);
    expect(await rowsOf(['--size', 'small'], { AUTOSEED_ENV: 'staging' })).toBe(100);
    expect(await rowsOf(['--size', 'large', '--rows', '7'], {})).toBe(7);
  });

  it('--json: timestamped events; run-start carries the environment and the configuration without password', async () => {
    const seed = await runCli(['seed', '--url', db.url, '--rows', '30', '--json', '--allow-production'], { NODE_ENV: 'production' });
    expect(seed.code, seed.stderr).toBe(0);
    const ev = events(seed.stdout);
    expect(ev.length).toBe(seed.stdout.trim().split('\n').length);
    expect(ev.every((e) => typeof e.ts === 'string' && !Number.isNaN(Date.parse(e.ts as string)))).toBe(true);
    const start = ev.find((e) => e.type === 'run-start')!;
    expect(start.environment).toEqual({ name: 'production', tier: 'production', source: 'NODE_ENV' });
    expect(start.configuration).toMatchObject({ url: redactUrl(db.url), seed: 1, rows: 30, allowProduction: true, checkpoint: false });
    expect(start.run).toMatchObject({ id: 1, resumed: false, fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const done = ev.filter((e) => e.type === 'table-done');
    expect(done.length).toBe(5);
    expect(done.every((e) => typeof e.rows === 'number' && typeof e.ms === 'number')).toBe(true);
  });

  it('errors in --json carry the code, the message, the context and the stack', async () => {
    const refused = await runCli(['seed', '--url', db.url, '--rows', '31', '--json']);
    expect(refused.code).toBe(1);
    const error = events(refused.stdout).at(-1)!;
    expect(error).toMatchObject({ type: 'error', code: 'ALREADY_SEEDED', context: { run: 1, seed: 1 } });
    expect(error.message).toContain('--append');
    expect(error.stack).toContain('AutoseedError');
    expect(typeof error.ts).toBe('string');
  });

  it('the run summary lists the personal-data columns, stating that their values are synthetic', async () => {
    const other = await createTestDatabase(SHOP_SQL);
    try {
      const json = await runCli(['seed', '--url', other.url, '--rows', '10', '--json']);
      expect(json.code, json.stderr).toBe(0);
      const pii = events(json.stdout).find((e) => e.type === 'run-done')!.pii as { table: string; column: string; kind: string }[];
      expect(Object.fromEntries(pii.map((c) => [`${c.table}.${c.column}`, c.kind]))).toEqual({
        'public.customers.email': 'email',
        'public.customers.first_name': 'name',
        'public.customers.last_name': 'name',
        'public.customers.phone': 'phone',
        'public.customers.street_address': 'address',
        'public.customers.birth_date': 'birth_date',
        'public.customers.signup_ip': 'ip_address',
      });
      const human = await runCli(['seed', '--url', other.url, '--rows', '10', '--append']);
      expect(human.code, human.stderr).toBe(0);
      expect(human.stderr).toContain('Personal data columns (7), filled with synthetic values only');
      expect(human.stderr).toMatch(/public\.customers\.birth_date\s+birth_date/);
    } finally {
      await other.drop();
    }
  });
});
