/** Where a command writes and what it may read from its surroundings; the CLI passes the process's. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  /** An interactive terminal: stdout and stdin are TTYs (the seed command may then start its UI). */
  isTTY?: boolean;
  /** stdout is a terminal: without one, progress is JSON lines (the CLI contract). */
  stdoutIsTTY?: boolean;
}
