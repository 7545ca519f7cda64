// The one transaction retention policy on both engines: seeded by the setting, read by ingest (refusals with a
// reason and a summary line), question windows and the retention job; shortening it takes a second person.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsvMapping } from '../../src/vault/ingest/formats/csv-mapping.ts';
import { testBackends } from '../support/backends.ts';
import { createTestVault, type TestVault } from '../support/test-vault.ts';

const today = new Date('2026-12-06T10:00:00Z');
const parsed = parseCsvMapping({
  account: { value: 'CZ6508000000192000145399' },
  defaultCurrency: 'CZK',
  dateFormat: 'YYMMDD',
  amount: { style: 'signed', column: 'amount' },
  columns: { bookingDate: 'date', description: 'text' },
});
if (!parsed.ok) throw new Error(parsed.error);
const mapping = parsed.value;

const csv = (rows: readonly string[]) => Readable.from([`date,amount,text\n${rows.join('\n')}\n`]);
// Two rows from 1993 (the PKDD'99 bank's years), one from early 2025, two from this year.
const file = [
  '930105,-100.00,VYBER',
  '931230,250.00,VKLAD',
  '250110,-12.00,SIPO',
  '261101,-7.50,UROK',
  '261102,9.00,X',
];

describe.each(testBackends)('the transaction retention policy on $name', (backend) => {
  let vault: TestVault;

  beforeAll(async () => {
    vault = await createTestVault(backend, { now: () => today, transactionRetentionDays: 2557 });
  });
  afterAll(async () => vault.dispose());

  it('is seeded from the setting, once, and is what every reader sees', async () => {
    const retention = vault.compliance.retention;
    expect(await retention.transactions.active()).toMatchObject({
      version: 1,
      days: 2557,
      proposedBy: 'configuration',
    });
    expect((await retention.policies()).find((p) => p.kind === 'transactions')).toMatchObject({
      days: 2557,
      source: 'versioned',
    });
    await expect(retention.configure('transactions', 10, 'alice')).rejects.toThrow(/versioned/);
    const window = await vault.questions.check('spent(within: 3000d) > 0', 'bank_offers');
    expect(window.ok).toBe(false);
    if (!window.ok) expect(window.error.message).toContain('beyond the 2557 days');
  });

  it('makes ingest refuse rows older than the window, each with its reason, and say how many', async () => {
    const summary = await vault.ingest.ingestStream(csv(file), { sourceName: 'old.csv', mapping });
    expect(summary).toMatchObject({
      status: 'partial',
      read: 5,
      stored: 3,
      quarantined: 2,
      pastRetention: 2,
    });
    expect(summary.retention).toBe(
      '2 rows are older than the 7-year retention and were not stored (booked before 2019-12-06)',
    );
    const detail = await vault.ingest.batches.withQuarantine(summary.batchId);
    expect(detail?.batch).toMatchObject({ rows_past_retention: 2, rows_stored: 3 });
    expect(detail?.quarantine).toEqual([
      {
        location: 'line 2',
        field: 'bookingDate',
        reason_code: 'date.past-retention',
        reason: 'booked before 2019-12-06, older than the 2557-day transaction retention: not stored',
        excerpt: '1993-01-05',
      },
      expect.objectContaining({
        location: 'line 3',
        reason_code: 'date.past-retention',
        excerpt: '1993-12-30',
      }),
    ]);
    const allOld = await vault.ingest.ingestStream(csv(file.slice(0, 2)), {
      sourceName: 'older.csv',
      mapping,
    });
    expect(allOld).toMatchObject({ status: 'failed', stored: 0, pastRetention: 2 });
  });

  it('lengthens at once, but shortens only when a second person approves, after showing what will go', async () => {
    const transactions = vault.compliance.retention.transactions;
    const longer = await vault.compliance.retention.proposeTransactions(13_000, 'alice', 'historic analysis');
    expect(longer.version).toMatchObject({ version: 2, days: 13_000, status: 'active' });
    expect(longer.rowsToRemove).toBeUndefined();
    expect((await vault.questions.check('spent(within: 3000d) > 0', 'bank_offers')).ok).toBe(true);
    const again = await vault.ingest.ingestStream(csv(file), { sourceName: 'old.csv', mapping });
    expect(again).toMatchObject({ status: 'done', stored: 2, duplicates: 3, pastRetention: 0 });

    // 400 days back from 2026-12-06 is 2025-11-01: the two 1993 rows and the January 2025 row would go.
    const shorter = await vault.compliance.retention.proposeTransactions(400, 'alice', 'data minimisation');
    expect(shorter).toMatchObject({
      version: { version: 3, days: 400, status: 'proposed' },
      rowsToRemove: 3,
    });
    expect(await transactions.days()).toBe(13_000);
    await expect(transactions.approve(3, 'alice')).rejects.toMatchObject({ code: 'POLICY_APPROVAL_REFUSED' });
    const approved = await transactions.approve(3, 'bob');
    expect(approved).toMatchObject({ version: { status: 'active', decidedBy: 'bob' }, rowsToRemove: 3 });
    expect(await transactions.days()).toBe(400);
    await expect(transactions.approve(3, 'carol')).rejects.toMatchObject({ code: 'POLICY_APPROVAL_REFUSED' });

    const report = await vault.compliance.retention.run();
    expect(report.removed.transactions).toBe(3);
    const refused = await vault.ingest.ingestStream(csv(file), { sourceName: 'old.csv', mapping });
    expect(refused).toMatchObject({ pastRetention: 3, stored: 0, duplicates: 2 });

    const rejected = await vault.compliance.retention.proposeTransactions(200, 'bob', 'too short');
    expect((await transactions.reject(rejected.version.version, 'alice')).version.status).toBe('rejected');
    expect(await transactions.days()).toBe(400);
    expect((await transactions.versions()).map((v) => v.status)).toEqual([
      'superseded',
      'superseded',
      'active',
      'rejected',
    ]);
  });
});
