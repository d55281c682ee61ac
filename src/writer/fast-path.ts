import type pg from 'pg';
import { qualifiedName, type QualifiedName } from '../catalog.js';
import { AutoseedError } from '../errors.js';
import { foreignKeyQuery } from '../verify/foreign-keys.js';
import type { ViolationRow } from '../verify/types.js';
import type { Plan, PlanStep } from '../planner/plan-types.js';
import type { GeneratorSet } from './generate/generator-set.js';
import type { TableGenerator } from './generate/table-generator.js';
import { rebuildMinRows } from './batching.js';
import { IndexRebuild } from './index-rebuild.js';

/**
 * `--fast`, two ways, both inside the run's transaction:
 * - tables empty at the start that the role owns have their indexes, keys and foreign keys
 *   dropped and built again after the load (IndexRebuild), which checks every one of them;
 * - with `session_replication_role` settable (a superuser, or PostgreSQL 15+ `GRANT SET ON
 *   PARAMETER session_replication_role`), the COPY of every trigger- and rule-free table runs as
 *   `replica`, which skips the per-row FK checks; the FKs not rebuilt are verified set-wise, one
 *   anti-join each, before COMMIT.
 * User triggers and rules never stop firing: a table with any is written the normal way, and a
 * table some trigger reads keeps its indexes. An orphan or a duplicate rolls the whole run back,
 * naming the constraint. When neither way is open to the role, the run says why and seeds normally.
 */
export class FastPath {
  private readonly loaded: TableGenerator[] = [];
  private replica = false;
  private rebuild = IndexRebuild.none();
  /**
   * The server work queued between steps (index builds, the role switch), run while the next
   * table's rows are generated: a step awaits ready() before it sends anything of its own.
   */
  private queued: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | null = null;

  private constructor(private readonly client: pg.ClientBase, private readonly replicaAllowed: boolean, private readonly user: string) {}

  static async open(client: pg.ClientBase): Promise<FastPath> {
    const { rows } = await client.query<{ user: string; superuser: boolean; version: string }>(
      "SELECT current_user AS user, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser, current_setting('server_version_num') AS version");
    const me = rows[0]!;
    let allowed = me.superuser === true;
    if (!allowed && Number(me.version) >= 150000) {
      const { rows: p } = await client.query<{ ok: boolean }>("SELECT has_parameter_privilege('session_replication_role', 'SET') AS ok");
      allowed = p[0]?.ok === true;
    }
    return new FastPath(client, allowed, me.user);
  }

  /**
   * Whether `gen`'s COPY may skip the per-row FK checks: no user triggers, no rules, and not
   * partitioned (its partitions' triggers and rules are theirs; such tables keep the checks).
   */
  static eligible(gen: TableGenerator): boolean {
    const t = gen.model.table;
    return t.triggers.length === 0 && t.rules.length === 0 && t.partitions.length === 0;
  }

  /**
   * At the start of a transaction, with the tables it copies, the ones it must leave as they are
   * (updated later in the run, read by triggers) and every table the run seeds (their locks count
   * against the server's lock table): drops what can be rebuilt. Returns why
   * `--fast` can do nothing for this role, or null.
   */
  async begin(
    copied: readonly TableGenerator[],
    keep: ReadonlySet<QualifiedName>,
    seeded: readonly TableGenerator[],
    warn: (message: string) => void,
  ): Promise<string | null> {
    // planned rows: a generator's row count settles only once its parents are written (radix capacity)
    const minRows = rebuildMinRows();
    const candidates = copied.filter((g) => FastPath.eligible(g) && g.planned.rows >= minRows && !keep.has(g.key) && (g.inputs.existingRows.get(g.key) ?? 0) === 0);
    this.rebuild = await IndexRebuild.prepare(this.client, candidates, seeded, warn);
    if (this.replicaAllowed || this.rebuild.tables.size > 0 || candidates.length === 0) return null;
    return `--fast builds indexes and keys after the load only on empty tables the role owns, and skips per-row FK checks only for a superuser ` +
      `or a role with SET on session_replication_role (PostgreSQL 15+: GRANT SET ON PARAMETER session_replication_role TO ${this.user}): ` +
      'neither applies here, seeding with per-row checks instead';
  }

  /**
   * Before each step: replica for an eligible COPY, and for the cycle UPDATE of a table loaded
   * that way (its foreign keys, the one the UPDATE fills included, are verified set-wise with the
   * rest: no FK check per updated row); the normal role for everything else. Queued behind the
   * index builds of the steps before (see ready()).
   */
  before(step: PlanStep | null, gens: GeneratorSet): void {
    const gen = step && step.kind !== 'insert-together' ? gens.generator(step.table)! : null;
    const replica = gen !== null && (step!.kind === 'copy' ? this.replicaAllowed && FastPath.eligible(gen) : this.loaded.includes(gen));
    if (replica !== this.replica) {
      this.queue(() => this.client.query(`SET LOCAL session_replication_role = ${replica ? 'replica' : 'origin'}`));
      this.replica = replica;
    }
    if (replica && step!.kind === 'copy') this.loaded.push(gen);
  }

  /**
   * After a step: starts building again what no step still to come writes to (`pending`: the
   * tables of those steps). It runs on the server while the client generates the next table's
   * rows; the next step's first statement waits for it through ready().
   */
  afterStep(pending: ReadonlySet<QualifiedName>, signal?: AbortSignal): void {
    const build = this.rebuild.restoreReady(pending);
    if (build) this.queue(() => build(this.client, signal));
  }

  /** Resolves once the queued server work is done; rejects with its first failure. */
  async ready(): Promise<void> {
    await this.queued;
    if (this.failure) throw this.failure.error;
  }

  /**
   * The error to report for a run that failed with `error`: a queued index build's own refusal
   * when one failed (every statement after it only found the transaction aborted).
   */
  async cause(error: unknown): Promise<unknown> {
    await this.queued;
    return this.failure?.error ?? error;
  }

  private queue(work: () => Promise<unknown>): void {
    // a failure is kept for ready(): nothing may be left to reject unobserved
    this.queued = this.queued.then(async () => {
      if (this.failure) return;
      try {
        await work();
      } catch (error) {
        this.failure = { error };
      }
    });
  }

  /** Back to the normal role; indexes, keys and FKs built again; the other FKs of tables loaded without checks verified set-wise. */
  async verify(gens: GeneratorSet, signal?: AbortSignal): Promise<void> {
    this.before(null, gens);
    await this.ready();
    await this.rebuild.restore(this.client, signal);
    for (const gen of this.loaded.splice(0)) {
      const table = gen.model.table;
      for (const fk of table.foreignKeys) {
        if (this.rebuild.rebuilds(gen.key, fk.name)) continue;
        const parent = gens.model(qualifiedName(fk.references.schema, fk.references.table))?.table;
        const { rows } = await this.client.query<ViolationRow>(foreignKeyQuery(table, fk, parent).sql);
        const found = rows[0];
        if (found && Number(found.total) > 0) {
          throw new AutoseedError('SEED_FAILED', {
            table: gen.key,
            detail: `--fast verification found ${found.total} row(s) whose foreign key ${fk.name} points at no row of ${fk.references.schema}.${fk.references.table}`,
            constraint: fk.name,
            sample: JSON.stringify(found.sample),
          });
        }
      }
    }
    this.rebuild = IndexRebuild.none();
  }
}

/**
 * Tables `--fast` leaves their indexes and keys to: those a cycle UPDATEs after their load (the
 * UPDATE finds rows through the key), those with deferred constraints, and those whose name
 * appears in a trigger function of a seeded table (a trigger may look rows up, or rely on a
 * unique key with ON CONFLICT, while the run is still loading).
 */
export function tablesToKeep(plan: Plan, gens: GeneratorSet): Set<QualifiedName> {
  const keep = new Set<QualifiedName>();
  const words = new Set<string>();
  for (const t of plan.tables) {
    if (t.deferredConstraints.length > 0) keep.add(t.key);
    for (const trigger of gens.model(t.key)?.table.triggers ?? []) {
      for (const w of (trigger.functionSource ?? '').matchAll(/"((?:[^"]|"")+)"|([A-Za-z_][\w$]*)/g)) {
        words.add(w[1] !== undefined ? w[1].replace(/""/g, '"') : w[2]!.toLowerCase());
      }
    }
  }
  for (const step of plan.steps) if (step.kind === 'update') keep.add(step.table);
  for (const t of plan.tables) {
    const name = gens.model(t.key)?.table.name;
    if (name !== undefined && words.has(name)) keep.add(t.key);
  }
  return keep;
}
