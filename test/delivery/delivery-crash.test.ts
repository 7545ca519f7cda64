// SIGKILL at each fault point of a delivery, then a clean run: one inbox message each, no notice lost or re-keyed.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assembleVault, defaultVaultSettings, type VaultServices } from '../../src/app/vault-process.ts';
import { openPgliteStorage } from '../../src/storage/pglite/pglite-storage.ts';
import { openPostgresStorage } from '../../src/storage/postgres/postgres-storage.ts';
import { migrate } from '../../src/storage/postgres-core/migrations.ts';
import type { Storage } from '../../src/storage/ports.ts';
import { DeliveryService } from '../../src/vault/delivery/delivery-service.ts';
import { LocalKeyFile } from '../../src/keys/local-key-file.ts';
import { testBackends } from '../support/backends.ts';
import {
  consentingCustomers,
  emailTo,
  inboxOrigin,
  messageIdOf,
  request,
  startSmtp,
} from './support/delivery-fixtures.ts';
import { exitOf, runTsChild, type ChildExit } from '../support/kill-nine.ts';

const childScript = join(import.meta.dirname, 'children', 'crash-deliver.ts');
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const runChild = (args: readonly string[], fault: string): Promise<ChildExit> =>
  exitOf(runTsChild(childScript, args, { env: { ...process.env, CURTAIN_FAULT: fault } }));

describe.each(testBackends)('delivery killed mid-run on $name', (backend) => {
  it('resumes to exactly one inbox message per customer and one Message-ID per email', async () => {
    const { storage: first, connection, dispose } = await backend.create();
    const keyDir = await mkdtemp(join(tmpdir(), 'curtain-crash-keys-'));
    const smtp = await startSmtp();
    cleanups.push(async () => {
      await smtp.close();
      await dispose();
      await rm(keyDir, { recursive: true, force: true });
    });
    const open = async (): Promise<{ storage: Storage; vault: VaultServices }> => {
      const storage =
        backend.name === 'pglite'
          ? await openPgliteStorage({ dataDirectory: connection })
          : await openPostgresStorage({ connectionString: connection });
      return {
        storage,
        vault: await assembleVault(storage, await LocalKeyFile.open(keyDir), defaultVaultSettings),
      };
    };

    const migrated = await migrate(first);
    expect(migrated.ok).toBe(true);
    const setup = await assembleVault(first, await LocalKeyFile.open(keyDir), defaultVaultSettings);
    const ids = await consentingCustomers(setup, 240, 'K');
    await first.close();

    const requestFile = join(keyDir, 'request.json');
    await writeFile(requestFile, JSON.stringify(request('camp-crash')));
    const args = [connection, keyDir, requestFile, String(smtp.port)];
    const counts = async () => {
      const { storage } = await open();
      const { rows } = await storage.query<{ recipients: number; inbox: number; sent: number }>(
        `SELECT (SELECT count(*)::int FROM delivery_recipients WHERE campaign_id = 'camp-crash') AS recipients,
                (SELECT count(*)::int FROM inbox_messages WHERE campaign_id = 'camp-crash') AS inbox,
                (SELECT count(*)::int FROM outbound_notices WHERE state = 'sent') AS sent`,
      );
      await storage.close();
      return rows[0]!;
    };

    expect(await runChild(args, 'after-freeze:1')).toEqual({ code: null, signal: 'SIGKILL' });
    expect(await counts()).toMatchObject({ recipients: ids.length, inbox: 0 });
    expect(await runChild(args, 'after-inbox-batch:2')).toEqual({ code: null, signal: 'SIGKILL' });
    // Ten parts of 24, each in batches of at most 20: the first two batches are the first part.
    expect(await counts()).toMatchObject({ inbox: 24, sent: 0 });
    expect(await runChild(args, 'after-notice-send:3')).toEqual({ code: null, signal: 'SIGKILL' });
    const beforeLast = await counts();
    expect(beforeLast.inbox).toBe(ids.length);
    expect(beforeLast.sent).toBeLessThan(ids.length);
    const mailsBeforeLast = smtp.mails.length;
    expect(mailsBeforeLast).toBeGreaterThanOrEqual(3);

    const { storage, vault } = await open();
    const email = emailTo(smtp);
    const delivery = new DeliveryService(vault, vault.guard, {
      currency: 'GBP',
      inboxOrigin,
      adapters: { email },
      batchSize: 20,
    });
    const report = await delivery.deliver(request('camp-crash'));
    email.close();
    expect(report).toEqual({
      ok: true,
      value: { campaignId: 'camp-crash', state: 'finished', fractionDone: 1 },
    });

    const inbox = await storage.query<{ customer_id: number; n: number }>(
      "SELECT customer_id, count(*)::int AS n FROM inbox_messages WHERE campaign_id = 'camp-crash' GROUP BY 1",
    );
    expect(inbox.rows).toHaveLength(ids.length);
    expect(inbox.rows.every((r) => r.n === 1)).toBe(true);
    const notices = await storage.query<{ message_id: string; state: string }>(
      "SELECT message_id, state FROM outbound_notices WHERE campaign_id = 'camp-crash'",
    );
    expect(notices.rows).toHaveLength(ids.length);
    expect(notices.rows.every((r) => r.state === 'sent')).toBe(true);
    await storage.close();

    // At least once: every customer got mail, each under one Message-ID only, and that id is the notice's.
    const idsByAddress = new Map<string, Set<string>>();
    for (const mail of smtp.mails) {
      const address = mail.to[0]!;
      const set = idsByAddress.get(address) ?? new Set<string>();
      set.add(messageIdOf(mail.raw)!);
      idsByAddress.set(address, set);
    }
    expect(idsByAddress.size).toBe(ids.length);
    expect([...idsByAddress.values()].every((set) => set.size === 1)).toBe(true);
    const noticeIds = new Set(notices.rows.map((r) => r.message_id));
    expect([...idsByAddress.values()].every((set) => noticeIds.has([...set][0]!))).toBe(true);
    // The crash after a send made at least one repeat, under the same id.
    expect(smtp.mails.length).toBeGreaterThan(ids.length);
  }, 240_000);
});
