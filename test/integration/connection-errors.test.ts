import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/db/embedded.js';
import { runCli, type CliResult } from '../helpers/cli.js';
import { serverUrl } from '../helpers/db.js';

const SECRET = 'wr0ng-s3cret-pw';

/** One line saying cause and fix; no stack trace; never the password. */
function expectCleanFailure(result: CliResult, message: RegExp): void {
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(message);
  expect(result.stderr).toMatch(/Fix: /);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stderr).not.toContain(SECRET);
}

function withPassword(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = user;
  u.password = password;
  return u.toString();
}

describe('connection errors name the cause and the fix, exit 1, never leak the password', () => {
  it('no URL at all', async () => {
    const result = await runCli(['introspect']);
    expectCleanFailure(result, /No database given/);
  });

  it('a string that is not a URL', async () => {
    expectCleanFailure(await runCli(['introspect', '--url', `not a url ${SECRET}`]), /Invalid database URL/);
  });

  it('a URL with the wrong scheme', async () => {
    const result = await runCli(['introspect', '--url', `mysql://me:${SECRET}@localhost/db`]);
    expectCleanFailure(result, /scheme must be postgres:\/\//);
  });

  it('connection refused names host:port', async () => {
    const port = await freePort();
    const result = await runCli(['introspect', '--url', `postgres://me:${SECRET}@127.0.0.1:${port}/db`]);
    expectCleanFailure(result, new RegExp(`Connection refused by 127\\.0\\.0\\.1:${port}`));
  });

  it('unknown host', async () => {
    const result = await runCli(['introspect'], { DATABASE_URL: `postgres://me:${SECRET}@no-such-host.invalid/db` });
    expectCleanFailure(result, /Host "no-such-host\.invalid" not found/);
  });

  it('authentication failed', async () => {
    // an unknown role fails under every auth method, trust included
    const url = withPassword(serverUrl(), 'autoseed_no_such_role', SECRET);
    expectCleanFailure(await runCli(['introspect', '--url', url]), /Authentication failed for user "autoseed_no_such_role"/);
  });

  it('database does not exist', async () => {
    const url = new URL(serverUrl('autoseed_no_such_db'));
    const result = await runCli(['introspect', '--url', url.toString()]);
    expectCleanFailure(result, /Database "autoseed_no_such_db" does not exist/);
    if (url.password) expect(result.stderr).not.toContain(url.password);
  });

  describe('a server that accepts and never answers', () => {
    let server: Server;
    let port: number;
    const sockets: Socket[] = [];
    beforeAll(async () => {
      port = await freePort();
      server = createServer((socket) => void sockets.push(socket));
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    });
    afterAll(async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    });

    it('times out after --connect-timeout seconds', async () => {
      const started = Date.now();
      const result = await runCli(['introspect', '--connect-timeout', '1', '--url', `postgres://me:${SECRET}@127.0.0.1:${port}/db`]);
      expectCleanFailure(result, new RegExp(`Timed out after 1 s connecting to 127\\.0\\.0\\.1:${port}`));
      expect(Date.now() - started).toBeLessThan(15_000);
    });
  });
});
