// The demo bank in the vault, on every backend: complete, categorised, ground truth kept outside.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VaultServices } from '../../src/app/vault-process.ts';
import { loadDemoBank, type DemoBankReport } from '../../src/demo/load-demo-bank.ts';
import { generateBank, groundTruthRecord } from '../../src/demo/generate/index.ts';
import { testBackends } from '../support/backends.ts';
import { createTestVault } from '../support/test-vault.ts';
import { dumpEveryTable } from '../support/table-dump.ts';

const customers = 500;
const end = '2026-11-01';

describe.each(testBackends)('demo bank on $name', (backend) => {
  let vault: VaultServices & { dispose(): Promise<void> };
  let directory: string;
  let report: DemoBankReport;
  const truthFile = () => join(directory, 'truth.jsonl');

  beforeAll(async () => {
    vault = await createTestVault(backend);
    directory = await mkdtemp(join(tmpdir(), 'curtain-demo-'));
    report = await loadDemoBank(vault, {
      density: 'thin',
      customers,
      seed: 7,
      end,
      groundTruthFile: truthFile(),
    });
  }, 120_000);
  afterAll(async () => {
    await vault.dispose();
    await rm(directory, { recursive: true, force: true });
  });

  it('stores every generated customer, account, product and transaction', async () => {
    const generated = [...generateBank({ density: 'thin', customers, seed: 7, end })];
    const expected = {
      accounts: generated.reduce((n, c) => n + c.accounts.length, 0),
      products: generated.reduce((n, c) => n + c.products.length, 0),
      transactions: generated.reduce((n, c) => n + c.transactions.length, 0),
    };
    expect(report.customers).toBe(customers);
    expect(report.accounts).toBe(expected.accounts);
    expect(report.ingest?.stored).toBe(expected.transactions);
    const { rows } = await vault.storage.query<{ c: number; p: number; t: number; linked: number }>(
      `SELECT (SELECT count(*) FROM customers)::int AS c, (SELECT count(*) FROM products_held)::int AS p,
              (SELECT count(*) FROM transactions)::int AS t,
              (SELECT count(*) FROM transactions WHERE customer_id IS NULL)::int AS linked`,
    );
    expect(rows[0]).toEqual({ c: customers, p: expected.products, t: expected.transactions, linked: 0 });
    expect(
      await vault.identity.readPii(
        (await vault.identity.findCustomer('external_id', generated[9]!.externalId))!,
      ),
    ).toEqual(generated[9]!.pii);
  });

  it("has enough people in the seeds' scenario for a campaign to reach them", async () => {
    const { rows } = await vault.storage.query<{ n: number }>(
      `SELECT count(DISTINCT t.customer_id)::int AS n FROM transactions t
        WHERE t.category = 'home_inspection' AND t.booking_date > DATE '${end}' - 90
          AND NOT EXISTS (SELECT 1 FROM products_held p WHERE p.customer_id = t.customer_id
                          AND p.product_code = 'mortgage' AND (p.until IS NULL OR p.until > DATE '${end}'))`,
    );
    // A few hundred in 2,000 customers of the thin bank; at real density about 1.6 %, so the default demo
    // bank has 6,000 customers (test/demo/default-demo.test.ts).
    expect(rows[0]!.n).toBeGreaterThanOrEqual(50);
  });

  it('keeps ground truth out of the vault, and PII out of the ground truth', async () => {
    const truth = (await readFile(truthFile(), 'utf8')).trim().split('\n');
    expect(truth).toHaveLength(customers);
    const first = JSON.parse(truth[0]!) as { externalId: string; persona: string; lifeEvents: unknown[] };
    expect(first.externalId).toBe('C00000001');
    const dump = await dumpEveryTable(vault.storage);
    for (const persona of ['first_time_buyer', 'young_renter', 'small_business_owner']) {
      expect(dump).not.toContain(persona);
    }
    const generated = [...generateBank({ density: 'thin', customers: 3, seed: 7, end })];
    for (const c of generated) {
      expect(truth.join('\n')).not.toContain(c.pii.email);
      expect(dump).not.toContain(c.pii.email);
      expect(dump).not.toContain(c.pii.familyName);
      expect(dump).not.toContain(c.pii.nationalId);
    }
  });

  it('refuses to load a second demo bank into the same vault', async () => {
    await expect(loadDemoBank(vault, { density: 'thin', customers: 5, seed: 7, end })).rejects.toMatchObject({
      code: 'USAGE',
    });
  });
});

describe('the realistic demo bank on PGlite', () => {
  it('keeps its ground truth (regions, events, take-up, subscriptions, balances) out of the vault', async () => {
    const vault = await createTestVault(testBackends[0]!);
    const directory = await mkdtemp(join(tmpdir(), 'curtain-demo-real-'));
    try {
      const groundTruthFile = join(directory, 'truth.jsonl');
      await loadDemoBank(vault, { customers: 30, seed: 9, end, density: 2, groundTruthFile });
      const truth = (await readFile(groundTruthFile, 'utf8')).trim().split('\n');
      expect(truth).toHaveLength(30);
      const records = truth.map((line) => JSON.parse(line) as Record<string, unknown>);
      for (const key of ['region', 'takeUps', 'subscriptions', 'dailyBalances', 'lifeEvents']) {
        expect(records[0]).toHaveProperty(key);
      }
      const dump = await dumpEveryTable(vault.storage);
      const secrets = new Set<string>([
        'midlands_wales',
        'south_east',
        'new_baby',
        'home_purchase',
        'fell_through',
      ]);
      for (const record of records) secrets.add(String(record['region']));
      for (const secret of secrets) expect(dump).not.toContain(secret);
    } finally {
      await vault.dispose();
      await rm(directory, { recursive: true, force: true });
    }
  }, 120_000);
});

describe.each(testBackends)('the demo bank from generator workers on $name', (backend) => {
  it('loads the one-thread generator’s lines in its order, and its ground truth', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'curtain-demo-workers-'));
    const vault = await createTestVault(backend);
    try {
      const groundTruthFile = join(directory, 'truth.jsonl');
      const bank = { density: 'thin', customers: 60, seed: 12, end } as const;
      await loadDemoBank(vault, { ...bank, groundTruthFile, workers: 2, workerChunk: 8 });
      const { rows } = await vault.storage.query<{ line: string }>(
        `SELECT concat_ws(' ', external_id, booking_date::text, amount_minor::text, direction) AS line
           FROM transactions ORDER BY id`,
      );
      const generated = [...generateBank(bank)];
      const expected = generated.flatMap((c) =>
        c.transactions.map((t) =>
          [t.bankReference, t.bookingDate, t.amountMinor, t.direction === 'debit' ? 'D' : 'C'].join(' '),
        ),
      );
      expect(expected.length).toBeGreaterThan(60 * 20);
      expect(rows.map((r) => r.line)).toEqual(expected);
      const truth = generated.map((c) => `${JSON.stringify(groundTruthRecord(c))}\n`).join('');
      expect(await readFile(groundTruthFile, 'utf8')).toBe(truth);
    } finally {
      await vault.dispose();
      await rm(directory, { recursive: true, force: true });
    }
  }, 120_000);
});
