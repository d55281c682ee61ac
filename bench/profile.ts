/**
 * `--profile`: one more autoseed seed of a fresh blog database under `node --cpu-prof`, and where
 * its main thread's time went — self time by function and by file, from the .cpuprofile.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNode } from './child.js';
import type { BenchContext } from './context.js';
import { CLI, ROOT } from './paths.js';
import { blogSeedArgs, blogSeedEnv, blogSql } from './scenarios/autoseed-blog.js';
import { childFailure } from './seed-output.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  ms: number;
  share: number;
}

export async function profileBlogSeed(ctx: BenchContext, top = 15): Promise<{ file: string; functions: SelfTime[]; files: SelfTime[]; totalMs: number }> {
  const dir = join(ctx.workDir, 'cpu-profile');
  const db = await ctx.databases.create('profile', blogSql());
  try {
    const result = await runNode(CLI, blogSeedArgs(db.url), { env: blogSeedEnv(ctx.scale), nodeFlags: ['--cpu-prof', '--cpu-prof-dir', dir] });
    if (result.code !== 0) throw childFailure('autoseed seed (profiled)', result);
  } finally {
    await db.drop();
  }
  const name = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!name) throw new Error('node --cpu-prof wrote no profile');
  const file = join(dir, name);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  return { file, ...selfTimes(profile, top) };
}

/** Self time per function and per source file (sample time deltas attributed to the sampled node). */
export function selfTimes(profile: CpuProfile, top: number): { functions: SelfTime[]; files: SelfTime[]; totalMs: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const functions = new Map<string, number>();
  const files = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const node = byId.get(id);
    if (!node) return;
    total += us;
    const frame = node.callFrame;
    const where = frame.url ? shortPath(frame.url) : '';
    const fn = `${frame.functionName || '(anonymous)'}${where ? ` ${where}:${frame.lineNumber + 1}` : ''}`;
    functions.set(fn, (functions.get(fn) ?? 0) + us);
    const fileKey = where || frame.functionName || '(native)';
    files.set(fileKey, (files.get(fileKey) ?? 0) + us);
  });
  const ranked = (m: Map<string, number>): SelfTime[] =>
    [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, us]) => ({ name, ms: us / 1000, share: total > 0 ? us / total : 0 }));
  return { functions: ranked(functions), files: ranked(files), totalMs: total / 1000 };
}

function shortPath(url: string): string {
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  return path.startsWith(ROOT) ? relative(ROOT, path) : path;
}

export function formatSelfTimes(title: string, entries: readonly SelfTime[]): string {
  const lines = entries.map((e) => `  ${(e.share * 100).toFixed(1).padStart(5)}%  ${e.ms.toFixed(0).padStart(7)} ms  ${e.name}`);
  return [title, ...lines].join('\n');
}
