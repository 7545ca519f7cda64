// The insights page's words, checked in Node: money in the currency's own decimals, days in the customer's zone.
import { describe, expect, it } from 'vitest';
import {
  cadenceInWords,
  categoryInWords,
  changeInWords,
  day,
  money,
  recentChange,
  splitByDirection,
  todayIn,
  whenFrom,
  type Insights,
  type RegularPayment,
} from '../../console/src/insights-words.ts';

const payment: RegularPayment = {
  merchant: 'Streamflix',
  category: 'subscriptions',
  direction: 'debit',
  cadence: 'four_weekly',
  amountMinor: 1299,
  currency: 'GBP',
  payments: 12,
  firstDate: '2025-12-03',
  lastDate: '2026-11-03',
  nextDate: '2026-12-01',
  status: 'active',
  dayOfMonth: 3,
  priceChanges: [],
};

describe('insights in words', () => {
  it('writes money with the currency’s own number of decimals', () => {
    expect(money(123_456, 'GBP')).toBe('£1,234.56');
    expect(money(-1_200, 'GBP')).toBe('-£12.00');
    expect(money(1_234, 'JPY')).toBe('JP¥1,234');
  });

  it('names cadences and categories in words, never as codes', () => {
    expect(cadenceInWords('four_weekly')).toBe('every four weeks');
    expect(categoryInWords('dining')).toBe('Restaurants, bars and takeaway');
    expect(categoryInWords('pet_care_extra')).toBe('Pet care extra');
  });

  it('keeps a calendar date the day it names, and takes today in the customer’s time zone', () => {
    expect(day('2026-12-01')).toBe('Tue, 1 Dec 2026');
    const lateUtc = new Date('2026-12-06T23:30:00Z');
    expect(todayIn('UTC', lateUtc)).toBe('2026-12-06');
    expect(todayIn('Asia/Tokyo', lateUtc)).toBe('2026-12-07');
    expect(todayIn('America/New_York', lateUtc)).toBe('2026-12-06');
    expect(whenFrom('2026-12-07', todayIn('Asia/Tokyo', lateUtc))).toBe('today');
    expect(whenFrom('2026-12-07', '2026-12-06')).toBe('tomorrow');
    expect(whenFrom('2026-12-11', '2026-12-06')).toBe('in 5 days');
    expect(whenFrom('2026-12-05', '2026-12-06')).toBeUndefined();
  });

  it('calls out the latest price change of the last six months only', () => {
    const older = { date: '2026-01-03', fromMinor: 899, toMinor: 999, currency: 'GBP' };
    const latest = { date: '2026-09-03', fromMinor: 999, toMinor: 1299, currency: 'GBP' };
    expect(recentChange({ ...payment, priceChanges: [latest, older] }, '2026-11-20')).toEqual(latest);
    expect(recentChange({ ...payment, priceChanges: [older] }, '2026-11-20')).toBeUndefined();
  });

  it('says a usual of nothing in words', () => {
    const change = {
      category: 'clothing',
      thisMonthMinor: 3_669,
      usualMinor: 0,
      changeMinor: 3_669,
      currency: 'GBP',
    };
    expect(changeInWords(change)).toBe('You usually spend nothing on this by this day of the month.');
    expect(changeInWords({ ...change, usualMinor: 1_000, changeMinor: -500 })).toBe(
      '£5.00 less than usual by this day of the month (usually £10.00).',
    );
    expect(changeInWords({ ...change, usualMinor: 1_000, changeMinor: -500, currency: 'EUR' })).toBe(
      '€5.00 less than usual by this day of the month (usually €10.00).',
    );
  });

  it('lists income apart from payments, each once', () => {
    const salary = {
      ...payment,
      merchant: 'Employer',
      direction: 'credit' as const,
      cadence: 'monthly' as const,
    };
    const data: Insights = {
      asOf: '2026-11-20',
      regularPayments: [payment, salary],
      income: [salary],
      monthOverMonth: { month: '2026-11', days: 20, monthsCompared: 6, changes: [] },
      suggestions: [],
    };
    expect(splitByDirection(data)).toEqual({ payments: [payment], income: [salary] });
  });
});
