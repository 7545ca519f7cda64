// The feature store: the same answers with features on and off, kept current on ingest and on a new day.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AggregateFunction,
  CompareOperator,
  Direction,
  Plan,
  TransactionFilter,
  ValuePlan,
} from '../../src/language/plan.ts';
import type { SqlExecutor } from '../../src/storage/ports.ts';
import { loadDemoBank } from '../../src/demo/load-demo-bank.ts';
import { ColumnarEngine } from '../../src/vault/questions/columnar/columnar-engine.ts';
import { ColumnarStore } from '../../src/vault/questions/columnar/columnar-store.ts';
import { dayNumber } from '../../src/vault/questions/columnar/day-numbers.ts';
import { FeatureSet } from '../../src/vault/questions/columnar/feature-set.ts';
import { recurringFeatureDays, windowFeatureDays } from '../../src/vault/questions/columnar/features.ts';
import { VaultQuestionEngine } from '../../src/vault/questions/vault-engine.ts';
import { SqlEngine } from '../../src/vault/questions/sql-engine.ts';
import { testBackends } from '../support/backends.ts';
import { createTestVault } from '../support/test-vault.ts';

const end = '2026-06-30';

const constant = (value: number): ValuePlan => ({ kind: 'constant', value });
const compare = (left: ValuePlan, op: CompareOperator, right: ValuePlan): Plan => ({
  kind: 'compare',
  op,
  left,
  right,
});
const filter = (days: number, extra: Partial<TransactionFilter> = {}): TransactionFilter => ({
  window: { kind: 'within', days },
  currency: 'GBP',
  ...extra,
});
const aggregate = (fn: AggregateFunction, f: TransactionFilter): ValuePlan => ({
  kind: 'aggregate',
  fn,
  filter: f,
});
/** The same value, made to scan: a lower amount bound below every amount changes nothing but the route. */
const scanned = (value: ValuePlan): ValuePlan =>
  value.kind === 'aggregate' || value.kind === 'recurring'
    ? { ...value, filter: { ...value.filter, minMinor: Number.MIN_SAFE_INTEGER } }
    : value;

/** Every feature entry as text, grouped by key and sorted by customer id: equal for equal features. */
function canonical(features: FeatureSet, ids: Int32Array): string[] {
  const lines: string[] = [];
  const w = features.window;
  for (let k = 0; k + 1 < features.keyStart.length; k++) {
    for (let e = features.keyStart[k]!; e < features.keyStart[k + 1]!; e++) {
      lines.push(
        [k, ids[w.row[e]!], w.count30[e], w.count90[e], w.count180[e], w.count365[e]]
          .concat([w.sum30[e]!, w.sum90[e]!, w.sum180[e]!, w.sum365[e]!, w.age[e]!])
          .join(' '),
      );
    }
  }
  const r = features.recurring;
  for (let row = 0; row < ids.length; row++) {
    for (let e = features.recurringStart[row]!; e < features.recurringStart[row + 1]!; e++) {
      lines.push(
        `recurring ${ids[row]} ${r.merchant[e]} ${r.category[e]} ${r.months365[e]} ${r.months180[e]}`,
      );
    }
    if (features.scan[row] === 1) lines.push(`scan ${ids[row]}`);
  }
  return lines.sort();
}

function expectFreshFeatures(store: ColumnarStore, day: string): void {
  const kept = store.featuresFor(dayNumber(day));
  const fresh = FeatureSet.compute(store.data, store.dictionaries, 'GBP', dayNumber(day));
  expect(kept).toBeDefined();
  const ids = store.data.customers.ids;
  expect(canonical(kept!, ids)).toEqual(canonical(fresh!, ids));
}

describe.each(testBackends)('features on a demo bank on $name', (backend) => {
  let vault: Awaited<ReturnType<typeof createTestVault>>;
  let store: ColumnarStore;
  let on: ColumnarEngine;
  let off: ColumnarEngine;
  let categories: string[];

  beforeAll(async () => {
    vault = await createTestVault(backend);
    await loadDemoBank(vault, { density: 'thin', customers: 300, seed: 7, end });
    store = await ColumnarStore.load(vault.storage, { pageRows: 5_000 });
    store.enableFeatures({ currency: 'GBP', day: end });
    on = new ColumnarEngine(store);
    off = new ColumnarEngine(store, { features: false });
    const top = await vault.storage.query<{ category: string }>(
      `SELECT category FROM transactions GROUP BY category ORDER BY count(*) DESC, category LIMIT 4`,
    );
    categories = top.rows.map((r) => r.category);
  }, 180_000);
  afterAll(async () => {
    await vault.dispose();
  });

  /** Every featured value: each function, window, choice of categories and direction. */
  function featuredValues(): [string, ValuePlan][] {
    const choices: (string[] | undefined)[] = [
      undefined,
      [categories[0]!],
      categories.slice(1, 3),
      ['no_such'],
    ];
    const directions: (Direction | undefined)[] = [undefined, 'D', 'C'];
    const values: [string, ValuePlan][] = [];
    for (const cats of choices) {
      for (const direction of directions) {
        const extra = {
          ...(cats === undefined ? {} : { categories: cats }),
          ...(direction === undefined ? {} : { direction }),
        };
        const name = `${cats?.join('+') ?? 'all'} ${direction ?? 'D+C'}`;
        for (const days of windowFeatureDays) {
          for (const fn of ['count', 'sum', 'average', 'daysSinceLast'] as const) {
            values.push([`${fn} ${days}d ${name}`, aggregate(fn, filter(days, extra))]);
          }
        }
        for (const days of recurringFeatureDays) {
          values.push([`recurring ${days}d ${name}`, { kind: 'recurring', filter: filter(days, extra) }]);
        }
      }
    }
    return values;
  }

  it('reads every featured value exactly as the scan computes it, customer by customer', () => {
    let present = 0;
    for (const [name, value] of featuredValues()) {
      // Customers whose scanned value is present (equal to itself) …
      const expected = off.evaluateNow(compare(scanned(value), '=', scanned(value)), end);
      // … are exactly those whose feature value equals the scanned one.
      expect([...on.evaluateNow(compare(value, '=', scanned(value)), end)], name).toEqual([...expected]);
      expect(on.lastExplanation, name).toEqual({ featureReads: 1, scans: 1 });
      expect(on.explain(compare(value, '>', constant(0)), end), name).toEqual({ featureReads: 1, scans: 0 });
      present += expected.length;
    }
    expect(present).toBeGreaterThan(10_000);
    expect(store.featuresFor(dayNumber(end))!.scan.every((flag) => flag === 0)).toBe(true);
  });

  it('gives the same customers with features on and off for random plans', () => {
    const valueArb: fc.Arbitrary<ValuePlan> = fc
      .record({
        fn: fc.constantFrom('count', 'sum', 'average', 'daysSinceLast', 'min', 'recurring' as const),
        days: fc.constantFrom(...windowFeatureDays, 180, 7),
        categories: fc.option(fc.subarray([...categories, 'no_such'], { minLength: 1, maxLength: 3 }), {
          nil: undefined,
        }),
        direction: fc.option(fc.constantFrom('D' as const, 'C' as const), { nil: undefined }),
        currency: fc.constantFrom('GBP', 'GBP', 'GBP', 'EUR'),
      })
      .map(({ fn, days, categories: cats, direction, currency }) => {
        const f: TransactionFilter = {
          ...filter(days),
          currency,
          ...(cats === undefined ? {} : { categories: cats }),
          ...(direction === undefined ? {} : { direction }),
        };
        return fn === 'recurring' ? { kind: 'recurring', filter: f } : aggregate(fn, f);
      });
    const comparison = fc.oneof(
      fc.tuple(valueArb, fc.constantFrom<CompareOperator>('<', '<=', '>', '>=', '=', '!='), fc.nat(60_000)),
      fc.tuple(
        valueArb,
        fc.constantFrom<CompareOperator>('<', '>=', '='),
        fc.constantFrom(0, 1, 2, 3, 29, 89),
      ),
    );
    const planArb: fc.Arbitrary<Plan> = fc.oneof(
      comparison.map(([value, op, n]) => compare(value, op, constant(n))),
      comparison.map(([value, op, n]) => compare(constant(n), op, value)),
      fc.tuple(valueArb, valueArb).map(([a, b]) => compare(a, '<', b)),
      fc.tuple(comparison, fc.constantFrom('mortgage', 'savings')).map(([[value, op, n], product]): Plan => ({
        kind: 'and',
        items: [compare(value, op, constant(n)), { kind: 'not', item: { kind: 'holds', product } }],
      })),
    );
    let nonEmpty = 0;
    fc.assert(
      fc.property(planArb, (plan) => {
        const expected = off.evaluateNow(plan, end);
        if (expected.length > 0 && expected.length < store.customerCount) nonEmpty++;
        expect([...on.evaluateNow(plan, end)]).toEqual([...expected]);
      }),
      { seed: 4242, numRuns: 400 },
    );
    expect(nonEmpty).toBeGreaterThan(100);
  });

  it('scans on any other day, and for filters the features do not hold', () => {
    const spent = compare(
      aggregate('sum', filter(90, { categories: [categories[0]!], direction: 'D' })),
      '>',
      constant(0),
    );
    on.evaluateNow(spent, end);
    expect(on.lastUsedFeatures).toBe(true);
    on.evaluateNow(spent, '2026-06-29');
    expect(on.lastUsedFeatures).toBe(false);
    for (const value of [
      aggregate('sum', filter(60)),
      aggregate('min', filter(90)),
      aggregate('sum', filter(90, { currency: 'EUR' })),
      aggregate('sum', filter(90, { mccs: [5411] })),
      aggregate('sum', filter(90, { merchants: ['Tesco'] })),
      aggregate('sum', filter(90, { maxMinor: 100 })),
      aggregate('sum', { window: { kind: 'between', from: '2026-04-02', to: end }, currency: 'GBP' }),
      { kind: 'recurring', filter: filter(90) } as const,
    ]) {
      expect(on.explain(compare(value, '>', constant(0)), end)).toEqual({ featureReads: 0, scans: 1 });
    }
    expect(off.explain(spent, end)).toEqual({ featureReads: 0, scans: 1 });
  });

  it('counts its bytes in the memory per transaction', () => {
    const perTransaction = store.featureBytes() / store.transactionCount;
    expect(perTransaction).toBeGreaterThan(0);
    expect(perTransaction).toBeLessThanOrEqual(5);
    expect(store.bytesPerTransaction()).toBeLessThanOrEqual(24);
  });

  it('updates the features of the customers an ingest changed', async () => {
    const { rows } = await vault.storage.query<{ id: number }>(
      `SELECT c.id FROM customers c WHERE c.status = 'active' ORDER BY c.id LIMIT 1`,
    );
    const customer = rows[0]!.id;
    const before = store.featuresFor(dayNumber(end))!;
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
      { sourceName: 'features test', format: 'generated', customerId: customer },
    );
    expect(await store.applyIngestedBatch(vault.storage, summary.batchId)).toBe(1);
    const after = store.featuresFor(dayNumber(end))!;
    expect(after).not.toBe(before);
    expectFreshFeatures(store, end);
    const spent = compare(
      aggregate('sum', filter(30, { categories: ['home_inspection'], direction: 'D' })),
      '>=',
      constant(45_000),
    );
    expect([...on.evaluateNow(spent, end)]).toContain(customer);
    expect(on.lastUsedFeatures).toBe(true);
    expect([...on.evaluateNow(spent, end)]).toEqual([...off.evaluateNow(spent, end)]);
  });
});

// ---------------------------------------------------------------------------------------------
// A small bank written by hand, for maintenance, overflow and the day changing.

let dedup = 0;

async function addTransactions(
  db: SqlExecutor,
  batch: number,
  account: number,
  customer: number,
  rows: { day: string; amount: number; cat?: string; merchant?: string; dir?: 'D' | 'C' }[],
): Promise<void> {
  for (const t of rows) {
    await db.query(
      `INSERT INTO transactions (account_id, customer_id, batch_id, booking_date, amount_minor, currency, direction,
                                 mcc, category, merchant_name, dedup_key)
       VALUES ($1, $2, $3, $4, $5, 'GBP', $6, 5411, $7, $8, int8send($9::bigint))`,
      [
        account,
        customer,
        batch,
        t.day,
        t.amount,
        t.dir ?? 'D',
        t.cat ?? 'groceries',
        t.merchant ?? 'Tesco',
        ++dedup,
      ],
    );
  }
}

async function addCustomer(db: SqlExecutor, id: number): Promise<void> {
  await db.query(`INSERT INTO customers (id, status) VALUES ($1, 'active')`, [id]);
  await db.query(
    `INSERT INTO accounts (id, account_ref, customer_id, opened_on, masked_number)
     VALUES ($1, int8send($1::bigint), $1, '2020-01-01', '****')`,
    [id],
  );
}

async function newBatch(db: SqlExecutor): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO ingest_batches (source_name, format, taxonomy_version) VALUES ('features', 'test', 'test') RETURNING id`,
  );
  return rows[0]!.id;
}

const groceries90 = aggregate('count', filter(90, { categories: ['groceries'] }));
const spent365 = aggregate('sum', filter(365, { direction: 'D' }));

describe.each(testBackends)('feature maintenance on $name', (backend) => {
  let vault: Awaited<ReturnType<typeof createTestVault>>;
  let db: SqlExecutor;

  beforeAll(async () => {
    vault = await createTestVault(backend);
    db = vault.storage;
    const batch = await newBatch(db);
    for (const id of [1, 2, 3, 4]) await addCustomer(db, id);
    await addTransactions(db, batch, 1, 1, [
      { day: '2026-06-30', amount: 1000 },
      { day: '2026-04-02', amount: 2000 },
      { day: '2026-03-05', amount: 999, cat: 'subscriptions', merchant: 'Netflix' },
      { day: '2026-04-05', amount: 999, cat: 'subscriptions', merchant: 'Netflix' },
      { day: '2026-05-05', amount: 999, cat: 'subscriptions', merchant: 'Netflix' },
    ]);
    await addTransactions(db, batch, 2, 2, [{ day: '2026-06-01', amount: 500 }]);
    // Customer 3: an amount beyond Int32, so their features cannot be held and their questions scan.
    await addTransactions(db, batch, 3, 3, [
      { day: '2026-06-15', amount: 3_000_000_000 },
      { day: '2026-06-16', amount: 7 },
    ]);
  }, 60_000);
  afterAll(async () => {
    await vault.dispose();
  });

  it('falls back to the scan for customers whose values do not fit', async () => {
    const store = await ColumnarStore.load(db);
    store.enableFeatures({ currency: 'GBP', day: end });
    const engine = new ColumnarEngine(store);
    const features = store.featuresFor(dayNumber(end))!;
    expect([...features.scan]).toEqual([0, 0, 1, 0]);
    const big = compare(spent365, '>', constant(2_999_999_999));
    expect([...engine.evaluateNow(big, end)]).toEqual([3]);
    expect(engine.lastUsedFeatures).toBe(true);
    expect([...engine.evaluateNow(compare(groceries90, '=', constant(2)), end)]).toEqual([1, 3]);
    expect([
      ...engine.evaluateNow(compare(aggregate('average', filter(30)), '=', constant(1_500_000_003.5)), end),
    ]).toEqual([3]);
  });

  it('follows ingests, erasures and new customers, recomputing only changed customers', async () => {
    const store = await ColumnarStore.load(db);
    store.enableFeatures({ currency: 'GBP', day: end });
    const engine = new ColumnarEngine(store);
    const batch = await newBatch(db);
    await addTransactions(db, batch, 2, 2, [
      { day: '2026-06-29', amount: 40 },
      { day: '2026-07-01', amount: 1 },
    ]);
    await addCustomer(db, 5);
    await addTransactions(db, batch, 5, 5, [{ day: '2026-06-20', amount: 250, cat: 'dining' }]);
    expect(await store.applyIngestedBatch(db, batch)).toBe(3);
    expectFreshFeatures(store, end);
    expect([...engine.evaluateNow(compare(groceries90, '=', constant(2)), end)]).toEqual([1, 2, 3]);
    expect(engine.lastUsedFeatures).toBe(true);

    await db.query(`UPDATE customers SET status = 'erased' WHERE id = 1`);
    await addCustomer(db, 6);
    await addTransactions(db, batch, 6, 6, [{ day: '2026-06-10', amount: 60 }]);
    await store.refreshCustomers(db);
    // Customer 6's row came after the batch was applied: the catch-up brings it.
    expect(await store.catchUp(db)).toBe(1);
    expectFreshFeatures(store, end);
    expect([...engine.evaluateNow(compare(spent365, '>', constant(0)), end)]).toEqual([2, 3, 5, 6]);
    expect([...engine.evaluateNow(compare(groceries90, '>', constant(0)), end)]).toEqual([2, 3, 6]);
    expect(engine.lastUsedFeatures).toBe(true);
    await db.query(`UPDATE customers SET status = 'active' WHERE id = 1`);
  });

  it('moves to a new day on the first question of that day', async () => {
    const store = await ColumnarStore.load(db);
    let today = '2026-06-30';
    store.enableFeatures({ currency: 'GBP', day: () => today });
    const engine = new ColumnarEngine(store);
    const netflix: Plan = compare(
      { kind: 'recurring', filter: filter(180, { categories: ['subscriptions'] }) },
      '>=',
      constant(1),
    );
    expect([...engine.evaluateNow(netflix, '2026-06-30')]).toEqual([1]);
    expect(engine.lastUsedFeatures).toBe(true);

    today = '2026-09-15';
    // Yesterday's features are not used for yesterday any more: that question scans.
    expect([...engine.evaluateNow(netflix, '2026-06-30')]).toEqual([1]);
    expect(engine.lastUsedFeatures).toBe(false);
    expect(store.featuresFor(dayNumber('2026-06-30'))).toBeUndefined();
    // Rows arriving before the first question of the day leave the recomputation to that question.
    const batch = await newBatch(db);
    await addTransactions(db, batch, 4, 4, [{ day: '2026-09-15', amount: 80 }]);
    expect(await store.catchUp(db)).toBe(1);
    // On 2026-09-15 the three Netflix months are March, April, May: only 2 within 180 days (from 2026-03-20).
    expect([...engine.evaluateNow(netflix, '2026-09-15')]).toEqual([]);
    expect(engine.lastUsedFeatures).toBe(true);
    expect(store.featuresFor(dayNumber('2026-09-15'))!.day).toBe(dayNumber('2026-09-15'));
    expectFreshFeatures(store, '2026-09-15');
    const recent = compare(aggregate('daysSinceLast', filter(30)), '=', constant(0));
    expect([...engine.evaluateNow(recent, '2026-09-15')]).toEqual([4]);
    expect(engine.lastUsedFeatures).toBe(true);
  });

  it('is switched on by the vault engine, for the day asked', async () => {
    const engine = new VaultQuestionEngine(vault.storage, { currency: 'GBP' });
    const report = await engine.loadColumnar({ features: { day: end } });
    expect(report.featureBytesPerTransaction).toBeGreaterThan(0);
    const groceries = compare(groceries90, '>', constant(0));
    // The bank as this test finds it (the tests above add customers): the scan of the SQL engine says who.
    const before = [...(await engine.evaluate(groceries, end))];
    expect(before).toEqual([...(await new SqlEngine(vault.storage).evaluate(groceries, end))]);
    expect(before).toEqual(expect.arrayContaining([1, 2, 3]));
    expect(before).not.toContain(4);
    expect(engine.lastUsedFeatures).toBe(true);
    const batch = await newBatch(db);
    await addTransactions(db, batch, 4, 4, [{ day: '2026-06-30', amount: 80 }]);
    expect([...(await engine.evaluate(groceries, end))]).toEqual([...before, 4].sort((a, b) => a - b));
    expect(engine.lastUsedFeatures).toBe(true);
    const plain = new VaultQuestionEngine(vault.storage);
    expect((await plain.loadColumnar({ features: false })).featureBytesPerTransaction).toBe(0);
  });
});
