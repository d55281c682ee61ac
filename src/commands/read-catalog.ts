import type { Catalog } from '../catalog.js';
import { connect } from '../db/connect.js';
import { introspect } from '../introspect/index.js';

/** Connects, reads the schema, and closes the connection: for commands that need only the Catalog. */
export async function readCatalog(options: { url: string; connectTimeout: number }): Promise<Catalog> {
  const client = await connect({ url: options.url, connectTimeout: options.connectTimeout });
  try {
    return await introspect(client);
  } finally {
    await client.end();
  }
}
