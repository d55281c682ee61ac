import { connect } from '../db/connect.js';
import { warmCheckParser } from '../inference/infer.js';
import { introspect } from '../introspect/index.js';
import type { Io } from '../io.js';
import { formatPlan, planToJson } from './plan-format.js';
import { prepare, type PrepareOptions } from './prepare.js';

export interface PlanCommandOptions extends PrepareOptions {
  url: string;
  connectTimeout: number;
  json: boolean;
}

/** `autoseed plan`: what a seed would do, written nowhere. */
export async function runPlan(options: PlanCommandOptions, io: Io): Promise<number> {
  // compiled while the connection opens and the catalog is read
  warmCheckParser();
  const client = await connect({ url: options.url, connectTimeout: options.connectTimeout });
  try {
    const catalog = await introspect(client);
    const { model, plan } = await prepare(client, catalog, options);
    io.stdout(options.json ? `${JSON.stringify(planToJson(model, plan), null, 2)}\n` : formatPlan(model, plan));
    return 0;
  } finally {
    await client.end();
  }
}
