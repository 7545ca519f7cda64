// `curtain audit …` end to end: a demo vault's log proves its entries and names the one that was tampered with.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCurtain } from '../support/cli.ts';
import { copyDirectory } from '../support/run-templates.ts';
import { openPgliteStorage } from '../../src/storage/pglite/pglite-storage.ts';
import { leafHash } from '../../src/audit/merkle.ts';
import { verifyInclusion } from '../../src/audit/verify.ts';

let root: string;
let env: NodeJS.ProcessEnv;

const run = (args: readonly string[]) => runCurtain(args, env);

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'curtain-audit-cli-'));
  env = { ...process.env, CURTAIN_DATA_DIR: join(root, 'data'), CURTAIN_KEY_DIR: join(root, 'keys') };
  delete env['DATABASE_URL'];
  const generated = await run([
    'generate',
    '--customers',
    '40',
    '--seed',
    '5',
    '--end',
    '2026-11-01',
    '--density',
    'thin',
  ]);
  expect(generated.code).toBe(0);
}, 120_000);
afterAll(async () => rm(root, { recursive: true, force: true }));

describe('curtain audit', () => {
  it('prints a signed head and an inclusion proof that verifies against it', async () => {
    const head = await run(['audit', 'head']);
    expect(head.code).toBe(0);
    const [origin, size, root64] = head.stdout.split('\n');
    expect(origin).toBe('curtain.example/vault');
    expect(Number(size)).toBeGreaterThan(40);
    const proved = await run(['audit', 'prove', '7']);
    const proof = JSON.parse(proved.stdout) as {
      leafHash: string;
      inclusionProof: string[];
      treeSize: number;
    };
    const verdict = verifyInclusion(
      Buffer.from(proof.leafHash, 'base64'),
      7,
      proof.treeSize,
      proof.inclusionProof.map((h) => Buffer.from(h, 'base64')),
      Buffer.from(root64!, 'base64'),
    );
    expect(verdict).toEqual({ ok: true });
    const consistency = await run(['audit', 'consistency', '10']);
    expect(consistency.code).toBe(0);
    expect(JSON.parse(consistency.stdout)).toMatchObject({ oldSize: 10, treeSize: Number(size) });
    // The export is the exact bytes that were hashed: line 7 hashes to the proven leaf, without re-canonicalising.
    const exported = await run(['audit', 'export', '--from', '5', '--limit', '3']);
    expect(exported.code).toBe(0);
    const lines = exported.stdout.split('\n').slice(0, -1);
    expect(lines).toHaveLength(3);
    expect(leafHash(Buffer.from(lines[2]!, 'utf8')).toString('base64')).toBe(proof.leafHash);
  });

  it('verifies the whole log, then fails naming the entry whose stored bytes were changed', async () => {
    // Tampers with a copy of the vault of its own: the other test reads the same log untouched.
    const copy = await mkdtemp(join(root, 'tampered-'));
    await copyDirectory(join(root, 'data'), join(copy, 'data'));
    await copyDirectory(join(root, 'keys'), join(copy, 'keys'));
    const tamperedEnv = { ...env, CURTAIN_DATA_DIR: join(copy, 'data'), CURTAIN_KEY_DIR: join(copy, 'keys') };
    const run = (args: readonly string[]) => runCurtain(args, tamperedEnv);
    expect((await run(['audit', 'verify'])).code).toBe(0);
    const storage = await openPgliteStorage({ dataDirectory: join(copy, 'data', 'pgdata') });
    await storage.query(
      `UPDATE audit_entries SET entry = replace(entry, '"granted":true', '"granted":fals') WHERE idx = 13`,
    );
    await storage.close();
    const verify = await run(['audit', 'verify']);
    expect(verify.code).toBe(1);
    expect(verify.stderr).toContain('AUDIT_MISMATCH');
    expect(verify.stderr).toContain('entry 13');
  });
});
