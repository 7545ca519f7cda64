#!/usr/bin/env node
// `curtain` from the TypeScript sources through tsx, for development: no build step, slower to start.
import { register } from 'tsx/esm/api';

// A reader that stops early (`curtain … | head`) closes the pipe: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

register();
await import('../src/app/cli.ts');
