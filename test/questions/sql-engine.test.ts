// The SQL question engine on every backend: exact customer sets on a hand-written bank, and a generated bank.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan, TransactionFilter, ValuePlan } from '../../src/language/plan.ts';
import { compilePlan } from '../../src/language/sql/compile-plan.ts';
import type { VaultServices } from '../../src/app/vault-process.ts';
import type { SqlExecutor } from '../../src/storage/ports.ts';
import { loadDemoBank } from '../../src/demo/load-demo-bank.ts';
import { SqlEngine } from '../../src/vault/questions/sql-engine.ts';
import { testBackends } from '../support/backends.ts';
import { createTestVault } from '../support/test-vault.ts';

type Vault = VaultServices & { dispose(): Promise<void> };

const asOf = '2026-06-30';

// [customer (null: an account not linked to anyone), booking day, amount, currency, direction, mcc, category, merchant]
type Rest = [number, string, 'D' | 'C', number | null, string, string | null];
type Row = [number | null, string, ...Rest];

const monthly = (customer: number | null, days: string[], rest: Rest): Row[] =>
  days.map((day): Row => [customer, day, ...rest]);

/** A small bank, every row chosen for an edge. Customer 3 is erased; there is no customer 7. */
const bank = {
  customers: [
    [1, 'active'],
    [2, 'active'],
    [3, 'erased'],
    [4, 'active'],
    [5, 'active'],
    [6, 'active'],
  ] as const,
  // [account id, customer, opened_on]
  accounts: [
    [1, 1, null],
    [2, 2, '2020-06-30'],
    [3, 3, '2015-01-01'],
    [4, 4, '2026-07-01'],
    [5, 4, '2025-06-30'],
    [6, 5, '2026-06-30'],
    [7, 6, '2010-01-01'],
    [8, null, '2001-01-01'],
  ] as const,
  // [customer, product, since, until]
  products: [
    [2, 'mortgage', '2020-01-01', null],
    [3, 'mortgage', '2019-01-01', null],
    [4, 'mortgage', '2026-07-01', null],
    [4, 'savings', '2025-06-30', '2026-06-29'],
    [4, 'credit_card', '2024-01-01', '2026-06-30'],
    [6, 'current_account', '2019-05-01', '2021-01-01'],
    [6, 'current_account', '2022-01-01', null],
    [6, 'current_account', '2023-01-01', null],
  ] as const,
  transactions: [
    [1, '2026-06-30', 1000, 'EUR', 'D', 5411, 'groceries', 'Lidl'],
    [1, '2026-04-02', 2000, 'EUR', 'D', 5499, 'groceries', 'ALDI'],
    [1, '2026-04-01', 4000, 'EUR', 'D', 5411, 'groceries', 'Lidl'],
    [1, '2026-06-15', 500, 'GBP', 'D', 5411, 'groceries', 'Tesco'],
    [3, '2026-06-01', 700, 'EUR', 'D', 5411, 'groceries', 'Lidl'],
    [4, '2026-05-10', 35000, 'EUR', 'D', 8999, 'home_inspection', 'Surveyors'],
    [4, '2026-06-25', 300000, 'EUR', 'C', null, 'salary', null],
    [4, '2026-06-18', 100, 'EUR', 'D', 5814, 'coffee', 'Bean'],
    [4, '2026-06-19', 100, 'EUR', 'D', 5814, 'coffee', 'Bean'],
    [4, '2026-06-20', 101, 'EUR', 'D', 5814, 'coffee', 'Bean'],
    ...monthly(
      5,
      ['2026-04-15', '2026-05-15', '2026-06-15'],
      [1299, 'EUR', 'D', 4899, 'subscriptions', 'Netflix'],
    ),
    ...monthly(
      5,
      ['2026-03-31', '2026-05-01', '2026-06-01'],
      [999, 'EUR', 'D', 4899, 'subscriptions', 'Spotify'],
    ),
    ...monthly(5, ['2026-05-03', '2026-05-20', '2026-06-03'], [3000, 'EUR', 'D', 7997, 'fitness', 'Gym']),
    ...monthly(
      5,
      ['2026-04-10', '2026-05-10', '2026-06-10'],
      [5000, 'EUR', 'C', null, 'transfer', 'CreditCo'],
    ),
    ...monthly(5, ['2026-04-05', '2026-05-05', '2026-06-05'], [200, 'EUR', 'D', null, 'fees', null]),
    ...monthly(6, ['2026-04-28', '2026-05-28', '2026-06-28'], [90000, 'EUR', 'D', 6513, 'rent', 'Rent Ltd']),
    ...monthly(
      6,
      ['2026-04-20', '2026-05-20', '2026-06-20'],
      [3500, 'EUR', 'D', 4900, 'utilities', 'Water Co'],
    ),
    ...monthly(
      null,
      ['2026-04-29', '2026-05-29', '2026-06-29'],
      [1000, 'EUR', 'D', 5411, 'groceries', 'Lidl'],
    ),
  ] satisfies Row[],
};

async function insertBank(db: SqlExecutor): Promise<void> {
  for (const [id, status] of bank.customers) {
    await db.query('INSERT INTO customers (id, status) VALUES ($1, $2)', [id, status]);
  }
  for (const [id, customer, opened] of bank.accounts) {
    await db.query(
      `INSERT INTO accounts (id, account_ref, customer_id, currency, opened_on, masked_number)
       VALUES ($1, $2, $3, 'EUR', $4, '****')`,
      [id, new TextEncoder().encode(`account-${id}`), customer, opened],
    );
  }
  for (const [customer, product, since, until] of bank.products) {
    await db.query(
      'INSERT INTO products_held (customer_id, product_code, since, until) VALUES ($1, $2, $3, $4)',
      [customer, product, since, until],
    );
  }
  const batch = await db.query<{ id: number }>(
    `INSERT INTO ingest_batches (source_name, format, taxonomy_version) VALUES ('test', 'test', 'test') RETURNING id`,
  );
  const account = (customer: number | null) => bank.accounts.find(([, c]) => c === customer)![0];
  const rows = bank.transactions;
  await db.query(
    `INSERT INTO transactions (account_id, customer_id, batch_id, booking_date, amount_minor, currency, direction,
                               mcc, category, merchant_name, dedup_key)
     SELECT a, c, $1, d, m, cur, dir, mcc, cat, mer, int8send(n)
       FROM unnest($2::bigint[], $3::bigint[], $4::date[], $5::bigint[], $6::text[], $7::text[], $8::int[],
                   $9::text[], $10::text[]) WITH ORDINALITY AS u(a, c, d, m, cur, dir, mcc, cat, mer, n)`,
    [
      batch.rows[0]!.id,
      rows.map((r) => account(r[0])),
      rows.map((r) => r[0]),
      rows.map((r) => r[1]),
      rows.map((r) => r[2]),
      rows.map((r) => r[3]),
      rows.map((r) => r[4]),
      rows.map((r) => r[5]),
      rows.map((r) => r[6]),
      rows.map((r) => r[7]),
    ],
  );
}

const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

const within = (days: number, more: Partial<TransactionFilter> = {}): TransactionFilter => ({
  window: { kind: 'within', days },
  currency: 'EUR',
  ...more,
});
const between = (from: string, to: string, more: Partial<TransactionFilter> = {}): TransactionFilter => ({
  window: { kind: 'between', from, to },
  currency: 'EUR',
  ...more,
});
const groceries90 = within(90, { categories: ['groceries'] });

const n = (value: number): ValuePlan => ({ kind: 'constant', value });
const agg = (fn: 'count' | 'sum' | 'average' | 'min' | 'max' | 'daysSinceLast', filter: TransactionFilter) =>
  ({ kind: 'aggregate', fn, filter }) as const;
const recurring = (filter: TransactionFilter): ValuePlan => ({ kind: 'recurring', filter });
const holdingDays = (product: string): ValuePlan => ({ kind: 'holdingDays', product });
const tenure: ValuePlan = { kind: 'tenureDays' };
const cmp = (left: ValuePlan, op: '<' | '<=' | '>' | '>=' | '=' | '!=', right: ValuePlan): Plan => ({
  kind: 'compare',
  op,
  left,
  right,
});
const not = (item: Plan): Plan => ({ kind: 'not', item });
const holds = (product: string): Plan => ({ kind: 'holds', product });

const everyone = [1, 2, 4, 5, 6];

/** [what it shows, plan, the active customers expected]. */
const cases: [string, Plan, number[]][] = [
  ['constant true: every active customer, never the erased one', { kind: 'constant', value: true }, everyone],
  ['constant false', { kind: 'constant', value: false }, []],
  ['empty and', { kind: 'and', items: [] }, everyone],
  ['empty or', { kind: 'or', items: [] }, []],
  // count and sum are 0 over no rows
  ['count = 2', cmp(agg('count', groceries90), '=', n(2)), [1]],
  ['count != 2', cmp(agg('count', groceries90), '!=', n(2)), [2, 4, 5, 6]],
  ['count = 0 over no rows', cmp(agg('count', groceries90), '=', n(0)), [2, 4, 5, 6]],
  ['sum = 3000', cmp(agg('sum', groceries90), '=', n(3000)), [1]],
  ['sum < 1 over no rows', cmp(agg('sum', groceries90), '<', n(1)), [2, 4, 5, 6]],
  // average, min, max and daysSinceLast are absent over no rows
  ['average = 1500', cmp(agg('average', groceries90), '=', n(1500)), [1]],
  ['average > 0', cmp(agg('average', groceries90), '>', n(0)), [1]],
  [
    'not (average > 0): absent is false, its negation true',
    not(cmp(agg('average', groceries90), '>', n(0))),
    [2, 4, 5, 6],
  ],
  [
    'average is exact: 301/3 > 100',
    cmp(agg('average', within(90, { categories: ['coffee'] })), '>', n(100)),
    [4],
  ],
  [
    'average 301/3 < 100.34',
    cmp(agg('average', within(90, { categories: ['coffee'] })), '<', n(100.34)),
    [4],
  ],
  ['average 301/3 != 100', cmp(agg('average', within(90, { categories: ['coffee'] })), '=', n(100)), []],
  ['min = 1000', cmp(agg('min', groceries90), '=', n(1000)), [1]],
  ['max = 2000', cmp(agg('max', groceries90), '=', n(2000)), [1]],
  ['min >= 0 is false when absent', cmp(agg('min', groceries90), '>=', n(0)), [1]],
  ['not (min >= 0)', not(cmp(agg('min', groceries90), '>=', n(0))), [2, 4, 5, 6]],
  ['absent = absent is false', cmp(agg('max', groceries90), '=', agg('max', groceries90)), [1]],
  ['sum > max, two aggregates', cmp(agg('sum', groceries90), '>', agg('max', groceries90)), [1]],
  ['daysSinceLast = 0 on asOf', cmp(agg('daysSinceLast', groceries90), '=', n(0)), [1]],
  [
    'daysSinceLast over a between window',
    cmp(agg('daysSinceLast', between('2026-01-01', '2026-06-29', { categories: ['groceries'] })), '=', n(89)),
    [1],
  ],
  [
    'not (daysSinceLast < 1000) when absent',
    not(cmp(agg('daysSinceLast', groceries90), '<', n(1000))),
    [2, 4, 5, 6],
  ],
  // window edges: within n is asOf − n < day ≤ asOf; between is inclusive on both ends
  ['within 1 day is asOf only', cmp(agg('count', within(1, { categories: ['groceries'] })), '=', n(1)), [1]],
  ['within 89 days', cmp(agg('count', within(89, { categories: ['groceries'] })), '=', n(1)), [1]],
  [
    'within 90 days takes asOf − 89',
    cmp(agg('count', within(90, { categories: ['groceries'] })), '=', n(2)),
    [1],
  ],
  [
    'within 91 days takes asOf − 90',
    cmp(agg('count', within(91, { categories: ['groceries'] })), '=', n(3)),
    [1],
  ],
  ['within 0 days is empty', cmp(agg('count', within(0)), '>', n(0)), []],
  [
    'between is inclusive',
    cmp(agg('count', between('2026-04-01', '2026-04-02', { categories: ['groceries'] })), '=', n(2)),
    [1],
  ],
  ['between one day', cmp(agg('sum', between('2026-04-02', '2026-04-02')), '=', n(2000)), [1]],
  ['between backwards is empty', cmp(agg('count', between('2026-06-30', '2026-04-01')), '>', n(0)), []],
  // every filter field
  ['currency always applies', cmp(agg('sum', within(90, { currency: 'GBP' })), '=', n(500)), [1]],
  ['mccs', cmp(agg('sum', within(90, { mccs: [5411] })), '=', n(1000)), [1]],
  ['merchants are case-sensitive', cmp(agg('count', within(90, { merchants: ['Aldi'] })), '>', n(0)), []],
  ['merchants', cmp(agg('count', within(90, { merchants: ['ALDI', 'Gym'] })), '>', n(0)), [1, 5]],
  ['direction credit', cmp(agg('count', within(90, { direction: 'C' })), '>', n(0)), [4, 5]],
  [
    'minMinor inclusive',
    cmp(agg('count', within(90, { categories: ['groceries'], minMinor: 1000 })), '=', n(2)),
    [1],
  ],
  ['minMinor', cmp(agg('count', within(90, { categories: ['groceries'], minMinor: 1001 })), '=', n(1)), [1]],
  ['maxMinor inclusive', cmp(agg('sum', within(90, { minMinor: 1000, maxMinor: 1000 })), '=', n(1000)), [1]],
  [
    'spent on home inspection',
    cmp(agg('sum', within(90, { categories: ['home_inspection'] })), '>', n(0)),
    [4],
  ],
  // products: held when since ≤ asOf and (until null or until ≥ asOf)
  ['holds mortgage (future and erased holders excluded)', holds('mortgage'), [2]],
  ['holds savings ended the day before', holds('savings'), []],
  ['holds credit card ending on asOf', holds('credit_card'), [4]],
  ['not holds mortgage', not(holds('mortgage')), [1, 4, 5, 6]],
  ['holdingDays', cmp(holdingDays('credit_card'), '=', n(daysBetween('2024-01-01', asOf))), [4]],
  [
    'holdingDays from the earliest held row',
    cmp(holdingDays('current_account'), '=', n(daysBetween('2022-01-01', asOf))),
    [6],
  ],
  ['not (holdingDays > 0) when not held', not(cmp(holdingDays('mortgage'), '>', n(0))), [1, 4, 5, 6]],
  // tenure: the earliest opened_on ≤ asOf
  ['tenureDays >= 365', cmp(tenure, '>=', n(365)), [2, 4, 6]],
  ['tenureDays = 365 ignores an account opened after asOf', cmp(tenure, '=', n(365)), [4]],
  ['tenureDays = 0', cmp(tenure, '=', n(0)), [5]],
  ['not (tenureDays >= 0) without an opening day', not(cmp(tenure, '>=', n(0))), [1]],
  ['tenureDays exact', cmp(tenure, '=', n(daysBetween('2020-06-30', asOf))), [2]],
  // recurring: distinct merchants of debits in ≥ 3 calendar months of the window
  ['recurring = 1', cmp(recurring(within(90)), '=', n(1)), [5]],
  ['recurring = 2', cmp(recurring(within(90)), '=', n(2)), [6]],
  ['recurring = 0', cmp(recurring(within(90)), '=', n(0)), [1, 2, 4]],
  ['recurring over a wider window', cmp(recurring(within(120)), '=', n(2)), [5, 6]],
  [
    'recurring with a category',
    cmp(recurring(within(90, { categories: ['subscriptions'] })), '>', n(0)),
    [5],
  ],
  ['recurring never counts credits', cmp(recurring(within(90, { direction: 'C' })), '>', n(0)), []],
  ['recurring with an amount floor', cmp(recurring(within(90, { minMinor: 1300 })), '=', n(2)), [6]],
  [
    'recurring month edges in',
    cmp(recurring(between('2026-04-15', '2026-06-15', { merchants: ['Netflix'] })), '=', n(1)),
    [5],
  ],
  [
    'recurring month edges out',
    cmp(recurring(between('2026-04-16', '2026-06-15', { merchants: ['Netflix'] })), '>', n(0)),
    [],
  ],
  // logic
  [
    'and / or / not',
    {
      kind: 'or',
      items: [
        { kind: 'and', items: [holds('credit_card'), cmp(agg('count', within(90)), '>', n(3))] },
        not({ kind: 'or', items: [cmp(tenure, '>=', n(0)), cmp(recurring(within(90)), '>', n(0))] }),
      ],
    },
    [1, 4],
  ],
  [
    'several aggregates, recurring, products and tenure in one query',
    {
      kind: 'and',
      items: [
        cmp(agg('count', within(120)), '>', n(5)),
        cmp(recurring(within(90)), '>=', n(1)),
        not(holds('mortgage')),
        cmp(tenure, '<', n(1000)),
      ],
    },
    [5],
  ],
];

describe.each(testBackends)('SqlEngine on $name', (backend) => {
  let vault: Vault;
  let engine: SqlEngine;

  beforeAll(async () => {
    vault = await createTestVault(backend);
    await insertBank(vault.storage);
    engine = new SqlEngine(vault.storage);
  });
  afterAll(async () => {
    await vault.dispose();
  });

  it('is the sql engine and returns ids ascending in an Int32Array', async () => {
    expect(engine.name).toBe('sql');
    const ids = await engine.evaluate({ kind: 'constant', value: true }, asOf);
    expect(ids).toBeInstanceOf(Int32Array);
    expect([...ids]).toEqual(everyone);
  });

  it.each(cases)('%s', async (_name, plan, expected) => {
    expect([...(await engine.evaluate(plan, asOf))]).toEqual(expected);
  });

  it('never matches rows without a customer', async () => {
    // Customer 1 (and the unlinked account) bought groceries at Lidl in 3 months; only 1 has a customer.
    const lidl = within(120, { merchants: ['Lidl'] });
    expect([...(await engine.evaluate(cmp(agg('count', lidl), '>', n(0)), asOf))]).toEqual([1]);
    expect([...(await engine.evaluate(cmp(recurring(lidl), '>', n(0)), asOf))]).toEqual([]);
  });

  it('reads only the customers table when the plan needs no facts', async () => {
    const { rows } = await vault.storage.query<{ customer_id: number }>(
      compilePlan({ kind: 'constant', value: true }, asOf).sql,
      compilePlan({ kind: 'constant', value: true }, asOf).parameters,
    );
    expect(rows.map((r) => r.customer_id)).toEqual(everyone);
  });
});

describe.each(testBackends)("the seeds' example on a generated bank, on $name", (backend) => {
  const end = '2026-06-30';
  let vault: Vault;
  let currency: string;

  beforeAll(async () => {
    vault = await createTestVault(backend);
    await loadDemoBank(vault, { density: 'thin', customers: 300, seed: 7, end });
    const { rows } = await vault.storage.query<{ currency: string }>(
      'SELECT DISTINCT currency FROM transactions',
    );
    expect(rows).toHaveLength(1);
    currency = rows[0]!.currency;
  }, 180_000);
  afterAll(async () => {
    await vault.dispose();
  });

  const plan = (): Plan => ({
    kind: 'and',
    items: [
      cmp(agg('sum', within(90, { currency, categories: ['home_inspection'], direction: 'D' })), '>', n(0)),
      not(holds('mortgage')),
    ],
  });

  it('matches a reference computed from the raw rows', async () => {
    const transactions = await vault.storage.query<{
      customer_id: number | null;
      booking_date: string;
      amount_minor: number;
      currency: string;
      direction: string;
      category: string;
    }>('SELECT customer_id, booking_date, amount_minor, currency, direction, category FROM transactions');
    const products = await vault.storage.query<{
      customer_id: number;
      product_code: string;
      since: string;
      until: string | null;
    }>('SELECT customer_id, product_code, since, until FROM products_held');
    const customers = await vault.storage.query<{ id: number; status: string }>(
      'SELECT id, status FROM customers',
    );

    const spent = new Map<number, number>();
    for (const t of transactions.rows) {
      const age = daysBetween(t.booking_date, end);
      if (t.customer_id === null || age < 0 || age >= 90) continue;
      if (t.currency !== currency || t.direction !== 'D' || t.category !== 'home_inspection') continue;
      spent.set(t.customer_id, (spent.get(t.customer_id) ?? 0) + t.amount_minor);
    }
    const mortgaged = new Set(
      products.rows
        .filter(
          (p) => p.product_code === 'mortgage' && p.since <= end && (p.until === null || p.until >= end),
        )
        .map((p) => p.customer_id),
    );
    const expected = customers.rows
      .filter((c) => c.status === 'active' && (spent.get(c.id) ?? 0) > 0 && !mortgaged.has(c.id))
      .map((c) => c.id)
      .sort((a, b) => a - b);

    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(customers.rows.length);
    expect([...(await new SqlEngine(vault.storage).evaluate(plan(), end))]).toEqual(expected);
  });

  it.runIf(backend.name === 'postgres')(
    'is planned as a single pass over transactions, joint accounts by index (informational)',
    async () => {
      await vault.storage.query('ANALYZE');
      const { sql, parameters } = compilePlan(plan(), end);
      const { rows } = await vault.storage.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, parameters);
      const text = rows.map((r) => r['QUERY PLAN']).join('\n');
      console.info(`EXPLAIN of the seeds' example on PostgreSQL:\n${text}`);
      // One pass over transactions; joint accounts' transactions are reached through account_owners by index
      // (owned_transactions), which costs nothing in a bank without joint accounts.
      const fullScans = text.match(/(Seq Scan|Bitmap Heap Scan) on transactions\b/g);
      expect(fullScans).toHaveLength(1);
      const indexed = text.match(/(Index Scan|Index Only Scan) (using \S+ )?on transactions\b/g) ?? [];
      expect(indexed.length).toBeLessThanOrEqual(1);
      if (indexed.length === 1) expect(text).toMatch(/Index Cond: \(account_id = o\.account_id\)/);
    },
  );
});
