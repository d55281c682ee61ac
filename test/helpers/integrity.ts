import type pg from 'pg';

/**
 * Independent integrity checks for tests, written straight from pg_catalog (not through the code
 * under test): FK orphans, sequences behind their column, empty tables.
 */

interface FkRow {
  conname: string;
  child: string;
  parent: string;
  child_cols: string[];
  parent_cols: string[];
  full: boolean;
}

const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Every FK with at least one orphan row, with the orphan count (MATCH SIMPLE / FULL honoured). */
export async function fkOrphans(client: pg.Client): Promise<{ constraint: string; table: string; orphans: number }[]> {
  const { rows: fks } = await client.query<FkRow>(`
    SELECT c.conname,
           -- an INHERITS parent's FK binds its own rows only; a partitioned table's binds all partitions
           CASE WHEN cc.relkind = 'r' THEN 'ONLY ' ELSE '' END || format('%I.%I', cn.nspname, cc.relname) AS child,
           CASE WHEN pc.relkind = 'r' THEN 'ONLY ' ELSE '' END || format('%I.%I', pn.nspname, pc.relname) AS parent,
           (SELECT json_agg(a.attname ORDER BY k.o) FROM unnest(c.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS child_cols,
           (SELECT json_agg(a.attname ORDER BY k.o) FROM unnest(c.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n) AS parent_cols,
           c.confmatchtype = 'f' AS full
    FROM pg_constraint c
    JOIN pg_class cc ON cc.oid = c.conrelid JOIN pg_namespace cn ON cn.oid = cc.relnamespace
    JOIN pg_class pc ON pc.oid = c.confrelid JOIN pg_namespace pn ON pn.oid = pc.relnamespace
    WHERE c.contype = 'f' AND c.conparentid = 0`);
  const bad: { constraint: string; table: string; orphans: number }[] = [];
  for (const fk of fks) {
    const notNull = fk.child_cols.map((c) => `ch.${q(c)} IS NOT NULL`).join(fk.full ? ' OR ' : ' AND ');
    const join = fk.child_cols.map((c, k) => `p.${q(fk.parent_cols[k]!)} = ch.${q(c)}`).join(' AND ');
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${fk.child} ch WHERE (${notNull}) AND NOT EXISTS (SELECT 1 FROM ${fk.parent} p WHERE ${join})`);
    const n = Number(rows[0]!.n);
    if (n > 0) bad.push({ constraint: fk.conname, table: fk.child, orphans: n });
  }
  return bad;
}

/** Sequences owned by a column whose next value is not above the column's max. */
export async function sequencesBehind(client: pg.Client): Promise<string[]> {
  const { rows: seqs } = await client.query<{ seq: string; tbl: string; col: string }>(`
    SELECT format('%I.%I', sn.nspname, s.relname) AS seq, format('%I.%I', tn.nspname, t.relname) AS tbl, a.attname AS col
    FROM pg_depend d
    JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S' JOIN pg_namespace sn ON sn.oid = s.relnamespace
    JOIN pg_class t ON t.oid = d.refobjid JOIN pg_namespace tn ON tn.oid = t.relnamespace
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
    WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
      AND t.relkind IN ('r', 'p') AND NOT t.relispartition`);
  const behind: string[] = [];
  for (const s of seqs) {
    const { rows } = await client.query<{ behind: boolean }>(
      `SELECT (SELECT max(${q(s.col)}) FROM ${s.tbl})::numeric >= (SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM ${s.seq})::numeric AS behind`);
    if (rows[0]?.behind) behind.push(`${s.seq} (${s.tbl}.${s.col})`);
  }
  return behind;
}

/** Row counts of every user table (partitions counted in their parent, not on their own). */
export async function rowCounts(client: pg.Client): Promise<Map<string, number>> {
  const { rows: tables } = await client.query<{ name: string; key: string }>(`
    SELECT CASE WHEN c.relkind = 'r' THEN 'ONLY ' ELSE '' END || format('%I.%I', n.nspname, c.relname) AS name,
           n.nspname || '.' || c.relname AS key
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname !~ '^pg_' AND n.nspname NOT IN ('information_schema', 'autoseed')`);
  const counts = new Map<string, number>();
  for (const t of tables) {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${t.name}`);
    counts.set(t.key, Number(rows[0]!.n));
  }
  return counts;
}

/** Every constraint and index outside the system schemas (and autoseed's own), as text. */
export async function schemaObjects(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ line: string }>(`
    SELECT c.conrelid::regclass::text || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) || ' valid=' || c.convalidated
           || ' deferrable=' || c.condeferrable || ' deferred=' || c.condeferred || ' comment=' || coalesce(obj_description(c.oid, 'pg_constraint'), '') AS line
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'autoseed') AND c.conrelid <> 0
    UNION ALL
    SELECT pg_get_indexdef(i.indexrelid) || ' clustered=' || i.indisclustered || ' replident=' || i.indisreplident
           || ' valid=' || i.indisvalid || ' comment=' || coalesce(obj_description(i.indexrelid, 'pg_class'), '')
      FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid JOIN pg_namespace n ON n.oid = x.relnamespace
     WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'autoseed', 'pg_toast')
    ORDER BY 1`);
  return rows.map((r) => r.line);
}
