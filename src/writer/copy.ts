import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { quoteIdent, quoteQualified } from '../sql/ident.js';

/** Roughly how much COPY text to hand the socket at a time. */
const CHUNK_BYTES = 64 * 1024;

/**
 * Streams text-format lines into `COPY table (columns) FROM STDIN` with backpressure: lines are
 * pulled from `lines` only as fast as the server takes them, so memory stays flat. An aborted
 * `signal` cancels the COPY.
 */
export async function copyRows(
  client: pg.ClientBase,
  table: { schema: string; name: string },
  columns: readonly string[],
  lines: AsyncIterable<string | Buffer> | Iterable<string | Buffer>,
  signal?: AbortSignal,
): Promise<void> {
  const sql = `COPY ${quoteQualified(table.schema, table.name)} (${columns.map(quoteIdent).join(', ')}) FROM STDIN`;
  const target = client.query(copyFrom(sql));
  // on abort, pipeline destroys the COPY stream with the abort error: pg-copy-streams then sends
  // CopyFail, the server ends the COPY with an error, and the connection is ready for ROLLBACK
  await pipeline(Readable.from(chunked(lines), { objectMode: false }), target, ...(signal ? [{ signal }] : []));
}

async function* chunked(lines: AsyncIterable<string | Buffer> | Iterable<string | Buffer>): AsyncGenerator<string | Buffer> {
  let buffer = '';
  for await (const line of lines) {
    if (typeof line !== 'string') {
      // already bytes (a batch encoded ahead): after what text came before it, as it is
      if (buffer) yield buffer;
      buffer = '';
      yield line;
      continue;
    }
    buffer += line;
    if (buffer.length >= CHUNK_BYTES) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

/**
 * Encoded COPY lines of consecutive rows, as the generator hands them over: UTF-8 bytes, outside
 * the JavaScript heap (text queued ahead as strings would be copied by every young-generation
 * collection until the server took it).
 */
export interface LineBatch {
  /** The lines' bytes, in slices sent one after the other. */
  readonly data: readonly Buffer[];
  readonly rows: number;
}

function byteLength(batch: LineBatch): number {
  let n = 0;
  for (const chunk of batch.data) n += chunk.length;
  return n;
}

/** How far generation may run ahead of the server, in bytes of COPY text. */
const AHEAD_BYTES = 8 * 1024 * 1024;

/**
 * Copies a table in statements of about `rowsPerStatement` rows while the rows are generated
 * ahead. PostgreSQL checks a COPY's foreign keys (AFTER ROW triggers) at the end of the
 * statement, after the last row arrived: with one statement per table the client would sit idle
 * through all of them, and the server through all of generation. With several, the server checks
 * one statement's keys while the next rows are generated. A failing statement's error carries
 * `rowOffset`, the index of its first row, so the failing row can be named. `ready` is awaited
 * before the first statement, with generation already under way.
 */
export async function copyStatements(
  client: pg.ClientBase,
  table: { schema: string; name: string },
  columns: readonly string[],
  batches: AsyncIterable<LineBatch>,
  rowsPerStatement: number,
  signal?: AbortSignal,
  ready?: () => Promise<void>,
): Promise<void> {
  const queue = new AheadQueue();
  const producing = (async () => {
    try {
      for await (const batch of batches) {
        if (!(await queue.push(batch))) return;
        // let the socket drain and the server's replies in between batches
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      queue.end();
    } catch (error) {
      queue.end(error);
    }
  })();
  let offset = 0;
  try {
    // the connection's earlier work (another table's index builds) while the first rows are generated
    await ready?.();
    let next = await queue.take();
    while (next) {
      let rows = 0;
      const statement = async function* () {
        while (next && (rows === 0 || rows + next.rows <= rowsPerStatement)) {
          const current: LineBatch = next;
          rows += current.rows;
          yield* current.data;
          next = await queue.take();
        }
      };
      try {
        await copyRows(client, table, columns, statement(), signal);
      } catch (error) {
        if (error && typeof error === 'object') Object.assign(error, { rowOffset: offset });
        throw error;
      }
      offset += rows;
    }
  } finally {
    queue.close();
    await producing;
  }
}

/** A bounded hand-over between the generator (push) and the COPY statements (take). */
class AheadQueue {
  private readonly items: LineBatch[] = [];
  private bytes = 0;
  private ended = false;
  private closed = false;
  private failure: unknown = null;
  private wakeTaker: (() => void) | null = null;
  private wakePusher: (() => void) | null = null;

  /** Resolves once there is room; false when the consumer has gone. */
  async push(batch: LineBatch): Promise<boolean> {
    if (this.closed) return false;
    this.items.push(batch);
    this.bytes += byteLength(batch);
    this.wake('taker');
    while (this.bytes > AHEAD_BYTES && !this.closed) await new Promise<void>((resolve) => (this.wakePusher = resolve));
    return !this.closed;
  }

  end(error: unknown = null): void {
    this.ended = true;
    this.failure = error;
    this.wake('taker');
  }

  close(): void {
    this.closed = true;
    this.wake('pusher');
  }

  /** The next batch, or null once the generator is done; rethrows what the generator threw. */
  async take(): Promise<LineBatch | null> {
    while (this.items.length === 0 && !this.ended) await new Promise<void>((resolve) => (this.wakeTaker = resolve));
    if (this.failure !== null) throw this.failure;
    const item = this.items.shift() ?? null;
    if (item) {
      this.bytes -= byteLength(item);
      this.wake('pusher');
    }
    return item;
  }

  private wake(who: 'taker' | 'pusher'): void {
    const fn = who === 'taker' ? this.wakeTaker : this.wakePusher;
    if (who === 'taker') this.wakeTaker = null;
    else this.wakePusher = null;
    fn?.();
  }
}
