import { type Node, constant, funcName, opName, stripCasts } from './ast.js';

/**
 * The instant generated data treats as "now": fixed, so a run is reproducible whatever the day.
 * CHECKs that mention now() are still confirmed by PostgreSQL at write time.
 */
export const REFERENCE_NOW = Date.UTC(2026, 9, 31);

const UNIT_MS: Record<string, number> = {
  second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000,
  month: 2_629_746_000, year: 31_556_952_000,
};

/**
 * `now()`, `CURRENT_DATE`, `CURRENT_TIMESTAMP`, `LOCALTIMESTAMP`, optionally ± a constant
 * interval: the ISO time it denotes at REFERENCE_NOW. `approximate` because the real now() differs.
 */
export function timeExpression(node: Node | undefined): { value: string; approximate: true } | undefined {
  const ms = evaluate(stripCasts(node));
  return ms === undefined ? undefined : { value: new Date(ms).toISOString(), approximate: true };
}

function evaluate(node: Node | undefined): number | undefined {
  if (!node) return undefined;
  const fn = funcName(node);
  if (fn === 'now' || fn === 'clock_timestamp' || fn === 'statement_timestamp' || fn === 'transaction_timestamp') return REFERENCE_NOW;
  if (node.SQLValueFunction) return REFERENCE_NOW;
  const e = node.A_Expr;
  if (e?.kind === 'AEXPR_OP' && (opName(e) === '+' || opName(e) === '-')) {
    const base = evaluate(stripCasts(e.lexpr));
    const delta = intervalMs(e.rexpr);
    if (base === undefined || delta === undefined) return undefined;
    return opName(e) === '+' ? base + delta : base - delta;
  }
  return undefined;
}

/** `'18 years'::interval` → milliseconds (approximate for months and years). */
function intervalMs(node: Node | undefined): number | undefined {
  const text = constant(node)?.value;
  if (typeof text !== 'string') return undefined;
  let total = 0;
  let matched = false;
  for (const m of text.matchAll(/(-?\d+(?:\.\d+)?)\s*(second|minute|hour|day|week|month|year|mon|sec|min)s?/gi)) {
    const unit = m[2]!.toLowerCase();
    const key = unit === 'mon' ? 'month' : unit === 'sec' ? 'second' : unit === 'min' ? 'minute' : unit;
    total += Number(m[1]) * (UNIT_MS[key] ?? 0);
    matched = true;
  }
  return matched ? total : undefined;
}
