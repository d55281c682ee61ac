import type { Const } from './ast.js';

export type CompareOp = '>' | '>=' | '<' | '<=' | '=' | '<>';

/** One thing a CHECK requires of a row, in a form a generator can satisfy by construction. */
export type Fact =
  | { kind: 'compare'; column: string; op: CompareOp; value: Const }
  | { kind: 'in'; column: string; values: Const[]; transform?: 'upper' | 'lower' }
  | { kind: 'relation'; column: string; op: CompareOp; other: string }
  | { kind: 'not-null'; column: string }
  | { kind: 'is-null'; column: string }
  | { kind: 'length'; column: string; op: CompareOp; value: number }
  | { kind: 'regex'; column: string; pattern: string; caseInsensitive: boolean }
  | { kind: 'bool'; column: string; value: boolean }
  /** `to_regclass(col) IS NOT NULL`: the column names an existing table. */
  | { kind: 'names-table'; column: string }
  /** `jsonb_typeof(col) = 'array'`: the JSON value's kind. */
  | { kind: 'json-type'; column: string; type: string }
  /** `col = date_trunc('month', col)`: the value is a whole unit (month, day, hour, …). */
  | { kind: 'truncated'; column: string; unit: string }
  /** `NOT isempty(col)`: a range holding at least one point. */
  | { kind: 'non-empty'; column: string }
  /** `num_nonnulls(a, b) = 1`, `(a IS NOT NULL) <> (b IS NOT NULL)`: exactly one (or at least one) is set. */
  | { kind: 'non-null-count'; columns: string[]; exactly: boolean };

/** What one CHECK expression turned into. */
export interface CheckTranslation {
  facts: Fact[];
  /** True when satisfying `facts` is enough to satisfy the whole expression. */
  complete: boolean;
}

export function flip(op: CompareOp): CompareOp {
  switch (op) {
    case '>': return '<';
    case '>=': return '<=';
    case '<': return '>';
    case '<=': return '>=';
    default: return op;
  }
}
