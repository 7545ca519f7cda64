#!/usr/bin/env node
// The `curtain` command: runs the compiled program in dist/ (`npm run build`; `npm start` builds it when stale).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/app/cli.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('curtain: the program is not built: run `npm run build` (or `npm start`, which builds it)');
  process.exit(70);
}

// A reader that stops early (`curtain … | head`) closes the pipe: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

await import(entry.href);
