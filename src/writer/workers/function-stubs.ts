import type { ColumnModel, SeedModel } from '../../inference/model.js';
import { isFunctionOverride } from '../../inference/model.js';
import type { GenerationInputs } from '../generate/inputs.js';

/**
 * overrides.ts functions do not cross into worker threads (they are code, not data). A thread
 * gets the model with each function replaced by a stub: the column is still known to be a
 * function override, so generation takes the same paths, and a row that would call one throws
 * MainThreadOnly; that job is then generated on the main thread, which has the functions.
 */
export class MainThreadOnly extends Error {
  constructor() {
    super('this row needs an overrides.ts function: generated on the main thread');
  }
}

/** The inputs as a worker thread can receive them: function overrides without their functions. */
export function withoutFunctions(inputs: GenerationInputs): GenerationInputs {
  if (!inputs.model.tables.some((t) => t.columns.some((c) => isFunctionOverride(c.generator)))) return inputs;
  return { ...inputs, model: mapFunctionColumns(inputs.model, () => undefined) };
}

/** In the worker: stubs where the functions were. */
export function withFunctionStubs(inputs: GenerationInputs): GenerationInputs {
  return { ...inputs, model: mapFunctionColumns(inputs.model, () => stub) };
}

function stub(): never {
  throw new MainThreadOnly();
}

function mapFunctionColumns(model: SeedModel, fn: () => unknown): SeedModel {
  const swap = (c: ColumnModel): ColumnModel => {
    const spec = c.generator;
    if (spec.kind !== 'override' || spec.override.kind !== 'function') return c;
    // the function's place keeps its kind; `fn` is undefined while the model crosses threads
    return { ...c, generator: { ...spec, override: { kind: 'function', fn: fn() as never } } };
  };
  return { ...model, tables: model.tables.map((t) => (t.columns.some((c) => isFunctionOverride(c.generator)) ? { ...t, columns: t.columns.map(swap) } : t)) };
}
