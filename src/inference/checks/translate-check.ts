import { parseSync } from 'libpg-query';
import { type Const, type Node, columnName, constant, constantList, funcName, opName, stripCasts } from './ast.js';
import { type CheckTranslation, type CompareOp, type Fact, flip } from './facts.js';
import { timeExpression } from './time-expression.js';

const COMPARE_OPS = new Set<string>(['>', '>=', '<', '<=', '=', '<>', '!=']);
const LENGTH_FUNCS = new Set(['length', 'char_length', 'character_length', 'octet_length']);

const UNKNOWN: CheckTranslation = { facts: [], complete: false };

/**
 * Turns a CHECK expression (as `pg_get_expr` prints it) into facts about columns, using the real
 * PostgreSQL parser. `libpg-query`'s `loadModule()` must have been awaited once before.
 * Domain checks are translated with `valueColumn` standing for `VALUE`.
 */
export function translateCheck(expression: string, valueColumn?: string): CheckTranslation {
  let root: Node | undefined;
  try {
    root = parseSync(`SELECT ${expression}`)?.stmts?.[0]?.stmt?.SelectStmt?.targetList?.[0]?.ResTarget?.val;
  } catch {
    return UNKNOWN;
  }
  return root ? translate(root, valueColumn) : UNKNOWN;
}

function translate(node: Node, valueColumn: string | undefined): CheckTranslation {
  const col = (n: Node | undefined) => {
    const name = columnName(n);
    return name === 'value' && valueColumn !== undefined ? valueColumn : name;
  };

  if (node.BoolExpr) {
    const args = (node.BoolExpr.args ?? []) as Node[];
    const parts = args.map((a) => translate(a, valueColumn));
    switch (node.BoolExpr.boolop) {
      case 'AND_EXPR':
        return { facts: parts.flatMap((p) => p.facts), complete: parts.every((p) => p.complete) };
      case 'OR_EXPR':
        return chooseBranch(parts);
      case 'NOT_EXPR': {
        const inner = stripCasts(args[0]);
        if (funcName(inner) === 'isempty') {
          const range = col(inner!.FuncCall.args?.[0] as Node | undefined);
          return range ? fact({ kind: 'non-empty', column: range }) : UNKNOWN;
        }
        const name = col(args[0]);
        return name ? fact({ kind: 'bool', column: name, value: false }) : UNKNOWN;
      }
    }
    return UNKNOWN;
  }

  if (node.NullTest) {
    const arg = stripCasts(node.NullTest.arg);
    if (node.NullTest.nulltesttype === 'IS_NOT_NULL' && (funcName(arg) === 'to_regclass' || funcName(arg) === 'to_regtype')) {
      const name = col(arg!.FuncCall.args?.[0]);
      return name && funcName(arg) === 'to_regclass' ? fact({ kind: 'names-table', column: name }) : UNKNOWN;
    }
    const name = col(node.NullTest.arg);
    if (!name) return UNKNOWN;
    return fact(node.NullTest.nulltesttype === 'IS_NOT_NULL' ? { kind: 'not-null', column: name } : { kind: 'is-null', column: name });
  }

  if (node.BooleanTest) {
    const name = col(node.BooleanTest.arg);
    if (!name) return UNKNOWN;
    switch (node.BooleanTest.booltesttype) {
      case 'IS_TRUE':
        return { facts: [{ kind: 'bool', column: name, value: true }, { kind: 'not-null', column: name }], complete: true };
      case 'IS_FALSE':
        return { facts: [{ kind: 'bool', column: name, value: false }, { kind: 'not-null', column: name }], complete: true };
      case 'IS_NOT_TRUE':
        return fact({ kind: 'bool', column: name, value: false });
      case 'IS_NOT_FALSE':
        return fact({ kind: 'bool', column: name, value: true });
    }
    return UNKNOWN;
  }

  // a bare boolean column: CHECK (active)
  if (stripCasts(node)?.ColumnRef) {
    const name = col(node);
    return name ? fact({ kind: 'bool', column: name, value: true }) : UNKNOWN;
  }

  const expr = node.A_Expr;
  if (!expr) return UNKNOWN;
  const op = opName(expr);

  if ((expr.kind === 'AEXPR_OP_ANY' && op === '=') || (expr.kind === 'AEXPR_IN' && op === '=')) {
    const values = constantList(expr.rexpr);
    const target = transformed(expr.lexpr, col);
    return values && target ? fact({ kind: 'in', column: target.column, values, ...(target.transform ? { transform: target.transform } : {}) }) : UNKNOWN;
  }

  // `x NOT IN (0, 1)`, stored as `x <> ALL (ARRAY[0, 1])`: one exclusion per value
  if ((expr.kind === 'AEXPR_OP_ALL' || expr.kind === 'AEXPR_IN') && (op === '<>' || op === '!=')) {
    const values = constantList(expr.rexpr);
    const name = col(expr.lexpr);
    // a NULL in the list only makes the test unknown, which a CHECK lets through
    const facts: Fact[] = (values ?? []).filter((v) => v !== null).map((value) => ({ kind: 'compare', column: name ?? '', op: '<>', value }));
    return values && name ? { facts, complete: true } : UNKNOWN;
  }

  if (expr.kind === 'AEXPR_BETWEEN') {
    const name = col(expr.lexpr);
    const items = (expr.rexpr?.List?.items ?? []) as Node[];
    if (!name || items.length !== 2) return UNKNOWN;
    // each bound on its own: `BETWEEN '1930-01-01' AND now() - interval '18 years'` keeps the constant one
    const low: { value: Const; approximate?: boolean } | undefined = constant(items[0]) ?? timeExpression(items[0]);
    const high: { value: Const; approximate?: boolean } | undefined = constant(items[1]) ?? timeExpression(items[1]);
    const facts: Fact[] = [];
    if (low) facts.push({ kind: 'compare', column: name, op: '>=', value: low.value });
    if (high) facts.push({ kind: 'compare', column: name, op: '<=', value: high.value });
    const exact = (b: { value: Const; approximate?: boolean } | undefined) => b !== undefined && b.approximate !== true;
    return { facts, complete: exact(low) && exact(high) };
  }

  if (expr.kind !== 'AEXPR_OP') return UNKNOWN;

  if (op === '~' || op === '~*') {
    const name = col(expr.lexpr);
    const pattern = constant(expr.rexpr)?.value;
    return name && typeof pattern === 'string'
      ? fact({ kind: 'regex', column: name, pattern, caseInsensitive: op === '~*' })
      : UNKNOWN;
  }

  if (!COMPARE_OPS.has(op)) return UNKNOWN;
  const cmp: CompareOp = op === '!=' ? '<>' : (op as CompareOp);

  const counted = nonNullCount(expr, cmp, col);
  if (counted) return counted;
  const truncated = cmp === '=' ? truncation(expr, col) : undefined;
  if (truncated) return truncated;
  const jsonKind = cmp === '=' ? jsonType(expr, col) : undefined;
  if (jsonKind) return jsonKind;

  // length(col) op n
  for (const [side, other, o] of [[expr.lexpr, expr.rexpr, cmp], [expr.rexpr, expr.lexpr, flip(cmp)]] as const) {
    const fn = funcName(stripCasts(side));
    if (fn && LENGTH_FUNCS.has(fn)) {
      const name = col(stripCasts(side)!.FuncCall.args?.[0]);
      const n = constant(other)?.value;
      if (name && typeof n === 'number') return fact({ kind: 'length', column: name, op: o, value: n });
      return UNKNOWN;
    }
  }

  const left = transformed(expr.lexpr, col);
  const right = transformed(expr.rexpr, col);
  const lc = constant(expr.lexpr);
  const rc = constant(expr.rexpr);
  if (left && rc) return compareFact(left, cmp, rc.value);
  if (right && lc) return compareFact(right, flip(cmp), lc.value);
  // `col <= now() + interval '1 day'`: a bound relative to the run's reference time, verified by PostgreSQL
  const lt = timeExpression(expr.lexpr);
  const rt = timeExpression(expr.rexpr);
  if (left && !left.transform && rt) return { facts: [{ kind: 'compare', column: left.column, op: cmp, value: rt.value }], complete: false };
  if (right && !right.transform && lt) return { facts: [{ kind: 'compare', column: right.column, op: flip(cmp), value: lt.value }], complete: false };
  if (left && right && !left.transform && !right.transform) {
    return fact({ kind: 'relation', column: left.column, op: cmp, other: right.column });
  }
  return UNKNOWN;
}

function compareFact(target: { column: string; transform?: 'upper' | 'lower' }, op: CompareOp, v: Const): CheckTranslation {
  if (target.transform) {
    // upper(col) = 'X': generate exactly 'X'
    return op === '=' ? fact({ kind: 'in', column: target.column, values: [v], transform: target.transform }) : UNKNOWN;
  }
  return fact({ kind: 'compare', column: target.column, op, value: v });
}

/** `col`, `upper(col)`, `lower(col::text)` → the column and the case transform. */
function transformed(
  node: Node | undefined,
  col: (n: Node | undefined) => string | undefined,
): { column: string; transform?: 'upper' | 'lower' } | undefined {
  const direct = col(node);
  if (direct) return { column: direct };
  const inner = stripCasts(node);
  const fn = funcName(inner);
  if (fn === 'upper' || fn === 'lower') {
    const name = col(inner!.FuncCall.args?.[0]);
    if (name) return { column: name, transform: fn };
  }
  return undefined;
}

/**
 * A row satisfies `A OR B` when it satisfies either: pick a branch we can satisfy completely,
 * preferring one that asks for values over one that asks for NULLs (more realistic data).
 */
function chooseBranch(parts: CheckTranslation[]): CheckTranslation {
  const merged = mergeEqualities(parts) ?? exactlyOneOf(parts);
  if (merged) return merged;
  const complete = parts.filter((p) => p.complete && p.facts.length > 0);
  if (complete.length === 0) return UNKNOWN;
  // `x >= y OR x IS NULL`: the comparison is already satisfied by a NULL x, so take it
  const nullsLast = [...complete].sort((a, b) => nullCount(a) - nullCount(b));
  return nullsLast[0]!;
}

function nullCount(t: CheckTranslation): number {
  return t.facts.filter((f) => f.kind === 'is-null').length;
}

function fact(f: Fact): CheckTranslation {
  return { facts: [f], complete: true };
}

/** `a = 'x' OR a = 'y' OR a IN ('z')` → one IN fact over all the values. */
function mergeEqualities(parts: CheckTranslation[]): CheckTranslation | undefined {
  const values: Const[] = [];
  let column: string | undefined;
  for (const p of parts) {
    const f = p.facts[0];
    if (!p.complete || p.facts.length !== 1 || !f) return undefined;
    if (f.kind === 'compare' && f.op === '=') values.push(f.value);
    else if (f.kind === 'in' && !f.transform) values.push(...f.values);
    else return undefined;
    if (column !== undefined && column !== f.column) return undefined;
    column = f.column;
  }
  return column === undefined ? undefined : fact({ kind: 'in', column, values });
}

/**
 * "Exactly one of these is set": `(a IS NOT NULL) <> (b IS NOT NULL)`, `num_nonnulls(a, b, …) = 1`,
 * `num_nulls(a, b) = 1`; and "at least one": `num_nonnulls(…) >= 1` or `> 0`.
 */
function nonNullCount(expr: Node, cmp: CompareOp, col: (n: Node | undefined) => string | undefined): CheckTranslation | undefined {
  const l = stripCasts(expr.lexpr);
  const r = stripCasts(expr.rexpr);
  if (cmp === '<>' && l?.NullTest && r?.NullTest && l.NullTest.nulltesttype === r.NullTest.nulltesttype) {
    const a = col(l.NullTest.arg);
    const b = col(r.NullTest.arg);
    return a && b ? fact({ kind: 'non-null-count', columns: [a, b], exactly: true }) : undefined;
  }
  const fn = funcName(l);
  if (fn !== 'num_nonnulls' && fn !== 'num_nulls') return undefined;
  const columns = ((l!.FuncCall.args ?? []) as Node[]).map((a) => col(a));
  const n = constant(expr.rexpr)?.value;
  if (columns.some((c) => c === undefined) || typeof n !== 'number') return undefined;
  const names = columns as string[];
  const nonNulls = fn === 'num_nonnulls' ? n : names.length - n;
  if (cmp === '=' && nonNulls === 1) return fact({ kind: 'non-null-count', columns: names, exactly: true });
  if (fn === 'num_nonnulls' && ((cmp === '>=' && n === 1) || (cmp === '>' && n === 0))) {
    return fact({ kind: 'non-null-count', columns: names, exactly: false });
  }
  return undefined;
}

/** `(a IS NULL AND b IS NOT NULL) OR (a IS NOT NULL AND b IS NULL)`: exactly one of a, b is set. */
function exactlyOneOf(parts: CheckTranslation[]): CheckTranslation | undefined {
  if (parts.length < 2 || parts.some((p) => !p.complete)) return undefined;
  const columns = new Set<string>();
  const setPerBranch: string[] = [];
  for (const p of parts) {
    const set = p.facts.filter((f) => f.kind === 'not-null').map((f) => (f as { column: string }).column);
    const unset = p.facts.filter((f) => f.kind === 'is-null').map((f) => (f as { column: string }).column);
    if (set.length !== 1 || set.length + unset.length !== p.facts.length) return undefined;
    setPerBranch.push(set[0]!);
    for (const c of [...set, ...unset]) columns.add(c);
  }
  const all = [...columns];
  const shape = parts.every((p) => p.facts.length === all.length) && new Set(setPerBranch).size === parts.length;
  return shape && all.length === parts.length ? fact({ kind: 'non-null-count', columns: all, exactly: true }) : undefined;
}

/** `col = date_trunc('month', col::timestamptz)` (either side): col holds whole months. */
function truncation(expr: Node, col: (n: Node | undefined) => string | undefined): CheckTranslation | undefined {
  for (const [side, other] of [[expr.lexpr, expr.rexpr], [expr.rexpr, expr.lexpr]] as const) {
    const name = col(side);
    const call = stripCasts(other);
    if (!name || funcName(call) !== 'date_trunc') continue;
    const args = (call!.FuncCall.args ?? []) as Node[];
    const unit = constant(args[0])?.value;
    if (typeof unit === 'string' && col(args[1]) === name) return fact({ kind: 'truncated', column: name, unit: unit.toLowerCase() });
  }
  return undefined;
}

/** `jsonb_typeof(col) = 'array'` / `json_typeof(…)`: the column holds that kind of JSON value. */
function jsonType(expr: Node, col: (n: Node | undefined) => string | undefined): CheckTranslation | undefined {
  for (const [side, other] of [[expr.lexpr, expr.rexpr], [expr.rexpr, expr.lexpr]] as const) {
    const call = stripCasts(side);
    const fn = funcName(call);
    if (fn !== 'jsonb_typeof' && fn !== 'json_typeof') continue;
    const name = col(call!.FuncCall.args?.[0]);
    const kind = constant(other)?.value;
    if (name && typeof kind === 'string') return fact({ kind: 'json-type', column: name, type: kind });
  }
  return undefined;
}
