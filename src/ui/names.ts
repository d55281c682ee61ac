import type { TableEntry } from './backend.js';

/** Qualified name → the name the screens show: bare when every table is in one schema. */
export function nameOf(tables: readonly TableEntry[]): (key: string) => string {
  const multi = tables.some((t) => t.schema !== tables[0]?.schema);
  const bare = new Map(tables.map((t) => [t.key, t.name]));
  return (key) => (multi ? key : bare.get(key) ?? key);
}
