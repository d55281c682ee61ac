import type { Column } from '../catalog.js';
import type { Queryable } from '../db/queryable.js';
import type { Value } from '../inference/gen-context.js';
import type { ColumnModel } from '../inference/model.js';
import { quoteIdent, quoteQualified } from '../sql/ident.js';
import { type Screen, checkScreen } from './check-screen.js';
import { encodeText } from './encode-copy.js';

/** PostgreSQL allows 65,535 parameters per statement. */
const MAX_PARAMS = 60_000;

/**
 * The verified fallback for CHECKs that could not be turned into generator constraints:
 * PostgreSQL itself evaluates them over candidate rows (one query per batch) and says which
 * rows fail. Nothing is written.
 */
export class CheckFilter {
  private readonly sqlByCount = new Map<number, string>();
  /** Per check, what JavaScript decides of it (null: PostgreSQL only); all set: rows can skip the query. */
  private readonly screens: readonly (Screen | null)[];

  constructor(
    private readonly columns: readonly ColumnModel[],
    private readonly checks: readonly { name: string; expression: string; column?: string }[],
  ) {
    this.screens = checks.map((c) => checkScreen(c, columns));
  }

  /** How many rows fit in one evaluation query. */
  get batchSize(): number {
    return Math.max(1, Math.floor(MAX_PARAMS / (this.columns.length + 1)));
  }

  /** Indexes (into `rows`) of rows that fail a check, with the name of one check each fails. */
  async failing(q: Queryable, rows: readonly Value[][]): Promise<Map<number, string>> {
    const unsure = this.unsure(rows);
    const asked = unsure ? unsure.map((k) => rows[k]!) : rows;
    const failures = new Map<number, string>();
    for (let start = 0; start < asked.length; start += this.batchSize) {
      await this.evaluate(q, asked, start, Math.min(asked.length, start + this.batchSize), failures);
    }
    if (!unsure) return failures;
    return new Map([...failures].map(([k, name]) => [unsure[k]!, name]));
  }

  /** Indexes of the rows JavaScript cannot pass on every check (null: it can decide none of them). */
  private unsure(rows: readonly Value[][]): number[] | null {
    const screens = this.screens;
    if (!screens.every((s) => s !== null)) return null;
    const out: number[] = [];
    for (let k = 0; k < rows.length; k++) {
      const row = rows[k]!;
      if (!screens.every((s) => s!(row))) out.push(k);
    }
    return out;
  }

  /**
   * Evaluates rows [from, to). A check can raise an error instead of being false
   * (`to_regclass('not a name')`): then the range is split until the rows that raise are found,
   * and those count as failing.
   */
  private async evaluate(q: Queryable, rows: readonly Value[][], from: number, to: number, failures: Map<number, string>): Promise<void> {
    const params: (string | null)[] = [];
    // overrides.ts sql`…` values go into the query as expressions: they have no text form
    let inline: (string | null)[][] | null = null;
    for (let k = from; k < to; k++) {
      params.push(String(k));
      const row = rows[k]!;
      for (let c = 0; c < row.length; c++) {
        const sql = sqlOf(row[c]!);
        if (sql === null) {
          params.push(encodeText(row[c]!));
          continue;
        }
        inline ??= Array.from({ length: to - from }, () => Array<string | null>(row.length).fill(null));
        inline[k - from]![c] = sql;
      }
    }
    try {
      const text = inline ? this.build(to - from, inline) : this.sql(to - from);
      const { rows: bad } = await q.query<{ n: number; failed: string }>(text, params);
      for (const r of bad) failures.set(Number(r.n), r.failed);
    } catch (error) {
      if (to - from === 1) {
        failures.set(from, `${this.checks.map((c) => c.name).join(' / ')} (${(error as Error).message})`);
        return;
      }
      const mid = from + Math.ceil((to - from) / 2);
      await this.evaluate(q, rows, from, mid, failures);
      await this.evaluate(q, rows, mid, to, failures);
    }
  }

  /** The query for `count` rows of parameters only (cached per count). */
  private sql(count: number): string {
    let sql = this.sqlByCount.get(count);
    if (!sql) {
      sql = this.build(count, null);
      this.sqlByCount.set(count, sql);
    }
    return sql;
  }

  /** The query for `count` rows; `inline[row][column]`, where set, is an expression in place of a parameter. */
  private build(count: number, inline: readonly (readonly (string | null)[])[] | null): string {
    let p = 0;
    const tuples = Array.from({ length: count }, (_, k) => {
      const cells = [`$${++p}::int`];
      this.columns.forEach((column, c) => {
        const expression = inline?.[k]?.[c];
        cells.push(expression == null ? `$${++p}` : `(${expression})::${baseTypeSql(column.column)}`);
      });
      return `(${cells.join(', ')})`;
    });
    const raw = ['n', ...this.columns.map((_, c) => `c${c}`)].join(', ');
    // the checks see the row under its real column names, typed as the columns' base types
    const typed = this.columns.map((c, k) => `v.c${k}::${baseTypeSql(c.column)} AS ${quoteIdent(c.name)}`).join(', ');
    const failedCase = this.checks
      .map((chk) => `WHEN (${this.condition(chk)}) IS FALSE THEN ${quoteLiteralText(chk.name)}`)
      .join(' ');
    return `SELECT n, failed FROM (
  SELECT v.n, CASE ${failedCase} END AS failed
  FROM (VALUES ${tuples.join(', ')}) AS v(${raw})
  CROSS JOIN LATERAL (SELECT ${typed}) AS r
) AS x WHERE failed IS NOT NULL`;
  }

  private condition(check: { expression: string; column?: string }): string {
    // a domain check speaks of VALUE: evaluate it with VALUE bound to the column
    if (check.column) return `(SELECT ${check.expression} FROM (SELECT r.${quoteIdent(check.column)} AS value) AS d)`;
    return check.expression;
  }
}

/** The column's type without its domain, so casting a candidate never runs the domain's checks. */
function baseTypeSql(column: Column): string {
  const t = column.type;
  const base = t.baseSchema === 'pg_catalog' ? quoteIdent(t.base) : quoteQualified(t.baseSchema, t.base);
  return base + '[]'.repeat(t.arrayDims);
}

/** The SQL of an overrides.ts sql`…` value; null for every other value. */
function sqlOf(value: Value): string | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array) && 'sql' in value ? (value as { sql: string }).sql : null;
}

function quoteLiteralText(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}
