// The identity store on every backend: encryption at rest, blind indexes, rotation, crypto-shredding, backups.
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../../src/storage/ports.ts';
import { migrate } from '../../src/storage/postgres-core/migrations.ts';
import { IdentityStore, isAuditSubject } from '../../src/vault/identity/identity-store.ts';
import { LocalKeyFile } from '../../src/keys/local-key-file.ts';
import { CurtainError } from '../../src/core/errors.ts';
import { testBackends } from '../support/backends.ts';
import { dumpEveryTable } from '../support/table-dump.ts';
import { piiNeedles, sampleCustomers } from '../support/sample-customers.ts';

describe.each(testBackends)('identity store on $name', (backend) => {
  let storage: Storage;
  let dispose: () => Promise<void>;
  let keyDir: string;
  let keys: LocalKeyFile;
  let identity: IdentityStore;
  const customers = sampleCustomers(20);
  let ids: number[];

  beforeAll(async () => {
    ({ storage, dispose } = await backend.createMigrated());
    keyDir = await mkdtemp(join(tmpdir(), 'curtain-keys-'));
    keys = await LocalKeyFile.open(keyDir);
    identity = new IdentityStore(storage, keys);
    ids = await identity.createCustomers(customers);
  });
  afterAll(async () => {
    await dispose();
    await rm(keyDir, { recursive: true, force: true });
  });

  it('creates the key file with mode 0600 in a 0700 directory', async () => {
    expect((await stat(join(keyDir, 'keys.json'))).mode & 0o777).toBe(0o600);
    expect((await stat(keyDir)).mode & 0o777).toBe(0o700);
  });

  it('reads back exactly what was stored', async () => {
    expect(ids).toHaveLength(20);
    expect(await identity.readPii(ids[3]!)).toEqual(customers[3]!.pii);
  });

  it('reads many customers at once, each with their own key', async () => {
    const many = await identity.readPiiMany([ids[5]!, ids[0]!, ids[19]!, 999_999]);
    expect([...many.keys()].sort((a, b) => a - b)).toEqual([ids[0]!, ids[5]!, ids[19]!]);
    for (const i of [0, 5, 19]) expect(many.get(ids[i]!)).toEqual(customers[i]!.pii);
  });

  it('stores no PII in plaintext in any table', async () => {
    const dump = await dumpEveryTable(storage);
    for (const customer of customers) {
      for (const needle of piiNeedles(customer)) expect(dump).not.toContain(needle);
    }
    expect(dump).not.toContain(customers[0]!.externalId);
  });

  it('finds customers by external id and by email (any case) through the blind index', async () => {
    expect(await identity.findCustomer('external_id', 'EXT-Q-7')).toBe(ids[7]);
    expect(await identity.findCustomer('email', '  ZEBULON.Q7@EXAMPLE.ORG ')).toBe(ids[7]);
    expect(await identity.findCustomer('email', 'nobody@example.org')).toBeUndefined();
  });

  it('rotates the key-encryption key by re-wrapping data keys without touching ciphertexts', async () => {
    const before = await storage.query<{ ciphertext: Uint8Array }>(
      'SELECT ciphertext FROM customer_identity ORDER BY customer_id',
    );
    const oldKek = keys.currentKekId;
    // Every data key is re-wrapped: those of the 20 customers above, less any a test has shredded.
    const held = await storage.query<{ n: number }>('SELECT count(*)::int AS n FROM customer_keys');
    expect(held.rows[0]!.n).toBeGreaterThanOrEqual(19);
    const report = await identity.rotateKek();
    expect(report.rewrapped).toBe(held.rows[0]!.n);
    expect(report.newKekId).not.toBe(oldKek);
    expect(report.retired).toContain(oldKek);
    const after = await storage.query<{ ciphertext: Uint8Array }>(
      'SELECT ciphertext FROM customer_identity ORDER BY customer_id',
    );
    expect(after.rows.map((r) => Buffer.from(r.ciphertext).toString('hex'))).toEqual(
      before.rows.map((r) => Buffer.from(r.ciphertext).toString('hex')),
    );
    const kekIds = await storage.query<{ kek_id: string }>('SELECT DISTINCT kek_id FROM customer_keys');
    expect(kekIds.rows).toEqual([{ kek_id: report.newKekId }]);
    expect(await identity.destroyRetiredKeks()).toEqual([oldKek]);
    expect(
      keys
        .inventory()
        .filter((k) => k.purpose === 'key-encryption')
        .map((k) => k.id),
    ).toEqual([report.newKekId]);
    expect(await identity.readPii(ids[5]!)).toEqual(customers[5]!.pii);
  });

  it('refuses to decrypt with a tampered ciphertext', async () => {
    // A customer of its own: the others are read by the tests around it.
    const [tampered] = await identity.createCustomers(sampleCustomers(1, 'T'));
    expect(await identity.readPii(tampered!)).toBeDefined();
    await storage.query(
      `UPDATE customer_identity SET ciphertext = overlay(ciphertext placing '\\xff'::bytea from 20 for 1) WHERE customer_id = $1`,
      [tampered],
    );
    await expect(identity.readPii(tampered!)).rejects.toThrow();
  });

  it("gives unlinkable audit references that only the customer's audit key recognises", async () => {
    const first = await identity.auditSubjects([ids[6]!, ids[7]!]);
    const second = await identity.auditSubjects([ids[6]!]);
    const a = first.get(ids[6]!)!;
    const b = second.get(ids[6]!)!;
    expect(a).not.toBe(b);
    expect(a.split('.')[1]).not.toBe(b.split('.')[1]);
    const key6 = await identity.auditKey(ids[6]!);
    const key7 = await identity.auditKey(ids[7]!);
    expect(isAuditSubject(key6, a) && isAuditSubject(key6, b)).toBe(true);
    expect(isAuditSubject(key7, a)).toBe(false);
    expect(isAuditSubject(key6, first.get(ids[7]!)!)).toBe(false);
    expect(isAuditSubject(key6, `${a.split('.')[0]}.AAAAAAAAAAAAAAAAAAAAAA`)).toBe(false);
  });

  it('shreds a customer: their PII is gone from every table and cannot be decrypted', async () => {
    const victim = customers[2]!;
    expect(await identity.shred([ids[2]!])).toBe(1);
    await expect(identity.readPii(ids[2]!)).rejects.toMatchObject({ code: 'CUSTOMER_ERASED' });
    await expect(identity.auditKey(ids[2]!)).rejects.toMatchObject({ code: 'CUSTOMER_ERASED' });
    expect((await identity.auditSubjects([ids[2]!])).size).toBe(0);
    expect([...(await identity.readPiiMany([ids[2]!, ids[3]!])).keys()]).toEqual([ids[3]!]);
    expect(await identity.findCustomer('external_id', victim.externalId)).toBeUndefined();
    expect(await identity.findCustomer('email', victim.pii.email)).toBeUndefined();
    const dump = await dumpEveryTable(storage);
    for (const needle of piiNeedles(victim)) expect(dump).not.toContain(needle);
    expect(await identity.readPii(ids[3]!)).toEqual(customers[3]!.pii);
  });

  it('a key file from another installation cannot open this vault', async () => {
    const otherDir = await mkdtemp(join(tmpdir(), 'curtain-keys-other-'));
    const other = new IdentityStore(storage, await LocalKeyFile.open(otherDir));
    const failure = await other.readPii(ids[4]!).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CurtainError);
    expect((failure as CurtainError).code).toBe('KEY_UNAVAILABLE');
    await rm(otherDir, { recursive: true, force: true });
  });
});

describe('crypto-shredding against backups (PGlite files)', () => {
  it('a backup taken before a shred, restored afterwards, cannot decrypt that customer', async () => {
    const { openPgliteStorage } = await import('../../src/storage/pglite/pglite-storage.ts');
    const { backupDirectory, restoreDirectory } = await import('../../src/storage/backup.ts');
    const root = await mkdtemp(join(tmpdir(), 'curtain-backup-'));
    const dataDir = join(root, 'pgdata');
    const keyDir = join(root, 'keys');
    const customers = sampleCustomers(5, 'B');
    let storage = await openPgliteStorage({ dataDirectory: dataDir });
    await migrate(storage);
    let identity = new IdentityStore(storage, await LocalKeyFile.open(keyDir));
    const ids = await identity.createCustomers(customers);
    await storage.close();

    await backupDirectory(dataDir, join(root, 'before.tar.gz'));

    storage = await openPgliteStorage({ dataDirectory: dataDir });
    identity = new IdentityStore(storage, await LocalKeyFile.open(keyDir));
    await identity.shred([ids[1]!]);
    await storage.close();

    await restoreDirectory(join(root, 'before.tar.gz'), dataDir);
    storage = await openPgliteStorage({ dataDirectory: dataDir });
    const keys = await LocalKeyFile.open(keyDir);
    identity = new IdentityStore(storage, keys);
    // The restored database still holds the wrapped key, but the key provider refuses it…
    const wrapped = await storage.query<{ key_id: string; kek_id: string; wrapped_key: Uint8Array }>(
      'SELECT key_id, kek_id, wrapped_key FROM customer_keys WHERE customer_id = $1',
      [ids[1]],
    );
    expect(wrapped.rows).toHaveLength(1);
    const row = wrapped.rows[0]!;
    await expect(keys.unwrap({ kekId: row.kek_id, blob: row.wrapped_key }, row.key_id)).rejects.toMatchObject(
      {
        code: 'KEY_UNAVAILABLE',
      },
    );
    await expect(identity.readPii(ids[1]!)).rejects.toMatchObject({ code: 'KEY_UNAVAILABLE' });
    // …and reconciliation, run at every vault start, shreds it again.
    expect(await identity.reconcileShreds()).toBe(1);
    await expect(identity.readPii(ids[1]!)).rejects.toMatchObject({ code: 'CUSTOMER_ERASED' });
    const dump = await dumpEveryTable(storage);
    for (const needle of piiNeedles(customers[1]!)) expect(dump).not.toContain(needle);
    expect(await identity.readPii(ids[0]!)).toEqual(customers[0]!.pii);
    await storage.close();

    // Nor is any PII in the raw database files.
    const needles = piiNeedles(customers[0]!);
    for (const file of await listFiles(dataDir)) {
      const bytes = await readFile(file);
      for (const needle of needles) expect(bytes.includes(Buffer.from(needle))).toBe(false);
    }
    await rm(root, { recursive: true, force: true });
  });
});

async function listFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}
