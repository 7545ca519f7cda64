// Runs the real `curtain` command in a child process and collects what it printed: the compiled program, as
// shipped (bin/curtain.js runs dist/), compiled first when a source changed since the last build.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
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

export interface RunningCurtain {
  readonly server: ChildProcess;
  /** Where the console and the API answer, e.g. http://127.0.0.1:41234 */
  readonly address: string;
  stop(): Promise<void>;
}

/** `curtain start` in a child process, resolved once it prints where to open the console. */
export async function startCurtain(env: NodeJS.ProcessEnv): Promise<RunningCurtain> {
  const server = spawn(process.execPath, [curtainBin, 'start'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const address = await new Promise<string>((resolve, reject) => {
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open the console: (http:\/\/[^/\s]+)\//.exec(output);
      if (match) resolve(match[1]!);
    });
    server.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  const stop = async () => {
    server.kill('SIGTERM');
    await new Promise((resolve) =>
      server.exitCode === null ? server.once('exit', resolve) : resolve(undefined),
    );
  };
  return { server, address, stop };
}
