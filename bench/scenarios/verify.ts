/** `autoseed verify-integrity --json` on the database autoseed just filled (the blog schema). */
import { runNode } from '../child.js';
import type { BenchContext } from '../context.js';
import type { BenchDatabase } from '../databases.js';
import { CLI } from '../paths.js';
import { type BenchRow, rowFrom, type Sample } from '../results.js';
import { childFailure } from '../seed-output.js';

interface Report {
  totalRows: number;
  checks: number;
  violations: unknown[];
  failures: unknown[];
}

export async function benchVerify(ctx: BenchContext, database: BenchDatabase): Promise<BenchRow> {
  const samples: Sample[] = [];
  let report: Report | null = null;
  for (let i = 0; i < ctx.runs; i++) {
    const result = await runNode(CLI, ['verify-integrity', '--json', '--url', database.url]);
    // 1 is "violations found": still a measurement, reported in the notes
    if (result.code !== 0 && result.code !== 1) throw childFailure('autoseed verify-integrity', result);
    report = JSON.parse(result.stdout) as Report;
    samples.push({ seconds: result.seconds, rows: report.totalRows, rssKb: result.rssKb });
    ctx.log(`  verify-integrity run ${i + 1}/${ctx.runs}: ${result.seconds.toFixed(2)} s, ${report.totalRows} rows`);
  }
  const problems = report!.violations.length + report!.failures.length;
  // rows/s here is rows checked, not written: no ratio to an ingest speed
  return rowFrom({
    id: 'verify-blog',
    scenario: 'verify-integrity on the blog database',
    tool: 'autoseed verify-integrity',
    writes: false,
    note: `${report!.checks} checks, ${problems === 0 ? 'no violations' : `${problems} violations/failures`}`,
  }, samples);
}
