/**
 * A worker thread that generates row ranges of plain-COPY tables and encodes them as COPY text.
 * It builds its own GeneratorSet from the run's generation inputs (plain data, cloned into the
 * thread): rows are addressed by index, so row i here is row i on the main thread, byte for byte.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AutoseedError } from '../../errors.js';
import { encodeCopyRow } from '../encode-copy.js';
import { GeneratorSet } from '../generate/generator-set.js';
import { MemoryCap } from '../memory-cap.js';
import { MainThreadOnly, withFunctionStubs } from './function-stubs.js';
import type { WorkerJob, WorkerReply, WorkerStart } from './protocol.js';

const port = parentPort!;
const start = workerData as WorkerStart;
const gens = new GeneratorSet(withFunctionStubs(start.inputs));
// each thread has its own heap, which V8 lets grow as the main thread's: the same cap, its share
const cap = new MemoryCap(start.heapMb);

port.on('message', (job: WorkerJob) => {
  let reply: WorkerReply;
  try {
    const gen = gens.generator(job.table);
    if (!gen) throw new Error(`worker: no generator for ${job.table}`);
    let text = '';
    for (let i = job.start; i < job.end; i++) text += encodeCopyRow(gen.row(i, 0, 'insert'));
    reply = { id: job.id, text };
  } catch (error) {
    reply = error instanceof MainThreadOnly ? { id: job.id, mainThread: true } : { id: job.id, error: describe(error) };
  }
  port.postMessage(reply);
  cap.check();
});

function describe(error: unknown): { message: string; code?: AutoseedError['code']; data?: unknown; stack?: string | undefined } {
  if (error instanceof AutoseedError) return { code: error.code, data: error.data, message: error.message };
  return { message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined };
}
