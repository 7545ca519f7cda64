// The columnar engine on small hand-written banks, on every backend: each plan kind, updates, snapshots.
import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan, TransactionFilter, ValuePlan } from '../../src/language/plan.ts';
import type { SqlExecutor } from '../../src/storage/ports.ts';
import { ColumnarEngine } from '../../src/vault/questions/columnar/columnar-engine.ts';
import { ColumnarStore } from '../../src/vault/questions/columnar/columnar-store.ts';
import { testBackends } from '../support/backends.ts';
import { createTestVault } from '../support/test-vault.ts';

const asOf = '2026-06-30';

interface Tx {
  readonly day: string;
  readonly amount: number;
  readonly dir?: 'D' | 'C';
  readonly cat?: string;
  readonly cur?: string;
  readonly mcc?: number | null;
  readonly merchant?: string | null;
}

let dedup = 0;

async function addCustomer(db: SqlExecutor, id: number, status: 'active' | 'erased' = 'active') {
  await db.query('INSERT INTO customers (id, status) VALUES ($1, $2)', [id, status]);
}

async function addAccount(db: SqlExecutor, id: number, customer: number | null, openedOn: string | null) {
  await db.query(
    `INSERT INTO accounts (id, account_ref, customer_id, opened_on, masked_number)
     VALUES ($1, int8send($1::bigint), $2, $3, '****')`,
    [id, customer, openedOn],
  );
}

async function addTransactions(
  db: SqlExecutor,
  account: number,
  customer: number | null,
  batch: number,
  rows: Tx[],
) {
  for (const t of rows) {
    await db.query(
      `INSERT INTO transactions (account_id, customer_id, batch_id, booking_date, amount_minor, currency, direction,
                                 mcc, category, merchant_name, dedup_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, int8send($11::bigint))`,
      [
        account,
        customer,
        batch,
        t.day,
        t.amount,
        t.cur ?? 'GBP',
        t.dir ?? 'D',
        t.mcc === undefined ? 5411 : t.mcc,
        t.cat ?? 'groceries',
        t.merchant === undefined ? 'Tesco' : t.merchant,
        ++dedup,
      ],
    );
  }
}

async function addProduct(
  db: SqlExecutor,
  customer: number,
  code: string,
  since: string,
  until: string | null,
) {
  await db.query(
    'INSERT INTO products_held (customer_id, product_code, since, until) VALUES ($1, $2, $3, $4)',
    [customer, code, since, until],
  );
}

/** Customers 1, 2, 4, 5 active; 3 erased; account 99 unlinked. */
async function handBank(db: SqlExecutor): Promise<void> {
  for (const id of [1, 2, 4, 5]) await addCustomer(db, id);
  await addCustomer(db, 3, 'erased');
  await addAccount(db, 11, 1, '2020-01-15');
  await addAccount(db, 12, 1, '2021-03-01');
  await addAccount(db, 13, 1, null);
  await addAccount(db, 31, 3, '2019-01-01');
  await addAccount(db, 41, 4, '2026-07-15');
  await addAccount(db, 51, 5, '2025-01-01');
  await addAccount(db, 99, null, '2018-01-01');
  await addTransactions(db, 11, 1, 1, [
    { day: '2026-06-30', amount: 1000 },
    { day: '2026-04-02', amount: 2000 },
    { day: '2026-04-01', amount: 4000 },
    { day: '2026-07-01', amount: 9999 },
    { day: '2026-05-15', amount: 50000, dir: 'C', cat: 'salary', mcc: null, merchant: null },
    { day: '2026-02-05', amount: 1099, cat: 'subscriptions', mcc: 4899, merchant: 'Netflix' },
    { day: '2026-03-05', amount: 1099, cat: 'subscriptions', mcc: 4899, merchant: 'Netflix' },
    { day: '2026-05-01', amount: 999, cat: 'subscriptions', mcc: 4899, merchant: 'Spotify' },
    { day: '2026-05-20', amount: 999, cat: 'subscriptions', mcc: 4899, merchant: 'Spotify' },
    { day: '2026-06-01', amount: 999, cat: 'subscriptions', mcc: 4899, merchant: 'Spotify' },
    { day: '2026-03-10', amount: 2500, dir: 'C', cat: 'fitness', mcc: 7997, merchant: 'PureGym' },
    { day: '2026-04-10', amount: 2500, dir: 'C', cat: 'fitness', mcc: 7997, merchant: 'PureGym' },
    { day: '2026-05-10', amount: 2500, dir: 'C', cat: 'fitness', mcc: 7997, merchant: 'PureGym' },
  ]);
  // A second account of the same customer: rows interleave by day with the first account's.
  await addTransactions(db, 12, 1, 1, [
    { day: '2026-06-10', amount: 700, cur: 'EUR' },
    { day: '2026-04-05', amount: 1099, cat: 'subscriptions', mcc: 4899, merchant: 'Netflix' },
    { day: '2026-05-05', amount: 1099, cat: 'subscriptions', mcc: 4899, merchant: 'Netflix' },
  ]);
  await addTransactions(db, 31, 3, 1, [{ day: '2026-06-29', amount: 123456 }]);
  await addTransactions(db, 41, 4, 1, [
    { day: '2026-05-01', amount: 45000, cat: 'home_inspection', mcc: 8999, merchant: 'Home Inspect Ltd' },
  ]);
  await addTransactions(db, 51, 5, 1, [
    { day: '2026-06-29', amount: 300, merchant: 'Aldi' },
    { day: '2026-06-15', amount: 100, merchant: 'Aldi' },
    { day: '2026-06-01', amount: 201, mcc: null, merchant: null },
  ]);
  await addTransactions(db, 99, null, 1, [{ day: '2026-06-29', amount: 777777 }]);
  await addProduct(db, 1, 'mortgage', '2022-01-01', null);
  await addProduct(db, 1, 'credit_card', '2023-01-01', '2026-06-29');
  await addProduct(db, 1, 'savings', '2020-01-01', '2021-01-01');
  await addProduct(db, 1, 'savings', '2024-05-01', '2026-06-30');
  await addProduct(db, 3, 'mortgage', '2022-01-01', null);
  await addProduct(db, 4, 'mortgage', '2026-07-01', null);
}

const days = (later: string, earlier: string) => (Date.parse(later) - Date.parse(earlier)) / 86_400_000;

const f = (extra: Partial<TransactionFilter> = {}): TransactionFilter => ({
  window: { kind: 'within', days: 90 },
  currency: 'GBP',
  ...extra,
});
const groceries = f({ categories: ['groceries'] });
const constant = (value: number): ValuePlan => ({ kind: 'constant', value });
const aggregate = (
  fn: 'count' | 'sum' | 'average' | 'min' | 'max' | 'daysSinceLast',
  filter: TransactionFilter,
) => ({ kind: 'aggregate', fn, filter }) as const;
const compare = (left: ValuePlan, op: '<' | '<=' | '>' | '>=' | '=' | '!=', right: ValuePlan): Plan => ({
  kind: 'compare',
  op,
  left,
  right,
});
const not = (item: Plan): Plan => ({ kind: 'not', item });
const holds = (product: string): Plan => ({ kind: 'holds', product });

/** [description, plan, expected customer ids] — asOf 2026-06-30. */
const cases: [string, Plan, number[]][] = [
  ['constant true: every active customer', { kind: 'constant', value: true }, [1, 2, 4, 5]],
  ['constant false', { kind: 'constant', value: false }, []],
  ['constant comparison', compare(constant(1), '<', constant(2)), [1, 2, 4, 5]],
  [
    'count > 0 (erased and unlinked rows never match)',
    compare(aggregate('count', groceries), '>', constant(0)),
    [1, 5],
  ],
  ['count over none is 0', compare(aggregate('count', groceries), '=', constant(0)), [2, 4]],
  [
    'within 90d: asOf in, asOf−89 in, asOf−90 out, future out',
    compare(aggregate('count', groceries), '=', constant(2)),
    [1],
  ],
  ['sum', compare(aggregate('sum', groceries), '=', constant(3000)), [1]],
  ['sum over none is 0', compare(aggregate('sum', groceries), '<', constant(1)), [2, 4]],
  ['average is real, not rounded', compare(aggregate('average', groceries), '>', constant(200.33)), [1, 5]],
  ['average upper edge', compare(aggregate('average', groceries), '<', constant(200.34)), [5]],
  [
    'not (average > 5) holds for customers without transactions',
    not(compare(aggregate('average', groceries), '>', constant(5))),
    [2, 4],
  ],
  ['!= with an absent side is false', compare(aggregate('average', groceries), '!=', constant(1500)), [5]],
  ['min', compare(aggregate('min', groceries), '=', constant(100)), [5]],
  ['max', compare(aggregate('max', groceries), '=', constant(2000)), [1]],
  ['max over none is absent', compare(aggregate('max', groceries), '<', constant(1_000_000)), [1, 5]],
  ['daysSinceLast', compare(aggregate('daysSinceLast', groceries), '=', constant(1)), [5]],
  ['daysSinceLast on asOf is 0', compare(aggregate('daysSinceLast', groceries), '<=', constant(0)), [1]],
  [
    'daysSinceLast over none is absent',
    compare(aggregate('daysSinceLast', groceries), '>=', constant(0)),
    [1, 5],
  ],
  [
    'between includes both ends',
    compare(
      aggregate(
        'sum',
        f({ categories: ['groceries'], window: { kind: 'between', from: '2026-04-01', to: '2026-04-02' } }),
      ),
      '=',
      constant(6000),
    ),
    [1],
  ],
  [
    'between a single day',
    compare(
      aggregate('count', f({ window: { kind: 'between', from: '2026-04-02', to: '2026-04-02' } })),
      '=',
      constant(1),
    ),
    [1],
  ],
  [
    'between may end after asOf',
    compare(
      aggregate('max', f({ window: { kind: 'between', from: '2026-06-30', to: '2026-07-31' } })),
      '=',
      constant(9999),
    ),
    [1],
  ],
  [
    'within 0 days selects nothing',
    compare(aggregate('count', f({ window: { kind: 'within', days: 0 } })), '=', constant(0)),
    [1, 2, 4, 5],
  ],
  [
    'within 1 day is asOf only',
    compare(aggregate('count', f({ window: { kind: 'within', days: 1 } })), '=', constant(1)),
    [1],
  ],
  [
    'mcc filter (null mcc never matches)',
    compare(aggregate('count', f({ mccs: [5411] })), '=', constant(2)),
    [1, 5],
  ],
  ['merchant filter', compare(aggregate('count', f({ merchants: ['Aldi'] })), '=', constant(2)), [5]],
  [
    'merchant filter is case-sensitive',
    compare(aggregate('count', f({ merchants: ['aldi'] })), '>', constant(0)),
    [],
  ],
  ['unknown category', compare(aggregate('count', f({ categories: ['nope'] })), '>', constant(0)), []],
  ['direction', compare(aggregate('sum', f({ direction: 'C' })), '=', constant(55000)), [1]],
  [
    'amount bounds inclusive',
    compare(
      aggregate('count', f({ categories: ['groceries'], minMinor: 1000, maxMinor: 2000 })),
      '=',
      constant(2),
    ),
    [1],
  ],
  [
    'amount lower bound',
    compare(aggregate('count', f({ categories: ['groceries'], minMinor: 1001 })), '=', constant(1)),
    [1],
  ],
  ['currency', compare(aggregate('count', f({ currency: 'EUR' })), '=', constant(1)), [1]],
  ['unknown currency', compare(aggregate('count', f({ currency: 'JPY' })), '=', constant(0)), [1, 2, 4, 5]],
  ['holds: future since and erased customers do not count', holds('mortgage'), [1]],
  ['holds: ended the day before asOf', holds('credit_card'), []],
  ['holds: until = asOf still holds', holds('savings'), [1]],
  ['holds: unknown product', holds('pension'), []],
  [
    'holdingDays from the earliest current since',
    compare({ kind: 'holdingDays', product: 'savings' }, '=', constant(days(asOf, '2024-05-01'))),
    [1],
  ],
  [
    'holdingDays absent when not held',
    not(compare({ kind: 'holdingDays', product: 'mortgage' }, '>=', constant(0))),
    [2, 4, 5],
  ],
  [
    'tenureDays from the earliest opening',
    compare({ kind: 'tenureDays' }, '=', constant(days(asOf, '2020-01-15'))),
    [1],
  ],
  [
    'tenureDays absent without an account opened by asOf',
    not(compare({ kind: 'tenureDays' }, '>=', constant(0))),
    [2, 4],
  ],
  [
    'recurring: 3+ distinct months of debits, across accounts',
    compare({ kind: 'recurring', filter: f({ window: { kind: 'within', days: 180 } }) }, '=', constant(1)),
    [1],
  ],
  [
    'recurring: months inside the window only',
    compare({ kind: 'recurring', filter: f() }, '=', constant(0)),
    [1, 2, 4, 5],
  ],
  [
    'recurring: credits never count',
    compare(
      { kind: 'recurring', filter: f({ direction: 'C', window: { kind: 'within', days: 180 } }) },
      '>',
      constant(0),
    ),
    [],
  ],
  [
    "the seeds' example: home inspection and no mortgage",
    {
      kind: 'and',
      items: [
        compare(aggregate('sum', f({ categories: ['home_inspection'] })), '>', constant(0)),
        not(holds('mortgage')),
      ],
    },
    [4],
  ],
  [
    'or',
    {
      kind: 'or',
      items: [
        holds('mortgage'),
        compare(aggregate('count', f({ categories: ['home_inspection'] })), '>', constant(0)),
      ],
    },
    [1, 4],
  ],
  ['empty and is true', { kind: 'and', items: [] }, [1, 2, 4, 5]],
  ['empty or is false', { kind: 'or', items: [] }, []],
  [
    'not of or',
    not({ kind: 'or', items: [holds('mortgage'), compare({ kind: 'tenureDays' }, '>', constant(0))] }),
    [2, 4],
  ],
];

describe.each(testBackends)('columnar engine on $name', (backend) => {
  let vault: Awaited<ReturnType<typeof createTestVault>>;
  let directory: string;

  beforeAll(async () => {
    vault = await createTestVault(backend);
    directory = await mkdtemp(join(tmpdir(), 'curtain-columnar-'));
    await handBank(vault.storage);
  });
  afterAll(async () => {
    await vault.dispose();
    await rm(directory, { recursive: true, force: true });
  });

  describe('evaluates every plan kind exactly', () => {
    let engine: ColumnarEngine;
    beforeAll(async () => {
      engine = new ColumnarEngine(await ColumnarStore.load(vault.storage, { pageRows: 4 }));
    });
    it.each(cases)('%s', async (_name, plan, expected) => {
      expect([...(await engine.evaluate(plan, asOf))]).toEqual(expected);
    });
  });

  it('loads active data only and reports its memory honestly', async () => {
    const store = await ColumnarStore.load(vault.storage, { pageRows: 3 });
    expect(store.customerCount).toBe(4);
    expect(store.transactionCount).toBe(20);
    const { customers, transactions } = store.data;
    expect([...customers.txStart]).toEqual([0, 16, 16, 17, 20]);
    expect([...transactions.day.subarray(0, 16)]).toEqual(
      [...transactions.day.subarray(0, 16)].sort((a, b) => a - b),
    );
    // 18 bytes per transaction, 4 per customer in ids, firstOpenDay and birthMonth, 4 per customer + 1 in
    // the two start arrays, 10 per product row (customers 1 and 4 hold 5 rows).
    expect(store.bytesPerTransaction()).toBe((20 * 18 + 4 * 4 * 3 + 5 * 4 * 2 + 5 * 10) / 20);
    await expect(new ColumnarEngine(store).evaluate(holds('mortgage'), 'not a date')).rejects.toThrow(
      RangeError,
    );
  });

  it('keeps current with ingested batches, customers and products', async () => {
    const store = await ColumnarStore.load(vault.storage);
    const engine = new ColumnarEngine(store);
    const count = compare(aggregate('count', groceries), '>', constant(0));
    const db = vault.storage;
    await addCustomer(db, 6);
    await addAccount(db, 61, 6, '2026-01-01');
    await addAccount(db, 21, 2, '2024-01-01');
    await addTransactions(db, 21, 2, 2, [{ day: '2026-06-20', amount: 500 }]);
    await addTransactions(db, 61, 6, 2, [{ day: '2026-06-21', amount: 600 }]);
    await addTransactions(db, 11, 1, 2, [{ day: '2026-05-01', amount: 7 }]);
    await addTransactions(db, 31, 3, 2, [{ day: '2026-06-21', amount: 600 }]);
    expect([...(await engine.evaluate(count, asOf))]).toEqual([1, 5]);

    expect(await store.applyIngestedBatch(db, 2)).toBe(3);
    expect(await store.applyIngestedBatch(db, 2)).toBe(0);
    expect([...(await engine.evaluate(count, asOf))]).toEqual([1, 2, 5, 6]);
    expect([
      ...(await engine.evaluate(compare(aggregate('min', groceries), '=', constant(7)), asOf)),
    ]).toEqual([1]);
    expect(store.data.customers.txStart.at(-1)).toBe(23);

    // More rows of the same batch arrive later: only those are added.
    await addTransactions(db, 21, 2, 2, [{ day: '2026-06-22', amount: 501 }]);
    expect(await store.applyIngestedBatch(db, 2)).toBe(1);
    expect([
      ...(await engine.evaluate(compare(aggregate('count', groceries), '=', constant(2)), asOf)),
    ]).toEqual([2]);

    // Tenure came from the new account of customer 2, read when customer 2's status is refreshed.
    await db.query("UPDATE customers SET status = 'erased' WHERE id = 1");
    await store.refreshCustomers(db);
    expect([...(await engine.evaluate(count, asOf))]).toEqual([2, 5, 6]);
    expect([...(await engine.evaluate(compare({ kind: 'tenureDays' }, '>=', constant(0)), asOf))]).toEqual([
      2, 5, 6,
    ]);

    await addProduct(db, 2, 'mortgage', '2026-01-01', null);
    await addProduct(db, 6, 'mortgage', '2026-02-01', null);
    await store.refreshProducts(db, [2]);
    expect([...(await engine.evaluate(holds('mortgage'), asOf))]).toEqual([2]);
    await store.refreshProducts(db);
    expect([...(await engine.evaluate(holds('mortgage'), asOf))]).toEqual([2, 6]);

    // A catch-up after all that adds nothing twice, and matches a fresh load.
    expect(await store.catchUp(db)).toBe(0);
    const fresh = new ColumnarEngine(await ColumnarStore.load(db));
    for (const [, plan] of cases) {
      expect([...(await engine.evaluate(plan, asOf))]).toEqual([...(await fresh.evaluate(plan, asOf))]);
    }
    expect(store.bytesPerTransaction()).toBeCloseTo((await ColumnarStore.load(db)).bytesPerTransaction(), 9);
  });

  it('writes a snapshot, reads it back, and catches up with newer transactions', async () => {
    const db = vault.storage;
    const store = await ColumnarStore.load(db);
    const path = join(directory, 'store.snapshot');
    await store.writeSnapshot(path);
    await addTransactions(db, 51, 5, 3, [{ day: '2026-06-30', amount: 42 }]);

    const loaded = await ColumnarStore.loadSnapshot(path);
    if (!loaded.ok) throw new Error(loaded.error.message);
    const restored = loaded.value;
    expect(restored.coverage.maxTransactionId).toBe(store.coverage.maxTransactionId);
    expect(restored.data).toEqual(store.data);
    expect(restored.dictionaries.merchants.values).toEqual(store.dictionaries.merchants.values);
    const engine = new ColumnarEngine(restored);
    const before = new ColumnarEngine(store);
    for (const [, plan] of cases) {
      expect([...(await engine.evaluate(plan, asOf))]).toEqual([...(await before.evaluate(plan, asOf))]);
    }

    expect(await restored.catchUp(db)).toBe(1);
    expect(await restored.catchUp(db)).toBe(0);
    expect([
      ...(await engine.evaluate(compare(aggregate('min', groceries), '=', constant(42)), asOf)),
    ]).toEqual([5]);
    const fresh = new ColumnarEngine(await ColumnarStore.load(db));
    for (const [, plan] of cases) {
      expect([...(await engine.evaluate(plan, asOf))]).toEqual([...(await fresh.evaluate(plan, asOf))]);
    }
  });

  it('refuses a missing, foreign, truncated or damaged snapshot with a clear problem', async () => {
    const store = await ColumnarStore.load(vault.storage);
    const path = join(directory, 'damaged.snapshot');
    const problemOf = async () => {
      const result = await ColumnarStore.loadSnapshot(path);
      return result.ok ? undefined : result.error.code;
    };
    expect(await problemOf()).toBe('snapshot.missing');
    await writeFile(path, 'id,amount\n1,2\n');
    expect(await problemOf()).toBe('snapshot.not-a-snapshot');

    await store.writeSnapshot(path);
    const good = await readFile(path);
    await truncate(path, good.length - 10);
    expect(await problemOf()).toBe('snapshot.truncated');
    await truncate(path, 20);
    expect(await problemOf()).toBe('snapshot.truncated');

    const flipped = Buffer.from(good);
    flipped[good.length - 40]! ^= 0xff;
    await writeFile(path, flipped);
    expect(await problemOf()).toBe('snapshot.corrupt');

    const future = Buffer.from(good);
    future.writeUInt32LE(99, 8);
    await writeFile(path, future);
    expect(await problemOf()).toBe('snapshot.version');

    await writeFile(path, good);
    expect(await problemOf()).toBeUndefined();
  });
});
