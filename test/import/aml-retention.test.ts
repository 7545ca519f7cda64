// The anti-money-laundering period inside the one versioned retention policy, on both engines: seeded by the
// setting, lengthened at once, shortened only by a second person after showing how many former customers go,
// and followed by the erasure of lapsed relationships.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/audit/log-entries.ts';
import { parseImportMapping } from '../../src/vault/import/import-mapping.ts';
import { testBackends } from '../support/backends.ts';
import { createTestVault, type TestVault } from '../support/test-vault.ts';

const today = new Date('2026-12-06T10:00:00Z');
const parsed = parseImportMapping('customers', {
  columns: {
    externalId: 'id',
    givenName: 'given',
    familyName: 'family',
    dateOfBirth: 'born',
    status: 'status',
    leftOn: 'left',
  },
});
if (!parsed.ok) throw new Error(parsed.error);
const mapping = parsed.value;

describe.each(testBackends)('the AML period of the retention policy on $name', (backend) => {
  let vault: TestVault;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    vault = await createTestVault(backend, { now: () => today, amlRetentionYears: 6 });
    const lines = [
      'id,given,family,born,status,left',
      'L-9,Nine,Years,1950-01-01,left,2017-11-01',
      'L-4,Four,Years,1960-01-01,left,2022-06-01',
      'L-2,Two,Years,1970-01-01,left,2024-06-01',
      'A-1,Still,Here,1980-01-01,active,',
    ];
    const summary = await vault.imports.importCsv(
      'customers',
      Readable.from([`${lines.join('\n')}\n`]),
      mapping,
      {
        sourceName: 'leavers.csv',
      },
    );
    expect(summary).toMatchObject({ status: 'done', rowsStored: 4 });
    for (const id of ['L-9', 'L-4', 'L-2', 'A-1'])
      ids[id] = (await vault.identity.findCustomer('external_id', id))!;
  });
  afterAll(async () => vault.dispose());

  const statuses = async () => {
    const { rows } = await vault.storage.query<{ id: number; status: string }>(
      'SELECT id::int AS id, status FROM customers ORDER BY id',
    );
    return Object.fromEntries(
      Object.entries(ids).map(([name, id]) => [name, rows.find((r) => r.id === id)?.status]),
    );
  };

  it('is seeded from the setting into the one policy, and erases a former customer past it with a receipt', async () => {
    const policy = vault.compliance.retention.transactions;
    expect(await policy.active()).toMatchObject({
      version: 1,
      days: 2557,
      amlYears: 6,
      proposedBy: 'configuration',
    });
    const receipts = await vault.relationshipRetention.eraseLapsed();
    expect(receipts).toHaveLength(1);
    expect((await vault.compliance.erasure.verifyReceipt(receipts[0]!.receipt)).ok).toBe(true);
    expect(await statuses()).toEqual({ 'L-9': 'erased', 'L-4': 'left', 'L-2': 'left', 'A-1': 'active' });
  });

  it('lengthens at once, shortens only when a second person approves, after saying how many will go', async () => {
    const policy = vault.compliance.retention.transactions;
    const longer = await policy.proposeAmlYears(10, 'alice', 'regulator asked for ten');
    expect(longer.version).toMatchObject({ amlYears: 10, days: 2557, status: 'active' });
    expect(longer.customersToErase).toBeUndefined();
    await expect(policy.proposeAmlYears(0, 'alice', 'none')).rejects.toMatchObject({ code: 'USAGE' });

    // A transaction proposal waits meanwhile: approving the AML change must not take its days along.
    const transactions = await policy.propose(400, 'alice', 'minimisation');
    expect(transactions.version.status).toBe('proposed');
    const shorter = await policy.proposeAmlYears(3, 'alice', 'back to the legal minimum');
    expect(shorter).toMatchObject({
      version: { subject: 'aml', amlYears: 3, status: 'proposed' },
      customersToErase: 1,
    });
    expect(await policy.amlYears()).toBe(10);
    expect(await vault.relationshipRetention.eraseLapsed()).toEqual([]);
    await expect(policy.approve(shorter.version.version, 'alice')).rejects.toMatchObject({
      code: 'POLICY_APPROVAL_REFUSED',
    });
    const approved = await policy.approve(shorter.version.version, 'bob');
    expect(approved).toMatchObject({
      version: { amlYears: 3, days: 2557, status: 'active', decidedBy: 'bob' },
      customersToErase: 1,
    });
    expect(await policy.active()).toMatchObject({ amlYears: 3, days: 2557 });

    expect(await vault.relationshipRetention.eraseLapsed()).toHaveLength(1);
    expect(await statuses()).toEqual({ 'L-9': 'erased', 'L-4': 'erased', 'L-2': 'left', 'A-1': 'active' });

    // The waiting transaction proposal, approved later, keeps the AML period now in force.
    await policy.approve(transactions.version.version, 'bob');
    expect(await policy.active()).toMatchObject({ amlYears: 3, days: 400 });

    // The log says what changed, never how many customers it erases.
    const logged = (await vault.audit.entries(0, vault.audit.head().size))
      .map((e) => e.entry as AuditEntry)
      .filter((e) => (e.details['action'] as string | undefined)?.startsWith('aml_retention.') === true);
    expect(logged.map((e) => e.details)).toEqual([
      { action: 'aml_retention.changed', version: 2, fromYears: 6, toYears: 10 },
      { action: 'aml_retention.proposed', version: 4, fromYears: 10, toYears: 3 },
      { action: 'aml_retention.approved', version: 4, fromYears: 10, toYears: 3 },
    ]);
  });
});
