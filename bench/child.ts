/**
 * Runs the process that does the work (the built CLI, a worker script, pgbench) as a child, timing
 * its wall clock from here and reading its peak RSS: with GNU `/usr/bin/time -f %M` when it is
 * there, else — for node scripts — through workers/rss-wrapper.js (process.resourceUsage().maxRSS).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workerScript } from './paths.js';

export type RssMethod = 'gnu-time' | 'node-wrapper';

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Wall clock from spawn to exit. */
  seconds: number;
  /** Peak resident set size in KiB; null when it could not be read. */
  rssKb: number | null;
  stdout: string;
  stderr: string;
  /** Stopped after `limitSeconds`. */
  timedOut: boolean;
}

export interface ChildOptions {
  env?: NodeJS.ProcessEnv;
  /** Stop it (SIGINT to its process group, SIGKILL 20 s later) after this many seconds. */
  limitSeconds?: number;
  /** Each stdout line as it arrives. */
  onLine?: (line: string) => void;
  /** Flags for node itself (node scripts only), e.g. --cpu-prof. */
  nodeFlags?: readonly string[];
}

const TIME = '/usr/bin/time';
let method: RssMethod | undefined;

/** How peak RSS is read on this machine: GNU time if it works, else the node wrapper. */
export function rssMethod(): RssMethod {
  if (method) return method;
  const dir = mkdtempSync(join(tmpdir(), 'autoseed-bench-'));
  try {
    const out = join(dir, 'rss');
    const probe = existsSync(TIME) ? spawnSync(TIME, ['-f', '%M', '-o', out, 'true'], { stdio: 'ignore' }) : null;
    const ok = probe?.status === 0 && existsSync(out) && /^\d+\s*$/.test(readFileSync(out, 'utf8'));
    method = ok ? 'gnu-time' : 'node-wrapper';
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return method;
}

/** `node script args…` as a child. */
export function runNode(script: string, args: readonly string[], options: ChildOptions = {}): Promise<ChildResult> {
  const node = [...(options.nodeFlags ?? [])];
  if (rssMethod() === 'gnu-time') return runMeasured(process.execPath, [...node, script, ...args], options, true);
  return runMeasured(process.execPath, [...node, workerScript('rss-wrapper'), '{RSS}', script, ...args], options, false);
}

/** Any program as a child; its RSS is known only with GNU time. */
export function runProgram(program: string, args: readonly string[], options: ChildOptions = {}): Promise<ChildResult> {
  return runMeasured(program, args, options, rssMethod() === 'gnu-time');
}

const live = new Set<number>();

/** Stops every child still running (the bench was interrupted). */
export function stopChildren(): void {
  for (const pid of live) signalGroup(pid, 'SIGINT');
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    // the child leads its own process group: GNU time ignores SIGINT, the program under it must get it
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

function runMeasured(program: string, args: readonly string[], options: ChildOptions, withTime: boolean): Promise<ChildResult> {
  const dir = mkdtempSync(join(tmpdir(), 'autoseed-bench-'));
  const rssFile = join(dir, 'rss');
  const argv = withTime ? ['-f', '%M', '-o', rssFile, program, ...args] : args.map((a) => (a === '{RSS}' ? rssFile : a));
  const started = performance.now();
  const child = spawn(withTime ? TIME : program, argv, {
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const pid = child.pid!;
  live.add(pid);
  let stdout = '';
  let stderr = '';
  let pending = '';
  child.stdout.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    stdout += text;
    if (!options.onLine) return;
    pending += text;
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) options.onLine(line);
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let timedOut = false;
  const timers: NodeJS.Timeout[] = [];
  if (options.limitSeconds !== undefined) {
    timers.push(setTimeout(() => {
      timedOut = true;
      signalGroup(pid, 'SIGINT');
      timers.push(setTimeout(() => signalGroup(pid, 'SIGKILL'), 20_000));
    }, options.limitSeconds * 1000));
  }
  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      live.delete(pid);
      timers.forEach(clearTimeout);
      rmSync(dir, { recursive: true, force: true });
      reject(error);
    });
    child.on('close', (code, signal) => {
      const seconds = (performance.now() - started) / 1000;
      live.delete(pid);
      timers.forEach(clearTimeout);
      if (pending && options.onLine) options.onLine(pending);
      const rssKb = readRss(rssFile);
      rmSync(dir, { recursive: true, force: true });
      resolve({ code, signal, seconds, rssKb, stdout, stderr, timedOut });
    });
  });
}

/** The -o file of GNU time (a 'Command exited with non-zero status' line may precede the number), or the wrapper's. */
function readRss(file: string): number | null {
  if (!existsSync(file)) return null;
  const numbers = readFileSync(file, 'utf8').trim().split('\n').filter((l) => /^\d+$/.test(l.trim()));
  return numbers.length > 0 ? Number(numbers[numbers.length - 1]) : null;
}

