#!/usr/bin/env node
import meow from 'meow';
import { FLAGS, HELP } from './cli-spec.js';
import { run } from './run.js';
import { terminalConfirm } from './safety/confirm.js';
import { lazyInterrupts } from './safety/signals.js';

// run() validates flags (unknown ones included) so that every usage error prints the same way
const cli = meow(HELP, {
  importMeta: import.meta,
  flags: FLAGS,
  autoHelp: false,
  autoVersion: false,
  allowUnknownFlags: true,
});

// a closed pipe (`autoseed plan | head`) is the reader's choice, not an error worth a stack trace
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// a seed or rollback asks for this: it then stops cleanly on the first Ctrl-C / SIGTERM (roll back,
// release the lock, exit 130) and at once on the second. Other commands (and the seed UI, which
// reads Ctrl-C as a key) keep the default: exit at once
const interrupts = lazyInterrupts(process, {
  onFirst: (name) => process.stderr.write(`\nautoseed: ${name}: stopping, rolling back the transaction in progress (press Ctrl-C again to exit at once)\n`),
  exitNow: () => process.exit(130),
});

process.exitCode = await run(
  { input: cli.input, flags: cli.flags },
  {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    isTTY: process.stdout.isTTY === true && process.stdin.isTTY === true,
    stdoutIsTTY: process.stdout.isTTY === true,
    // confirmations are asked only where someone can answer: stdin and stderr on a terminal
    ...(process.stdin.isTTY && process.stderr.isTTY ? { confirm: terminalConfirm(process.stdin, process.stderr) } : {}),
    interrupts: interrupts.signal,
  },
);
interrupts.dispose();
