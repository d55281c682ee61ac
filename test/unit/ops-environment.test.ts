import { describe, expect, it } from 'vitest';
import { guardProduction, isLocalHost, resolveEnvironment, resolveRows, SIZE_ROWS } from '../../src/safety/environment.js';

describe('resolveEnvironment: --env, then AUTOSEED_ENV, then NODE_ENV, else development', () => {
  it('takes the first that is set', () => {
    expect(resolveEnvironment(undefined, {})).toEqual({ name: 'development', tier: 'development', source: 'default' });
    expect(resolveEnvironment(undefined, { NODE_ENV: 'staging' })).toMatchObject({ tier: 'staging', source: 'NODE_ENV' });
    expect(resolveEnvironment(undefined, { NODE_ENV: 'production', AUTOSEED_ENV: 'development' })).toMatchObject({ tier: 'development', source: 'AUTOSEED_ENV' });
    expect(resolveEnvironment('Staging', { AUTOSEED_ENV: 'production' })).toMatchObject({ name: 'staging', tier: 'staging', source: '--env' });
  });

  it('knows the usual aliases; other names (test, ci) are development-like', () => {
    expect(resolveEnvironment('prod', {}).tier).toBe('production');
    expect(resolveEnvironment('stg', {}).tier).toBe('staging');
    expect(resolveEnvironment('dev', {}).tier).toBe('development');
    expect(resolveEnvironment('test', {})).toMatchObject({ name: 'test', tier: 'development' });
    expect(resolveEnvironment('  ', { NODE_ENV: '' }).source).toBe('default');
  });
});

describe('resolveRows: --rows, else --size, else the environment default', () => {
  const env = (name: string) => resolveEnvironment(name, {});

  it('development is small, staging medium, production large', () => {
    expect(resolveRows({ environment: env('development') })).toEqual({ rows: 100, size: 'small' });
    expect(resolveRows({ environment: env('staging') })).toEqual({ rows: 10_000, size: 'medium' });
    expect(resolveRows({ environment: env('production') })).toEqual({ rows: 100_000, size: 'large' });
  });

  it('--size and --rows override, --rows last', () => {
    expect(resolveRows({ size: 'large', environment: env('development') }).rows).toBe(SIZE_ROWS.large);
    expect(resolveRows({ size: 'small', environment: env('staging') }).rows).toBe(100);
    expect(resolveRows({ rows: 7, size: 'large', environment: env('staging') })).toEqual({ rows: 7, size: null });
  });
});

describe('guardProduction: refused before connecting unless --allow-production', () => {
  const local = 'postgres://me:secret@localhost:5432/app';
  const remote = 'postgres://me:secret@db.example.com:5432/app';
  const guard = (flag: string | undefined, vars: Record<string, string>, url: string, allowProduction = false) =>
    () => guardProduction({ environment: resolveEnvironment(flag, vars), vars, url, allowProduction });

  it('refuses a production environment, local or not, and names the source without the password', () => {
    expect(guard(undefined, { NODE_ENV: 'production' }, local)).toThrow(/environment is "production" \(from NODE_ENV\)/);
    expect(guard('production', {}, remote)).toThrow(/Refusing to write to db\.example\.com/);
    expect(guard('production', {}, remote)).not.toThrow(/secret/);
  });

  it('--env development relabels a local copy, never a remote host the shell calls production', () => {
    expect(guard('development', { NODE_ENV: 'production' }, local)).not.toThrow();
    expect(guard('development', { AUTOSEED_ENV: 'prod' }, remote)).toThrow(/the host is not local/);
  });

  it('--allow-production lets it through; other environments pass', () => {
    expect(guard(undefined, { NODE_ENV: 'production' }, remote, true)).not.toThrow();
    expect(guard(undefined, { NODE_ENV: 'staging' }, remote)).not.toThrow();
    expect(guard(undefined, {}, remote)).not.toThrow();
  });

  it('isLocalHost: loopback names and addresses, unix sockets', () => {
    for (const h of ['localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]', '/var/run/postgresql', 'app.localhost']) expect(isLocalHost(h), h).toBe(true);
    for (const h of ['db.example.com', '10.0.0.5', '192.168.1.2', 'localhost.example.com']) expect(isLocalHost(h), h).toBe(false);
  });
});
