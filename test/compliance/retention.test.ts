// Retention deletes exactly what is due under each policy, logs counts only, and runs at most once a day.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { end, smallBankVault, type TestVault } from './support/compliance-fixtures.ts';

const now = new Date(`${end}T23:00:00Z`);
const dayMs = 86_400_000;

describe.each(testBackends)('retention on $name', (backend) => {
  let vault: TestVault;

  // Each test its own copy of the bank; the log test runs retention itself.
  beforeEach(async () => {
    vault = await smallBankVault(backend, 20, { now: () => now });
    // Memo text on every transaction, so that the 90-day rule has both old and recent rows to tell apart.
    await vault.storage.query(
      `UPDATE transactions SET description = 'card payment' WHERE description IS NULL`,
    );
  }, 180_000);
  afterEach(async () => vault.dispose());

  // The transaction retention is shortened by one officer and approved by another.
  const shortenTransactions = async (days: number) => {
    const proposed = await vault.compliance.retention.proposeTransactions(days, 'dpo', 'data minimisation');
    await vault.compliance.retention.transactions.approve(proposed.version.version, 'second officer');
  };

  const count = async (sql: string, parameters: unknown[] = []) =>
    (await vault.storage.query<{ n: number }>(sql, parameters)).rows[0]!.n;

  it('removes memo text older than 90 days and transactions past the configured period, nothing else', async () => {
    const memoCutoff = new Date(Date.parse(`${end}T00:00:00Z`) - 90 * dayMs).toISOString().slice(0, 10);
    const yearCutoff = new Date(Date.parse(`${end}T00:00:00Z`) - 365 * dayMs).toISOString().slice(0, 10);
    const total = await count('SELECT count(*)::int AS n FROM transactions');
    const oldMemos = await count(
      'SELECT count(*)::int AS n FROM transactions WHERE description IS NOT NULL AND booking_date < $1::date',
      [memoCutoff],
    );
    const recentMemos = await count(
      'SELECT count(*)::int AS n FROM transactions WHERE description IS NOT NULL AND booking_date >= $1::date',
      [memoCutoff],
    );
    const olderThanAYear = await count(
      'SELECT count(*)::int AS n FROM transactions WHERE booking_date < $1::date',
      [yearCutoff],
    );
    expect(oldMemos).toBeGreaterThan(0);
    expect(recentMemos).toBeGreaterThan(0);
    expect(olderThanAYear).toBeGreaterThan(0);

    // Seven years: the two-year history is kept whole.
    const first = await vault.compliance.retention.run();
    expect(first.removed.memo_text).toBe(oldMemos);
    expect(first.removed.transactions).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM transactions')).toBe(total);
    expect(await count('SELECT count(description)::int AS n FROM transactions')).toBe(recentMemos);

    await shortenTransactions(365);
    const second = await vault.compliance.retention.run();
    expect(second.removed).toMatchObject({ memo_text: 0, transactions: olderThanAYear });
    expect(await count('SELECT count(*)::int AS n FROM transactions')).toBe(total - olderThanAYear);
    expect(
      await count('SELECT count(*)::int AS n FROM transactions WHERE booking_date < $1::date', [yearCutoff]),
    ).toBe(0);
    const policy = (await vault.compliance.retention.policies()).find((p) => p.kind === 'transactions');
    expect(policy).toMatchObject({ days: 365, source: 'versioned' });
  });

  it('logs each run with counts only, and the scheduler’s daily call runs once', async () => {
    await vault.compliance.retention.run();
    await shortenTransactions(365);
    await vault.compliance.retention.run();
    const runs = await vault.compliance.retention.runs();
    expect(runs).toHaveLength(2);
    expect(await vault.compliance.retention.runIfDue()).toBeUndefined();
    const size = vault.audit.head().size;
    const logged = [];
    for (let i = 0; i < size; i++) {
      const { entry } = (await vault.audit.entry(i))!;
      if (entry.type === 'retention.run') logged.push(entry);
    }
    expect(logged).toHaveLength(2);
    expect(logged[1]!.details['removed']).toEqual(runs[0]!.removed);
    expect(logged.every((e) => e.subjectRef === undefined)).toBe(true);
  });

  it('refuses an unknown kind or a period under a day', async () => {
    await expect(vault.compliance.retention.configure('everything', 1, 'dpo')).rejects.toMatchObject({
      code: 'USAGE',
    });
    await expect(vault.compliance.retention.configure('inbox', 0, 'dpo')).rejects.toMatchObject({
      code: 'USAGE',
    });
  });
});
