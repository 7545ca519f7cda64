// The columnar engine against a plain reference over SQL rows, on a generated bank, on every backend.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan, TransactionFilter, ValuePlan } from '../../src/language/plan.ts';
import type { SqlExecutor } from '../../src/storage/ports.ts';
import { loadDemoBank } from '../../src/demo/load-demo-bank.ts';
import { ColumnarEngine } from '../../src/vault/questions/columnar/columnar-engine.ts';
import { ColumnarStore } from '../../src/vault/questions/columnar/columnar-store.ts';
import { testBackends } from '../support/backends.ts';
import { createTestVault } from '../support/test-vault.ts';

// ---------------------------------------------------------------------------------------------
// The reference: a deliberately plain reading of the semantics in src/language/plan.ts.

interface ReferenceTransaction {
  customer_id: number;
  booking_date: string;
  amount_minor: number;
  currency: string;
  direction: string;
  mcc: number | null;
  category: string;
  merchant_name: string | null;
}

interface ReferenceBank {
  readonly active: number[];
  readonly transactions: Map<number, ReferenceTransaction[]>;
  readonly products: Map<number, { product_code: string; since: string; until: string | null }[]>;
  readonly openings: Map<number, string[]>;
  /** customer_flags.adult_from: the first of the month after the 18th birthday's. */
  readonly adultFrom: Map<number, string>;
}

function group<T extends { customer_id: number }>(rows: T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const list = map.get(row.customer_id) ?? [];
    list.push(row);
    map.set(row.customer_id, list);
  }
  return map;
}

async function readReferenceBank(storage: SqlExecutor): Promise<ReferenceBank> {
  const customers = await storage.query<{ id: number }>(
    "SELECT id FROM customers WHERE status = 'active' ORDER BY id",
  );
  const transactions = await storage.query<ReferenceTransaction>(
    `SELECT customer_id, booking_date, amount_minor, trim(currency) AS currency, direction, mcc, category,
            merchant_name
       FROM transactions WHERE customer_id IS NOT NULL`,
  );
  const products = await storage.query<{
    customer_id: number;
    product_code: string;
    since: string;
    until: string | null;
  }>('SELECT customer_id, product_code, since, until FROM products_held');
  const accounts = await storage.query<{ customer_id: number; opened_on: string }>(
    'SELECT customer_id, opened_on FROM accounts WHERE customer_id IS NOT NULL AND opened_on IS NOT NULL',
  );
  const flags = await storage.query<{ customer_id: number; adult_from: string }>(
    'SELECT customer_id, adult_from::text AS adult_from FROM customer_flags WHERE adult_from IS NOT NULL',
  );
  const openings = new Map<number, string[]>();
  for (const row of accounts.rows)
    openings.set(row.customer_id, [...(openings.get(row.customer_id) ?? []), row.opened_on]);
  return {
    active: customers.rows.map((r) => r.id),
    transactions: group(transactions.rows),
    products: group(products.rows),
    openings,
    adultFrom: new Map(flags.rows.map((r) => [r.customer_id, r.adult_from])),
  };
}

const daysBetween = (later: string, earlier: string) =>
  (Date.parse(later) - Date.parse(earlier)) / 86_400_000;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);
}

function selected(bank: ReferenceBank, customer: number, filter: TransactionFilter, asOf: string) {
  const w = filter.window;
  return (bank.transactions.get(customer) ?? []).filter(
    (t) =>
      (w.kind === 'within'
        ? t.booking_date > addDays(asOf, -w.days) && t.booking_date <= asOf
        : t.booking_date >= w.from && t.booking_date <= w.to) &&
      t.currency === filter.currency &&
      (filter.categories === undefined || filter.categories.includes(t.category)) &&
      (filter.mccs === undefined || (t.mcc !== null && filter.mccs.includes(t.mcc))) &&
      (filter.merchants === undefined ||
        (t.merchant_name !== null && filter.merchants.includes(t.merchant_name))) &&
      (filter.direction === undefined || t.direction === filter.direction) &&
      (filter.minMinor === undefined || t.amount_minor >= filter.minMinor) &&
      (filter.maxMinor === undefined || t.amount_minor <= filter.maxMinor),
  );
}

/** A value, or undefined when absent. */
function value(bank: ReferenceBank, customer: number, plan: ValuePlan, asOf: string): number | undefined {
  switch (plan.kind) {
    case 'constant':
      return plan.value;
    case 'aggregate': {
      const rows = selected(bank, customer, plan.filter, asOf);
      const amounts = rows.map((t) => t.amount_minor);
      const sum = amounts.reduce((a, b) => a + b, 0);
      if (plan.fn === 'count') return rows.length;
      if (plan.fn === 'sum') return sum;
      if (rows.length === 0) return undefined;
      if (plan.fn === 'average') return sum / rows.length;
      if (plan.fn === 'min') return Math.min(...amounts);
      if (plan.fn === 'max') return Math.max(...amounts);
      return daysBetween(
        asOf,
        rows
          .map((t) => t.booking_date)
          .sort()
          .at(-1)!,
      );
    }
    case 'holdingDays': {
      const since = (bank.products.get(customer) ?? [])
        .filter(
          (p) => p.product_code === plan.product && p.since <= asOf && (p.until === null || p.until >= asOf),
        )
        .map((p) => p.since)
        .sort();
      return since.length === 0 ? undefined : daysBetween(asOf, since[0]!);
    }
    case 'tenureDays': {
      const opened = (bank.openings.get(customer) ?? []).filter((d) => d <= asOf).sort();
      return opened.length === 0 ? undefined : daysBetween(asOf, opened[0]!);
    }
    case 'recurring': {
      const months = new Map<string, Set<string>>();
      for (const t of selected(bank, customer, plan.filter, asOf)) {
        if (t.direction !== 'D' || t.merchant_name === null) continue;
        const set = months.get(t.merchant_name) ?? new Set<string>();
        set.add(t.booking_date.slice(0, 7));
        months.set(t.merchant_name, set);
      }
      return [...months.values()].filter((set) => set.size >= 3).length;
    }
  }
}

function holds(bank: ReferenceBank, customer: number, plan: Plan, asOf: string): boolean {
  switch (plan.kind) {
    case 'constant':
      return plan.value;
    case 'and':
      return plan.items.every((item) => holds(bank, customer, item, asOf));
    case 'or':
      return plan.items.some((item) => holds(bank, customer, item, asOf));
    case 'not':
      return !holds(bank, customer, plan.item, asOf);
    case 'holds':
      return value(bank, customer, { kind: 'holdingDays', product: plan.product }, asOf) !== undefined;
    case 'ageBand': {
      // Born on the first of the month 18 years and one month before adult_from's month.
      const adultFrom = bank.adultFrom.get(customer);
      if (adultFrom === undefined) return false;
      const bornMonth =
        Number(adultFrom.slice(0, 4)) * 12 + Number(adultFrom.slice(5, 7)) - 1 - (18 * 12 + 1);
      const [year, month] = [Math.floor(bornMonth / 12), (bornMonth % 12) + 1];
      const [y, m] = [Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7))];
      const age = y - year - (m < month ? 1 : 0);
      return plan.bands.some((band) => {
        const [low, high] = band === '65+' ? [65, Infinity] : band.split('-').map(Number);
        return age >= low! && age <= high!;
      });
    }
    case 'compare': {
      const a = value(bank, customer, plan.left, asOf);
      const b = value(bank, customer, plan.right, asOf);
      if (a === undefined || b === undefined) return false;
      switch (plan.op) {
        case '<':
          return a < b;
        case '<=':
          return a <= b;
        case '>':
          return a > b;
        case '>=':
          return a >= b;
        case '=':
          return a === b;
        case '!=':
          return a !== b;
      }
    }
  }
}

function referenceEvaluate(bank: ReferenceBank, plan: Plan, asOf: string): number[] {
  return bank.active.filter((customer) => holds(bank, customer, plan, asOf));
}

// ---------------------------------------------------------------------------------------------

const end = '2026-06-30';
const within = (days: number, extra: Partial<TransactionFilter> = {}): TransactionFilter => ({
  window: { kind: 'within', days },
  currency: 'GBP',
  ...extra,
});
const constant = (value: number): ValuePlan => ({ kind: 'constant', value });
const compare = (left: ValuePlan, op: '<' | '<=' | '>' | '>=' | '=' | '!=', right: ValuePlan): Plan => ({
  kind: 'compare',
  op,
  left,
  right,
});
const aggregate = (
  fn: 'count' | 'sum' | 'average' | 'min' | 'max' | 'daysSinceLast',
  filter: TransactionFilter,
) => ({ kind: 'aggregate', fn, filter }) as const;
const not = (item: Plan): Plan => ({ kind: 'not', item });

const seedsExample: Plan = {
  kind: 'and',
  items: [
    compare(aggregate('sum', within(90, { categories: ['home_inspection'] })), '>', constant(0)),
    not({ kind: 'holds', product: 'mortgage' }),
  ],
};

function plans(merchants: string[]): [string, Plan][] {
  return [
    ["the seeds' example", seedsExample],
    [
      'regular grocery shoppers',
      compare(aggregate('count', within(30, { categories: ['groceries'] })), '>=', constant(5)),
    ],
    [
      'dining or big grocery baskets',
      {
        kind: 'or',
        items: [
          compare(aggregate('average', within(60, { categories: ['dining'] })), '>', constant(2000)),
          compare(aggregate('max', within(90, { categories: ['groceries'] })), '>', constant(10000)),
        ],
      },
    ],
    [
      'two or more recurring payments',
      compare({ kind: 'recurring', filter: within(180) }, '>=', constant(2)),
    ],
    [
      'recurring subscriptions',
      compare(
        { kind: 'recurring', filter: within(365, { categories: ['subscriptions'] }) },
        '>',
        constant(0),
      ),
    ],
    [
      'no recent salary',
      not(compare(aggregate('daysSinceLast', within(60, { categories: ['salary'] })), '<=', constant(35))),
    ],
    [
      'long tenure, current account',
      {
        kind: 'and',
        items: [
          compare({ kind: 'tenureDays' }, '>', constant(365)),
          compare({ kind: 'holdingDays', product: 'current_account' }, '>', constant(100)),
        ],
      },
    ],
    [
      'large credits last year',
      compare(
        aggregate('min', {
          window: { kind: 'between', from: '2025-01-01', to: '2025-12-31' },
          currency: 'GBP',
          direction: 'C',
        }),
        '>=',
        constant(100000),
      ),
    ],
    [
      'supermarket MCCs',
      compare(
        aggregate('sum', within(90, { mccs: [5411, 5812], minMinor: 500, maxMinor: 20000 })),
        '>',
        constant(30000),
      ),
    ],
    ['popular merchants', compare(aggregate('count', within(120, { merchants })), '>=', constant(3))],
    ['aged 25 to 44', { kind: 'ageBand', bands: ['25-34', '35-44'] }],
    [
      'over 65, or no known age, with savings',
      {
        kind: 'and',
        items: [
          { kind: 'holds', product: 'savings' },
          {
            kind: 'or',
            items: [
              { kind: 'ageBand', bands: ['65+'] },
              not({ kind: 'ageBand', bands: ['18-24', '25-34', '35-44', '45-54', '55-64'] }),
            ],
          },
        ],
      },
    ],
    [
      'holds a credit card but no savings',
      {
        kind: 'and',
        items: [{ kind: 'holds', product: 'credit_card' }, not({ kind: 'holds', product: 'savings' })],
      },
    ],
  ];
}

describe.each(testBackends)('columnar engine against the reference on a demo bank on $name', (backend) => {
  let vault: Awaited<ReturnType<typeof createTestVault>>;
  let store: ColumnarStore;
  let engine: ColumnarEngine;
  let merchants: string[];
  let directory: string;

  beforeAll(async () => {
    vault = await createTestVault(backend);
    directory = await mkdtemp(join(tmpdir(), 'curtain-columnar-demo-'));
    await loadDemoBank(vault, { density: 'thin', customers: 300, seed: 7, end });
    // The demo bank has no dates of birth: give most customers an 18th birthday, from 1958 to 2032, stored as
    // import stores it (the first of the month after the 18th birthday's).
    await vault.storage.query(
      `INSERT INTO customer_flags (customer_id, adult_from)
       SELECT id, (date_trunc('month', DATE '1958-01-01' + ((id * 7919) % 27000)::int) + interval '1 month')::date
         FROM customers WHERE id % 9 <> 0`,
    );
    store = await ColumnarStore.load(vault.storage, { pageRows: 5_000 });
    engine = new ColumnarEngine(store);
    const top = await vault.storage.query<{ merchant_name: string }>(
      `SELECT merchant_name FROM transactions WHERE merchant_name IS NOT NULL
        GROUP BY merchant_name ORDER BY count(*) DESC, merchant_name LIMIT 3`,
    );
    merchants = top.rows.map((r) => r.merchant_name);
  }, 180_000);
  afterAll(async () => {
    await vault.dispose();
    await rm(directory, { recursive: true, force: true });
  });

  async function expectReference(asOf: string): Promise<number[][]> {
    const bank = await readReferenceBank(vault.storage);
    const results: number[][] = [];
    for (const [name, plan] of plans(merchants)) {
      const expected = referenceEvaluate(bank, plan, asOf);
      expect([...(await engine.evaluate(plan, asOf))], name).toEqual(expected);
      results.push(expected);
    }
    return results;
  }

  it('gives the same answers as the reference, on the last day and earlier', async () => {
    const results = await expectReference(end);
    expect(results[0]!.length).toBeGreaterThan(0);
    // Most questions select some customers but not all: the comparison is not vacuous.
    expect(
      results.filter((r) => r.length > 0 && r.length < store.customerCount).length,
    ).toBeGreaterThanOrEqual(7);
    await expectReference('2026-01-15');
    await expectReference('2025-07-01');
    expect(store.bytesPerTransaction()).toBeLessThanOrEqual(24);
  });

  it('answers differently after an ingest is applied, as the reference does', async () => {
    const before = [...(await engine.evaluate(seedsExample, end))];
    const { rows } = await vault.storage.query<{ id: number }>(
      `SELECT c.id FROM customers c
        WHERE NOT EXISTS (SELECT 1 FROM products_held p WHERE p.customer_id = c.id AND p.product_code = 'mortgage')
        ORDER BY c.id LIMIT 1`,
    );
    const customer = rows[0]!.id;
    expect(before).not.toContain(customer);
    const summary = await vault.ingest.ingestEvents(
      [
        {
          kind: 'transaction',
          transaction: {
            account: { scheme: 'iban', value: 'GB33BUKB20201555555555' },
            amountMinor: 45_000,
            currency: 'GBP',
            direction: 'debit',
            bookingDate: end,
            merchantName: 'Acme Home Inspection Services',
            location: { line: 1 },
          },
        },
      ],
      { sourceName: 'columnar test', format: 'generated', customerId: customer },
    );
    expect(summary.stored).toBe(1);
    expect(await store.applyIngestedBatch(vault.storage, summary.batchId)).toBe(1);
    expect([...(await engine.evaluate(seedsExample, end))]).toEqual(
      [...before, customer].sort((a, b) => a - b),
    );
    await expectReference(end);
  });

  it('round-trips the demo bank through a snapshot', async () => {
    const path = join(directory, 'demo.snapshot');
    await store.writeSnapshot(path);
    const loaded = await ColumnarStore.loadSnapshot(path);
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(loaded.value.data).toEqual(store.data);
    expect(await loaded.value.catchUp(vault.storage)).toBe(0);
    const restored = new ColumnarEngine(loaded.value);
    for (const [name, plan] of plans(merchants)) {
      expect([...(await restored.evaluate(plan, end))], name).toEqual([
        ...(await engine.evaluate(plan, end)),
      ]);
    }
  });
});
