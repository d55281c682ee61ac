import type { QualifiedName } from '../../catalog.js';
import type { ErrorCode } from '../../errors.js';
import type { GenerationInputs } from '../generate/inputs.js';

/** Rows [start, end) of a table, to generate and encode. */
export interface WorkerJob {
  readonly id: number;
  readonly table: QualifiedName;
  readonly start: number;
  readonly end: number;
}

/** What a thread starts with: the run's generation inputs (functions stubbed) and its heap budget. */
export interface WorkerStart {
  readonly inputs: GenerationInputs;
  readonly heapMb: number;
}

/**
 * The job's COPY bytes (slices, in order), or why it failed (an AutoseedError keeps its code and data), or that a
 * row of it needs an overrides.ts function, which only the main thread has (`mainThread`).
 */
export type WorkerReply =
  | { readonly id: number; readonly chunks: readonly Uint8Array[] }
  | { readonly id: number; readonly mainThread: true }
  | { readonly id: number; readonly error: { message: string; code?: ErrorCode; data?: unknown; stack?: string | undefined } };
