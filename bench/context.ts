import type { BenchArgs } from './args.js';
import type { Databases } from './databases.js';
import type { BenchServer } from './server.js';

/** What every scenario gets: the flags, the server, fresh databases, a scratch folder, a log. */
export interface BenchContext {
  readonly args: BenchArgs;
  readonly server: BenchServer;
  readonly databases: Databases;
  /** 1, or 0.1 with --quick. */
  readonly scale: number;
  readonly runs: number;
  /** A temporary folder, removed at the end. */
  readonly workDir: string;
  /** Progress for the person watching: stderr, so stdout holds only the table. */
  log(message: string): void;
}
