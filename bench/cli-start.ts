// Benchmark: how long the compiled `curtain` takes to start and answer — `--help`, and `ask` against a running
// server on a small demo bank — next to bare `node -e 0` in the same run. hyperfine when installed, else
// repeated spawns (interleaved) and their medians.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { programIsStale } from '../scripts/build.ts';
import { benchHeader, fmt } from './support.ts';

const root = join(import.meta.dirname, '..');
const customers = Number(process.env['BENCH_CLI_CUSTOMERS'] ?? 1_000);
const runs = Number(process.env['BENCH_CLI_RUNS'] ?? 20);
/** Asked once before the runs, so that every timed run is a repeat: the guard answers it, charging nothing. */
const question = 'count(within: 90d) > 0';
const goals: Record<string, number> = { help: 0.3, ask: 0.5 };

interface Command {
  readonly name: 'node' | 'help' | 'ask';
  readonly label: string;
  readonly argv: readonly string[];
}

interface Timing {
  readonly median: number;
  readonly mean: number;
  readonly stddev: number;
  readonly peakRssMb: number | undefined;
}

const curtain = join(root, 'bin', 'curtain.js');
const commands: readonly Command[] = [
  { name: 'node', label: '`node -e 0` (reference)', argv: [process.execPath, '-e', '0'] },
  { name: 'help', label: '`curtain --help`', argv: [process.execPath, curtain, '--help'] },
  { name: 'ask', label: `\`curtain ask '${question}'\``, argv: [process.execPath, curtain, 'ask', question] },
];

function run(argv: readonly string[], env: NodeJS.ProcessEnv) {
  const [file, ...args] = argv;
  const result = spawnSync(file!, args, { env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${argv.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** Starts `curtain start` on a fresh data directory and resolves with its address once it serves. */
async function startServer(env: NodeJS.ProcessEnv): Promise<{ server: ChildProcess; address: string }> {
  const server = spawn(process.execPath, [curtain, 'start'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const address = await new Promise<string>((resolve, reject) => {
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open the console: (http:\/\/[^/\s]+)\//.exec(output);
      if (match) resolve(match[1]!);
    });
    server.once('exit', (code) => reject(new Error(`the server exited with ${code}: ${output}`)));
  });
  return { server, address };
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Peak resident set of one run, by GNU time when it is installed. */
function peakRssMb(argv: readonly string[], env: NodeJS.ProcessEnv): number | undefined {
  if (!existsSync('/usr/bin/time')) return undefined;
  const result = spawnSync('/usr/bin/time', ['-f', '%M', ...argv], { env, encoding: 'utf8' });
  const kb = Number(result.stderr.trim().split('\n').at(-1));
  return Number.isFinite(kb) ? kb / 1024 : undefined;
}

/** hyperfine without a shell (-N), 3 warm-up runs; its JSON export read back. */
async function hyperfineTimings(env: NodeJS.ProcessEnv, exportFile: string): Promise<Map<string, Timing>> {
  const quoted = (argv: readonly string[]) =>
    argv.map((arg) => (/[\s'"()]/.test(arg) ? `'${arg}'` : arg)).join(' ');
  const args = [
    '-N',
    '--warmup',
    '3',
    '--runs',
    String(runs),
    '--export-json',
    exportFile,
    '--style',
    'basic',
  ];
  const result = spawnSync('hyperfine', [...args, ...commands.map((c) => quoted(c.argv))], {
    env,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('hyperfine failed');
  const { results } = JSON.parse(await readFile(exportFile, 'utf8')) as {
    results: { median: number; mean: number; stddev: number }[];
  };
  return new Map(
    commands.map((command, index) => {
      const { median: m, mean, stddev } = results[index]!;
      return [command.name, { median: m, mean, stddev, peakRssMb: peakRssMb(command.argv, env) }];
    }),
  );
}

/** Without hyperfine: each command in turn, `runs` rounds after 3 warm-up rounds, wall time per spawn. */
function spawnTimings(env: NodeJS.ProcessEnv): Map<string, Timing> {
  const seconds = new Map(commands.map((command) => [command.name, [] as number[]]));
  for (let round = -3; round < runs; round++) {
    for (const command of commands) {
      const started = process.hrtime.bigint();
      run(command.argv, env);
      if (round >= 0) seconds.get(command.name)!.push(Number(process.hrtime.bigint() - started) / 1e9);
    }
  }
  return new Map(
    commands.map((command) => {
      const values = seconds.get(command.name)!;
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const stddev = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
      return [
        command.name,
        { median: median(values), mean, stddev, peakRssMb: peakRssMb(command.argv, env) },
      ];
    }),
  );
}

function report(timings: Map<string, Timing>, tool: string): void {
  const reference = timings.get('node')!.median;
  console.log(`\n${tool}, ${runs} runs each; a demo bank of ${customers} customers behind the server`);
  console.log('| command | median s | mean ± sd s | vs `node -e 0` | peak RSS MB | goal |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const command of commands) {
    const t = timings.get(command.name)!;
    const goal = goals[command.name];
    const verdict = goal === undefined ? '' : `≤ ${goal} s: ${t.median <= goal ? 'met' : 'not met'}`;
    console.log(
      `| ${command.label} | ${fmt(t.median, 3)} | ${fmt(t.mean, 3)} ± ${fmt(t.stddev, 3)} | ` +
        `${fmt(t.median / reference, 2)}× | ${t.peakRssMb === undefined ? '—' : fmt(t.peakRssMb, 0)} | ${verdict} |`,
    );
  }
}

console.log(benchHeader('CLI start'));
if (programIsStale())
  run([process.execPath, join(root, 'bin', 'run-ts.js'), 'scripts/build.ts', 'server'], process.env);
const work = await mkdtemp(join(tmpdir(), 'curtain-bench-cli-'));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  CURTAIN_DATA_DIR: join(work, 'data'),
  CURTAIN_KEY_DIR: join(work, 'keys'),
  CURTAIN_DEMO_CUSTOMERS: String(customers),
  PORT: '0',
  LOG_LEVEL: 'warn',
  // The demo bank's marketer: `ask` is charged to a named member of staff who may ask.
  CURTAIN_STAFF: 'mia',
};
delete env['DATABASE_URL'];
const { server, address } = await startServer(env);
try {
  console.log(`server on ${address}; first answer: ${run(commands[2]!.argv, env).split('\n')[0]}`);
  const hasHyperfine = spawnSync('hyperfine', ['--version']).status === 0;
  if (hasHyperfine) {
    report(await hyperfineTimings(env, join(work, 'hyperfine.json')), 'hyperfine');
  } else {
    report(spawnTimings(env), 'repeated spawns (hyperfine is not installed)');
  }
} finally {
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
  await rm(work, { recursive: true, force: true });
}
