import type { ForeignKey, QualifiedName } from '../catalog.js';
import { isAcyclic } from './graph.js';

/** An FK edge inside a strongly connected component. */
export interface CycleEdge {
  readonly child: QualifiedName;
  readonly parent: QualifiedName;
  readonly fk: ForeignKey;
  /** Checked at COMMIT when deferred: costs nothing inside the run's transaction. */
  readonly deferrable: boolean;
  /** Can be written NULL and filled by an UPDATE later. */
  readonly nullable: boolean;
}

export interface CycleBreak {
  readonly removed: readonly CycleEdge[];
}

const BRUTE_FORCE_LIMIT = 14;

/**
 * The cheapest set of edges to defer so the component becomes acyclic: deferrable constraints
 * cost 1 (nothing to write later), nullable edges cost 2 (an UPDATE pass). Null when no set of
 * deferrable or nullable edges breaks every cycle.
 */
export function breakCycle(tables: readonly QualifiedName[], edges: readonly CycleEdge[]): CycleBreak | null {
  const breakable = edges.filter((e) => e.deferrable || e.nullable);
  const cost = (e: CycleEdge) => (e.deferrable ? 1 : 2);
  const acyclicWithout = (removed: ReadonlySet<CycleEdge>) =>
    isAcyclic(tables, edges.filter((e) => !removed.has(e)).map((e): [string, string] => [e.child, e.parent]));

  if (breakable.length <= BRUTE_FORCE_LIMIT) {
    let best: CycleEdge[] | null = null;
    let bestCost = Number.POSITIVE_INFINITY;
    for (let mask = 1; mask < 1 << breakable.length; mask++) {
      const subset = breakable.filter((_, i) => mask & (1 << i));
      const c = subset.reduce((sum, e) => sum + cost(e), 0);
      if (c >= bestCost) continue;
      if (acyclicWithout(new Set(subset))) {
        best = subset;
        bestCost = c;
      }
    }
    return best ? { removed: best } : null;
  }
  // too many to try every subset: defer them all, then put back what is not needed
  const removed = new Set(breakable);
  if (!acyclicWithout(removed)) return null;
  for (const e of [...breakable].sort((a, b) => cost(b) - cost(a))) {
    removed.delete(e);
    if (!acyclicWithout(removed)) removed.add(e);
  }
  return { removed: [...removed] };
}
