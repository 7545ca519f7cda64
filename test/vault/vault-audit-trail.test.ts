// The vault's events reach the transparency log: consent, erasure, key rotation — unlinkable and without PII.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VaultServices } from '../../src/app/vault-process.ts';
import { isAuditSubject } from '../../src/vault/identity/identity-store.ts';
import { currentNotice } from '../../src/core/consent.ts';
import { testBackends } from '../support/backends.ts';
import { createTestVault } from '../support/test-vault.ts';
import { piiNeedles, sampleCustomers } from '../support/sample-customers.ts';

describe.each(testBackends)('audit trail of the vault on $name', (backend) => {
  let vault: VaultServices & { dispose(): Promise<void> };
  const customers = sampleCustomers(4, 'A');
  let ids: number[];

  // Each test its own vault: each counts the entries of its own events.
  beforeEach(async () => {
    vault = await createTestVault(backend);
    ids = await vault.identity.createCustomers(customers);
  });
  afterEach(async () => vault.dispose());

  async function entries() {
    const size = vault.audit.head().size;
    const all = [];
    for (let i = 0; i < size; i++) all.push((await vault.audit.entry(i))!);
    return all;
  }

  it('logs each consent decision with a fresh reference only the customer can recognise', async () => {
    const notice = currentNotice('bank_offers').id;
    const decidedAt = new Date('2026-11-01T10:00:00Z');
    const base = {
      customerId: ids[0]!,
      purpose: 'bank_offers',
      source: 'api',
      noticeVersion: notice,
      decidedAt,
    } as const;
    const recorded = await vault.consent.record([
      { ...base, channel: 'inbox', granted: true },
      { ...base, channel: 'email', granted: true, decidedAt: new Date('2026-11-01T10:05:00Z') },
    ]);
    expect(recorded.ok).toBe(true);
    await vault.consent.record([
      { ...base, channel: 'email', granted: false, decidedAt: new Date('2026-11-02T09:00:00Z') },
    ]);
    const logged = (await entries()).filter((e) => e.entry.type === 'consent.changed');
    expect(logged).toHaveLength(3);
    const key = await vault.identity.auditKey(ids[0]!);
    const other = await vault.identity.auditKey(ids[1]!);
    for (const e of logged) {
      expect(isAuditSubject(key, e.entry.subjectRef!)).toBe(true);
      expect(isAuditSubject(other, e.entry.subjectRef!)).toBe(false);
    }
    // Separate batches give separate references: a reader cannot link them.
    expect(new Set(logged.map((e) => e.entry.subjectRef)).size).toBeGreaterThan(1);
    // The customer, holding their audit key, finds exactly their entries, each with a proof.
    const mine = await vault.audit.entriesFor((ref) => isAuditSubject(key, ref));
    expect(mine.map((e) => e.index)).toEqual(logged.map((e) => e.index));
  });

  it('logs an erasure under a reference that dies with the customer key', async () => {
    const key = await vault.identity.auditKey(ids[2]!);
    await vault.identity.shred([ids[2]!]);
    const erased = (await entries()).filter((e) => e.entry.type === 'customer.erased');
    expect(erased).toHaveLength(1);
    expect(isAuditSubject(key, erased[0]!.entry.subjectRef!)).toBe(true);
    await expect(vault.identity.auditKey(ids[2]!)).rejects.toMatchObject({ code: 'CUSTOMER_ERASED' });
  });

  it('logs key rotations', async () => {
    const report = await vault.identity.rotateKek();
    const rotated = (await entries()).filter((e) => e.entry.type === 'key.rotated');
    expect(rotated.at(-1)!.entry.details).toMatchObject({
      purpose: 'key-encryption',
      keyId: report.newKekId,
    });
  });

  it('holds no PII and no internal customer id in any entry, and every entry proves against the head', async () => {
    // Every kind of event above: consent decisions, an erasure, a key rotation.
    const recorded = await vault.consent.record(
      ids.map((customerId) => ({
        customerId,
        purpose: 'bank_offers',
        channel: 'inbox',
        granted: true,
        source: 'api',
        noticeVersion: currentNotice('bank_offers').id,
        decidedAt: new Date('2026-11-01T10:00:00Z'),
      })),
    );
    expect(recorded.ok).toBe(true);
    await vault.identity.shred([ids[2]!]);
    await vault.identity.rotateKek();
    const all = await entries();
    expect(all.map((e) => e.entry.type)).toEqual(
      expect.arrayContaining(['consent.changed', 'customer.erased', 'key.rotated']),
    );
    const text = all.map((e) => e.json).join('\n');
    for (const customer of customers)
      for (const needle of piiNeedles(customer)) expect(text).not.toContain(needle);
    for (const e of all) expect(Object.keys(e.entry.details)).not.toContain('customerId');
    expect(await vault.audit.verifyAll()).toMatchObject({ ok: true, size: all.length });
  });
});
