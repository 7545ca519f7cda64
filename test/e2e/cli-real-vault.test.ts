// End to end: `curtain start` with no demo bank makes a real vault; statements go in through the running server,
// a second run adds nothing, a file that is not a statement gets a stable code, and demo sign-in stays shut.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCurtain, startCurtain, type RunningCurtain } from '../support/cli.ts';

const samples = join(import.meta.dirname, '../fixtures/statements');
let root: string;
let curtain: RunningCurtain | undefined;
let env: NodeJS.ProcessEnv;

const run = (args: readonly string[]) => runCurtain(args, env);
const operator = async () => ({
  authorization: `Bearer ${(await readFile(join(root, 'data', 'cli-api-key'), 'utf8')).trim()}`,
});

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'curtain-e2e-real-'));
  env = {
    ...process.env,
    CURTAIN_DATA_DIR: join(root, 'data'),
    CURTAIN_KEY_DIR: join(root, 'keys'),
    CURTAIN_DEMO_CUSTOMERS: '0',
    // The camt.053 sample is from 2013: a retention that still keeps it.
    CURTAIN_TRANSACTION_RETENTION_DAYS: '36500',
    PORT: '0',
    LOG_LEVEL: 'warn',
  };
  delete env['DATABASE_URL'];
  curtain = await startCurtain(env);
}, 180_000);

afterAll(async () => {
  await curtain?.stop();
  await rm(root, { recursive: true, force: true });
});

describe('curtain start on a real vault', () => {
  it('sends `curtain ingest` through the running server, and a second run adds nothing', async () => {
    const file = join(samples, 'camt053/camt053.v4.xml');
    const first = await run(['ingest', file]);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('through the running server');
    expect(first.stdout).toMatch(/stored [1-9]\d*, duplicates 0/);
    const second = await run(['ingest', file]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/stored 0, duplicates [1-9]/);
  });

  it('answers a malformed upload with a stable error code', async () => {
    const response = await fetch(`${curtain!.address}/v1/ingest?source=x.bin`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', ...(await operator()) },
      body: 'just some words, no statement',
    });
    const body = (await response.json()) as { error: { code: string } };
    expect(response.status).toBe(400);
    expect(body.error.code).toBe('MAPPING_INVALID');
  });

  it('keeps demo sign-in shut: no operator without a credential', async () => {
    const response = await fetch(`${curtain!.address}/v1/auth/demo/staff`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ handle: 'olga' }),
    });
    const body = (await response.json()) as { error: { code: string } };
    expect(body.error.code).toBe('DEMO_DISABLED');
  });
});
