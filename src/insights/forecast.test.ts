import { describe, expect, it } from 'vitest';
import { forecastBalance, sweptMedian } from './forecast.ts';
import { columnsOf, dayOf, type PlainTransaction } from './ledger.ts';
import { findRegularPayments } from './recurring.ts';

const at = (date: string) => dayOf(date);
const tx = (
  date: string,
  amountMinor: number,
  direction: 'debit' | 'credit',
  category: string,
  merchant?: string,
): PlainTransaction => ({
  day: at(date),
  amountMinor,
  direction,
  category,
  merchant,
});

/** Salary on the 28th, rent on the 1st, and £20 of groceries every day. */
function month(y: number, m: number, rent: number): PlainTransaction[] {
  const ym = `${y}-${String(m).padStart(2, '0')}`;
  const rows = [
    tx(`${ym}-28`, 200_000, 'credit', 'salary', 'ACME LTD'),
    tx(`${ym}-01`, rent, 'debit', 'rent', 'Landlord'),
  ];
  for (let d = 1; d <= 28; d++)
    rows.push(
      tx(
        `${ym}-${String(d).padStart(2, '0')}`,
        1_950 + ((d * 37 + m * 11) % 97),
        'debit',
        'groceries',
        `Shop ${d % 4}`,
      ),
    );
  return rows;
}

function forecastOn(asOf: string, balance: number, rent: number, overdraftLimitMinor?: number) {
  const rows = [1, 2, 3, 4, 5, 6, 7, 8].flatMap((m) => month(2026, m, rent)).filter((t) => t.day <= at(asOf));
  const ledger = columnsOf(rows);
  const payments = findRegularPayments(ledger, at(asOf));
  return forecastBalance(ledger, payments, at(asOf), {
    currentBalanceMinor: balance,
    ...(overdraftLimitMinor === undefined ? {} : { overdraftLimitMinor }),
  });
}

describe('balance forecast', () => {
  it('adds the regular income and outgoings to the usual daily rest, for 14 and 30 days', () => {
    const forecast = forecastOn('2026-08-10', 100_000, 90_000);
    // Groceries run at about £20 a day; salary on the 28th; rent on the 1st.
    expect(forecast.dailyRestMinor).toBeLessThan(-1_700);
    expect(forecast.dailyRestMinor).toBeGreaterThan(-2_100);
    expect(forecast.in14Days.date).toBe('2026-08-24');
    expect(
      Math.abs(forecast.in14Days.expectedMinor - (100_000 + forecast.dailyRestMinor * 14)),
    ).toBeLessThanOrEqual(14);
    const afterPay = forecast.days.find((d) => d.date === '2026-08-28')!;
    const before = forecast.days.find((d) => d.date === '2026-08-27')!;
    expect(afterPay.expectedMinor - before.expectedMinor).toBeGreaterThan(190_000);
    expect(forecast.in30Days.date).toBe('2026-09-09');
    expect(forecast.in30Days.lowMinor).toBeLessThanOrEqual(forecast.in30Days.expectedMinor);
    expect(forecast.in30Days.highMinor).toBeGreaterThanOrEqual(forecast.in30Days.expectedMinor);
  });

  it('warns the first day the forecast crosses zero, early enough to act, naming the payments due', () => {
    const forecast = forecastOn('2026-08-10', 30_000, 90_000);
    expect(forecast.warning).toMatchObject({ confidence: 'likely', thresholdMinor: -0 });
    expect(forecast.warning!.date < '2026-08-28').toBe(true);
    expect(forecast.warning!.daysAhead).toBeGreaterThanOrEqual(3);
  });

  it('warns against the overdraft limit, not zero, when there is one', () => {
    const forecast = forecastOn('2026-08-10', 30_000, 90_000, 100_000);
    expect(forecast.warning).toBeUndefined();
    const tight = forecastOn('2026-08-29', 10_000, 150_000, 100_000);
    expect(tight.warning).toMatchObject({
      thresholdMinor: -100_000,
      confidence: 'likely',
      date: '2026-09-01',
    });
    expect(tight.warning!.dueBefore[0]).toMatchObject({ merchant: 'Landlord', amountMinor: 150_000 });
  });

  it('does not warn when the balance stays well above zero', () => {
    expect(forecastOn('2026-08-10', 400_000, 90_000).warning).toBeUndefined();
  });

  it('counts everyday payments by their mean and a large one-off by the median month, not spread over six', () => {
    // About £20 a day of groceries for eight months, and one £2,400 sofa in May. The groceries count by their
    // mean (£20.00 a day); the sofa, in one month of six, not at all (spread, it would add £13 a day). Broken once:
    // the median of six months' sums of both (the estimate before) gave a day off by more than 50p.
    const rows: PlainTransaction[] = [];
    for (let d = at('2026-01-01'); d <= at('2026-08-31'); d++)
      rows.push({
        day: d,
        amountMinor: 1_000 + ((d * 7919) % 2_000),
        direction: 'debit',
        category: 'groceries',
      });
    rows.push(tx('2026-05-12', 240_000, 'debit', 'furniture', 'Sofas'));
    const ledger = columnsOf(rows);
    const forecast = forecastBalance(
      ledger,
      findRegularPayments(ledger, at('2026-08-31')),
      at('2026-08-31'),
      {
        currentBalanceMinor: 100_000,
      },
    );
    expect(forecast.dailyRestMinor).toBeGreaterThan(-2_050);
    expect(forecast.dailyRestMinor).toBeLessThan(-1_950);
  });
});

describe('the median balance after a month-end sweep', () => {
  // A saver whose month ends above £3,700 are swept down to £3,000.
  const [level, trigger] = [300_000, 370_000];

  it('is the level when the balance will surely be above the trigger, and the balance when surely below', () => {
    expect(sweptMedian(500_000, 10_000, level, trigger)).toBe(level);
    expect(sweptMedian(330_000, 10_000, level, trigger)).toBeCloseTo(330_000, -1);
    expect(sweptMedian(200_000, 10_000, level, trigger)).toBeCloseTo(200_000, -1);
  });

  it('is the level when a balance just below the trigger is as likely as not to be swept', () => {
    // £3,650 expected, give or take £500: above the trigger with a chance of 0.46, and below the level with 0.10,
    // so half the outcomes are at or below the level. Broken once: sweeping only when the expected balance is
    // above the trigger (as before) gave £3,650 here.
    expect(sweptMedian(365_000, 50_000, level, trigger)).toBe(level);
  });

  it('stays between the level and the trigger when a sweep is unlikely but not rare', () => {
    const median = sweptMedian(340_000, 50_000, level, trigger);
    expect(median).toBeGreaterThan(level);
    expect(median).toBeLessThan(340_000);
  });
});

describe('payments that come back at the same time each year', () => {
  /** Termly student finance (January, April, September on the 20th) and spending of about £15 a day. */
  function termly(asOf: string, amountThisYear = 300_000, allowance = false) {
    const rows: PlainTransaction[] = [];
    for (const year of [2025, 2026])
      for (const m of [1, 4, 9])
        rows.push(tx(`${year}-0${m}-20`, year === 2026 ? amountThisYear : 300_000, 'credit', 'transfers'));
    // Money from home on the 3rd of each month: also a transfer without a merchant, a regular series.
    if (allowance)
      for (let month = 0; month < 24; month++)
        rows.push({
          day: at(`${2025 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-03`),
          amountMinor: 15_000,
          direction: 'credit',
          category: 'transfers',
        });
    for (let d = at('2025-01-01'); d <= at('2026-12-31'); d++)
      rows.push({
        day: d,
        amountMinor: 500 + ((d * 7919) % 2000),
        direction: 'debit',
        category: 'groceries',
      });
    const ledger = columnsOf(rows.filter((t) => t.day <= at(asOf)));
    return forecastBalance(ledger, findRegularPayments(ledger, at(asOf)), at(asOf), {
      currentBalanceMinor: 100_000,
    });
  }
  const step = (forecast: ReturnType<typeof termly>, i: number) =>
    forecast.days[i]!.expectedMinor - forecast.days[i - 1]!.expectedMinor;

  it('foresees what came this time last year from a payer who paid a like amount this half year', () => {
    const september = termly('2026-09-01');
    // days[0] is 2 September: the 20th is days[18].
    expect(step(september, 17)).toBeLessThan(0);
    expect(step(september, 18)).toBeGreaterThan(250_000);
    expect(september.warning).toBeUndefined();
  });

  it('foresees it beside a monthly allowance of the same category without a merchant', () => {
    // The allowance is a regular series of `transfers`; only its own amounts are left to it, so termly student
    // finance of the same category is still foreseen (before, the whole category counted as the allowance's).
    // Broken once: with the yearly rule skipping every row of a regular payer again, this test failed.
    const september = termly('2026-09-01', 300_000, true);
    expect(step(september, 18)).toBeGreaterThan(250_000);
    expect(step(september, 1)).toBeGreaterThan(10_000);
  });

  it('foresees nothing where last year had nothing, nor when the payer’s amounts changed', () => {
    const december = termly('2026-12-01');
    expect(december.days.slice(1).every((_, i) => step(december, i + 1) < 0)).toBe(true);
    const changed = termly('2026-09-01', 150_000);
    expect(changed.days.slice(1).every((_, i) => step(changed, i + 1) < 0)).toBe(true);
  });
});
