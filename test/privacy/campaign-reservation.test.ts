// An approved campaign's holding of the vault-wide budget: others cannot spend it, the campaign's own admission
// and results draw on it (even past their asker's budget), and it is given back when cancelled or ended.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VaultServices } from '../../src/app/vault-process.ts';
import type { AuditEntry } from '../../src/audit/log-entries.ts';
import { testBackends } from '../support/backends.ts';
import { createTestVault } from '../support/test-vault.ts';

const ids = (from: number, size: number) => Int32Array.from({ length: size }, (_, i) => from + i);

describe.each(testBackends)('campaign budget reservations on $name', (backend) => {
  let vault: VaultServices & { dispose(): Promise<void> };
  let today = new Date('2026-06-10T12:00:00Z');
  beforeAll(async () => {
    vault = await createTestVault(backend, { now: () => today });
  });
  afterAll(() => vault.dispose());

  // Each admission its own customers, far from every other's, so only the budget can refuse.
  let nextId = 1_000_000;
  const admit = (label: string, asker: string, subjects = [label]) =>
    vault.guard.admit({
      asker,
      purpose: 'bank_offers',
      label,
      audience: ids((nextId += 1_000), 300),
      subjects,
    });
  const reserve = (campaignId: string, endsAt?: Date) =>
    vault.guard.reserve({
      campaignId,
      holder: 'rui',
      purpose: 'bank_offers',
      ...(endsAt === undefined ? {} : { endsAt }),
    });

  /** Admits others' audiences, five askers deep, until the vault refuses for budget; returns that refusal. */
  async function spendTheVault(prefix: string) {
    for (let i = 0; i < 60; i++) {
      const outcome = await admit(`delivery:${prefix}-${i}`, `${prefix}-${i % 6}`);
      if (!outcome.ok && outcome.error.code === 'PRIVACY_BUDGET_EXHAUSTED') return outcome.error;
    }
    throw new Error('the vault was never spent');
  }

  it('keeps an approved campaign’s admission and results ε from everyone else’s spending', async () => {
    today = new Date('2026-06-10T12:00:00Z');
    const held = await reserve('c-june');
    if (!held.ok) throw new Error(held.error.message);
    expect(held.value.vaultReserved?.toString()).toBe('19/8');
    expect(held.value.vaultRemaining.toString()).toBe('141/8');

    const refusal = await spendTheVault('june');
    expect(refusal.message).toContain('the vault-wide budget');
    if (refusal.code === 'PRIVACY_BUDGET_EXHAUSTED') {
      expect(refusal.budget.vaultReserved?.toString()).toBe('19/8');
    }

    // The scheduler's admission of the campaign draws on the holding, then its results, read by an asker
    // whose own budget is spent.
    const subjects = ['campaign:c-june'];
    const admitted = await admit('delivery:c-june', 'scheduler', subjects);
    expect(admitted.ok ? 'admitted' : admitted.error.code).toBe('admitted');
    const results = await vault.guard.release({
      asker: 'june-0',
      purpose: 'bank_offers',
      label: 'results:c-june',
      audiences: { delivered: ids(5_000_000, 600), opened: ids(5_100_000, 400), interested: ids(1, 3) },
      disjoint: { contacted: ids(5_200_000, 80), closed: ids(5_300_000, 5) },
      subjects,
    });
    expect(results.ok ? 'released' : results.error.code).toBe('released');
    if (results.ok) expect(results.value.budget.vaultReserved?.toString()).toBe('0');

    // Nothing is held any more, and nothing is left for another admission of it.
    const again = await admit('delivery:c-june#1', 'scheduler', subjects);
    expect(again.ok ? 'admitted' : again.error.code).toBe('PRIVACY_BUDGET_EXHAUSTED');
  });

  it('refuses a holding the vault cannot cover, and never holds twice', async () => {
    today = new Date('2026-07-10T12:00:00Z');
    expect((await reserve('c-july')).ok).toBe(true);
    const twice = await reserve('c-july');
    expect(twice.ok && twice.value.vaultReserved?.toString()).toBe('19/8');
    await spendTheVault('july');
    const late = await reserve('c-july-late');
    expect(late.ok ? 'held' : late.error.code).toBe('PRIVACY_BUDGET_EXHAUSTED');
  });

  it('gives a holding back when cancelled and lets it lapse at the campaign’s end, logging both', async () => {
    today = new Date('2026-08-10T12:00:00Z');
    const before = vault.audit.head().size;
    expect((await reserve('c-aug-ends', new Date('2026-08-20T00:00:00Z'))).ok).toBe(true);
    expect((await reserve('c-aug-cancelled')).ok).toBe(true);
    expect((await vault.guard.budget('ann')).vaultReserved?.toString()).toBe('19/4');
    await vault.guard.endReservation('c-aug-cancelled', 'cancelled', 'mia');
    expect((await vault.guard.budget('ann')).vaultReserved?.toString()).toBe('19/8');
    today = new Date('2026-08-21T12:00:00Z');
    const after = await vault.guard.budget('ann');
    expect(after.vaultReserved?.toString()).toBe('0');
    expect(after.vaultRemaining.toString()).toBe('20');

    const logged = (await vault.audit.entries(before, vault.audit.head().size))
      .map((e) => e.entry as AuditEntry)
      .filter((e) => e.type.startsWith('privacy.'));
    expect(logged.map((e) => [e.type, e.details['campaign']])).toEqual([
      ['privacy.reserved', 'c-aug-ends'],
      ['privacy.reserved', 'c-aug-cancelled'],
      ['privacy.unreserved', 'c-aug-cancelled'],
    ]);
  });
});
