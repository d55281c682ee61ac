import type { Column, Table } from '../catalog.js';
import { NAME_RULES, TABLE_NAME_KINDS } from './kind-rules.js';
import type { SemanticKind } from './kinds.js';

/** Splits a column name into lower-case tokens: snake_case, camelCase, "Quoted Names". */
export function tokenize(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function containsSequence(tokens: readonly string[], seq: readonly string[]): boolean {
  outer: for (let i = 0; i + seq.length <= tokens.length; i++) {
    for (let j = 0; j < seq.length; j++) if (tokens[i + j] !== seq[j]) continue outer;
    return true;
  }
  return false;
}

/** The semantic kind a text column's name (and its table's name) implies, and why. */
export function kindFromName(column: Column, table: Table): { kind: SemanticKind; reason: string } | null {
  const tokens = tokenize(column.name);
  if (tokens.length === 1 && tokens[0] === 'name') {
    for (const [pattern, kind] of TABLE_NAME_KINDS) {
      if (pattern.test(table.name.toLowerCase())) return { kind, reason: `table-context:${table.name}.name` };
    }
    return { kind: 'name', reason: 'name:name' };
  }
  for (const rule of NAME_RULES) {
    if (rule.match.some((seq) => containsSequence(tokens, seq))) return { kind: rule.kind, reason: `name:${rule.kind}` };
  }
  return null;
}
