// The demo room's helpers on every backend: who received a campaign, and whom the demo picker offers first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VaultServices } from '../../src/app/vault-process.ts';
import { demoRecipients } from '../../src/demo/demo-commands.ts';
import { demoCustomers } from '../../src/demo/demo-sign-in.ts';
import { externalIdOf } from '../../src/demo/generate/index.ts';
import { loadDemoBank } from '../../src/demo/load-demo-bank.ts';
import { testBackends } from '../support/backends.ts';
import { createTestVault } from '../support/test-vault.ts';

const customers = 30;
// Generated customers 12, 5 and 20 (0-based) hold a message of the campaign, in this order of message id.
const recipients = [12, 5, 20];

describe.each(testBackends)('demo helpers on $name', (backend) => {
  let vault: VaultServices & { dispose(): Promise<void> };
  const idOf = async (index: number) =>
    (await vault.identity.findCustomer('external_id', externalIdOf(index)))!;

  beforeAll(async () => {
    vault = await createTestVault(backend);
    await loadDemoBank(vault, {
      density: 'thin',
      customers,
      seed: 11,
      end: '2026-11-01',
      withTransactions: false,
    });
    for (const [position, index] of recipients.entries()) {
      await vault.storage.query(
        `INSERT INTO inbox_messages (public_id, campaign_id, customer_id, offer, explanation)
         VALUES ($1, 'camp-demo', $2, '{}', 'a test message')`,
        [`m${position}`, await idOf(index)],
      );
    }
  }, 120_000);
  afterAll(() => vault.dispose());

  it('names the demo customers holding a message of a campaign, and only on a demo bank', async () => {
    const lines: string[] = [];
    const found = await demoRecipients(vault, 'camp-demo', 2, (line) => lines.push(line));
    expect(found.sort()).toEqual([externalIdOf(5), externalIdOf(12)]);
    expect(lines[0]).toMatch(/^DEMO ONLY/);
    await expect(demoRecipients(vault, 'camp-none', 2, () => undefined)).rejects.toThrow(/no message/);
  });

  it('offers customers with messages first, on a bank the generator wrote', async () => {
    const picker = demoCustomers(vault, vault.door, ['mia']);
    expect(await picker.enabled()).toBe(true);
    const offered = await picker.customers();
    expect(offered).toHaveLength(10);
    expect(offered.slice(0, 3).sort()).toEqual([externalIdOf(12), externalIdOf(20), externalIdOf(5)].sort());
    expect(await picker.findCustomer(externalIdOf(7))).toBe(await idOf(7));
    expect(await picker.findCustomer('not-a-demo-id')).toBeUndefined();
  });
});
