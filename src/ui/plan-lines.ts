import type { Plan } from '../planner/plan-types.js';
import type { PiiColumn, TableEntry } from './backend.js';
import { formatInt, plural } from './format.js';
import { type Line, section } from './lines.js';
import { nameOf } from './names.js';

/** The plan screen's body: insertion order, cycles, tables not seeded, warnings, PII columns. */
export function planLines(plan: Plan, tables: readonly TableEntry[], pii: readonly PiiColumn[] | null): Line[] {
  const planned = new Map(plan.tables.map((t) => [t.key, t]));
  const seeded = plan.tables.filter((t) => t.mode === 'seed');
  const total = seeded.reduce((n, t) => n + t.rows, 0);
  const name = nameOf(tables);
  const order: Line[] = [];
  let n = 0;
  for (const step of plan.steps) {
    if (step.kind === 'copy') {
      const t = planned.get(step.table);
      const marks = [t?.required ? 'required' : '', t?.capacity ? `max ${formatInt(t.capacity.rows)}` : ''].filter(Boolean).join(', ');
      order.push({ text: `${String(++n).padStart(2)}. ${name(step.table)}${marks ? `  (${marks})` : ''}`, right: `${formatInt(t?.rows ?? 0)} rows` });
    } else if (step.kind === 'insert-together') {
      const rows = step.tables.reduce((sum, k) => sum + (planned.get(k)?.rows ?? 0), 0);
      order.push({ text: `${String(++n).padStart(2)}. ${step.tables.map(name).join(' + ')}  (one statement)`, right: `${formatInt(rows)} rows` });
    } else {
      order.push({ text: `    then UPDATE ${name(step.table)} SET ${step.foreignKeys.join(', ')}`, tone: 'dim' });
    }
  }
  const cycles: Line[] = plan.cycles.flatMap((c): Line[] => [
    { text: c.tables.map(name).join(' ↔ ') },
    ...(c.strategy === 'single-statement'
      ? [{ text: '  ↳ NOT NULL both ways: inserted together in one statement', tone: 'dim' as const }]
      : c.edges.map((e) => ({
          text: `  ↳ ${name(e.table)}.${e.foreignKey}: ${e.how === 'deferred-constraint' ? 'checked at COMMIT' : 'NULL first, then UPDATE'}`,
          tone: 'dim' as const,
        }))),
  ]);
  const existing: Line[] = plan.tables.filter((t) => t.mode === 'existing').map((t) => ({
    text: `${name(t.key)}: not seeded, its ${formatInt(t.rows)} existing rows are referenced`, tone: 'dim',
  }));
  const skipped: Line[] = plan.tables.filter((t) => t.mode === 'skip').map((t) => ({
    text: `${name(t.key)}: ${t.skip ? `${t.skip.reason}${t.skip.fix ? ` (fix: ${t.skip.fix})` : ''}` : 'not selected'}`,
    tone: t.skip ? 'warn' : 'dim',
  }));
  return [
    { text: `${plural(seeded.length, 'table')}, ${plural(total, 'row')}, seed ${plan.seed}`, tone: 'accent' },
    ...section('Insertion order', order),
    ...section('Cycles', cycles),
    ...section('Existing rows used', existing),
    ...section('Not seeded', skipped),
    ...section('Warnings', plan.warnings.map((w) => ({ text: `! ${w}`, tone: 'warn' as const }))),
    ...piiLines(pii?.filter((c) => planned.get(c.table)?.mode === 'seed') ?? null, name),
  ];
}

/**
 * The PII slot: columns holding personal data, listed for audit. `null` means the model does not
 * detect PII yet, and then the slot shows nothing.
 */
export function piiLines(pii: readonly PiiColumn[] | null, name: (key: string) => string): Line[] {
  if (pii === null) return [];
  const lines: Line[] = pii.length === 0
    ? [{ text: 'none detected', tone: 'dim' }]
    : pii.map((c) => ({ text: `${name(c.table)}.${c.column}`, right: c.kind }));
  return section('PII columns (synthetic values only)', lines);
}
