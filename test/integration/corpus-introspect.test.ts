import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog.js';
import { runCli } from '../helpers/cli.js';
import { corpusDir, corpusSchemas } from '../helpers/corpus.js';
import { createTestDatabase } from '../helpers/db.js';

// Counted straight from pg_catalog, independently of the introspection queries, with the same
// rules the Catalog documents: user schemas only, extension members left out, a partition does
// not repeat the FKs / CHECKs / unique indexes it inherits from its parent.
const COUNTS_SQL = `
WITH rel AS (
  SELECT c.oid, c.relispartition
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p') AND n.nspname !~ '^pg_' AND n.nspname NOT IN ('information_schema', 'autoseed')
    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
)
SELECT
  (SELECT count(*) FROM rel)::int AS tables,
  (SELECT count(*) FROM rel WHERE NOT relispartition)::int AS non_partition_tables,
  (SELECT count(*) FROM rel JOIN pg_attribute a ON a.attrelid = rel.oid WHERE a.attnum > 0 AND NOT a.attisdropped)::int AS columns,
  (SELECT count(*) FROM rel JOIN pg_constraint k ON k.conrelid = rel.oid WHERE k.contype = 'f' AND k.conparentid = 0)::int AS fks,
  (SELECT count(*) FROM rel JOIN pg_constraint k ON k.conrelid = rel.oid WHERE k.contype = 'f' AND k.conparentid = 0 AND cardinality(k.conkey) > 1)::int AS composite_fks,
  (SELECT count(*) FROM rel JOIN pg_constraint k ON k.conrelid = rel.oid WHERE k.contype = 'c' AND (k.conislocal OR NOT rel.relispartition))::int AS checks,
  (SELECT count(*) FROM rel JOIN pg_constraint k ON k.conrelid = rel.oid WHERE k.contype = 'p')::int AS primary_keys,
  (SELECT count(*) FROM rel JOIN pg_index i ON i.indrelid = rel.oid
    WHERE i.indisunique AND NOT i.indisprimary AND i.indisready
      AND NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = i.indexrelid))::int AS uniques,
  (SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE t.typtype = 'e' AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e'))::int AS enums,
  (SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE t.typtype = 'd' AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e'))::int AS domains`;

type Counts = Record<string, number>;

function countsOf(catalog: Catalog): Counts {
  const sum = (f: (t: Catalog['tables'][number]) => number) => catalog.tables.reduce((n, t) => n + f(t), 0);
  return {
    tables: catalog.tables.length,
    non_partition_tables: catalog.tables.filter((t) => t.partitionOf === null).length,
    columns: sum((t) => t.columns.length),
    fks: sum((t) => t.foreignKeys.length),
    composite_fks: sum((t) => t.foreignKeys.filter((fk) => fk.columns.length > 1).length),
    checks: sum((t) => t.checks.length),
    primary_keys: sum((t) => (t.primaryKey ? 1 : 0)),
    uniques: sum((t) => t.uniques.length),
    enums: catalog.enums.length,
    domains: catalog.domains.length,
  };
}

describe.skipIf(!corpusDir)('corpus: `autoseed introspect --json` agrees with pg_catalog', () => {
  it.each(corpusSchemas())('%s', async (name, sql) => {
    const db = await createTestDatabase(sql);
    try {
      const expected = (await db.client.query<Counts>(COUNTS_SQL)).rows[0];
      const started = performance.now();
      const result = await runCli(['introspect', '--json', '--url', db.url]);
      const seconds = (performance.now() - started) / 1000;
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const catalog = JSON.parse(result.stdout) as Catalog;
      expect(countsOf(catalog)).toEqual(expected);
      // every FK points at a table the catalog lists, with as many columns as it has
      const names = new Set(catalog.tables.map((t) => `${t.schema}.${t.name}`));
      for (const t of catalog.tables) {
        for (const fk of t.foreignKeys) {
          expect(names.has(`${fk.references.schema}.${fk.references.table}`)).toBe(true);
          expect(fk.references.columns).toHaveLength(fk.columns.length);
        }
      }
      process.stdout.write(`corpus ${name}: ${catalog.tables.length} tables introspected by the CLI in ${seconds.toFixed(2)} s\n`);
    } finally {
      await db.drop();
    }
  });
});
