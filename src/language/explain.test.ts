import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { productCatalog } from '../core/products.ts';
import { categories } from '../core/taxonomy.ts';
import { checkExpression } from './checker.ts';
import { explainForCustomer, neverMatchesExplanation } from './explain.ts';
import { durationWords } from './plain-english.ts';
import { parseExpression } from './parser.ts';
import type { AggregateFunction, CompareOperator, Plan, TransactionFilter, ValuePlan } from './plan.ts';

const purpose = { code: 'bank_offers', title: 'Bank offers', consent: 'bank_offers', credit: false } as const;

function planOf(source: string): Plan {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(`${source}: ${parsed.diagnostics[0]!.message}`);
  const checked = checkExpression(parsed.ast, {
    purpose,
    currency: 'GBP',
    retentionDays: 1000,
    maxAttributes: 20,
    asOf: '2026-06-30',
  });
  if (!checked.ok) throw new Error(`${source}: ${checked.error[0]!.message}`);
  return checked.value.plan;
}

const explain = (source: string): string[] => explainForCustomer(planOf(source), { currency: 'GBP' });

describe('explainForCustomer', () => {
  it('explains the example question', () => {
    expect(explain('spent(category: "home_inspection", within: 90d) > 0 and not holds("mortgage")')).toEqual([
      'You paid for home inspections and surveys in the last 90 days.',
      "You don't have a mortgage with us.",
    ]);
  });

  it.each([
    [
      'spent(category: "dining", within: 30d) > 200 GBP',
      'You paid more than £200 in total for restaurants, bars and takeaway in the last 30 days.',
    ],
    [
      'received(category: "salary", within: 90d) >= 6000 GBP',
      'You received at least £6,000 in total as salary in the last 90 days.',
    ],
    ['received(category: "salary", within: 30d) > 0', 'You received money as salary in the last 30 days.'],
    [
      'sum(category: "transfers", direction: "credit", within: 30d) > 1000 GBP',
      'You received more than £1,000 in total as transfers in the last 30 days.',
    ],
    [
      'sum(category: "transfers", within: 30d) < 50 GBP',
      'Your transactions for transfers in the last 30 days added up to less than £50.',
    ],
    [
      'count(category: "fuel", within: 90d) >= 6',
      'You had at least 6 transactions for fuel and charging in the last 90 days.',
    ],
    [
      'count(category: "fuel", direction: "debit", within: 90d) < 2',
      'You made fewer than 2 payments for fuel and charging in the last 90 days.',
    ],
    ['count(direction: "credit", within: 2w) = 1', 'You received exactly 1 payment in the last 2 weeks.'],
    [
      'average(category: "groceries", within: 90d) > 80.50 GBP',
      'Your transactions for groceries in the last 90 days averaged more than £80.50.',
    ],
    [
      'min(category: "rent", direction: "debit", within: 90d) > 1200 GBP',
      'Your smallest payment for rent in the last 90 days was more than £1,200.',
    ],
    [
      'max(category: "electronics", within: 1y) >= 1000 GBP',
      'Your largest transaction for electronics and computers in the last year was at least £1,000.',
    ],
    [
      'days_since_last(category: "travel") > 180d',
      'In the last year, your most recent transaction for flights, lodging and travel was more than 180 days ago.',
    ],
    ['holds("home_insurance")', 'You have home insurance with us.'],
    ['held_for("current_account") > 5y', 'You have had a current account with us for more than 5 years.'],
    ['tenure() > 2y', 'You have banked with us for more than 2 years.'],
    ['tenure() <= 90d', 'You have banked with us for at most 90 days.'],
    [
      'recurring(category: "subscriptions", within: 180d) >= 2',
      'You paid at least 2 different businesses regularly (in at least 3 different months) for subscriptions and streaming in the last 180 days.',
    ],
    [
      'spent(merchant: "Tesco", min_amount: 25 GBP, within: 12w) > 0',
      'You made payments at Tesco in the last 12 weeks, counting only payments of £25 or more.',
    ],
    [
      'tenure() > 2y or held_for("current_account") > 5y',
      'One of the following: you have banked with us for more than 2 years; or you have had a current account with us for more than 5 years.',
    ],
    [
      'recurring(merchant: "Netflix") > 0',
      'You made payments regularly (in at least 3 different months) at Netflix in the last year.',
    ],
  ])('explains %s', (source, expected) => {
    expect(explain(source)).toEqual([expected]);
  });

  it('explains the filters: categories, MCCs, merchants, amounts and windows', () => {
    expect(explain('spent(mcc: [5812, 5814], from: 2026-01-01, to: 2026-03-31) > 0')).toEqual([
      'You made payments at eating places and restaurants or at fast food restaurants between 1 January and 31 March 2026.',
    ]);
    expect(explain('spent(merchant: "Tesco", mcc: 5411, min_amount: 25 GBP, within: 12w) > 0')).toEqual([
      'You made payments at Tesco (a business listed as grocery stores, supermarkets) in the last 12 weeks, counting only payments of £25 or more.',
    ]);
    expect(
      explain('spent(category: ["groceries", "telecom"], from: 2025-12-01, to: 2026-01-31) > 0'),
    ).toEqual([
      'You paid for groceries or for phone, internet and TV between 1 December 2025 and 31 January 2026.',
    ]);
    expect(explain('spent(merchant: ["Caffè Nero", "Pret"], from: 2026-03-05, to: 2026-03-05) > 0')).toEqual([
      'You made payments at Caffè Nero or at Pret on 5 March 2026.',
    ]);
    expect(explain('received(merchant: "Acme Ltd", within: 7d) > 0')).toEqual([
      'You received money from Acme Ltd in the last week.',
    ]);
    expect(explain('count(min_amount: 25 GBP, max_amount: 100.50 GBP, within: 1d) > 3')).toEqual([
      'You had more than 3 transactions in the last day, counting only transactions of between £25 and £100.50.',
    ]);
    expect(explain('sum(within: 1d, max_amount: 10 GBP) = 0')).toEqual([
      "You didn't have any transactions in the last day, counting only transactions of £10 or less.",
    ]);
    // MCC descriptions lose their bracketed asides; unknown MCCs are not shown as numbers.
    expect(explain('spent(mcc: 8011) > 0')).toEqual([
      'You made payments at doctors and physicians in the last year.',
    ]);
    expect(explain('spent(mcc: 3000) > 0')).toEqual([
      'You made payments at united airlines in the last year.',
    ]);
    expect(explain('spent(mcc: 1) > 0')).toEqual([
      'You made payments at one kind of business in the last year.',
    ]);
  });

  it('names every category and product from the catalogs', () => {
    for (const { code, name } of categories) {
      const [text] = explain(`spent(category: "${code}") > 0`);
      expect(text).toContain(name.charAt(0).toLowerCase() + name.slice(1));
      if (code.includes('_')) expect(text).not.toContain(code);
    }
    for (const { code } of productCatalog) {
      const [text] = explain(`holds("${code}")`);
      expect(text).toMatch(/^You have (a |an )?[a-z ]+ with us\.$/);
    }
    expect(explain('holds("overdraft")')).toEqual(['You have an arranged overdraft with us.']);
    expect(explain('holds("life_insurance")')).toEqual(['You have life insurance with us.']);
  });

  it('turns and into sentences, or into one list, and pushes not inwards', () => {
    expect(
      explain('holds("home_insurance") or holds("overdraft") or (tenure() > 2y and not holds("savings"))'),
    ).toEqual([
      "One of the following: you have home insurance with us; you have an arranged overdraft with us; or you have banked with us for more than 2 years and you don't have a savings account with us.",
    ]);
    expect(explain('not (holds("credit_card") or count(within: 30d) < 3)')).toEqual([
      "You don't have a credit card with us.",
      'You had at least 3 transactions in the last 30 days.',
    ]);
    expect(explain('not (spent(category: "dining") > 0 and holds("mortgage"))')).toEqual([
      "One of the following: you didn't pay for restaurants, bars and takeaway in the last year; or you don't have a mortgage with us.",
    ]);
    expect(
      explain('holds("pension") or (tenure() > 1y and (holds("savings") or holds("investment")))'),
    ).toEqual([
      'One of the following: you have a pension plan with us; or you have banked with us for more than 1 year and either you have a savings account with us or you have an investment account with us.',
    ]);
    expect(explain('not not holds("mortgage") and (holds("savings") and tenure() > 3y)')).toEqual([
      'You have a mortgage with us.',
      'You have a savings account with us.',
      'You have banked with us for more than 3 years.',
    ]);
  });

  it('reads the window of days_since_last first, also inside a negation', () => {
    expect(explain('not days_since_last(direction: "debit", within: 30d) < 7d')).toEqual([
      'It is not the case that in the last 30 days, your most recent payment was less than 1 week ago.',
    ]);
    expect(explain('received(min_amount: 500 GBP, within: 30d) < 1000 GBP')).toEqual([
      'You received less than £1,000 in total in the last 30 days, counting only amounts of £500 or more.',
    ]);
  });

  it('negates naturally where it can, and says "it is not the case" where it cannot', () => {
    expect(explain('not held_for("mortgage") > 1y')).toEqual([
      "You haven't had a mortgage with us for more than 1 year.",
    ]);
    expect(explain('not tenure() < 6m')).toEqual(["You haven't banked with us for less than 180 days."]);
    expect(explain('not spent(category: "dining", within: 30d) > 200 GBP')).toEqual([
      'You paid at most £200 in total for restaurants, bars and takeaway in the last 30 days.',
    ]);
    expect(explain('not average(within: 7d) > 10 GBP')).toEqual([
      'It is not the case that your transactions in the last week averaged more than £10.',
    ]);
    expect(explain('count() != 3')).toEqual(["You didn't have exactly 3 transactions in the last year."]);
    expect(explain('not recurring() = 0')).toEqual([
      'You made payments regularly (in at least 3 different months) in the last year.',
    ]);
  });

  it('compares two values in words', () => {
    expect(explain('spent(category: "groceries") > spent(category: "dining")')).toEqual([
      'The total of your payments for groceries in the last year is more than the total of your payments for restaurants, bars and takeaway in the last year.',
    ]);
    expect(explain('held_for("mortgage") < tenure()')).toEqual([
      'How long you have had a mortgage with us is less than how long you have banked with us.',
    ]);
    // A constant on the left is read from the value's side.
    expect(explain('100 GBP < spent(within: 30d)')).toEqual([
      'You paid more than £100 in total in the last 30 days.',
    ]);
  });

  it('folds constants: true needs no reason, false gets the fallback', () => {
    // The checker refuses questions decided without data (CHECK_ALWAYS_*), so these plans are written out.
    const yes: Plan = { kind: 'constant', value: true };
    const no: Plan = { kind: 'constant', value: false };
    const pension: Plan = { kind: 'holds', product: 'pension' };
    const mortgage: Plan = { kind: 'holds', product: 'mortgage' };
    const sayFor = (plan: Plan) => explainForCustomer(plan, { currency: 'GBP' });
    expect(sayFor(yes)).toEqual([]);
    expect(sayFor({ kind: 'and', items: [{ kind: 'not', item: no }, yes] })).toEqual([]);
    expect(sayFor(no)).toEqual([neverMatchesExplanation]);
    expect(sayFor({ kind: 'and', items: [no, mortgage] })).toEqual([neverMatchesExplanation]);
    expect(explain('1 < 2 and holds("pension")')).toEqual(['You have a pension plan with us.']);
    expect(explain('holds("pension") or 3d > 1w')).toEqual(['You have a pension plan with us.']);
    expect(sayFor({ kind: 'or', items: [pension, yes] })).toEqual([]);
  });

  it('formats money in the currency, without raw minor units', () => {
    const plan = (minor: number): Plan => ({
      kind: 'compare',
      op: '>',
      left: {
        kind: 'aggregate',
        fn: 'sum',
        filter: { window: { kind: 'within', days: 30 }, currency: 'GBP', direction: 'D' },
      },
      right: { kind: 'constant', value: minor },
    });
    expect(explainForCustomer(plan(30000), { currency: 'GBP' })).toEqual([
      'You paid more than £300 in total in the last 30 days.',
    ]);
    expect(explainForCustomer(plan(1234567), { currency: 'GBP' })[0]).toContain('£12,345.67');
    expect(explainForCustomer(plan(1250), { currency: 'EUR' })[0]).toContain('€12.50');
    expect(explainForCustomer(plan(1250), { currency: 'JPY' })[0]).toContain('¥1,250');
  });

  it('writes durations in whole years, else whole weeks, else days', () => {
    expect([1, 2, 7, 14, 30, 90, 180, 364, 365, 400, 730].map((d) => durationWords(d))).toEqual([
      '1 day',
      '2 days',
      '1 week',
      '2 weeks',
      '30 days',
      '90 days',
      '180 days',
      '52 weeks',
      '1 year',
      '400 days',
      '2 years',
    ]);
    expect(explain('spent(within: 1y) > 0')).toEqual(['You made payments in the last year.']);
    expect(explain('spent(within: 1w) > 0')).toEqual(['You made payments in the last week.']);
    expect(explain('spent(within: 3w) > 0')).toEqual(['You made payments in the last 3 weeks.']);
  });
});

describe('explainForCustomer over random plans', () => {
  const categoryCodes = categories.map((c) => c.code);
  const productCodes = productCatalog.map((p) => p.code);
  // Money constants are at least 10,000 minor units so that no other number (counts, days, years) can look
  // like one; 0 is the "spent anything" case.
  const minor = fc.oneof(fc.constant(0), fc.integer({ min: 10_000, max: 100_000_000 }));
  const days = fc.constantFrom(1, 7, 14, 30, 90, 180, 365, 730);
  const op = fc.constantFrom<CompareOperator>('<', '<=', '>', '>=', '=', '!=');
  const window = fc.oneof(
    days.map((d) => ({ kind: 'within', days: d }) as const),
    fc
      .constantFrom(['2025-11-03', '2026-02-28'], ['2026-01-01', '2026-03-31'], ['2026-06-30', '2026-06-30'])
      .map(([from, to]) => ({ kind: 'between', from, to }) as const),
  );
  const filter: fc.Arbitrary<TransactionFilter> = fc.record(
    {
      window,
      currency: fc.constant('GBP'),
      categories: fc.uniqueArray(fc.constantFrom(...categoryCodes), { minLength: 1, maxLength: 3 }),
      mccs: fc.uniqueArray(fc.constantFrom(5411, 5812, 4121, 8011, 3000, 1), { minLength: 1, maxLength: 2 }),
      merchants: fc.uniqueArray(fc.constantFrom('Tesco', 'Netflix', 'Caffè Nero'), {
        minLength: 1,
        maxLength: 2,
      }),
      direction: fc.constantFrom('D', 'C'),
      minMinor: fc.integer({ min: 10_000, max: 1_000_000 }),
      maxMinor: fc.integer({ min: 10_000, max: 1_000_000 }),
    },
    { requiredKeys: ['window', 'currency'] },
  );
  const fn = fc.constantFrom<AggregateFunction>('count', 'sum', 'average', 'min', 'max', 'daysSinceLast');
  type Typed = { value: ValuePlan; constant: fc.Arbitrary<number> };
  const valued: fc.Arbitrary<Typed> = fc.oneof(
    fc.tuple(fn, filter).map(([f, flt]) => ({
      value: { kind: 'aggregate', fn: f, filter: flt } as const,
      constant: f === 'count' ? fc.integer({ min: 0, max: 50 }) : f === 'daysSinceLast' ? days : minor,
    })),
    filter.map((flt) => ({
      value: { kind: 'recurring', filter: flt } as const,
      constant: fc.integer({ min: 0, max: 50 }),
    })),
    fc
      .constantFrom(...productCodes)
      .map((p) => ({ value: { kind: 'holdingDays', product: p } as const, constant: days })),
    fc.constant({ value: { kind: 'tenureDays' } as const, constant: days }),
  );
  const compare: fc.Arbitrary<Plan> = fc.tuple(valued, op, fc.boolean()).chain(([v, o, swap]) =>
    v.constant.map((c): Plan => {
      const constant = { kind: 'constant', value: c } as const;
      return swap
        ? { kind: 'compare', op: o, left: constant, right: v.value }
        : { kind: 'compare', op: o, left: v.value, right: constant };
    }),
  );
  const pair: fc.Arbitrary<Plan> = fc
    .tuple(valued, op, valued)
    .map(([l, o, r]) => ({ kind: 'compare', op: o, left: l.value, right: r.value }));
  const atom = fc.oneof(
    { weight: 4, arbitrary: compare },
    { weight: 1, arbitrary: pair },
    {
      weight: 2,
      arbitrary: fc.constantFrom(...productCodes).map((p): Plan => ({ kind: 'holds', product: p })),
    },
  );
  const plan = (constants: boolean) =>
    fc.letrec<{ plan: Plan }>((tie) => ({
      plan: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        atom,
        ...(constants ? [fc.boolean().map((b): Plan => ({ kind: 'constant', value: b }))] : []),
        fc.record({ kind: fc.constant('not' as const), item: tie('plan') }),
        fc.record({
          kind: fc.constantFrom('and' as const, 'or' as const),
          items: fc.array(tie('plan'), { minLength: 1, maxLength: 3 }),
        }),
      ),
    })).plan;

  const moneyConstants = (p: Plan): number[] => {
    const ofFilter = (f: TransactionFilter) => [f.minMinor, f.maxMinor].filter((m) => m !== undefined);
    const ofValue = (v: ValuePlan): number[] =>
      v.kind === 'aggregate' || v.kind === 'recurring' ? ofFilter(v.filter) : [];
    switch (p.kind) {
      case 'and':
      case 'or':
        return p.items.flatMap(moneyConstants);
      case 'not':
        return moneyConstants(p.item);
      case 'compare': {
        const isMoney = (v: ValuePlan) =>
          v.kind === 'aggregate' && ['sum', 'average', 'min', 'max'].includes(v.fn);
        const constants = [p.left, p.right].flatMap((v) =>
          v.kind === 'constant' && (isMoney(p.left) || isMoney(p.right)) ? [v.value] : [],
        );
        return [...constants, ...ofValue(p.left), ...ofValue(p.right)];
      }
      case 'holds':
      case 'ageBand':
      case 'constant':
        return [];
    }
  };

  it('gives sentences without codes or minor units', () => {
    fc.assert(
      fc.property(plan(true), (p) => {
        const text = explainForCustomer(p, { currency: 'GBP' });
        const numbers = text.join(' ').match(/\d[\d,]*(?:\.\d+)?/g) ?? [];
        for (const m of moneyConstants(p).filter((m) => m > 0)) {
          expect(numbers.map((n) => n.replaceAll(',', ''))).not.toContain(String(m));
        }
        for (const s of text) {
          expect(s).toMatch(/^[A-Z].*\.$/s);
          expect(s).not.toMatch(/[a-z]+_[a-z]+/);
          expect(s.slice(1)).not.toMatch(/\b(In|Between|On|You|Your|The|It|How|One|Either)\b/);
          expect(s).not.toMatch(/segment|customers|\bk\b|ε/i);
          expect(s).not.toMatch(/undefined|NaN|\s{2}|\s[,.]/);
        }
      }),
      { seed: 20261101, numRuns: 200 },
    );
  });

  it('explains every plan without constants in at least one sentence, the same way each time', () => {
    fc.assert(
      fc.property(plan(false), (p) => {
        const text = explainForCustomer(p, { currency: 'GBP' });
        expect(text.length).toBeGreaterThan(0);
        expect(explainForCustomer(structuredClone(p), { currency: 'GBP' })).toEqual(text);
      }),
      { seed: 20261102, numRuns: 200 },
    );
  });
});
