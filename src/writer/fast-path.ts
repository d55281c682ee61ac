import type pg from 'pg';
import { qualifiedName } from '../catalog.js';
import { AutoseedError } from '../errors.js';
import { foreignKeyQuery } from '../verify/foreign-keys.js';
import type { ViolationRow } from '../verify/types.js';
import type { GeneratorSet } from './generate/generator-set.js';
import type { TableGenerator } from './generate/table-generator.js';

/**
 * `--fast`: PostgreSQL checks each FK with one trigger call per inserted row. Inside the run's
 * transaction, `SET LOCAL session_replication_role = replica` turns those checks off for the COPY
 * of tables that have no triggers or rules of their own (user triggers and rules never stop
 * firing: a table with any is written the normal way), and before COMMIT every FK of those
 * tables is verified set-wise, one anti-join each: an orphan rolls the whole run back, naming
 * the constraint. Unique, CHECK, NOT NULL and exclusion constraints are enforced as always.
 * Setting the role needs a superuser, or (PostgreSQL 15+) `GRANT SET ON PARAMETER
 * session_replication_role`; without it the run says so and goes the normal way.
 */
export class FastPath {
  private readonly loaded: TableGenerator[] = [];
  private replica = false;

  private constructor(private readonly client: pg.ClientBase) {}

  /** The fast path, or the reason it is not available to this role. */
  static async open(client: pg.ClientBase): Promise<FastPath | string> {
    const { rows } = await client.query<{ user: string; superuser: boolean; version: string }>(
      "SELECT current_user AS user, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser, current_setting('server_version_num') AS version");
    const me = rows[0]!;
    let allowed = me.superuser === true;
    if (!allowed && Number(me.version) >= 150000) {
      const { rows: p } = await client.query<{ ok: boolean }>("SELECT has_parameter_privilege('session_replication_role', 'SET') AS ok");
      allowed = p[0]?.ok === true;
    }
    if (allowed) return new FastPath(client);
    return `--fast needs a superuser, or SET on session_replication_role (PostgreSQL 15+: GRANT SET ON PARAMETER session_replication_role TO ${me.user}); ` +
      'seeding with per-row FK checks instead';
  }

  /**
   * Whether `gen`'s COPY may skip the per-row FK checks: no user triggers, no rules, and not
   * partitioned (its partitions' triggers and rules are theirs; such tables keep the checks).
   */
  static eligible(gen: TableGenerator): boolean {
    const t = gen.model.table;
    return t.triggers.length === 0 && t.rules.length === 0 && t.partitions.length === 0;
  }

  /** Before each step: replica for an eligible COPY, the normal role for everything else. */
  async before(gen: TableGenerator | null): Promise<void> {
    const replica = gen !== null && FastPath.eligible(gen);
    if (replica !== this.replica) {
      await this.client.query(`SET LOCAL session_replication_role = ${replica ? 'replica' : 'origin'}`);
      this.replica = replica;
    }
    if (replica && gen) this.loaded.push(gen);
  }

  /** Back to the normal role, then every FK of the tables loaded without checks, set-wise. */
  async verify(gens: GeneratorSet): Promise<void> {
    await this.before(null);
    for (const gen of this.loaded.splice(0)) {
      const table = gen.model.table;
      for (const fk of table.foreignKeys) {
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
  }
}
