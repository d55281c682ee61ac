import type { ColumnModel, CompiledOverride, FunctionSource, SeedModel } from '../../inference/model.js';
import { isFunctionOverride } from '../../inference/model.js';
import { compileOverride } from '../../overrides/compile.js';
import { loadOverrides } from '../../overrides/load.js';
import type { GenerationInputs } from '../generate/inputs.js';

/**
 * overrides.ts functions are code, not data: they do not cross into worker threads. A thread
 * gets the model with each function taken out and where it was written (FunctionSource), loads
 * the overrides file again and compiles the same functions from it (withWorkerFunctions). Where
 * that is not possible (no source, the file no longer loads), the column gets a stub: it is still
 * known to be a function override, so generation takes the same paths, and a row that would call
 * it throws MainThreadOnly; that job is then generated on the main thread, which has the functions.
 */
export class MainThreadOnly extends Error {
  constructor() {
    super('this row needs an overrides.ts function: generated on the main thread');
  }
}

type FunctionOverride = Extract<CompiledOverride, { kind: 'function' }>;

/** The inputs as a worker thread can receive them: function overrides without their functions, with their sources. */
export function withoutFunctions(inputs: GenerationInputs): GenerationInputs {
  if (!inputs.model.tables.some((t) => t.columns.some((c) => isFunctionOverride(c.generator)))) return inputs;
  return { ...inputs, model: mapFunctionColumns(inputs.model, () => undefined) };
}

/** Stubs where the functions were. */
function withFunctionStubs(inputs: GenerationInputs): GenerationInputs {
  return { ...inputs, model: mapFunctionColumns(inputs.model, () => stub) };
}

/**
 * In the worker: each function compiled again from its overrides file, as the main thread did
 * (same file, same entry, same checks: same values for the same row). A stub where the file
 * does not load or no longer has the function.
 */
export async function withWorkerFunctions(inputs: GenerationInputs): Promise<GenerationInputs> {
  const paths = new Set<string>();
  for (const t of inputs.model.tables) {
    for (const c of t.columns) {
      const source = sourceOf(c);
      if (source) paths.add(source.path);
    }
  }
  if (paths.size === 0) return withFunctionStubs(inputs);
  const files = new Map<string, Readonly<Record<string, unknown>> | null>();
  for (const path of paths) {
    try {
      const loaded = await loadOverrides(path, { required: true });
      files.set(path, (loaded?.overrides.tables ?? {}) as Readonly<Record<string, unknown>>);
    } catch {
      files.set(path, null);
    }
  }
  return {
    ...inputs,
    model: mapFunctionColumns(inputs.model, (override) => {
      const source = override.source;
      const tables = source ? files.get(source.path) : null;
      const value = source && tables ? columnsOf(tables[source.entry])?.[source.column] : undefined;
      if (!source || typeof value !== 'function') return stub;
      const compiled = compileOverride(value, source.target, source.site);
      return compiled.kind === 'function' ? compiled.fn : stub;
    }),
  };
}

function columnsOf(entry: unknown): Readonly<Record<string, unknown>> | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined;
  const columns = (entry as { columns?: unknown }).columns;
  return typeof columns === 'object' && columns !== null ? (columns as Readonly<Record<string, unknown>>) : undefined;
}

/** Whether a table's function overrides can all be compiled in a worker thread (each knows its source). */
export function functionsCrossThreads(columns: readonly ColumnModel[]): boolean {
  return columns.every((c) => !isFunctionOverride(c.generator) || sourceOf(c) !== undefined);
}

function sourceOf(c: ColumnModel): FunctionSource | undefined {
  const spec = c.generator;
  return spec.kind === 'override' && spec.override.kind === 'function' ? spec.override.source : undefined;
}

function stub(): never {
  throw new MainThreadOnly();
}

function mapFunctionColumns(model: SeedModel, fn: (override: FunctionOverride) => unknown): SeedModel {
  const swap = (c: ColumnModel): ColumnModel => {
    const spec = c.generator;
    if (spec.kind !== 'override' || spec.override.kind !== 'function') return c;
    // the function's place keeps its kind and source; `fn` is undefined while the model crosses threads
    const { source } = spec.override;
    return { ...c, generator: { ...spec, override: { kind: 'function', fn: fn(spec.override) as never, ...(source ? { source } : {}) } } };
  };
  return { ...model, tables: model.tables.map((t) => (t.columns.some((c) => isFunctionOverride(c.generator)) ? { ...t, columns: t.columns.map(swap) } : t)) };
}
