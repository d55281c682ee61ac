/**
 * A worker thread that generates row ranges of plain-COPY tables and encodes them as COPY text.
 * It builds its own GeneratorSet from the run's generation inputs (plain data, cloned into the
 * thread): rows are addressed by index, so row i here is row i on the main thread, byte for byte.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AutoseedError } from '../../errors.js';
import { encodeCopyRow } from '../encode-copy.js';
import { GeneratorSet } from '../generate/generator-set.js';
import type { GenerationInputs } from '../generate/inputs.js';
import type { WorkerJob, WorkerReply } from './protocol.js';

const port = parentPort!;
const gens = new GeneratorSet(workerData as GenerationInputs);

port.on('message', (job: WorkerJob) => {
  let reply: WorkerReply;
  try {
    const gen = gens.generator(job.table);
    if (!gen) throw new Error(`worker: no generator for ${job.table}`);
    let text = '';
    for (let i = job.start; i < job.end; i++) text += encodeCopyRow(gen.row(i, 0, 'insert'));
    reply = { id: job.id, text };
  } catch (error) {
    reply = {
      id: job.id,
      error: error instanceof AutoseedError
        ? { code: error.code, data: error.data, message: error.message }
        : { message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined },
    };
  }
  port.postMessage(reply);
});
