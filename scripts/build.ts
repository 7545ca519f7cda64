// Builds what is missing or stale: the program (src/ → dist/, by tsc) and the web console (console/ → console/dist,
// by Vite). `npm run build` and `npm start` build both; `npm run build:server` (which `npm test` runs, and the CLI
// tests when the program is stale) the program only. One build runs at a time: test files run in parallel.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const root = join(import.meta.dirname, '..');
const lockDir = join(root, 'node_modules', '.cache', 'curtain-build.lock');

/** What the console's build reads: its own sources, the core modules it imports, the installed libraries. */
const consoleInputs = [
  'console/src',
  'console/index.html',
  'console/vite.config.ts',
  'src/core',
  // Edge mode's page runs the edge package, and with it the language and the columnar engine.
  'src/edge',
  'src/language',
  'src/vault/questions',
  'package-lock.json',
];
/** What the program's build reads (tsc itself then decides what to recompile). */
const programInputs = ['src', 'tsconfig.json', 'tsconfig.build.json'];

/** Runs a tool's script; false when it failed (it has printed why). */
function run(script: string, args: readonly string[]): boolean {
  const result = spawnSync(process.execPath, [join(root, script), ...args], { cwd: root, stdio: 'inherit' });
  return result.status === 0;
}

/** Tests beside the code are not compiled into dist/. */
const isTestFile = (name: string) => /(\.test|test-support)\.ts$/.test(name);

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  const entries = readdirSync(path).filter((name) => !isTestFile(name));
  return Math.max(stat.mtimeMs, ...entries.map((name) => newestChange(join(path, name))));
}

function isStale(built: string, inputs: readonly string[]): boolean {
  if (!existsSync(built)) return true;
  return statSync(built).mtimeMs < Math.max(...inputs.map((input) => newestChange(join(root, input))));
}

/** True when some source changed since dist/ was last compiled: a cheap look before asking tsc. */
export const programIsStale = () => isStale(join(root, 'dist', '.tsbuildinfo'), programInputs);

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the build lock (a directory, created atomically), waiting for a live holder and taking over a dead one's. */
async function lock(): Promise<() => void> {
  mkdirSync(join(lockDir, '..'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      return () => rmSync(lockDir, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(join(lockDir, 'pid'), { encoding: 'utf8', flag: 'a+' }));
      const abandoned = holder === 0 && Date.now() - statSync(lockDir).mtimeMs > 10_000;
      if (abandoned || (holder > 0 && !isAlive(holder))) rmSync(lockDir, { recursive: true, force: true });
      else await sleep(200);
    }
  }
}

/** Removes what dist/ still holds of modules since deleted or renamed in src/ (tsc leaves them behind). */
function pruneOrphans(directory = join(root, 'dist')): void {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      pruneOrphans(path);
      continue;
    }
    const source = /^(.*)\.js(\.map)?$/.exec(path.slice(join(root, 'dist').length + 1))?.[1];
    if (source !== undefined && !existsSync(join(root, 'src', `${source}.ts`))) rmSync(path);
  }
}

function build(): boolean {
  // tsc's build mode compares the sources with dist/.tsbuildinfo and compiles only what changed.
  if (!run('node_modules/typescript/bin/tsc', ['--build', 'tsconfig.build.json'])) return false;
  pruneOrphans();
  if (process.argv[2] === 'server' || !isStale(join(root, 'console', 'dist', 'index.html'), consoleInputs)) {
    return true;
  }
  console.log('building the web console (console/dist)…');
  return run('node_modules/vite/bin/vite.js', ['build', 'console', '--logLevel', 'warn']);
}

if (process.argv[1] === import.meta.filename) {
  const release = await lock();
  try {
    if (!build()) process.exitCode = 1;
  } finally {
    release();
  }
}
