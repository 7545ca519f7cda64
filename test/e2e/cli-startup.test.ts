// What the compiled `curtain` loads: `--help` only commander and the command declarations; `ask` through a running
// server neither the vault's code nor the configuration's validation.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { curtainBin, type CliRun } from '../support/cli.ts';

const root = join(import.meta.dirname, '../..');
let work: string;
let env: NodeJS.ProcessEnv;

/** Module hooks that write every module the program resolves to the file named by CURTAIN_TRACE_FILE. */
const traceHooks = `
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.CURTAIN_TRACE_FILE, resolved.url + '\\n');
  return resolved;
}
`;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'curtain-startup-'));
  await writeFile(join(work, 'trace-hooks.mjs'), traceHooks);
  await writeFile(
    join(work, 'trace.mjs'),
    `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(work, 'trace-hooks.mjs')).href)});\n`,
  );
  env = { ...process.env, CURTAIN_DATA_DIR: join(work, 'data'), CURTAIN_KEY_DIR: join(work, 'keys') };
  delete env['DATABASE_URL'];
  delete env['CURTAIN_API_KEY'];
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** Runs the compiled program and names the modules it loaded: packages by name, its own by path in dist/. */
async function traced(
  args: readonly string[],
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<CliRun & { packages: string[]; own: string[] }> {
  const traceFile = join(work, `trace-${Math.random().toString(36).slice(2)}`);
  await writeFile(traceFile, '');
  const run = await new Promise<CliRun>((resolve) => {
    const child = spawn(process.execPath, ['--import', join(work, 'trace.mjs'), curtainBin, ...args], {
      env: { ...env, ...extraEnv, CURTAIN_TRACE_FILE: traceFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
  const urls = (await readFile(traceFile, 'utf8')).split('\n').filter((url) => url.startsWith('file:'));
  const packages = new Set<string>();
  const own = new Set<string>();
  for (const url of urls) {
    const inPackage = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    if (inPackage) packages.add(inPackage[1]!);
    else if (url.startsWith(pathToFileURL(join(root, 'dist')).href))
      own.add(url.slice(url.indexOf('/dist/') + 6));
  }
  return { ...run, packages: [...packages].sort(), own: [...own].sort() };
}

describe('curtain --help', () => {
  it('loads commander and the command declarations, nothing that opens or validates anything', async () => {
    const help = await traced(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('ask [options] <expression>');
    expect(help.packages).toEqual(['commander']);
    expect(
      help.own.filter((module) => !/^(cli|config\/settings|core\/errors|app\/cli)/.test(module)),
    ).toEqual([]);
    expect(help.own).not.toContain('cli/hub-commands.js');
  });
});

describe('curtain ask through a running server', () => {
  let server: Server;
  const requests: {
    method: string | undefined;
    url: string | undefined;
    authorization: string | undefined;
    actingAs: string | string[] | undefined;
    body: string;
  }[] = [];

  beforeAll(async () => {
    server = createServer((request: IncomingMessage, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        requests.push({
          method: request.method,
          url: request.url,
          authorization: request.headers.authorization,
          actingAs: request.headers['x-curtain-act-as'],
          body,
        });
        response.writeHead(200, { 'content-type': 'application/json' });
        const budget = {
          charged: '5/8',
          askerRemaining: '35/8',
          vaultRemaining: '155/8',
          resetsAt: '2030-01-01',
        };
        response.end(JSON.stringify({ questionId: 7, count: 1234, repeated: false, budget }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    // The lock a server writes when it holds the data directory; this test process is its live owner.
    await mkdir(join(work, 'data'), { recursive: true });
    const owner = { pid: process.pid, command: 'curtain start', since: new Date().toISOString() };
    await writeFile(
      join(work, 'data', 'curtain.lock'),
      JSON.stringify({ ...owner, url: `http://127.0.0.1:${port}` }),
    );
    await writeFile(join(work, 'data', 'cli-api-key'), 'issued-at-start\n');
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('asks the server with the key it issued, prints its answer, and loads no vault code', async () => {
    const asked = await traced(['ask', 'holds("mortgage")', '--as', 'alice']);
    expect(asked.stderr).toBe('');
    expect(asked.code).toBe(0);
    expect(asked.stdout).toBe(
      'about 1,234 customers (a protected count: noised, never exact)\n' +
        '  ε charged 5/8\n' +
        '  budget left: 35/8 for alice, 155/8 vault-wide; resets 2030-01-01\n',
    );
    expect(requests).toEqual([
      {
        method: 'POST',
        url: '/v1/questions',
        authorization: 'Bearer issued-at-start',
        actingAs: 'alice',
        body: JSON.stringify({ expression: 'holds("mortgage")', purpose: 'bank_offers' }),
      },
    ]);
    expect(asked.packages).toEqual(['commander']);
    expect(
      asked.own.filter((module) => /^(vault|storage\/(pglite|postgres)|hub|demo|app\/vault)/.test(module)),
    ).toEqual([]);
    expect(asked.own).not.toContain('config/config.js');
  });

  it('finds the server from --data-dir as well as from CURTAIN_DATA_DIR', async () => {
    requests.length = 0;
    const dataDir = join(work, 'data');
    const asked = await traced(['--data-dir', dataDir, 'ask', 'holds("mortgage")', '--as', 'alice'], {
      CURTAIN_DATA_DIR: join(work, 'elsewhere'),
    });
    expect(asked.code).toBe(0);
    expect(asked.stdout).toContain('about 1,234 customers');
    expect(requests).toHaveLength(1);
  });
});
