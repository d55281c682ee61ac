import type { ForeignKey } from '../../catalog.js';
import { permute, type Rng } from '../../inference/rng.js';

/**
 * Which parent row a child row points at. Fan-out is skewed: a few parents get many children,
 * most get few, as in real data; the skew is scattered over the parents by a bijection.
 */
export function skewedParent(rng: Rng, parents: number, salt: number): number {
  const u = rng.next();
  return permute(Math.floor(parents * u * u), parents, salt);
}

/** A tree: row i points at an earlier row, so every chain ends at a root. */
export function treeParent(rng: Rng, row: number): number {
  return Math.floor(rng.next() * row);
}

/** Radix digits of row i over the given radices, scattered by a bijection on the whole space. */
export function radixDigits(row: number, radices: readonly number[], salt: number): number[] {
  const capacity = radices.reduce((a, b) => a * b, 1);
  let rest = permute(row % capacity, capacity, salt);
  return radices.map((r) => {
    const digit = rest % r;
    rest = Math.floor(rest / r);
    return digit;
  });
}

export function isSelfReference(fk: ForeignKey, schema: string, table: string): boolean {
  return fk.references.schema === schema && fk.references.table === table;
}
