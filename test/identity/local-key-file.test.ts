// The local key file: inventory, signing keys and their rotation, upgrade of older files.
import { sign, verify } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalKeyFile } from '../../src/keys/local-key-file.ts';

const directories: string[] = [];
async function keyDir(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'curtain-keyfile-'));
  directories.push(directory);
  return directory;
}
afterAll(async () => {
  for (const directory of directories) await rm(directory, { recursive: true, force: true });
});

describe('local key file', () => {
  it('lists every key with an id, a purpose and a creation date', async () => {
    const keys = await LocalKeyFile.open(await keyDir());
    const purposes = keys.inventory().map((k) => k.purpose);
    expect(purposes.sort()).toEqual([
      'avatar-token',
      'blind-index',
      'key-encryption',
      'log-signing',
      'message-id',
      'receipt-signing',
      'token',
    ]);
    for (const key of keys.inventory()) {
      expect(key.id).toMatch(new RegExp(`^${key.purpose === 'key-encryption' ? 'kek' : key.purpose}-`));
      expect(Date.parse(key.createdAt)).not.toBeNaN();
    }
  });

  it('signs with the active key; after rotation the old key only verifies, its private half is gone', async () => {
    const directory = await keyDir();
    const keys = await LocalKeyFile.open(directory);
    const message = Buffer.from('tree head 42');
    const old = keys.signingKey('log-signing');
    const signature = sign(null, message, old.privateKey);
    const newId = await keys.rotateSigningKey('log-signing');
    expect(keys.signingKey('log-signing').id).toBe(newId);
    const reopened = await LocalKeyFile.open(directory);
    const verifiers = reopened.verificationKeys('log-signing');
    const retired = verifiers.find((k) => k.id === old.id)!;
    expect(retired.status).toBe('retired');
    expect(retired.privateKey).toBeUndefined();
    expect(verify(null, message, retired.publicKey, signature)).toBe(true);
    const file = JSON.parse(await readFile(join(directory, 'keys.json'), 'utf8')) as {
      signing: { 'log-signing': { id: string; privateKey?: string }[] };
    };
    expect(file.signing['log-signing'].find((k) => k.id === old.id)?.privateKey).toBeUndefined();
    expect(reopened.signingKey('receipt-signing').id).toBe(keys.signingKey('receipt-signing').id);
  });

  it('adds signing keys to a key file written before they existed, keeping its other keys', async () => {
    const directory = await keyDir();
    const keys = await LocalKeyFile.open(directory);
    const path = join(directory, 'keys.json');
    const file = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    delete file['signing'];
    await writeFile(path, JSON.stringify(file));
    const upgraded = await LocalKeyFile.open(directory);
    expect(upgraded.currentKekId).toBe(keys.currentKekId);
    expect(upgraded.signingKey('receipt-signing').privateKey).toBeDefined();
  });
});
