// The avatar-token secret: in new key files, added to older ones on open, separate from the other secrets.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalKeyFile } from '../../src/keys/local-key-file.ts';

const directories: string[] = [];
afterAll(async () => {
  for (const directory of directories) await rm(directory, { recursive: true, force: true });
});

describe('avatar-token secret', () => {
  it('exists in a new key file, is 32 bytes and differs from the other secrets', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'curtain-avatar-key-'));
    directories.push(directory);
    const keys = await LocalKeyFile.open(directory);
    const secret = keys.secret('avatar-token');
    expect(secret).toHaveLength(32);
    expect(secret.equals(keys.secret('token'))).toBe(false);
    expect(secret.equals(keys.secret('blind-index'))).toBe(false);
    expect((await LocalKeyFile.open(directory)).secret('avatar-token').equals(secret)).toBe(true);
  });

  it('is added to a key file written before avatars existed, keeping its other keys', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'curtain-avatar-key-'));
    directories.push(directory);
    const keys = await LocalKeyFile.open(directory);
    const path = join(directory, 'keys.json');
    const file = JSON.parse(await readFile(path, 'utf8')) as { secrets: Record<string, unknown> };
    delete file.secrets['avatar-token'];
    await writeFile(path, JSON.stringify(file));

    const upgraded = await LocalKeyFile.open(directory);
    expect(upgraded.secret('avatar-token')).toHaveLength(32);
    expect(upgraded.secret('token').equals(keys.secret('token'))).toBe(true);
    expect(upgraded.secret('blind-index').equals(keys.secret('blind-index'))).toBe(true);
    expect(upgraded.currentKekId).toBe(keys.currentKekId);
    const stored = JSON.parse(await readFile(path, 'utf8')) as { secrets: Record<string, unknown> };
    expect(stored.secrets['avatar-token']).toBeDefined();
    expect(
      (await LocalKeyFile.open(directory)).secret('avatar-token').equals(upgraded.secret('avatar-token')),
    ).toBe(true);
  });
});
