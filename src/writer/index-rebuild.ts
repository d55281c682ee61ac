import type pg from 'pg';
import { type QualifiedName, qualifiedName } from '../catalog.js';
import { AutoseedError } from '../errors.js';
import { throwIfInterrupted } from '../safety/signals.js';
import { quoteIdent, quoteLiteral, quoteQualified } from '../sql/ident.js';
import { fromTable } from './probe.js';
import type { TableGenerator } from './generate/table-generator.js';

/** An index, key or foreign key taken off a table for its load, and the statement that puts it back. */
export interface Removed {
  readonly table: QualifiedName;
  readonly name: string;
  readonly kind: 'foreign key' | 'key' | 'index';
  /** A foreign key's referenced table: the key is added back once both tables hold their rows. */
  readonly references?: QualifiedName;
  readonly drop: string;
  readonly create: string;
}

interface ForeignKeyRow { id: string; schema: string; table: string; name: string; def: string; ref_schema: string; ref_table: string }

interface IndexRow {
  id: string;
  schema: string;
  table: string;
  index: string;
  indexdef: string;
  constraint: string | null;
  condef: string | null;
  pinned: boolean;
  foreign_keys: string[];
  other_dependents: boolean;
  method: string;
}

/** How long the DROPs wait for another session's lock before the run goes on without the rebuild. */
const DROP_LOCK_WAIT = '5s';

/**
 * Index methods whose CREATE INDEX inserts the rows one by one for most operator classes (GiST
 * without sortsupport, e.g. ranges and btree_gist's exclusion constraints; SP-GiST): building one
 * after the load costs what keeping it up does, in one statement longer than the next table's
 * rows generated ahead can cover; kept in place, that work overlaps the table's own generation.
 * Measured on the demo schema: a GiST exclusion constraint on 250,000 bookings took 3.4 s to add back.
 */
const INSERTION_BUILT: ReadonlySet<string> = new Set(['gist', 'spgist']);

/** maintenance_work_mem for the index builds, when the server's is lower (this transaction only). */
const BUILD_MEMORY = '256MB';

/**
 * `--fast` for tables that are empty when the run starts and that the role owns: their foreign
 * keys, primary and unique keys, exclusion constraints and plain indexes are recorded
 * (`pg_get_constraintdef`, `pg_get_indexdef`), dropped inside the run's transaction, and created
 * again after the load: building an index once is several times cheaper than keeping it up row
 * by row, and one validating join per foreign key replaces a trigger call per row. PostgreSQL
 * checks every constraint as it is added; a failure rolls the whole run back (the DDL with it)
 * and names the constraint.
 *
 * Left in place, so nothing else changes meaning: NOT VALID foreign keys (adding them back would
 * not check the new rows), indexes something else depends on (a foreign key of a table not
 * rebuilt, a replica identity, CLUSTER, a comment, a partitioned index), indexes in another
 * tablespace; and GiST and SP-GiST indexes, exclusion constraints on them included (INSERTION_BUILT). ALTER TABLE holds ACCESS EXCLUSIVE locks on these tables, and SHARE ROW EXCLUSIVE
 * on the tables their foreign keys reference, until COMMIT.
 */
export class IndexRebuild {
  /** `table` NUL `name` of every foreign key dropped: verify() skips them, the rebuild checks them. */
  private readonly foreignKeys: ReadonlySet<string>;

  /** What is still to be created again, in restore order. */
  private left: readonly Removed[];
  private memorySet = false;

  private constructor(removed: readonly Removed[], readonly tables: ReadonlySet<QualifiedName>) {
    this.left = removed;
    this.foreignKeys = new Set(removed.filter((r) => r.kind === 'foreign key').map((r) => `${r.table}\0${r.name}`));
  }

  static none(): IndexRebuild {
    return new IndexRebuild([], new Set());
  }

  /**
   * Drops what can be rebuilt on those of `candidates` the role owns and that hold no row, the
   * largest first, as long as the new indexes fit in half of the server's lock table beside what
   * the run holds on the `seeded` tables: every index dropped and created again is one more lock
   * until COMMIT (gitlab's 4,600 indexes would run the server out of shared memory).
   */
  static async prepare(
    client: pg.ClientBase,
    candidates: readonly TableGenerator[],
    seeded: readonly TableGenerator[],
    warn: (message: string) => void,
  ): Promise<IndexRebuild> {
    const owned = await ownedEmpty(client, candidates);
    if (owned.length === 0) return IndexRebuild.none();
    const names = owned.map(nameOf);
    const { rows: allFks } = await client.query<ForeignKeyRow>(FOREIGN_KEYS, [names]);
    const { rows: allIndexes } = await client.query<IndexRow>(INDEXES, [names]);
    const tables = withinLockRoom(owned, allIndexes, await lockRoom(client, seeded));
    if (tables.length === 0) return IndexRebuild.none();
    const chosen = new Set(tables.map((g) => g.key));
    const fks = allFks.filter((fk) => chosen.has(qualifiedName(fk.schema, fk.table)));
    const indexes = allIndexes.filter((ix) => chosen.has(qualifiedName(ix.schema, ix.table)));
    const removed: Removed[] = fks.map((fk) => ({ ...constraintOf(fk.schema, fk.table, fk.name, fk.def, 'foreign key'), references: qualifiedName(fk.ref_schema, fk.ref_table) }));
    const dropped = new Set(fks.map((fk) => fk.id));
    const keys: Removed[] = [];
    const plain: Removed[] = [];
    for (const ix of indexes) {
      if (ix.pinned || ix.other_dependents || INSERTION_BUILT.has(ix.method) || !ix.foreign_keys.every((id) => dropped.has(id))) continue;
      if (ix.constraint !== null && ix.condef !== null) keys.push(constraintOf(ix.schema, ix.table, ix.constraint, ix.condef, 'key'));
      else plain.push({ table: qualifiedName(ix.schema, ix.table), name: ix.index, kind: 'index', drop: `DROP INDEX ${quoteQualified(ix.schema, ix.index)}`, create: ix.indexdef });
    }
    // put back in this order: keys first (foreign keys need the referenced side's unique index)
    const all = [...keys, ...plain, ...removed];
    if (all.length === 0) return IndexRebuild.none();
    // foreign keys go first: a key's index cannot go while a foreign key depends on it
    const blocked = await dropWithin(client, [...removed, ...keys, ...plain].map((r) => r.drop).join(';\n'), tables.map(nameOf));
    if (blocked !== null) {
      warn(`--fast: ${blocked}; after ${DROP_LOCK_WAIT} the run goes on with the indexes and keys in place (per-row upkeep)`);
      return IndexRebuild.none();
    }
    return new IndexRebuild(all, chosen);
  }

  /** Foreign keys this rebuild checks itself as it adds them back (no separate verification needed). */
  rebuilds(table: QualifiedName, foreignKey: string): boolean {
    return this.foreignKeys.has(`${table}\0${foreignKey}`);
  }

  /**
   * Creates again what no step still to come writes to: the keys and indexes of the tables
   * loaded so far, and the foreign keys both of whose tables are (keys first: a foreign key
   * needs the referenced side's unique index). Built as the run goes, while the next table's
   * rows are generated, instead of all at the end with the client idle. Returns the work to run
   * (null: nothing is ready); its first refusal ends the run, naming the constraint. An aborted
   * `signal` stops it (INTERRUPTED).
   */
  restoreReady(pending: ReadonlySet<QualifiedName>): ((client: pg.ClientBase, signal?: AbortSignal) => Promise<void>) | null {
    const items = readyToRestore(this.left, pending);
    if (items.length === 0) return null;
    const chosen = new Set(items);
    this.left = this.left.filter((r) => !chosen.has(r));
    return (client, signal) => this.create(client, items, signal);
  }

  /** Creates everything dropped and not created yet. */
  async restore(client: pg.ClientBase, signal?: AbortSignal): Promise<void> {
    const items = this.left;
    this.left = [];
    await this.create(client, items, signal);
  }

  private async create(client: pg.ClientBase, items: readonly Removed[], signal?: AbortSignal): Promise<void> {
    if (items.length === 0) return;
    if (!this.memorySet) {
      await client.query(`SELECT set_config('maintenance_work_mem', '${BUILD_MEMORY}', true)
        WHERE pg_size_bytes(current_setting('maintenance_work_mem')) < pg_size_bytes('${BUILD_MEMORY}')`);
      this.memorySet = true;
    }
    for (const r of items) {
      throwIfInterrupted(signal);
      try {
        await client.query(r.create);
      } catch (error) {
        throw refused(r, error);
      }
    }
  }
}

/**
 * What of `left` (in restore order: keys, indexes, foreign keys) may be created now that no
 * step still to come writes to any table outside `pending`: the keys and indexes of tables not
 * pending, and the foreign keys neither of whose tables is.
 */
export function readyToRestore(left: readonly Removed[], pending: ReadonlySet<QualifiedName>): Removed[] {
  return left.filter((r) => !pending.has(r.table) && (r.references === undefined || !pending.has(r.references)));
}

function constraintOf(schema: string, table: string, name: string, def: string, kind: Removed['kind']): Removed {
  const target = `ALTER TABLE ${quoteQualified(schema, table)}`;
  return { table: qualifiedName(schema, table), name, kind, drop: `${target} DROP CONSTRAINT ${quoteIdent(name)}`, create: `${target} ADD CONSTRAINT ${quoteIdent(name)} ${def}` };
}

function refused(r: Removed, error: unknown): AutoseedError {
  const e = error as { message?: string; detail?: string; code?: string };
  const what = e.code === '23503' ? 'found a row pointing at no row of the referenced table'
    : e.code === '23505' ? 'found two rows with the same key'
    : e.code === '23P01' ? 'found two rows that conflict'
    : `refused it (${e.message ?? String(error)})`;
  return new AutoseedError('SEED_FAILED', {
    table: r.table,
    detail: `--fast added ${r.kind} ${r.name} back after the load and PostgreSQL ${what}`,
    constraint: r.name,
    sample: e.detail?.replace(/\.$/, '') ?? null,
  });
}

/**
 * Runs the DROPs under a savepoint, waiting at most DROP_LOCK_WAIT for the ACCESS EXCLUSIVE
 * locks they need: an application's open transaction that read one of these tables would
 * otherwise hold the run up with no end. Null when done; else who holds the lock (nothing dropped).
 */
async function dropWithin(client: pg.ClientBase, drops: string, tables: readonly string[]): Promise<string | null> {
  const { rows } = await client.query<{ wait: string }>("SELECT current_setting('lock_timeout') AS wait");
  await client.query('SAVEPOINT autoseed_fast_drop');
  try {
    await client.query(`SET LOCAL lock_timeout = '${DROP_LOCK_WAIT}'`);
    await client.query(drops);
    await client.query(`SET LOCAL lock_timeout = ${quoteLiteral(rows[0]!.wait)}`);
    await client.query('RELEASE SAVEPOINT autoseed_fast_drop');
    return null;
  } catch (error) {
    if ((error as { code?: string }).code !== '55P03') throw error;
    // back to before the savepoint: no DROP happened, lock_timeout is the session's again
    await client.query('ROLLBACK TO SAVEPOINT autoseed_fast_drop');
    await client.query('RELEASE SAVEPOINT autoseed_fast_drop');
    const { rows: holders } = await client.query<{ rel: string; pid: number; state: string | null }>(`
      SELECT DISTINCT l.relation::regclass::text AS rel, a.pid, a.state
        FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
       WHERE l.relation = ANY($1::regclass[]) AND l.granted AND l.pid <> pg_backend_pid()
       ORDER BY 1, 2 LIMIT 3`, [tables]);
    const who = holders.map((h) => `${h.rel} by process ${h.pid}${h.state ? ` (${h.state})` : ''}`).join(', ');
    return `another session holds a lock on ${who || 'a table it would rebuild'} (end that transaction to let --fast rebuild)`;
  }
}

function nameOf(g: TableGenerator): string {
  return quoteQualified(g.model.table.schema, g.model.table.name);
}

/**
 * How many more locks the run may take: half the server's lock table (max_locks_per_transaction
 * × (max_connections + max_prepared_transactions)) less one per seeded table, partition and index.
 */
async function lockRoom(client: pg.ClientBase, seeded: readonly TableGenerator[]): Promise<number> {
  const { rows } = await client.query<{ slots: number; held: number }>(`
    WITH RECURSIVE t(oid) AS (SELECT unnest($1::regclass[])::oid UNION SELECT i.inhrelid FROM pg_inherits i JOIN t ON i.inhparent = t.oid)
    SELECT current_setting('max_locks_per_transaction')::int
             * (current_setting('max_connections')::int + current_setting('max_prepared_transactions')::int) AS slots,
           ((SELECT count(*) FROM t) + (SELECT count(*) FROM pg_index WHERE indrelid IN (SELECT oid FROM t)))::int AS held`,
  [seeded.map(nameOf)]);
  const r = rows[0]!;
  return Math.floor(r.slots / 2) - r.held;
}

/** The tables to rebuild, largest first, while their indexes (each one more lock) fit in `room`. */
function withinLockRoom(tables: readonly TableGenerator[], indexes: readonly IndexRow[], room: number): TableGenerator[] {
  const count = new Map<QualifiedName, number>();
  for (const ix of indexes) {
    const key = qualifiedName(ix.schema, ix.table);
    count.set(key, (count.get(key) ?? 0) + 1);
  }
  const chosen: TableGenerator[] = [];
  let used = 0;
  for (const g of [...tables].sort((a, b) => b.planned.rows - a.planned.rows)) {
    const n = count.get(g.key) ?? 0;
    if (used + n > room) continue;
    used += n;
    chosen.push(g);
  }
  return chosen;
}

/** The candidates the role owns that have no row (ONLY: an inheritance parent's own rows). */
async function ownedEmpty(client: pg.ClientBase, candidates: readonly TableGenerator[]): Promise<TableGenerator[]> {
  if (candidates.length === 0) return [];
  const names = candidates.map(nameOf);
  const { rows } = await client.query<{ owned: boolean[] }>(
    "SELECT array_agg(pg_has_role(c.relowner, 'USAGE') ORDER BY t.k) AS owned FROM unnest($1::regclass[]) WITH ORDINALITY AS t(oid, k) JOIN pg_class c ON c.oid = t.oid",
    [names]);
  const owned = candidates.filter((_, k) => rows[0]?.owned?.[k] === true);
  if (owned.length === 0) return [];
  const probe = owned.map((g, k) => `SELECT ${k} AS k WHERE EXISTS (SELECT FROM ${fromTable(g.model.table)})`).join(' UNION ALL ');
  const { rows: full } = await client.query<{ k: number }>(probe);
  const nonEmpty = new Set(full.map((r) => r.k));
  return owned.filter((_, k) => !nonEmpty.has(k));
}

/** Validated foreign keys of the tables, not inherited from a partitioned parent, without comments. */
const FOREIGN_KEYS = `
SELECT c.oid::text AS id, n.nspname AS schema, r.relname AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS def,
  fn.nspname AS ref_schema, f.relname AS ref_table
FROM pg_constraint c
JOIN pg_class r ON r.oid = c.conrelid
JOIN pg_namespace n ON n.oid = r.relnamespace
JOIN pg_class f ON f.oid = c.confrelid
JOIN pg_namespace fn ON fn.oid = f.relnamespace
WHERE c.contype = 'f' AND c.conrelid = ANY($1::regclass[]) AND c.convalidated AND c.conparentid = 0
  AND obj_description(c.oid, 'pg_constraint') IS NULL
ORDER BY n.nspname, r.relname, c.conname`;

/**
 * Indexes of the tables, each with its key or exclusion constraint when it has one, whether it
 * must stay (pinned), the constraints that depend on it (foreign keys) and whether anything else does.
 */
const INDEXES = `
SELECT i.indexrelid::text AS id, n.nspname AS schema, r.relname AS table, x.relname AS index, am.amname AS method,
  pg_get_indexdef(i.indexrelid) AS indexdef, c.conname AS constraint,
  CASE WHEN c.oid IS NULL THEN NULL ELSE pg_get_constraintdef(c.oid) END AS condef,
  (i.indisclustered OR i.indisreplident OR NOT i.indisvalid OR NOT i.indisready OR x.reltablespace <> 0 OR x.relkind <> 'i'
    OR obj_description(i.indexrelid, 'pg_class') IS NOT NULL
    OR (c.oid IS NOT NULL AND (c.conparentid <> 0 OR obj_description(c.oid, 'pg_constraint') IS NOT NULL))) AS pinned,
  ARRAY(SELECT d.objid::text FROM pg_depend d
        WHERE d.refclassid = 'pg_class'::regclass AND d.refobjid = i.indexrelid AND d.classid = 'pg_constraint'::regclass AND d.deptype = 'n') AS foreign_keys,
  EXISTS (SELECT FROM pg_depend d WHERE d.deptype <> 'i' AND (
      (d.refclassid = 'pg_class'::regclass AND d.refobjid = i.indexrelid AND d.classid <> 'pg_constraint'::regclass)
      OR (c.oid IS NOT NULL AND d.refclassid = 'pg_constraint'::regclass AND d.refobjid = c.oid))) AS other_dependents
FROM pg_index i
JOIN pg_class x ON x.oid = i.indexrelid
JOIN pg_am am ON am.oid = x.relam
JOIN pg_class r ON r.oid = i.indrelid
JOIN pg_namespace n ON n.oid = r.relnamespace
LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid AND c.contype IN ('p', 'u', 'x')
WHERE i.indrelid = ANY($1::regclass[])
ORDER BY n.nspname, r.relname, x.relname`;
