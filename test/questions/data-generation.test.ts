// The question engine's stamp (migration 40): one row of counters that every write to customers, products held,
// accounts or joint owners moves, and that a read leaves alone, so a question never scans those tables to notice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import type { TestVault } from '../support/test-vault.ts';
import { modelBankVault } from '../models/support.ts';

type Counter = 'customers' | 'products' | 'owners';

describe.each(testBackends)('the question data generation on $name', (backend) => {
  let vault: TestVault;
  beforeAll(async () => {
    // The model suites' small bank (a copy of the run's template, not a new one).
    vault = await modelBankVault(backend);
  }, 180_000);
  afterAll(async () => vault.dispose());

  const counters = async () => {
    const { rows } = await vault.storage.query<Record<Counter, string | number>>(
      'SELECT customers, products, owners FROM question_data_generation',
    );
    const row = rows[0]!;
    return { customers: String(row.customers), products: String(row.products), owners: String(row.owners) };
  };
  /** Which counters `sql` moved. */
  const moved = async (sql: string): Promise<Counter[]> => {
    const before = await counters();
    await vault.storage.query(sql);
    const after = await counters();
    return (['customers', 'products', 'owners'] as const).filter((c) => after[c] !== before[c]);
  };

  it('moves the counter of the table written, once per statement, and not on a read', async () => {
    expect(await moved('SELECT count(*) FROM customers, accounts')).toEqual([]);
    expect(
      await moved(`UPDATE customers SET status = status WHERE id IN (SELECT id FROM customers LIMIT 50)`),
    ).toEqual(['customers']);
    expect(await moved('UPDATE products_held SET until = until')).toEqual(['products']);
    expect(await moved('UPDATE accounts SET opened_on = opened_on')).toEqual(['owners']);
    expect(
      await moved(`INSERT INTO account_owners (account_id, customer_id, role)
                   SELECT a.id, c.id, 'joint' FROM accounts a, customers c
                    WHERE c.id <> a.customer_id ORDER BY a.id, c.id LIMIT 1`),
    ).toEqual(['owners']);
    // A statement that changes nothing still counts: the engine then re-reads once, which is safe.
    expect(await moved(`DELETE FROM account_owners WHERE role = 'joint' AND account_id < 0`)).toEqual([
      'owners',
    ]);
  });

  it('moves nothing but its own counter when a bulk write spans many rows (a statement, not a row, moves it)', async () => {
    const before = await counters();
    await vault.storage.query('UPDATE products_held SET until = until');
    const after = await counters();
    expect(Number(after.products) - Number(before.products)).toBe(1);
  });
});
