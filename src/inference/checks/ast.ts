/**
 * Readers for the JSON parse trees libpg-query returns (PostgreSQL's own raw parse nodes).
 * Each returns undefined when the node is not of the expected shape.
 */

// libpg-query's node trees are untyped JSON: one key naming the node type, its fields inside
export type Node = Record<string, any>;

export type Const = string | number | boolean | null;

/** `col`, `(col)::text`, `t.col` → "col" (casts are looked through). */
export function columnName(node: Node | undefined): string | undefined {
  const inner = stripCasts(node);
  const fields = inner?.ColumnRef?.fields as Node[] | undefined;
  const last = fields?.[fields.length - 1]?.String?.sval;
  return typeof last === 'string' ? last : undefined;
}

/** Looks through `x::type` casts. */
export function stripCasts(node: Node | undefined): Node | undefined {
  let n = node;
  while (n?.TypeCast) n = n.TypeCast.arg;
  return n;
}

/** A constant, looking through casts; `'-1'::integer` is read as the number -1. */
export function constant(node: Node | undefined): { value: Const } | undefined {
  if (!node) return undefined;
  if (node.TypeCast) {
    const inner = constant(node.TypeCast.arg);
    if (!inner) return undefined;
    const target = typeNameOf(node.TypeCast.typeName);
    if (typeof inner.value === 'string' && NUMERIC_TYPES.has(target) && inner.value.trim() !== '' && !Number.isNaN(Number(inner.value))) {
      return { value: Number(inner.value) };
    }
    if (typeof inner.value === 'string' && target === 'bool') return { value: /^(t|true|y|yes|on|1)$/i.test(inner.value) };
    return inner;
  }
  const c = node.A_Const;
  if (!c) {
    // unary minus on a constant: -5
    if (node.A_Expr?.kind === 'AEXPR_OP' && opName(node.A_Expr) === '-' && !node.A_Expr.lexpr) {
      const v = constant(node.A_Expr.rexpr);
      return v && typeof v.value === 'number' ? { value: -v.value } : undefined;
    }
    return undefined;
  }
  if (c.isnull) return { value: null };
  if (c.ival) return { value: c.ival.ival ?? 0 };
  if (c.fval) return { value: Number(c.fval.fval) };
  if (c.sval) return { value: c.sval.sval ?? '' };
  if (c.boolval) return { value: c.boolval.boolval === true };
  return undefined;
}

const NUMERIC_TYPES = new Set(['int2', 'int4', 'int8', 'integer', 'smallint', 'bigint', 'numeric', 'float4', 'float8', 'real', 'decimal']);

/** The last name of a TypeName node: `pg_catalog.int4` → "int4". */
export function typeNameOf(typeName: Node | undefined): string {
  const names = (typeName?.names ?? []) as Node[];
  return names[names.length - 1]?.String?.sval ?? '';
}

/** The operator of an A_Expr: "=", ">=", "~", … */
export function opName(aExpr: Node): string {
  const names = (aExpr.name ?? []) as Node[];
  return names[names.length - 1]?.String?.sval ?? '';
}

/** Function name of a FuncCall, lower case, schema dropped. */
export function funcName(node: Node | undefined): string | undefined {
  const names = node?.FuncCall?.funcname as Node[] | undefined;
  const last = names?.[names.length - 1]?.String?.sval;
  return typeof last === 'string' ? last.toLowerCase() : undefined;
}

/** Elements of `ARRAY[…]` or an IN list, as constants; undefined if any is not constant. */
export function constantList(node: Node | undefined): Const[] | undefined {
  const inner = stripCasts(node);
  const items = (inner?.A_ArrayExpr?.elements ?? inner?.List?.items) as Node[] | undefined;
  if (!items) return undefined;
  const values: Const[] = [];
  for (const item of items) {
    const c = constant(item);
    if (!c) return undefined;
    values.push(c.value);
  }
  return values;
}
