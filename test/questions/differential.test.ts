// Two engines, one meaning: random plans over random banks give the same customers on SQL and columnar engines.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompareOperator, Plan, TransactionFilter, ValuePlan, Window } from '../../src/language/plan.ts';
import type { VaultServices } from '../../src/app/vault-process.ts';
import type { SqlExecutor } from '../../src/storage/ports.ts';
import { ColumnarEngine } from '../../src/vault/questions/columnar/columnar-engine.ts';
import { ColumnarStore } from '../../src/vault/questions/columnar/columnar-store.ts';
import { SqlEngine } from '../../src/vault/questions/sql-engine.ts';
import { adultFromOf, ageBands } from '../../src/core/age-bands.ts';
import { testBackends } from '../support/backends.ts';
import { createTestVault } from '../support/test-vault.ts';

const asOfs = ['2026-06-30', '2026-02-28', '2025-12-31'];
const categories = ['groceries', 'dining', 'subscriptions', 'home_inspection', 'salary', 'fuel'];
const mccs = [5411, 5812, 4899, 5541, 8999];
const merchants = ['Tesco', 'Netflix', 'Shell', 'Acme', 'Surveyors'];
const products = ['mortgage', 'savings', 'credit_card', 'current_account'];
const amounts = [0, 1, 99, 100, 101, 500, 999, 1000, 2500, 5000, 20_000];

/** mulberry32: a small seeded generator, so each bank is the same on every run and backend. */
function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)]!;
  return { next, int, pick };
}

const day = (base: string, offset: number) =>
  new Date(Date.parse(`${base}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

/** A random bank around the asOf days: edges (same amounts, window boundaries, unlinked rows) are common. */
async function insertRandomBank(db: SqlExecutor, seed: number): Promise<void> {
  const r = seeded(seed);
  const customers = 60;
  const batch = await db.query<{ id: number }>(
    `INSERT INTO ingest_batches (source_name, format, taxonomy_version) VALUES ('random', 'test', 'test') RETURNING id`,
  );
  const tx: (string | number | null)[][] = [];
  let accountId = 0;
  for (let c = 1; c <= customers + 1; c++) {
    const linked = c <= customers;
    if (linked) {
      await db.query('INSERT INTO customers (id, status) VALUES ($1, $2)', [
        c,
        r.next() < 0.1 ? 'erased' : 'active',
      ]);
    }
    const accounts = linked ? r.int(1, 2) : 1;
    for (let a = 0; a < accounts; a++) {
      accountId++;
      await db.query(
        `INSERT INTO accounts (id, account_ref, customer_id, currency, opened_on, masked_number)
         VALUES ($1, $2, $3, 'GBP', $4, '****')`,
        [
          accountId,
          new TextEncoder().encode(`random-${seed}-${accountId}`),
          linked ? c : null,
          r.next() < 0.15 ? null : day('2026-06-30', -r.int(-5, 4000)),
        ],
      );
      const count = r.int(0, 40);
      for (let t = 0; t < count; t++) {
        const base = r.pick(asOfs);
        tx.push([
          accountId,
          linked ? c : null,
          day(base, r.pick([0, -1, -6, -7, -29, -30, -89, -90, -364, -365, 1, -r.int(0, 500)])),
          r.next() < 0.5 ? r.pick(amounts) : r.int(0, 30_000),
          r.next() < 0.85 ? 'GBP' : 'EUR',
          r.next() < 0.75 ? 'D' : 'C',
          r.next() < 0.15 ? null : r.pick(mccs),
          r.pick(categories),
          r.next() < 0.15 ? null : r.pick(merchants),
        ]);
      }
    }
    if (linked) {
      for (let p = r.int(0, 3); p > 0; p--) {
        const since = day('2026-06-30', -r.int(-10, 3000));
        const until = r.next() < 0.6 ? null : day(since, r.int(0, 2000));
        await db.query(
          `INSERT INTO products_held (customer_id, product_code, since, until) VALUES ($1, $2, $3, $4)
           ON CONFLICT DO NOTHING`,
          [c, r.pick(products), since, until],
        );
      }
    }
  }
  await insertBirthMonths(db, seed, customers);
  const column = (i: number) => tx.map((row) => row[i]);
  await db.query(
    `INSERT INTO transactions (account_id, customer_id, batch_id, booking_date, amount_minor, currency, direction,
                               mcc, category, merchant_name, dedup_key)
     SELECT a, c, $1, d, m, cur, dir, mcc, cat, mer, int8send(n)
       FROM unnest($2::bigint[], $3::bigint[], $4::date[], $5::bigint[], $6::text[], $7::text[], $8::int[],
                   $9::text[], $10::text[]) WITH ORDINALITY AS u(a, c, d, m, cur, dir, mcc, cat, mer, n)`,
    [batch.rows[0]!.id, ...[0, 1, 2, 3, 4, 5, 6, 7, 8].map(column)],
  );
}

/**
 * 18th birthdays for most customers, close to an age band's edge on an asOf day (a day or a month either side)
 * or anywhere from 10 to 90 years old, stored as import stores them (customer_flags.adult_from: the first of the
 * month after the 18th birthday's); the rest have no date of birth.
 */
/** The date of birth of someone whose 18th birthday is `birthday` (the year is all that differs). */
const birthdayMinus18 = (birthday: string) =>
  `${String(Number(birthday.slice(0, 4)) - 18).padStart(4, '0')}${birthday.slice(4)}`;

async function insertBirthMonths(db: SqlExecutor, seed: number, customers: number): Promise<void> {
  const r = seeded(seed + 1000);
  const edges = [18, 25, 35, 45, 55, 65];
  for (let c = 1; c <= customers; c++) {
    if (r.next() < 0.2) continue;
    const asOf = r.pick(asOfs);
    const age = r.next() < 0.6 ? r.pick(edges) : r.int(10, 90);
    const birthday = `${Number(asOf.slice(0, 4)) - age + 18}${asOf.slice(4)}`.replace('-02-29', '-02-28');
    await db.query('INSERT INTO customer_flags (customer_id, adult_from) VALUES ($1, $2)', [
      c,
      adultFromOf(birthdayMinus18(day(birthday, r.pick([0, 1, -1, 31, -31, -r.int(-200, 200)])))),
    ]);
  }
}

const someOf = <T>(list: readonly T[]) =>
  fc.option(fc.uniqueArray(fc.constantFrom(...list), { minLength: 1, maxLength: 2 }), { nil: undefined });

const windowArb: fc.Arbitrary<Window> = fc.oneof(
  fc.record({ kind: fc.constant('within' as const), days: fc.constantFrom(1, 7, 30, 90, 365, 400) }),
  fc.tuple(fc.integer({ min: -500, max: 10 }), fc.integer({ min: 0, max: 200 })).map(([start, length]) => ({
    kind: 'between' as const,
    from: day('2026-06-30', start),
    to: day('2026-06-30', start + length),
  })),
);

const filterArb: fc.Arbitrary<TransactionFilter> = fc
  .record({
    window: windowArb,
    currency: fc.constantFrom('GBP', 'GBP', 'EUR'),
    categories: someOf(categories),
    mccs: someOf(mccs),
    merchants: someOf(merchants),
    direction: fc.option(fc.constantFrom('D' as const, 'C' as const), { nil: undefined }),
    minMinor: fc.option(fc.constantFrom(...amounts), { nil: undefined }),
    maxMinor: fc.option(fc.constantFrom(...amounts), { nil: undefined }),
  })
  .map(
    (f) =>
      Object.fromEntries(
        Object.entries(f).filter(([, v]) => v !== undefined),
      ) as unknown as TransactionFilter,
  );

const valueArb: fc.Arbitrary<ValuePlan> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('aggregate' as const),
      fn: fc.constantFrom(
        'count' as const,
        'sum' as const,
        'average' as const,
        'min' as const,
        'max' as const,
        'daysSinceLast' as const,
      ),
      filter: filterArb,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('recurring' as const), filter: filterArb }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('holdingDays' as const),
      product: fc.constantFrom(...products),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'tenureDays' as const }) },
);

const constantArb: fc.Arbitrary<ValuePlan> = fc
  .constantFrom(0, 1, 2, 3, 7, 30, 90, 100, 101, 365, 500, 1000, 2500, 5000, 1500.5)
  .map((value) => ({ kind: 'constant' as const, value }));

const opArb = fc.constantFrom<CompareOperator>('<', '<=', '>', '>=', '=', '!=');

const planArb: fc.Arbitrary<Plan> = fc.letrec<{ plan: Plan }>((tie) => ({
  plan: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    {
      weight: 4,
      arbitrary: fc.oneof(
        fc.record({ kind: fc.constant('compare' as const), op: opArb, left: valueArb, right: constantArb }),
        fc.record({ kind: fc.constant('compare' as const), op: opArb, left: constantArb, right: valueArb }),
        fc.record({ kind: fc.constant('compare' as const), op: opArb, left: valueArb, right: valueArb }),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('holds' as const), product: fc.constantFrom(...products) }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('constant' as const), value: fc.boolean() }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('ageBand' as const),
        bands: fc.uniqueArray(fc.constantFrom(...ageBands), { minLength: 1, maxLength: 3 }),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('not' as const), item: tie('plan') }) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constantFrom('and' as const, 'or' as const),
        items: fc.array(tie('plan'), { minLength: 1, maxLength: 3 }),
      }),
    },
  ),
})).plan;

describe.each(testBackends)('the SQL and columnar engines agree on $name', (backend) => {
  const banks = [11, 12];
  const vaults: (VaultServices & { dispose(): Promise<void> })[] = [];

  beforeAll(async () => {
    for (const seed of banks) {
      const vault = await createTestVault(backend);
      await insertRandomBank(vault.storage, seed);
      vaults.push(vault);
    }
  }, 120_000);
  afterAll(async () => {
    for (const vault of vaults) await vault.dispose();
  });

  it.each(banks.map((seed, i) => [seed, i] as const))(
    'on random bank %i',
    async (seed, i) => {
      const storage = vaults[i]!.storage;
      const sql = new SqlEngine(storage);
      const columnar = new ColumnarEngine(await ColumnarStore.load(storage));
      let nonEmpty = 0;
      await fc.assert(
        fc.asyncProperty(planArb, fc.constantFrom(...asOfs), async (plan, asOf) => {
          const [expected, actual] = await Promise.all([
            sql.evaluate(plan, asOf),
            columnar.evaluate(plan, asOf),
          ]);
          if (expected.length > 0) nonEmpty++;
          expect([...actual]).toEqual([...expected]);
        }),
        { seed: seed * 7919, numRuns: 250 },
      );
      // The property says something only if random plans select someone often enough.
      expect(nonEmpty).toBeGreaterThan(50);
    },
    120_000,
  );
});
