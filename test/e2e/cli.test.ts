// End to end: `curtain start` on a fresh directory serves /health with a demo bank; other commands go through it.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCurtain, startCurtain, type RunningCurtain } from '../support/cli.ts';

const samples = join(import.meta.dirname, '../fixtures/statements');
let root: string;
let curtain: RunningCurtain | undefined;
let address: string;
let env: NodeJS.ProcessEnv;

const run = (args: readonly string[]) => runCurtain(args, env);

/** The operator key the server issued for the local CLI at start. */
const operator = async () => ({
  authorization: `Bearer ${(await readFile(join(root, 'data', 'cli-api-key'), 'utf8')).trim()}`,
});

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'curtain-e2e-'));
  env = {
    ...process.env,
    CURTAIN_DATA_DIR: join(root, 'data'),
    CURTAIN_KEY_DIR: join(root, 'keys'),
    // The demo bank has real density (about 50 transactions a customer-month): 30 customers hold about as
    // many transactions as 300 of the earlier thin bank.
    CURTAIN_DEMO_CUSTOMERS: '30',
    // The ingest test loads a real camt.053 sample from 2013: a retention that still keeps it.
    CURTAIN_TRANSACTION_RETENTION_DAYS: '36500',
    PORT: '0',
    LOG_LEVEL: 'warn',
  };
  delete env['DATABASE_URL'];
  curtain = await startCurtain(env);
  address = curtain.address;
}, 180_000);

afterAll(async () => {
  await curtain?.stop();
  await rm(root, { recursive: true, force: true });
});

describe('curtain start', () => {
  it('answers /health with status ok on PGlite, with the demo bank loaded', async () => {
    const health = (await (await fetch(`${address}/health`)).json()) as { status: string; engine: string };
    expect(health.status).toBe('ok');
    expect(health.engine).toMatch(/PGlite/);
    expect((await fetch(`${address}/v1/db/status`)).status).toBe(401);
    const status = (await (await fetch(`${address}/v1/db/status`, { headers: await operator() })).json()) as {
      customers: number;
      transactions: number;
    };
    expect(status.customers).toBe(30);
    expect(status.transactions).toBeGreaterThan(30 * 24 * 20);
  });

  it('serves Prometheus metrics', async () => {
    const text = await (await fetch(`${address}/metrics`, { headers: await operator() })).text();
    expect(text).toMatch(/curtain_vault_rows\{table="customers"\} 30\b/);
  });

  it('refuses `curtain ingest` of a real file into the demo bank, through the running server', async () => {
    const file = join(samples, 'camt053/camt053.v4.xml');
    const refused = await run(['ingest', file]);
    expect(refused.code).toBe(65);
    expect(refused.stderr).toContain('through the running server');
    expect(refused.stderr).toContain('VAULT_IS_DEMO');
    expect(refused.stderr).toContain('CURTAIN_DEMO_CUSTOMERS=0');
  });

  it('refuses commands that would open the data directory a second time, naming the owner', async () => {
    const rotate = await run(['keys', 'rotate']);
    expect(rotate.code).toBe(75);
    expect(rotate.stderr).toContain('DATA_DIR_BUSY');
    expect(rotate.stderr).toContain(address);
  });

  it('answers an upload to the demo bank with a stable error code, before reading it', async () => {
    const response = await fetch(`${address}/v1/ingest?source=x.bin`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', ...(await operator()) },
      body: 'just some words, no statement',
    });
    const body = (await response.json()) as { error: { code: string } };
    expect(response.status).toBe(409);
    expect(body.error.code).toBe('VAULT_IS_DEMO');
  });
});
