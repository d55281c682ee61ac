import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runScript } from '../helpers/cli.js';
import { serverUrl } from '../helpers/db.js';

/**
 * `npm run bench -- --quick` end to end against the test server: every scenario at 1/10 size,
 * one run each. Slow (about a minute on 2 cores), so it runs only when AUTOSEED_BENCH_SMOKE is set.
 * It runs the built bench (dist/bench/run.js), which `npm test` builds first. No timing assertions.
 */
const BENCH = fileURLToPath(new URL('../../dist/bench/run.js', import.meta.url));
const enabled = (process.env.AUTOSEED_BENCH_SMOKE ?? '') !== '';

function runBench(args: readonly string[]) {
  return runScript(BENCH, args);
}

describe.skipIf(!enabled)('npm run bench --quick (AUTOSEED_BENCH_SMOKE)', () => {
  it('runs every scenario at 1/10 size against the test server and prints the table', async () => {
    const result = await runBench(['--quick', '--url', serverUrl(), '--school-limit', '180']);
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stdout).toMatch(/^scenario\s+tool\s+rows\s+seconds\s+rows\/s\s+ratio\s+peak RSS\s+notes$/m);
    expect(result.stdout).toContain('reference: plain COPY FROM');
    expect(result.stdout).toContain('Targets (issue 9)');
  }, 900_000);
});
