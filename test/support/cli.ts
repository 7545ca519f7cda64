// Runs the real `curtain` command in a child process and collects what it printed: the compiled program, as
// shipped (bin/curtain.js runs dist/), compiled first when a source changed since the last build.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { programIsStale } from '../../scripts/build.ts';

const root = join(import.meta.dirname, '../..');
export const curtainBin = join(root, 'bin/curtain.js');

if (programIsStale()) {
  const build = spawnSync(process.execPath, ['bin/run-ts.js', 'scripts/build.ts', 'server'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('the program does not build: see `npm run build:server`');
}

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCurtain(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [curtainBin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
