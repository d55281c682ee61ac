import type { QualifiedName } from '../catalog.js';
import type { Plan, PlanStep } from '../planner/plan-types.js';

/**
 * How a `--checkpoint` run splits its plan into transactions: one per table, except that the
 * tables of an FK cycle stay together with their UPDATE pass — a cycle is only consistent once
 * all of it is written (a deferred constraint would fail at a COMMIT in between). Every unit
 * leaves the database consistent, so a run killed between two units resumes at the next. Pure.
 */
export function checkpointUnits(plan: Plan): PlanStep[][] {
  const cycleOf = new Map<QualifiedName, number>();
  plan.cycles.forEach((c, k) => c.tables.forEach((t) => cycleOf.set(t, k)));
  const units: PlanStep[][] = [];
  let current: PlanStep[] = [];
  let currentCycle: number | undefined;
  for (const step of plan.steps) {
    const cycle = cycleOf.get(stepTables(step)[0]!);
    if (current.length > 0 && (cycle === undefined || cycle !== currentCycle)) {
      units.push(current);
      current = [];
    }
    current.push(step);
    currentCycle = cycle;
  }
  if (current.length > 0) units.push(current);
  return units;
}

/** The tables a step writes. */
export function stepTables(step: PlanStep): readonly QualifiedName[] {
  return step.kind === 'insert-together' ? step.tables : [step.table];
}
