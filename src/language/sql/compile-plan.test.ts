// The SQL compiler's exact text and parameters, its identifier sanitiser, and values kept out of the text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Plan, TransactionFilter, ValuePlan } from '../plan.ts';
import { compilePlan } from './compile-plan.ts';
import { sqlIdentifier } from './identifier.ts';

const asOf = '2026-06-30';

const seedsExample: Plan = {
  kind: 'and',
  items: [
    {
      kind: 'compare',
      op: '>',
      left: {
        kind: 'aggregate',
        fn: 'sum',
        filter: {
          window: { kind: 'within', days: 90 },
          currency: 'GBP',
          categories: ['home_inspection'],
          direction: 'D',
        },
      },
      right: { kind: 'constant', value: 0 },
    },
    { kind: 'not', item: { kind: 'holds', product: 'mortgage' } },
  ],
};

describe('compilePlan', () => {
  it("compiles the seeds' example to one scan grouped by customer", () => {
    const { sql, parameters } = compilePlan(seedsExample, asOf);
    expect(sql).toBe(`SELECT "c"."id" AS "customer_id"
FROM "customers" AS "c"
LEFT JOIN (
  SELECT "customer_id",
    sum("amount_minor") FILTER (WHERE "booking_date" >= $1::date AND "booking_date" <= $2::date AND "currency" = $3::text AND "category" = ANY($4::text[]) AND "direction" = $5::text) AS "a1"
  FROM "owned_transactions"
  WHERE "customer_id" IS NOT NULL AND "booking_date" >= $1::date AND "booking_date" <= $2::date
  GROUP BY "customer_id"
) AS "t" ON "t"."customer_id" = "c"."id"
LEFT JOIN (
  SELECT "customer_id",
    min("since") FILTER (WHERE "product_code" = $6::text) AS "h1"
  FROM "products_held"
  WHERE "product_code" = ANY($7::text[]) AND "since" <= $2::date AND ("until" IS NULL OR "until" >= $2::date)
  GROUP BY "customer_id"
) AS "p" ON "p"."customer_id" = "c"."id"
WHERE "c"."status" = $8::text AND (COALESCE(COALESCE("t"."a1", 0) > $9::numeric, FALSE) AND NOT ("p"."h1" IS NOT NULL))
ORDER BY "c"."id"`);
    // within 90 days: asOf − 90 < booking_date ≤ asOf, i.e. 2026-04-02 … 2026-06-30 inclusive.
    expect(parameters).toEqual([
      '2026-04-02',
      '2026-06-30',
      'GBP',
      ['home_inspection'],
      'D',
      'mortgage',
      ['mortgage'],
      'active',
      0,
    ]);
  });

  it('compiles every value kind, deduplicating aggregates, columns and parameters', () => {
    const groceries: TransactionFilter = {
      window: { kind: 'within', days: 30 },
      currency: 'EUR',
      categories: ['groceries', 'groceries'],
      direction: 'D',
    };
    const spring: TransactionFilter = {
      window: { kind: 'between', from: '2026-03-01', to: '2026-05-31' },
      currency: 'EUR',
      mccs: [5411, 5300],
      merchants: ['Lidl', 'Aldi'],
      minMinor: 100,
      maxMinor: 50000,
    };
    const plan: Plan = {
      kind: 'or',
      items: [
        compare('>=', { kind: 'aggregate', fn: 'count', filter: groceries }, { kind: 'constant', value: 4 }),
        {
          kind: 'and',
          items: [
            compare(
              '!=',
              { kind: 'aggregate', fn: 'average', filter: spring },
              { kind: 'aggregate', fn: 'max', filter: spring },
            ),
            compare(
              '<',
              { kind: 'aggregate', fn: 'daysSinceLast', filter: groceries },
              { kind: 'holdingDays', product: 'savings' },
            ),
            // The same filter written differently: the same column a1.
            compare(
              '<=',
              { kind: 'aggregate', fn: 'count', filter: { ...groceries, categories: ['groceries'] } },
              { kind: 'tenureDays' },
            ),
            compare('=', { kind: 'recurring', filter: spring }, { kind: 'constant', value: 2 }),
            { kind: 'not', item: { kind: 'holds', product: 'credit_card' } },
            { kind: 'constant', value: true },
          ],
        },
      ],
    };
    const { sql, parameters } = compilePlan(plan, asOf);
    const springFilter =
      '"booking_date" >= $6::date AND "booking_date" <= $7::date AND "currency" = $3::text AND "mcc" = ANY($8::int[]) AND "merchant_name" = ANY($9::text[]) AND "amount_minor" >= $10::numeric AND "amount_minor" <= $11::numeric';
    const groceriesFilter =
      '"booking_date" >= $1::date AND "booking_date" <= $2::date AND "currency" = $3::text AND "category" = ANY($4::text[]) AND "direction" = $5::text';
    expect(sql).toBe(`SELECT "c"."id" AS "customer_id"
FROM "customers" AS "c"
LEFT JOIN (
  SELECT "customer_id",
    count(*) FILTER (WHERE ${groceriesFilter}) AS "a1",
    avg("amount_minor") FILTER (WHERE ${springFilter}) AS "a2",
    max("amount_minor") FILTER (WHERE ${springFilter}) AS "a3",
    max("booking_date") FILTER (WHERE ${groceriesFilter}) AS "a4"
  FROM "owned_transactions"
  WHERE "customer_id" IS NOT NULL AND "booking_date" >= $6::date AND "booking_date" <= $2::date
  GROUP BY "customer_id"
) AS "t" ON "t"."customer_id" = "c"."id"
LEFT JOIN (
  SELECT "customer_id",
    count(*) FILTER (WHERE "m1" >= 3) AS "r1"
  FROM (
    SELECT "customer_id", "merchant_name",
      count(DISTINCT extract(year FROM "booking_date") * 12 + extract(month FROM "booking_date")) FILTER (WHERE ${springFilter}) AS "m1"
    FROM "owned_transactions"
    WHERE "customer_id" IS NOT NULL AND "merchant_name" IS NOT NULL AND "direction" = $5::text AND "booking_date" >= $6::date AND "booking_date" <= $7::date
    GROUP BY "customer_id", "merchant_name"
  ) AS "rm"
  GROUP BY "customer_id"
) AS "r" ON "r"."customer_id" = "c"."id"
LEFT JOIN (
  SELECT "customer_id",
    min("since") FILTER (WHERE "product_code" = $12::text) AS "h1",
    min("since") FILTER (WHERE "product_code" = $13::text) AS "h2"
  FROM "products_held"
  WHERE "product_code" = ANY($14::text[]) AND "since" <= $2::date AND ("until" IS NULL OR "until" >= $2::date)
  GROUP BY "customer_id"
) AS "p" ON "p"."customer_id" = "c"."id"
LEFT JOIN (
  SELECT "customer_id", min("opened_on") AS "opened_on"
  FROM "accounts"
  WHERE "customer_id" IS NOT NULL AND "opened_on" <= $2::date
  GROUP BY "customer_id"
) AS "a" ON "a"."customer_id" = "c"."id"
WHERE "c"."status" = $15::text AND (COALESCE(COALESCE("t"."a1", 0) >= $16::numeric, FALSE) OR (COALESCE("t"."a2" <> "t"."a3", FALSE) AND COALESCE(($2::date - "t"."a4") < ($2::date - "p"."h1"), FALSE) AND COALESCE(COALESCE("t"."a1", 0) <= ($2::date - "a"."opened_on"), FALSE) AND COALESCE(COALESCE("r"."r1", 0) = $17::numeric, FALSE) AND NOT ("p"."h2" IS NOT NULL) AND TRUE))
ORDER BY "c"."id"`);
    expect(parameters).toEqual([
      '2026-06-01',
      '2026-06-30',
      'EUR',
      ['groceries'],
      'D',
      '2026-03-01',
      '2026-05-31',
      [5300, 5411],
      ['Aldi', 'Lidl'],
      100,
      50000,
      'savings',
      'credit_card',
      ['credit_card', 'savings'],
      'active',
      4,
      2,
    ]);
  });

  it('needs no join for a plan without values, and empty and/or are true/false', () => {
    const all = compilePlan({ kind: 'and', items: [] }, asOf);
    expect(all.sql).toBe(`SELECT "c"."id" AS "customer_id"
FROM "customers" AS "c"
WHERE "c"."status" = $1::text AND TRUE
ORDER BY "c"."id"`);
    expect(all.parameters).toEqual(['active']);
    expect(compilePlan({ kind: 'or', items: [] }, asOf).sql).toContain('AND FALSE\n');
    expect(compilePlan({ kind: 'not', item: { kind: 'constant', value: false } }, asOf).sql).toContain(
      'AND NOT FALSE\n',
    );
  });

  it('bounds the scan by the union of the windows, ignoring empty ones', () => {
    const count = (window: TransactionFilter['window']): ValuePlan => ({
      kind: 'aggregate',
      fn: 'count',
      filter: { window, currency: 'EUR' },
    });
    const zero: ValuePlan = { kind: 'constant', value: 0 };
    const { sql, parameters } = compilePlan(
      {
        kind: 'or',
        items: [
          compare('>', count({ kind: 'within', days: 7 }), zero),
          compare('>', count({ kind: 'between', from: '2025-01-01', to: '2025-01-31' }), zero),
          compare('>', count({ kind: 'within', days: 0 }), zero),
          compare('>', count({ kind: 'between', from: '2020-02-01', to: '2020-01-01' }), zero),
        ],
      },
      asOf,
    );
    expect(sql).toContain(
      'WHERE "customer_id" IS NOT NULL AND "booking_date" >= $4::date AND "booking_date" <= $2::date\n',
    );
    expect(parameters.slice(0, 7)).toEqual([
      '2026-06-24',
      '2026-06-30',
      'EUR',
      '2025-01-01',
      '2025-01-31',
      '2026-07-01',
      '2020-02-01',
    ]);
  });

  it.each(['count', 'sum', 'average', 'min', 'max', 'daysSinceLast'] as const)(
    'binds only parameters the text uses: %s over a between window',
    (fn) => {
      const filter: TransactionFilter = {
        window: { kind: 'between', from: '2026-04-01', to: '2026-04-30' },
        currency: 'EUR',
      };
      const { sql, parameters } = compilePlan(
        compare('>', { kind: 'aggregate', fn, filter }, { kind: 'constant', value: 1 }),
        asOf,
      );
      expectEveryParameterUsed(sql, parameters);
      expect(parameters.includes(asOf)).toBe(fn === 'daysSinceLast');
    },
  );

  it('returns a frozen query', () => {
    const compiled = compilePlan(seedsExample, asOf);
    expect(Object.isFrozen(compiled)).toBe(true);
    expect(Object.isFrozen(compiled.parameters)).toBe(true);
    expect(Object.isFrozen(compiled.parameters[3])).toBe(true);
  });

  it('throws on malformed input, which the checker never produces', () => {
    expect(() => compilePlan(seedsExample, '2026-02-30')).toThrow(/calendar date/);
    expect(() => compilePlan(seedsExample, '30/06/2026')).toThrow(/calendar date/);
    const window = (days: number): Plan =>
      compare(
        '>',
        { kind: 'aggregate', fn: 'count', filter: { window: { kind: 'within', days }, currency: 'EUR' } },
        { kind: 'constant', value: 0 },
      );
    expect(() => compilePlan(window(1.5), asOf)).toThrow(/whole/);
    expect(() => compilePlan(window(-1), asOf)).toThrow(/whole/);
    expect(() =>
      compilePlan(compare('>', { kind: 'tenureDays' }, { kind: 'constant', value: Number.NaN }), asOf),
    ).toThrow(/finite/);
  });

  it('keeps every value out of the SQL text', () => {
    const hostile = fc.string().map((s) => `'; DROP TABLE customers; --${s}`);
    fc.assert(
      fc.property(
        hostile,
        hostile,
        hostile,
        hostile,
        fc.integer({ min: 900_000_001, max: 999_999_999 }),
        (currency, category, merchant, product, amount) => {
          const filter: TransactionFilter = {
            window: { kind: 'within', days: 90 },
            currency,
            categories: [category],
            merchants: [merchant],
            minMinor: amount,
          };
          const plan: Plan = {
            kind: 'and',
            items: [
              compare('>', { kind: 'aggregate', fn: 'sum', filter }, { kind: 'constant', value: amount + 1 }),
              compare('>', { kind: 'recurring', filter }, { kind: 'holdingDays', product }),
              { kind: 'holds', product },
            ],
          };
          const { sql, parameters } = compilePlan(plan, asOf);
          expectEveryParameterUsed(sql, parameters);
          expect(sql).not.toContain("'");
          expect(sql).not.toContain('DROP');
          expect(sql).not.toContain(String(amount));
          expect(sql).not.toContain(String(amount + 1));
          expect(sql).not.toContain(asOf);
          const flat = parameters.flat();
          for (const value of [currency, category, merchant, product, amount, amount + 1, asOf]) {
            expect(flat).toContain(value);
          }
        },
      ),
    );
  });
});

describe('sqlIdentifier', () => {
  it('quotes lower-case names', () => {
    expect(sqlIdentifier('customer_id')).toBe('"customer_id"');
    expect(sqlIdentifier('_a1')).toBe('"_a1"');
    expect(sqlIdentifier('a'.repeat(63))).toBe(`"${'a'.repeat(63)}"`);
  });

  it.each([
    '',
    'Customer',
    '1a',
    'a-b',
    'a b',
    'a"b',
    'a.b',
    "a'b",
    'a;DROP TABLE customers',
    'é',
    'a\n',
    'a'.repeat(64),
  ])('refuses %j without echoing it', (name) => {
    expect(() => sqlIdentifier(name)).toThrow(/not a safe SQL identifier/);
    try {
      sqlIdentifier(name);
    } catch (error) {
      if (name.length > 0) expect((error as Error).message).not.toContain(name);
    }
  });
});

function compare(op: '<' | '<=' | '>' | '>=' | '=' | '!=', left: ValuePlan, right: ValuePlan): Plan {
  return { kind: 'compare', op, left, right };
}

/** PostgreSQL cannot type a parameter the text never mentions, so every one must appear, each with a cast. */
function expectEveryParameterUsed(sql: string, parameters: readonly unknown[]): void {
  const used = new Set([...sql.matchAll(/\$(\d+)::/g)].map((m) => Number(m[1])));
  expect([...used].sort((a, b) => a - b)).toEqual(parameters.map((_, i) => i + 1));
}
