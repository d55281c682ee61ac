#!/usr/bin/env node
import meow from 'meow';
import { FLAGS, HELP } from './cli-spec.js';
import { run } from './run.js';

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

process.exitCode = await run(
  { input: cli.input, flags: cli.flags },
  {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
  },
);
