import type { Queryable } from '../db/queryable.js';
import { AutoseedError, type LockHolderInfo } from '../errors.js';
import { sleep, throwIfInterrupted } from './signals.js';

/**
 * The concurrency guard (R11): one autoseed run that writes (seed, seed --reset, rollback) per
 * database at a time.
 *
 * Key: the bigint 0x6175746f73656564 — "autoseed" in ASCII — taken with the one-argument
 * (bigint) form of `pg_try_advisory_lock`. pg_locks shows it as `locktype = 'advisory'`,
 * `classid = 1635087471` (0x6175746f, "auto"), `objid = 1936024932` (0x73656564, "seed"),
 * `objsubid = 1`. Advisory locks live in one database (pg_locks.database), so the same key guards
 * each database separately: runs against two databases of one server never wait for each other.
 *
 * It is a session lock, taken on the run's main connection: it outlives the COMMITs of
 * `--checkpoint` runs, and the ROLLBACK of a failed one. The checker connection never takes it.
 * Released explicitly on every exit path (`finally`); if the process dies (kill -9), PostgreSQL
 * ends the session and drops the lock with it.
 */
export const LOCK_KEY = 0x6175746f73656564n;

/** Poll interval while waiting for --lock-timeout. */
const POLL_MS = 200;

/** How the key appears in pg_locks: the high and low 32 bits. */
export function lockKeyParts(key: bigint = LOCK_KEY): { classid: number; objid: number; objsubid: 1 } {
  return { classid: Number(key >> 32n), objid: Number(key & 0xffffffffn), objsubid: 1 };
}

export interface AcquireOptions {
  /** Seconds to wait for another run to finish; 0 fails at once. */
  timeoutSeconds: number;
  signal?: AbortSignal;
  /** Called once when the lock is busy and the run starts waiting. */
  onWait?: (holder: LockHolderInfo | null) => void;
}

/** Takes the lock, waiting up to `timeoutSeconds`; throws LOCK_BUSY (exit 3) naming the holder. */
export async function acquireLock(q: Queryable, options: AcquireOptions): Promise<void> {
  const deadline = performance.now() + options.timeoutSeconds * 1000;
  let waiting = false;
  for (;;) {
    const { rows } = await q.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS ok', [LOCK_KEY.toString()]);
    if (rows[0]?.ok) return;
    const holder = await lockHolder(q);
    if (performance.now() >= deadline) {
      const { rows: db } = await q.query<{ name: string }>('SELECT current_database() AS name');
      throw new AutoseedError('LOCK_BUSY', { database: db[0]?.name ?? '?', holder, waited: options.timeoutSeconds });
    }
    if (!waiting) options.onWait?.(holder);
    waiting = true;
    await sleep(Math.min(POLL_MS, Math.max(0, deadline - performance.now())), options.signal);
    throwIfInterrupted(options.signal);
  }
}

/** Releases the lock if this session holds it; never throws (a broken connection has lost it anyway). */
export async function releaseLock(q: Queryable): Promise<void> {
  await q.query('SELECT pg_advisory_unlock($1::bigint)', [LOCK_KEY.toString()]).catch(() => undefined);
}

/** The session holding the lock in this database, from pg_locks and pg_stat_activity; null when free. */
export async function lockHolder(q: Queryable): Promise<LockHolderInfo | null> {
  const { classid, objid, objsubid } = lockKeyParts();
  const { rows } = await q.query<{ pid: number; application_name: string | null; usename: string | null; client: string | null; since: string | null }>(
    `SELECT l.pid, a.application_name, a.usename::text AS usename, a.client_addr::text AS client,
            to_char(a.backend_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS since
     FROM pg_locks l
     LEFT JOIN pg_stat_activity a ON a.pid = l.pid
     WHERE l.locktype = 'advisory' AND l.granted
       AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
       AND l.classid = $1::bigint::oid AND l.objid = $2::bigint::oid AND l.objsubid = $3
     LIMIT 1`,
    [classid, objid, objsubid]);
  const r = rows[0];
  if (!r) return null;
  // pg_stat_activity hides other roles' sessions from non-superusers: application_name comes back NULL or ''
  return { pid: r.pid, applicationName: r.application_name || null, user: r.usename, client: r.client, since: r.since };
}
