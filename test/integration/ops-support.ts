import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import type pg from 'pg';
import { CLI } from '../helpers/cli.js';

/** Shared by the ops-*.test.ts files: a schema with personal data, and a CLI child one can signal. */

/**
 * A small shop: a parent with personal data, children (one bigint identity), a join table with
 * a composite key, and a table without any key (matched by its full row on rollback).
 */
export const SHOP_SQL = `
CREATE TABLE customers (
  id serial PRIMARY KEY, email text NOT NULL UNIQUE, first_name text NOT NULL, last_name text NOT NULL,
  phone text, street_address text, birth_date date, signup_ip inet, created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE products (id serial PRIMARY KEY, name text NOT NULL, price numeric(10,2) NOT NULL CHECK (price > 0));
CREATE TABLE orders (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, customer_id integer NOT NULL REFERENCES customers,
  status text NOT NULL CHECK (status IN ('new', 'paid', 'shipped')), created_at timestamptz NOT NULL);
CREATE TABLE order_items (
  order_id bigint NOT NULL REFERENCES orders, product_id integer NOT NULL REFERENCES products, qty integer NOT NULL CHECK (qty > 0),
  PRIMARY KEY (order_id, product_id));
CREATE TABLE order_notes (order_id bigint REFERENCES orders, body text, noted_on date);
`;

export const SHOP_TABLES = ['customers', 'products', 'orders', 'order_items', 'order_notes'] as const;

/** Rows per shop table, by bare name. */
export async function shopCounts(client: pg.Client): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of SHOP_TABLES) {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${t}`);
    out[t] = Number(rows[0]!.n);
  }
  return out;
}

/** Sessions holding autoseed's advisory lock in the database `client` is connected to. */
export async function autoseedLocks(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    `SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND classid = 1635087471 AND objid = 1936024932 AND objsubid = 1
       AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`);
  return Number(rows[0]!.n);
}

export interface CliEvent {
  type: string;
  [key: string]: unknown;
}

/** The JSON lines of a --json run. */
export function events(stdout: string): CliEvent[] {
  return stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as CliEvent);
}

export interface RunningCli {
  readonly child: ChildProcess;
  /** Resolves once an event matching `test` has been printed. */
  waitFor(test: (e: CliEvent) => boolean, timeoutMs?: number): Promise<CliEvent>;
  readonly done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Starts the built CLI (with --json in `args` for events) and lets the test watch and signal it. */
export function startCli(args: readonly string[], env: Record<string, string> = {}): RunningCli {
  const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const watchers: { test: (e: CliEvent) => boolean; resolve: (e: CliEvent) => void }[] = [];
  let pending = '';
  child.stdout!.on('data', (d: Buffer) => {
    stdout += d.toString();
    pending += d.toString();
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines.filter((l) => l.startsWith('{'))) {
      const event = JSON.parse(line) as CliEvent;
      for (const w of watchers.splice(0)) (w.test(event) ? w.resolve(event) : watchers.push(w));
    }
  });
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return {
    child,
    done,
    waitFor: (test, timeoutMs = 60_000) => new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching event within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
      void done.then(() => reject(new Error(`the CLI exited before a matching event; stderr: ${stderr}`)));
      watchers.push({ test, resolve: (e) => (clearTimeout(timer), resolve(e)) });
    }),
  };
}

/** A real terminal (a tmux window of our own server), for what only happens on a TTY: prompts, Ctrl-C. */
export class TmuxTerminal {
  private readonly socket = `autoseed-ops-${Math.random().toString(16).slice(2, 10)}`;

  static available(): boolean {
    return spawnSync('tmux', ['-V']).status === 0;
  }

  /** Runs the CLI with `args` in a 120×40 window; the exit code is printed after it. */
  start(args: readonly string[]): void {
    const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    const command = `env -u CI ${[process.execPath, CLI, ...args].map(quote).join(' ')}; echo "AUTOSEED_EXIT=$?"; sleep 120`;
    this.tmux('new-session', '-d', '-x', '120', '-y', '40', '-s', 'ops', command);
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-J', '-S', '-200', '-t', 'ops');
  }

  /** Types text, or presses named keys (Enter, C-c). */
  keys(...keys: string[]): void {
    this.tmux('send-keys', '-t', 'ops', ...keys);
  }

  async waitFor(pattern: RegExp, timeoutMs = 60_000): Promise<string> {
    for (const deadline = Date.now() + timeoutMs; ; await new Promise((r) => setTimeout(r, 100))) {
      const screen = this.screen();
      if (pattern.test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${String(pattern)}; the terminal shows:\n${screen}`);
    }
  }

  async exitCode(): Promise<number> {
    return Number(/AUTOSEED_EXIT=(\d+)/.exec(await this.waitFor(/AUTOSEED_EXIT=\d+/))![1]);
  }

  kill(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server']);
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }
}
