import type { TestProject } from 'vitest/node';
import { chooseTestServer } from './pg-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

/** Starts (or finds) one PostgreSQL for the whole integration run. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await chooseTestServer(process.env);
  process.stdout.write(`integration tests use ${server.label}\n`);
  project.provide('pgAdminUrl', server.url);
  return () => server.stop();
}
