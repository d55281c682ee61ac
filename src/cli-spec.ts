/** The CLI contract of DESIGN.md: commands, flags and the help text, in one place. */
import type { AnyFlags } from 'meow';

export const COMMANDS = ['seed', 'plan', 'introspect', 'verify-integrity', 'rollback', 'init', 'demo'] as const;
export type Command = (typeof COMMANDS)[number];

export const FLAGS = {
  url: { type: 'string' },
  config: { type: 'string' },
  seed: { type: 'number' },
  rows: { type: 'number' },
  size: { type: 'string', choices: ['small', 'medium', 'large'] },
  env: { type: 'string' },
  tables: { type: 'string' },
  exclude: { type: 'string' },
  run: { type: 'string' },
  reset: { type: 'boolean' },
  append: { type: 'boolean' },
  checkpoint: { type: 'boolean' },
  disableTriggers: { type: 'boolean' },
  fast: { type: 'boolean' },
  yes: { type: 'boolean' },
  json: { type: 'boolean' },
  dryRun: { type: 'boolean' },
  lockTimeout: { type: 'number' },
  concurrency: { type: 'number' },
  allowProduction: { type: 'boolean' },
  connectTimeout: { type: 'number', default: 10 },
  requireRows: { type: 'boolean' },
  keep: { type: 'string' },
  verify: { type: 'boolean', default: true },
  help: { type: 'boolean', shortFlag: 'h' },
  version: { type: 'boolean', shortFlag: 'v' },
} satisfies AnyFlags;

export const HELP = `
Usage
  $ autoseed [command] [flags]

Commands
  seed               seed DATABASE_URL (or --url); the default command
  plan               show insertion order, counts, cycles and each column's generator
  introspect         print the schema autoseed sees (--json for the full catalog)
  verify-integrity   check FK / unique / not-null / check constraints and row counts
  rollback           delete the rows of the last run (--run ID, --dry-run, --yes)
  init               write a typed overrides.ts skeleton for this database, and its
                     types (autoseed-schema.d.ts); --yes to overwrite them
  demo               embedded PostgreSQL + bundled demo schema: seed, verify, summary

Flags
  --url URL              database to use (default: $DATABASE_URL)
  --config FILE          overrides file (default: ./overrides.ts if present); init writes there
  --seed N               random seed; same seed, same data
  --rows N               base row count per table
  --size S               small (100) | medium (10,000) | large (100,000) rows per table
  --env NAME             environment (default: $AUTOSEED_ENV, $NODE_ENV, development);
                         development: small, staging: medium, production: refused
  --tables a,b           only these tables
  --exclude a,b          every table but these
  --run ID               the run to roll back (rollback)
  --reset                truncate the seeded tables first (asks for confirmation)
  --append               seed again where a run already did, keys after the existing ones
  --checkpoint           commit table by table; an interrupted run resumes when run again
  --disable-triggers     switch the seeded tables' triggers off while seeding (table owner only)
  --fast                 build empty tables' indexes and keys after the load, skip per-row FK checks; all verified before COMMIT
                         (superuser, or SET on session_replication_role)
  --yes                  answer yes to confirmations; no interactive UI; init: overwrite
  --json                 machine-readable output (JSON lines while seeding)
  --dry-run              say what would happen, change nothing
  --lock-timeout SEC     wait this long for another run's lock (default: fail at once)
  --concurrency N        parallel connections
  --allow-production     allow writing to a production database (large volume)
  --connect-timeout SEC  give up connecting after SEC seconds (default: 10)
  --require-rows         verify-integrity: an empty table is a failure
  --keep DIR             demo: keep the embedded database in DIR
  --no-verify            seed UI: skip the verify-integrity check after seeding
  -h, --help             show this help
  -v, --version          show the version

Exit codes
  0 ok · 1 failed or violations found · 2 usage error · 3 lock busy · 130 interrupted

Examples
  $ DATABASE_URL=postgres://me@localhost/app autoseed
  $ autoseed introspect --url postgres://me@localhost/app --json
  $ autoseed init --url postgres://me@localhost/app    # then edit overrides.ts and seed
`;
