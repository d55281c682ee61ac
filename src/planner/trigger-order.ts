import type { TableModel } from '../inference/model.js';

/**
 * Order preferences from triggers: a table whose INSERT trigger reads another table comes after it,
 * unless the foreign keys (or an earlier preference) already put it first; those are kept.
 */
export function triggerEdges(seeded: readonly TableModel[], componentOf: ReadonlyMap<string, number>, fkEdges: readonly [string, string][]): [string, string][] {
  const next = new Map<string, Set<string>>();
  const link = (a: string, b: string) => next.set(a, (next.get(a) ?? new Set()).add(b));
  for (const [a, b] of fkEdges) link(a, b);
  const reaches = (from: string, to: string) => {
    const seen = new Set([from]);
    const stack = [from];
    while (stack.length > 0) {
      const at = stack.pop()!;
      if (at === to) return true;
      for (const n of next.get(at) ?? []) if (!seen.has(n)) (seen.add(n), stack.push(n));
    }
    return false;
  };
  const added: [string, string][] = [];
  for (const t of seeded) {
    for (const read of t.triggerReads) {
      const a = componentOf.get(read);
      const b = componentOf.get(t.key);
      if (a === undefined || b === undefined || a === b) continue;
      const [from, to] = [String(a), String(b)];
      if (next.get(from)?.has(to) || reaches(to, from)) continue;
      link(from, to);
      added.push([from, to]);
    }
  }
  return added;
}
