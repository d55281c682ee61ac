import { parseArgs } from 'node:util';

export interface BenchArgs {
  /** Another server (its admin URL) instead of the embedded one. */
  url: string | undefined;
  /** Write the figures here as JSON. */
  json: string | undefined;
  /** Everything at 1/10 size, one run each unless --runs says otherwise (a smoke test). */
  quick: boolean;
  /** Runs per measurement; the table shows the median. */
  runs: number;
  /** Embedded server only: fsync on (PostgreSQL's defaults) or off (and synchronous_commit, full_page_writes off). */
  fsync: boolean;
  /** Seconds one seed of the school schema may take before it is stopped and reported as reached. */
  schoolLimit: number;
  /** --rows for the school schema (default 100000; 10000 with --quick). */
  schoolRows: number | undefined;
  /** Also profile one autoseed seed of the blog schema (node --cpu-prof) and print the top self-time functions. */
  profile: boolean;
  /** Only these scenarios (ids as in --help); all by default. */
  only: readonly string[] | undefined;
  help: boolean;
}

export const SCENARIO_IDS = ['blog', 'reference', 'verify', 'drizzle', 'pgbench', 'school', 'plan', 'big'] as const;

/** Scenarios that run only when --only names them (they take minutes). */
export const OPT_IN_SCENARIOS: readonly string[] = ['big'];

export const USAGE = `Usage: npm run bench -- [flags]

  --url URL            use this server (an admin URL) instead of an embedded PostgreSQL
  --fsync on|off       embedded server: fsync on (default: PostgreSQL's default settings) or off
  --runs N             runs per measurement, median shown (default 3; 1 with --quick)
  --quick              everything at 1/10 size (smoke test)
  --json FILE          write the figures as JSON
  --school-limit SEC   stop one school seed after SEC seconds and report what it reached (default 300)
  --school-rows N      --rows for the demo school schema (default 100000; 10000 with --quick)
  --profile            also profile one blog seed with node --cpu-prof: top self-time functions
  --only a,b           only these scenarios: ${SCENARIO_IDS.join(', ')} (reference and verify need blog;
                       big, 10.25 M rows for the flat-memory target, runs only when named)
`;

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      url: { type: 'string' },
      json: { type: 'string' },
      quick: { type: 'boolean', default: false },
      runs: { type: 'string' },
      fsync: { type: 'string', default: 'on' },
      'school-limit': { type: 'string', default: '300' },
      'school-rows': { type: 'string' },
      profile: { type: 'boolean', default: false },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  const quick = values.quick === true;
  const runs = values.runs === undefined ? (quick ? 1 : 3) : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number >= 1');
  if (values.fsync !== 'on' && values.fsync !== 'off') throw new Error('--fsync must be on or off');
  const schoolLimit = Number(values['school-limit']);
  if (!(schoolLimit > 0)) throw new Error('--school-limit must be a number of seconds > 0');
  const schoolRows = values['school-rows'] === undefined ? undefined : Number(values['school-rows']);
  if (schoolRows !== undefined && (!Number.isInteger(schoolRows) || schoolRows < 1)) throw new Error('--school-rows must be a whole number >= 1');
  const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = only?.filter((id) => !(SCENARIO_IDS as readonly string[]).includes(id)) ?? [];
  if (unknown.length > 0) throw new Error(`--only: unknown scenario ${unknown.join(', ')} (known: ${SCENARIO_IDS.join(', ')})`);
  return {
    url: values.url,
    json: values.json,
    quick,
    runs,
    fsync: values.fsync === 'on',
    schoolLimit,
    schoolRows,
    profile: values.profile === true,
    only,
    help: values.help === true,
  };
}
