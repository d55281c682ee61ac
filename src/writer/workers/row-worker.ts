/**
 * A worker thread that generates row ranges of COPY tables and encodes them as COPY bytes. It
 * builds its own GeneratorSet from the run's generation inputs (plain data, cloned into the
 * thread) and the overrides file's functions, loaded again here: rows are addressed by index, so
 * row i here is row i on the main thread, byte for byte. Jobs that arrive while the file loads
 * wait on the port.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AutoseedError } from '../../errors.js';
import { rowRangeBytes } from '../copy-bytes.js';
import { isSqlValueInCopy } from '../encode-copy.js';
import { GeneratorSet } from '../generate/generator-set.js';
import { MemoryCap } from '../memory-cap.js';
import { MainThreadOnly, withWorkerFunctions } from './function-stubs.js';
import type { WorkerJob, WorkerReply, WorkerStart } from './protocol.js';

const port = parentPort!;
const start = workerData as WorkerStart;
const gens = new GeneratorSet(await withWorkerFunctions(start.inputs));
// each thread has its own heap, which V8 lets grow as the main thread's: the same cap, its share
const cap = new MemoryCap(start.heapMb);

port.on('message', (job: WorkerJob) => {
  let reply: WorkerReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const gen = gens.generator(job.table);
    if (!gen) throw new Error(`worker: no generator for ${job.table}`);
    // bytes a slice at a time: a job's text would otherwise survive every young-generation
    // collection until sent (a third of a thread's time went to them), then be encoded again
    const chunks = rowRangeBytes(gen, job.start, job.end);
    transfer = ownedBuffers(chunks);
    reply = { id: job.id, chunks };
  } catch (error) {
    // a function's sql`…` value cannot be COPY text: the main thread's attempt at the job finds
    // it too, and writes the table with INSERT (copyTable)
    reply = error instanceof MainThreadOnly || isSqlValueInCopy(error) ? { id: job.id, mainThread: true } : { id: job.id, error: describe(error) };
  }
  port.postMessage(reply, transfer);
  cap.check();
});

/**
 * The slices' memory that can move to the main thread instead of being copied: a slice that has
 * its ArrayBuffer to itself (a small one shares Node's buffer pool, which must stay here).
 */
function ownedBuffers(chunks: readonly Uint8Array[]): ArrayBuffer[] {
  return chunks.flatMap((c) => (c.byteOffset === 0 && c.byteLength === c.buffer.byteLength && c.buffer instanceof ArrayBuffer ? [c.buffer] : []));
}

function describe(error: unknown): { message: string; code?: AutoseedError['code']; data?: unknown; stack?: string | undefined } {
  if (error instanceof AutoseedError) return { code: error.code, data: error.data, message: error.message };
  return { message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined };
}
