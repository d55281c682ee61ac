import type { Catalog, Table } from '../catalog.js';
import { qualifiedName } from '../catalog.js';

/** A short, human summary of a catalog: totals, tables per schema, and what needs attention. */
export function formatCatalogSummary(catalog: Catalog, ms: number): string {
  const tables = catalog.tables;
  const count = (pick: (t: Table) => number) => tables.reduce((sum, t) => sum + pick(t), 0);
  const byKind = (kind: Table['kind']) => tables.filter((t) => t.kind === kind).length;
  const fks = tables.flatMap((t) => t.foreignKeys.map((fk) => ({ t, fk })));
  const perSchema = new Map<string, number>();
  for (const t of tables) perSchema.set(t.schema, (perSchema.get(t.schema) ?? 0) + 1);

  const empty = tables.filter((t) => t.kind === 'partitioned' && t.partitions.length === 0);
  const rewritingTriggers = tables.filter((t) =>
    t.triggers.some((tr) => tr.enabled !== 'disabled' && tr.timing === 'before' && tr.level === 'row' && tr.events.includes('insert')));
  const noKey = tables.filter((t) => t.kind !== 'partition' && !t.primaryKey && t.uniques.length === 0);

  const lines = [
    `PostgreSQL ${catalog.serverVersion} · database ${catalog.database} · introspected in ${ms} ms`,
    `tables      ${tables.length} (${byKind('table')} tables, ${byKind('partitioned')} partitioned, ${byKind('partition')} partitions)`,
    `columns     ${count((t) => t.columns.length)}`,
    `keys        ${count((t) => (t.primaryKey ? 1 : 0))} primary, ${count((t) => t.uniques.length)} unique`,
    `foreign keys ${fks.length} (${fks.filter(({ fk }) => fk.columns.length > 1).length} composite, ` +
      `${fks.filter(({ t, fk }) => fk.references.schema === t.schema && fk.references.table === t.name).length} self-referencing, ` +
      `${fks.filter(({ fk }) => fk.deferrable).length} deferrable)`,
    `checks      ${count((t) => t.checks.length)} · exclusions ${count((t) => t.exclusions.length)}`,
    `types       ${catalog.enums.length} enums, ${catalog.domains.length} domains · ${catalog.sequences.length} sequences`,
    `triggers    ${count((t) => t.triggers.length)} · rules ${count((t) => t.rules.length)}`,
    '',
    'tables per schema',
    ...[...perSchema].map(([schema, n]) => `  ${schema.padEnd(32)} ${n}`),
  ];
  const notes: string[] = [];
  if (empty.length > 0) notes.push(`${empty.length} partitioned tables have no partition and cannot hold rows: ${sample(empty)}`);
  if (rewritingTriggers.length > 0) notes.push(`${rewritingTriggers.length} tables have BEFORE INSERT row triggers: ${sample(rewritingTriggers)}`);
  if (noKey.length > 0) notes.push(`${noKey.length} tables have no primary or unique key: ${sample(noKey)}`);
  if (notes.length > 0) lines.push('', 'notes', ...notes.map((n) => `  ${n}`));
  return `${lines.join('\n')}\n`;
}

function sample(tables: readonly Table[]): string {
  const names = tables.slice(0, 5).map((t) => qualifiedName(t.schema, t.name));
  return tables.length > 5 ? `${names.join(', ')}, …` : names.join(', ');
}
