import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS, HELP } from '../../src/cli-spec.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** `--flag` names in a text (long flags only, `--no-x` kept as written). */
function flags(text: string): Set<string> {
  return new Set([...text.matchAll(/(?<![\w-])--([a-z][a-z-]*[a-z])/g)].map((m) => `--${m[1]}`));
}

describe('README and --help tell the same story', () => {
  const helpFlags = flags(HELP);
  const readmeFlags = flags(README);

  it('every flag in --help is documented in the README', () => {
    expect([...helpFlags].filter((f) => !readmeFlags.has(f))).toEqual([]);
  });

  it('every flag the README mentions exists in --help', () => {
    // flags of other programs the README quotes (npm, tsc, node, psql examples, npm run bench)
    const foreign = new Set(['--save-dev', '--noEmit', '--strict', '--max-old-space-size', '--project', '--cpu-prof', '--quick', '--only']);
    expect([...readmeFlags].filter((f) => !helpFlags.has(f) && !foreign.has(f))).toEqual([]);
  });

  it('every command is in the README with an example', () => {
    for (const command of COMMANDS) {
      expect(README, command).toContain(`autoseed ${command}`);
      expect(README, command).toMatch(new RegExp(`npx autoseed (${command}|.*\\n.*${command})`));
    }
  });
});
