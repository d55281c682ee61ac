import type { Value } from '../inference/gen-context.js';
import type { LineBatch } from './copy.js';
import { encodeCopyRow } from './encode-copy.js';
import type { TableGenerator } from './generate/table-generator.js';

/** Characters of COPY text turned into bytes at once. */
const SLICE_CHARS = 32 * 1024;

/**
 * COPY text collected as UTF-8 bytes a slice at a time: the strings of a batch die young instead
 * of surviving young-generation collections (and being promoted) until the batch is sent.
 */
export class CopyBytes {
  private readonly parts: Buffer[] = [];
  private text = '';

  /** One row's line. */
  add(values: readonly Value[]): void {
    this.text += encodeCopyRow(values);
    if (this.text.length >= SLICE_CHARS) {
      this.parts.push(Buffer.from(this.text));
      this.text = '';
    }
  }

  /** Everything added, as the slices it was collected in (sent as they are: no copy into one buffer). */
  chunks(): Buffer[] {
    if (this.text) this.parts.push(Buffer.from(this.text));
    this.text = '';
    return this.parts;
  }
}

/** A batch of rows as COPY bytes, and how many of them needed more than one attempt. */
export interface EncodedBatch extends LineBatch {
  readonly retried: number;
}

/** Rows [start, end) of a table as COPY bytes, generated in this thread (a worker's job, or the main thread's share). */
export function rowRangeBytes(gen: TableGenerator, start: number, end: number): Buffer[] {
  const bytes = new CopyBytes();
  for (let i = start; i < end; i++) bytes.add(gen.row(i, 0, 'insert'));
  return bytes.chunks();
}
