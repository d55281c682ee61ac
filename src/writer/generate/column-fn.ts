import type { Column } from '../../catalog.js';
import type { Const } from '../../inference/checks/ast.js';
import { emptyDomain, type ValueDomain } from '../../inference/domain.js';
import type { GenContext, Value, ValueFn } from '../../inference/gen-context.js';
import { KINDS } from '../../inference/kinds.js';
import type { ColumnModel } from '../../inference/model.js';
import type { PartitionSlot } from '../../inference/partition-bounds.js';
import { type BuiltinBase, REGISTRY } from '../../inference/registry.js';
import { fitLength } from '../../inference/values.js';

/**
 * The value function of a column that is neither an FK nor injective: from its generator spec,
 * its domain and its type (arrays wrap the element generator).
 */
export function compileColumnFn(model: ColumnModel): ValueFn {
  const element = compileElement(model);
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
      const max = maxLength(column, model.domain);
      const min = model.domain?.minLength ?? null;
      return (g) => {
        const v = fn(g);
        return typeof v === 'string' ? fitLength(v, max, min, g.rng) : v;
      };
    }
    case 'type':
      return REGISTRY[spec.base]({ column, domain: model.domain, ...hint(column.name) });
    case 'partition-key':
      return partitionKeyFn(spec.slots, spec.base, column, model.domain);
  }
}

function maxLength(column: Column, domain: ValueDomain | undefined): number | null {
  const a = column.type.length;
  const b = domain?.maxLength ?? null;
  return a !== null && b !== null ? Math.min(a, b) : a ?? b;
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
  return {};
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
