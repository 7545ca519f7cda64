// The kill -9 harness of the crash tests: a TypeScript child process, its lines as it prints them, and its end,
// whether it killed itself (a fault point) or the test killed it with SIGKILL mid-work.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const runTs = join(import.meta.dirname, '../../bin/run-ts.js');

export interface ChildExit {
  readonly code: number | null;
  readonly signal: string | null;
}

/** Runs `script` with `args` under tsx; its stdout is piped when the test reads its lines, else ignored. */
export function runTsChild(
  script: string,
  args: readonly string[],
  options: { readonly stdout?: 'pipe' | 'ignore'; readonly env?: NodeJS.ProcessEnv } = {},
): ChildProcess {
  return spawn(process.execPath, [runTs, script, ...args], {
    stdio: ['ignore', options.stdout ?? 'ignore', 'inherit'],
    ...(options.env === undefined ? {} : { env: options.env }),
  });
}

/** How the child ended: `{ code: null, signal: 'SIGKILL' }` when it was killed with -9. */
export const exitOf = (child: ChildProcess): Promise<ChildExit> =>
  new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

/** The lines the child printed, once it has printed `lines` of them; fails if it ends before. */
export function linesPrinted(child: ChildProcess, lines: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const seen: string[] = [];
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      seen.push(...parts);
      if (seen.length >= lines) resolve(seen);
    });
    child.once('exit', (code) => reject(new Error(`child exited early with ${code}`)));
  });
}

/** Kills the child with SIGKILL (no cleanup runs in it) and waits until it is gone. */
export async function killNine(child: ChildProcess): Promise<void> {
  const exited = exitOf(child);
  child.kill('SIGKILL');
  await exited;
}
