import type { Catalog, QualifiedName } from '../catalog.js';
import { qualifiedName } from '../catalog.js';
import type { Queryable } from '../db/queryable.js';
import type { Value } from '../inference/gen-context.js';
import type { SeedModel } from '../inference/model.js';
import { quoteIdent, quoteQualified } from '../sql/ident.js';
import type { ExistingKeys } from './generate/inputs.js';

/** How many existing rows of a parent a run may reference. */
const SAMPLE_ROWS = 10_000;

/** `ONLY "s"."t"` for an ordinary table, `"s"."t"` for a partitioned one (whose rows live in partitions). */
export function fromTable(t: { schema: string; name: string; kind: string }): string {
  return `${t.kind === 'partitioned' ? '' : 'ONLY '}${quoteQualified(t.schema, t.name)}`;
}

/** Row counts of every table (exact: count(*)); one query per table, tables are few enough. */
export async function countRows(q: Queryable, catalog: Catalog): Promise<Map<QualifiedName, number>> {
  const counts = new Map<QualifiedName, number>();
  const tables = catalog.tables.filter((t) => t.kind !== 'partition');
  const chunk = 200;
  for (let start = 0; start < tables.length; start += chunk) {
    const part = tables.slice(start, start + chunk);
    // one round trip for many tables
    // ONLY: an INHERITS parent's own rows, not its children's; a partitioned table's are its partitions'
    const sql = part.map((t, k) => `SELECT ${k} AS k, count(*)::bigint AS n FROM ${fromTable(t)}`).join(' UNION ALL ');
    const { rows } = await q.query<{ k: number; n: string }>(sql);
    for (const r of rows) {
      const t = part[r.k]!;
      counts.set(qualifiedName(t.schema, t.name), Number(r.n));
    }
  }
  return counts;
}

/** Where each injective column's key numbers start: after the current max for integers, else after the row count. */
export async function keyStarts(
  q: Queryable,
  model: SeedModel,
  seeded: ReadonlySet<QualifiedName>,
  rows: ReadonlyMap<QualifiedName, number>,
): Promise<Map<QualifiedName, Map<string, number>>> {
  const starts = new Map<QualifiedName, Map<string, number>>();
  for (const t of model.tables) {
    if (!seeded.has(t.key)) continue;
    const map = new Map<string, number>();
    for (const c of t.columns.filter((x) => x.injective)) {
      const existing = rows.get(t.key) ?? 0;
      if (['int2', 'int4', 'int8', 'numeric', 'oid', 'float4', 'float8', 'money'].includes(c.column.type.base) && existing > 0) {
        const { rows: r } = await q.query<{ m: string | null }>(
          `SELECT floor(max(${quoteIdent(c.name)}::numeric))::text AS m FROM ${quoteQualified(t.table.schema, t.table.name)}`);
        map.set(c.name, Math.max(0, Number(r[0]?.m ?? 0)));
      } else {
        map.set(c.name, existing);
      }
      const min = c.domain?.min;
      // a CHECK (col >= 1000) moves the first key up
      if (typeof min === 'number') map.set(c.name, Math.max(map.get(c.name)!, Math.ceil(min) - 1 + (c.domain?.minInclusive ? 0 : 1)));
    }
    starts.set(t.key, map);
  }
  return starts;
}

/** A sample of the referenced columns of tables that are referenced but not seeded. */
export async function sampleExistingKeys(
  q: Queryable,
  model: SeedModel,
  existingTables: ReadonlySet<QualifiedName>,
): Promise<Map<QualifiedName, ExistingKeys>> {
  const needed = new Map<QualifiedName, Set<string>>();
  for (const t of model.tables) {
    for (const fk of t.foreignKeys) {
      const parent = qualifiedName(fk.references.schema, fk.references.table);
      if (!existingTables.has(parent)) continue;
      const set = needed.get(parent) ?? new Set<string>();
      for (const c of fk.references.columns) set.add(c);
      needed.set(parent, set);
    }
  }
  const result = new Map<QualifiedName, ExistingKeys>();
  for (const [key, columnSet] of needed) {
    const t = model.tables.find((x) => x.key === key)!.table;
    const columns = [...columnSet];
    const list = columns.map(quoteIdent).join(', ');
    // as text: exactly the form a COPY line needs, whatever the type
    const select = columns.map((c, k) => `${quoteIdent(c)}::text AS k${k}`).join(', ');
    const { rows: found } = await q.query<Record<string, string | null>>(
      `SELECT ${select} FROM ${quoteQualified(t.schema, t.name)} ORDER BY ${list} LIMIT ${SAMPLE_ROWS}`);
    const rows: Value[][] = found.map((r) => columns.map((_, k) => r[`k${k}`] ?? null));
    result.set(key, { columns, rows });
  }
  return result;
}
