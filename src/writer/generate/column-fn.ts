import type { Column } from '../../catalog.js';
import type { Const } from '../../inference/checks/ast.js';
import { emptyDomain, type ValueDomain } from '../../inference/domain.js';
import type { GenContext, Value, ValueFn } from '../../inference/gen-context.js';
import { KINDS } from '../../inference/kinds.js';
import type { ColumnModel, CompiledOverride } from '../../inference/model.js';
import type { PartitionSlot } from '../../inference/partition-bounds.js';
import { type BuiltinBase, REGISTRY } from '../../inference/registry.js';
import { PatternGenerator, isTextual, toJsRegex } from '../../inference/patterns.js';
import { fitLength, lengthLimit } from '../../inference/values.js';

/**
 * The value function of a column that is neither an FK nor injective: from its generator spec,
 * its domain and its type (arrays wrap the element generator).
 */
export function compileColumnFn(model: ColumnModel): ValueFn {
  const element = withPatterns(model, compileElement(model));
  const dims = model.column.type.arrayDims;
  if (dims === 0) return element;
  return (g) => {
    if (dims >= 2) return [[element(g), element(g)], [element(g), element(g)]];
    const length = g.rng.int(1, 3);
    const items: Value[] = [];
    for (let k = 0; k < length; k++) items.push(element(g));
    return items;
  };
}

function compileElement(model: ColumnModel): ValueFn {
  const spec = model.generator;
  const column = model.column;
  switch (spec.kind) {
    case 'null':
    case 'omit':
    case 'unsupported':
    case 'fk':
      return () => null;
    case 'pick': {
      const values = spec.values.map((v) => asValue(v, column));
      return (g) => g.rng.pick(values);
    }
    case 'semantic': {
      const fn = KINDS[spec.semantic];
      const max = lengthLimit(column, model.domain);
      const min = model.domain?.minLength ?? null;
      return (g) => {
        const v = fn(g);
        return typeof v === 'string' ? fitLength(v, max, min, g.rng) : v;
      };
    }
    case 'type':
      if (spec.base === 'bool') {
        const rate = trueRate(column.name);
        return (g) => g.rng.chance(rate);
      }
      return REGISTRY[spec.base]({ column, domain: model.domain, ...hint(column.name) });
    case 'partition-key':
      return partitionKeyFn(spec.slots, spec.base, column, model.domain);
    case 'override':
      return overrideFn(spec.override, column);
  }
}

/** Constant and list overrides; function and SQL overrides need the row (see TableGenerator). */
function overrideFn(override: CompiledOverride, column: Column): ValueFn {
  switch (override.kind) {
    case 'constant': {
      const v = toValue(override.value, column);
      return () => v;
    }
    case 'list': {
      const values = override.values.map((x) => toValue(x, column));
      return (g) => g.rng.pick(values);
    }
    case 'sql':
      return () => ({ sql: override.sql });
    case 'function':
      return () => null;
  }
}

/** What an override returned, as a generated value: Dates as ISO text, objects as JSON, sql`…` kept. */
export function toValue(x: unknown, column: Column): Value {
  if (x === null || x === undefined) return null;
  if (x instanceof Date) return column.type.base === 'date' ? x.toISOString().slice(0, 10) : x.toISOString();
  if (Array.isArray(x)) return x.map((e) => toValue(e, column));
  if (x instanceof Uint8Array) return x;
  if (typeof x === 'object') return 'sql' in x && typeof (x as { sql: unknown }).sql === 'string' ? { sql: (x as { sql: string }).sql } : { json: x };
  if (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean' || typeof x === 'bigint') return x;
  return String(x);
}

/**
 * A text column a CHECK holds to a regex: keep the ordinary value when it already matches (an
 * unanchored "contains a letter" usually does), else draw a string from the pattern itself.
 */
function withPatterns(model: ColumnModel, fn: ValueFn): ValueFn {
  const generators = patternGenerators(model);
  if (generators.length === 0) return fn;
  const max = lengthLimit(model.column, model.domain);
  // char(n) pads with blanks, which `~` sees (an anchored pattern fails on them): test the padded
  // value, and aim for the full width
  const width = model.column.type.base === 'bpchar' ? model.column.type.length ?? undefined : undefined;
  const stored = (s: string) => (width !== undefined ? s.padEnd(width) : s);
  const fits = (s: string) => (max === null || s.length <= max) && generators.every((p) => p.matches(stored(s)));
  return (g) => {
    const v = fn(g);
    if (typeof v !== 'string' || fits(v)) return v;
    for (let tries = 0; tries < 8; tries++) {
      const candidate = generators[0]!.random(g.rng, width);
      if (fits(candidate)) return candidate;
    }
    return v;
  };
}

/** The column's CHECK regexes that JavaScript can read, as generators. */
export function patternGenerators(model: ColumnModel): PatternGenerator[] {
  if (!isTextual(model.column)) return [];
  return (model.domain?.patterns ?? [])
    .map((p) => toJsRegex(p.pattern, p.caseInsensitive))
    .filter((r): r is RegExp => r !== null)
    .map((r) => new PatternGenerator(r));
}

/** Numbers the column name suggests, used when no constraint says otherwise. */
function hint(name: string): { numberHint?: [number, number] } {
  const n = name.toLowerCase();
  if (/(^|_)(qty|quantity|count|stock|units?|seats?|capacity)($|_)/.test(n)) return { numberHint: [1, 100] };
  if (/(^|_)(year)($|_)/.test(n)) return { numberHint: [1990, 2026] };
  if (/(^|_)(age)($|_)/.test(n)) return { numberHint: [18, 90] };
  if (/(^|_)(percent|pct|rate|discount)($|_)/.test(n)) return { numberHint: [0, 100] };
  if (/(^|_)(rating|stars|score)($|_)/.test(n)) return { numberHint: [1, 5] };
  if (/(^|_)(price|cost|amount|total|balance|fee|salary)($|_)/.test(n)) return { numberHint: [1, 500] };
  if (/(^|_)(lat|latitude)($|_)/.test(n)) return { numberHint: [-90, 90] };
  if (/(^|_)(lng|lon|long|longitude)($|_)/.test(n)) return { numberHint: [-180, 180] };
  return {};
}

/** How often a boolean is true, from its name: flags of normal life are mostly on, exceptions mostly off. */
export function trueRate(name: string): number {
  const n = name.toLowerCase();
  if (/(deleted|deprecated|archived|disabled|hidden|locked|banned|blocked|suspended|spam|test|draft|internal|expired|revoked|failed|removed|private)/.test(n)) return 0.05;
  if (/(active|enabled|visible|published|confirmed|verified|approved|available|valid|public|current)/.test(n)) return 0.85;
  return 0.5;
}

/** Rows of a partitioned table go to a partition chosen per row, with a key inside its bounds. */
function partitionKeyFn(slots: readonly PartitionSlot[], base: BuiltinBase, column: Column, domain: ValueDomain | undefined): ValueFn {
  const fns = slots.map((slot): ValueFn => {
    switch (slot.kind) {
      case 'list': {
        const values = slot.values.filter((v) => v !== null).map((v) => asValue(v, column));
        return values.length > 0 ? (g) => g.rng.pick(values) : () => null;
      }
      case 'range': {
        const bounded: ValueDomain = {
          ...(domain ?? emptyDomain()),
          min: slot.from === 'minvalue' ? domain?.min ?? null : slot.from,
          minInclusive: true,
          max: slot.to === 'maxvalue' ? domain?.max ?? null : slot.to,
          maxInclusive: false,
        };
        return REGISTRY[base]({ column, domain: bounded });
      }
      default:
        return REGISTRY[base]({ column, domain });
    }
  });
  return (g: GenContext) => g.rng.pick(fns)(g);
}

/** A CHECK or enum constant as a value of the column's type. */
function asValue(v: Const, column: Column): Value {
  if (v === null) return null;
  if (column.type.category === 'numeric' && typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  return v;
}
