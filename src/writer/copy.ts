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
  lines: AsyncIterable<string> | Iterable<string>,
  signal?: AbortSignal,
): Promise<void> {
  const sql = `COPY ${quoteQualified(table.schema, table.name)} (${columns.map(quoteIdent).join(', ')}) FROM STDIN`;
  const target = client.query(copyFrom(sql));
  // on abort, pipeline destroys the COPY stream with the abort error: pg-copy-streams then sends
  // CopyFail, the server ends the COPY with an error, and the connection is ready for ROLLBACK
  await pipeline(Readable.from(chunked(lines), { objectMode: false }), target, ...(signal ? [{ signal }] : []));
}

async function* chunked(lines: AsyncIterable<string> | Iterable<string>): AsyncGenerator<string> {
  let buffer = '';
  for await (const line of lines) {
    buffer += line;
    if (buffer.length >= CHUNK_BYTES) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}
