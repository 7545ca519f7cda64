// The (ε, δ) ledger on every backend: spends are charged, refused past the budget, and reset per period.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VaultServices } from '../../src/app/vault-process.ts';
import { gaussianCurve } from '../../src/privacy/accounting/rdp.ts';
import { testBackends } from '../support/backends.ts';
import { createTestVault } from '../support/test-vault.ts';

describe.each(testBackends)('the (ε, δ) ledger on $name', (backend) => {
  let vault: VaultServices & { dispose(): Promise<void> };
  let today = new Date('2026-06-10T12:00:00Z');
  beforeAll(async () => {
    vault = await createTestVault(backend, { now: () => today });
  });
  afterAll(() => vault.dispose());

  it('charges spends until the period would exceed the budget, then refuses, and resets next period', async () => {
    const spend = (label: string) =>
      vault.guard.spend({
        asker: 'ada',
        purpose: 'bank_offers',
        label,
        mechanism: 'dp-sgd',
        rdp: gaussianCurve(2),
      });
    const first = await spend('training:a');
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.charged).toBeGreaterThan(0);
    let refused;
    for (let i = 0; i < 50 && refused === undefined; i++) {
      const outcome = await spend(`training:b${i}`);
      if (!outcome.ok) refused = outcome.error;
    }
    expect(refused?.code).toBe('PRIVACY_BUDGET_EXHAUSTED');
    expect(refused?.message).toContain('2026-07-01T00:00:00.000Z');
    today = new Date('2026-07-02T12:00:00Z');
    expect((await spend('training:a')).ok).toBe(true);
  });
});
