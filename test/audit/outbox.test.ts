// The log's outbox on every backend: events commit with their change, reach the log once, survive a crash.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../src/core/audit-event.ts';
import { TransparencyLog } from '../../src/audit/audit-log.ts';
import type { Storage } from '../../src/storage/ports.ts';
import { LocalKeyFile } from '../../src/keys/local-key-file.ts';
import { testBackends, type TestBackend } from '../support/backends.ts';

const origin = 'bank.example/curtain/outbox';
const marked = (n: number): AuditEvent => ({ type: 'admin.action', details: { action: 'outbox.test', n } });

describe.each(testBackends)('the audit outbox on $name', (backend: TestBackend) => {
  let storage: Storage;
  let dispose: () => Promise<void>;
  let keys: LocalKeyFile;
  let keyDir: string;

  beforeEach(async () => {
    ({ storage, dispose } = await backend.createMigrated());
    keyDir = await mkdtemp(join(tmpdir(), 'curtain-outbox-keys-'));
    keys = await LocalKeyFile.open(keyDir);
    await storage.exec('CREATE TABLE outbox_probe (n int)');
  });
  afterEach(async () => {
    await dispose();
    await rm(keyDir, { recursive: true, force: true });
  });

  async function logged(): Promise<number[]> {
    const { rows } = await storage.query<{ entry: string }>(
      "SELECT entry FROM audit_entries WHERE entry LIKE '%outbox.test%' ORDER BY idx",
    );
    return rows.map((r) => (JSON.parse(r.entry) as { details: { n: number } }).details.n);
  }

  it('logs an event of a committed change once it is flushed, and not before', async () => {
    const log = await TransparencyLog.open(storage, keys, origin);
    await storage.transaction(async (tx) => {
      await tx.query('INSERT INTO outbox_probe VALUES (1)');
      await log.enqueue(tx, [marked(1)]);
    });
    expect(await logged()).toEqual([]);
    await log.flush();
    expect(await logged()).toEqual([1]);
    const { rows } = await storage.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_outbox');
    expect(rows[0]!.n).toBe(0);
    expect((await log.verifyAll()).ok).toBe(true);
  });

  it('logs nothing of a change that rolled back, and refuses PII inside the transaction', async () => {
    const log = await TransparencyLog.open(storage, keys, origin);
    await expect(
      storage.transaction(async (tx) => {
        await tx.query('INSERT INTO outbox_probe VALUES (2)');
        await log.enqueue(tx, [marked(2)]);
        throw new Error('the change fails after its event was written');
      }),
    ).rejects.toThrow('the change fails');
    await expect(
      storage.transaction(async (tx) => {
        await tx.query('INSERT INTO outbox_probe VALUES (3)');
        await log.enqueue(tx, [{ type: 'admin.action', details: { note: 'mail jane.doe@example.com' } }]);
      }),
    ).rejects.toThrow('personal data');
    await log.flush();
    expect(await logged()).toEqual([]);
    const { rows } = await storage.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox_probe');
    expect(rows[0]!.n).toBe(0);
  });

  it('logs what a crash left in the outbox when the log next opens', async () => {
    const log = await TransparencyLog.open(storage, keys, origin);
    await storage.transaction(async (tx) => log.enqueue(tx, [marked(4), marked(5)]));
    // The process dies here: no flush. The next process opens the log.
    const reopened = await TransparencyLog.open(storage, keys, origin);
    expect(await logged()).toEqual([4, 5]);
    expect(reopened.head().size).toBeGreaterThanOrEqual(2);
  });

  it('logs each event exactly once when two processes flush at the same time', async () => {
    const first = await TransparencyLog.open(storage, keys, origin);
    const second = await TransparencyLog.open(storage, keys, origin);
    for (let n = 10; n < 40; n++) {
      await storage.transaction(async (tx) => first.enqueue(tx, [marked(n)]));
    }
    await Promise.all([first.flush(), second.flush(), first.flush()]);
    expect(await logged()).toEqual(Array.from({ length: 30 }, (_, i) => 10 + i));
    const third = await TransparencyLog.open(storage, keys, origin);
    expect((await third.verifyAll()).ok).toBe(true);
  });
});
