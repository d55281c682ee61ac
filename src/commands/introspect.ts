import type { Catalog } from '../catalog.js';
import { connect } from '../db/connect.js';
import { introspect } from '../introspect/index.js';
import type { Io } from '../io.js';
import { formatCatalogSummary } from './introspect-summary.js';

export interface IntrospectOptions {
  url: string;
  connectTimeout: number;
  json: boolean;
}

/** `autoseed introspect`: the Catalog as JSON, or a short human summary. */
export async function runIntrospect(options: IntrospectOptions, io: Io): Promise<number> {
  const client = await connect({ url: options.url, connectTimeout: options.connectTimeout });
  let catalog: Catalog;
  const started = performance.now();
  try {
    catalog = await introspect(client);
  } finally {
    await client.end();
  }
  const ms = Math.round(performance.now() - started);
  io.stdout(options.json ? `${JSON.stringify(catalog, null, 2)}\n` : formatCatalogSummary(catalog, ms));
  return 0;
}
