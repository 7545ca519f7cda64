#!/usr/bin/env node
// The `curtain` command: loads the TypeScript CLI through tsx's ESM loader.
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
