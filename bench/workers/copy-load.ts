/**
 * `node copy-load.js URL MANIFEST`: the reference load. Plain `COPY … FROM STDIN` of each exported
 * file, in the manifest's order (parents first), in one transaction — as autoseed loads — and
 * nothing else. Prints `{"rows": N}`.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export interface CopyManifest {
  tables: { table: string; columns: string[]; file: string }[];
}

async function load(url: string, manifest: CopyManifest): Promise<number> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    await client.query('BEGIN');
    let rows = 0;
    for (const { table, columns, file } of manifest.tables) {
      const list = columns.map((c) => `"${c.replaceAll('"', '""')}"`).join(', ');
      const copy = client.query(copyFrom(`COPY ${table} (${list}) FROM STDIN`));
      await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), copy);
      rows += copy.rowCount ?? 0;
    }
    await client.query('COMMIT');
    return rows;
  } finally {
    await client.end();
  }
}

const [url, manifestFile] = process.argv.slice(2);
if (!url || !manifestFile) {
  process.stderr.write('usage: node copy-load.js URL MANIFEST\n');
  process.exit(2);
}
const rows = await load(url, JSON.parse(readFileSync(manifestFile, 'utf8')) as CopyManifest);
process.stdout.write(`${JSON.stringify({ rows })}\n`);
