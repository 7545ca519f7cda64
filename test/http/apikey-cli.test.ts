// `curtain apikey create|revoke`: a key is printed once, stored hashed, and authenticates its staff member.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessStore } from '../../src/http/auth/access-store.ts';
import { openPgliteStorage } from '../../src/storage/pglite/pglite-storage.ts';
import { runCurtain } from '../support/cli.ts';

describe('curtain apikey', () => {
  let root: string;
  let env: NodeJS.ProcessEnv;
  const run = (args: readonly string[]) => runCurtain(args, env);

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'curtain-apikey-'));
    env = {
      ...process.env,
      CURTAIN_DATA_DIR: join(root, 'data'),
      CURTAIN_KEY_DIR: join(root, 'keys'),
      LOG_LEVEL: 'warn',
    };
    delete env['DATABASE_URL'];
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('creates a key for a staff member, which authenticates them until it is revoked', async () => {
    const unknown = await run(['apikey', 'create', '--staff', 'nobody']);
    expect(unknown.code).toBe(66);
    expect(unknown.stderr).toContain('NOT_FOUND');
    expect((await run(['hub', 'staff', 'add', 'mia', '--role', 'marketer'])).code).toBe(0);
    const created = await run(['apikey', 'create', '--staff', 'mia', '--label', 'console']);
    expect(created.code).toBe(0);
    const key = created.stdout.trim().split('\n').at(-1)!;
    const id = /key ([0-9a-f]+) for mia/.exec(created.stdout)![1]!;
    expect(key).toMatch(/^curtain_[0-9a-f]+_[A-Za-z0-9_-]{43}$/);

    const check = async () => {
      const storage = await openPgliteStorage({ dataDirectory: join(root, 'data', 'pgdata') });
      try {
        return await new AccessStore(storage).staffByApiKey(key);
      } finally {
        await storage.close();
      }
    };
    expect(await check()).toMatchObject({ kind: 'staff', handle: 'mia', roles: ['marketer'] });
    expect((await run(['apikey', 'revoke', id])).code).toBe(0);
    expect(await check()).toBeUndefined();
  }, 120_000);
});
