import { parseDatabaseUrl } from '../db/connect.js';
import { AutoseedError } from '../errors.js';

/**
 * Environments (R12). Which one a run is in decides its default volume and whether it may write
 * at all. Pure: the CLI hands in the flag and the process's variables; nothing here reads
 * `process.env`.
 */

export type Tier = 'development' | 'staging' | 'production';
export type Size = 'small' | 'medium' | 'large';

export interface Environment {
  /** The name as given, lower-cased (`development` when nothing was given). */
  readonly name: string;
  /** What the name means for volume and safety; unknown names (`test`, `ci`, `qa`) count as development. */
  readonly tier: Tier;
  /** Where the name came from: `--env`, `AUTOSEED_ENV`, `NODE_ENV` or `default`. */
  readonly source: string;
}

/** Base rows per table for each --size. */
export const SIZE_ROWS: Readonly<Record<Size, number>> = { small: 100, medium: 10_000, large: 100_000 };

/** The volume an environment gets when neither --size nor --rows says otherwise. */
const TIER_SIZE: Readonly<Record<Tier, Size>> = { development: 'small', staging: 'medium', production: 'large' };

const ALIASES: Readonly<Record<string, Tier>> = {
  development: 'development', dev: 'development', local: 'development',
  staging: 'staging', stage: 'staging', stg: 'staging', preprod: 'staging',
  production: 'production', prod: 'production', live: 'production',
};

type Vars = Readonly<Record<string, string | undefined>>;

/** `--env` first, then `AUTOSEED_ENV`, then `NODE_ENV`, else development. */
export function resolveEnvironment(flag: string | undefined, vars: Vars): Environment {
  const candidates: [string, string | undefined][] = [['--env', flag], ['AUTOSEED_ENV', vars.AUTOSEED_ENV], ['NODE_ENV', vars.NODE_ENV]];
  for (const [source, value] of candidates) {
    const name = value?.trim().toLowerCase();
    if (name) return { name, tier: ALIASES[name] ?? 'development', source };
  }
  return { name: 'development', tier: 'development', source: 'default' };
}

/** Base rows per table: --rows, else --size, else the environment's default volume. */
export function resolveRows(options: { rows?: number; size?: string; environment: Environment }): { rows: number; size: Size | null } {
  if (options.rows !== undefined) return { rows: options.rows, size: null };
  const size = isSize(options.size) ? options.size : TIER_SIZE[options.environment.tier];
  return { rows: SIZE_ROWS[size], size };
}

export function isSize(value: string | undefined): value is Size {
  return value === 'small' || value === 'medium' || value === 'large';
}

/** Hosts that are this machine: a production-labelled shell pointed at one is still someone's local copy. */
export function isLocalHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h) || h.startsWith('/') || h === '';
}

/**
 * Throws PRODUCTION_REFUSED, before anything connects, when a run that writes would write to
 * production without --allow-production: when the environment is production, or when the
 * process's variables (AUTOSEED_ENV / NODE_ENV) say production and the URL's host is not local
 * — so `--env development` can relabel a local copy, never a remote production server.
 */
export function guardProduction(options: { environment: Environment; vars: Vars; url: string; allowProduction: boolean }): void {
  if (options.allowProduction) return;
  const { host } = parseDatabaseUrl(options.url);
  if (options.environment.tier === 'production') {
    throw new AutoseedError('PRODUCTION_REFUSED', { environment: options.environment.name, source: options.environment.source, host });
  }
  const fromVars = resolveEnvironment(undefined, options.vars);
  if (fromVars.tier === 'production' && !isLocalHost(host)) {
    throw new AutoseedError('PRODUCTION_REFUSED', { environment: fromVars.name, source: `${fromVars.source}, and the host is not local`, host });
  }
}
