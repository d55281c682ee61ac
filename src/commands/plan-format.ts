import type { SeedModel } from '../inference/model.js';
import type { Plan } from '../planner/plan-types.js';
import { piiColumns } from '../safety/pii.js';

/** The plan as plain data for `plan --json`: order, counts, cycles, skips, and every column's generator and reason. */
export function planToJson(model: SeedModel, plan: Plan): unknown {
  const planned = new Map(plan.tables.map((t) => [t.key, t]));
  return {
    seed: plan.seed,
    steps: plan.steps,
    cycles: plan.cycles,
    warnings: plan.warnings,
    // columns holding personal data (all synthetic), for a GDPR/CCPA audit
    pii: piiColumns(model).filter((p) => planned.get(p.table)?.mode === 'seed'),
    tables: model.tables.map((t) => {
      const p = planned.get(t.key)!;
      return {
        table: t.key,
        mode: p.mode,
        rows: p.rows,
        required: p.required,
        skip: p.skip,
        deferredFks: p.deferredFks,
        deferredConstraints: p.deferredConstraints,
        nullFks: p.nullFks,
        capacity: p.capacity,
        verifiedByPostgres: t.unverifiedChecks.map((c) => c.name),
        columns: t.columns.map((c) => ({
          name: c.name,
          type: c.column.type.sql,
          generator: c.generator.kind === 'semantic' ? c.generator.semantic : c.generator.kind === 'type' ? c.generator.base : c.generator.kind,
          reason: c.reason,
          nullRate: c.nullRate,
          unique: c.injective,
        })),
      };
    }),
  };
}

/** The plan for people: what is seeded in which order, cycles, skips, then columns per table. */
export function formatPlan(model: SeedModel, plan: Plan): string {
  const planned = new Map(plan.tables.map((t) => [t.key, t]));
  const lines: string[] = [`Plan (seed ${plan.seed})`, '', 'Insertion order'];
  let n = 0;
  for (const step of plan.steps) {
    if (step.kind === 'copy') lines.push(`  ${String(++n).padStart(3)}. ${step.table.padEnd(48)} ${String(planned.get(step.table)!.rows).padStart(8)} rows`);
    else if (step.kind === 'insert-together') lines.push(`  ${String(++n).padStart(3)}. ${step.tables.join(' + ')} (one statement: NOT NULL cycle)`);
    else lines.push(`       then UPDATE ${step.table} SET ${step.foreignKeys.join(', ')} (cycle)`);
  }
  if (plan.cycles.length > 0) {
    lines.push('', 'Cycles');
    for (const c of plan.cycles) {
      const how = c.strategy === 'single-statement'
        ? 'inserted together in one statement'
        : c.edges.map((e) => `${e.table}.${e.foreignKey} ${e.how === 'deferred-constraint' ? 'checked at COMMIT' : 'NULL first, then UPDATE'}`).join('; ');
      lines.push(`  ${c.tables.join(' ↔ ')}: ${how}`);
    }
  }
  const skipped = plan.tables.filter((t) => t.mode === 'skip');
  if (skipped.length > 0) {
    lines.push('', 'Not seeded');
    for (const t of skipped) lines.push(`  ${t.key}: ${t.skip?.reason ?? 'not selected'}${t.skip?.fix ? `\n      fix: ${t.skip.fix}` : ''}`);
  }
  if (plan.warnings.length > 0) lines.push('', 'Warnings', ...plan.warnings.map((w) => `  ${w}`));
  const pii = piiColumns(model).filter((p) => planned.get(p.table)?.mode === 'seed');
  if (pii.length > 0) {
    lines.push('', `Personal data columns (${pii.length}), filled with synthetic values only`);
    for (const p of pii) lines.push(`  ${`${p.table}.${p.column}`.padEnd(56)} ${p.kind}`);
  }
  lines.push('', 'Columns');
  let byName = 0;
  let byType = 0;
  let total = 0;
  for (const t of model.tables) {
    if (planned.get(t.key)?.mode !== 'seed') continue;
    lines.push(`  ${t.key}`);
    for (const c of t.columns) {
      const gen = c.generator.kind === 'semantic' ? c.generator.semantic : c.generator.kind === 'type' ? c.generator.base : c.generator.kind;
      lines.push(`    ${c.name.padEnd(32)} ${gen.padEnd(16)} ${c.reason}${c.injective ? ' · unique' : ''}`);
      total++;
      if (c.reason.startsWith('name:') || c.reason.startsWith('table-context:')) byName++;
      else if (c.reason.startsWith('type:')) byType++;
    }
  }
  lines.push('', `Coverage: ${total} columns; ${byName} by name, ${byType} by type only, ${total - byName - byType} by key, constraint or default`);
  return `${lines.join('\n')}\n`;
}
