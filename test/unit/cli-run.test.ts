import { describe, expect, it } from 'vitest';
import { type Flags, run } from '../../src/run.js';

async function invoke(input: string[], flags: Flags & Record<string, unknown> = {}, env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await run({ input, flags }, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env });
  return { code, stdout, stderr };
}

describe('run(): the CLI contract without a database', () => {
  it('--help prints usage listing every command, exit 0', async () => {
    const { code, stdout } = await invoke([], { help: true });
    expect(code).toBe(0);
    for (const command of ['seed', 'plan', 'introspect', 'verify-integrity', 'rollback', 'init', 'demo']) {
      expect(stdout).toContain(`  ${command} `);
    }
  });

  it('--version prints the package version', async () => {
    const { code, stdout } = await invoke([], { version: true });
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('an unknown command prints usage and exits 2', async () => {
    const { code, stderr } = await invoke(['frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toContain('Unknown command "frobnicate"');
    expect(stderr).toContain('Usage');
  });

  it('unknown flags and bad numbers are all reported at once, exit 2', async () => {
    const { code, stderr } = await invoke(['introspect'], { bogusFlag: true, rows: Number.NaN, concurrency: 0 });
    expect(code).toBe(2);
    expect(stderr).toContain('unknown flag --bogus-flag');
    expect(stderr).toContain('--rows must be a whole number');
    expect(stderr).toContain('--concurrency must be a whole number >= 1');
  });

  it('a stray argument after the command is a usage error', async () => {
    expect((await invoke(['introspect', 'extra'])).code).toBe(2);
  });

  it('every command that needs a database says where the URL comes from when none is given', async () => {
    for (const command of ['seed', 'plan', 'verify-integrity', 'rollback', 'init']) {
      const { code, stderr } = await invoke([command], { yes: true });
      expect(code, command).toBe(1);
      expect(stderr, command).toContain('set DATABASE_URL or pass --url');
    }
  });

  it('introspect without any URL explains where the URL comes from', async () => {
    const { code, stderr } = await invoke(['introspect']);
    expect(code).toBe(1);
    expect(stderr).toContain('set DATABASE_URL or pass --url');
  });

  it('--json errors are also a JSON line on stdout, with the code', async () => {
    const { code, stdout } = await invoke(['introspect'], { json: true, url: 'http://x' });
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ type: 'error', code: 'INVALID_URL' });
  });
});
