// Saving suggestions grounded in the customer's own regular payments, month over month and forecast.
import { moneyInWords } from '../core/money.ts';
import { categoryInWords } from '../core/taxonomy.ts';
import type { BalanceForecast } from './forecast.ts';
import { dateInWords } from './ledger.ts';
import type { MonthOverMonth } from './month-over-month.ts';
import type { RegularPayment } from './recurring.ts';

export type SuggestionKind =
  'price_rise' | 'overlapping_subscriptions' | 'yearly_plan' | 'spending_up' | 'move_to_savings';

export interface SavingSuggestion {
  readonly kind: SuggestionKind;
  readonly text: string;
  /** What following it would save in a year, minor units (0 when it is not about saving). */
  readonly yearlySavingMinor: number;
  /** True only for a product of the bank: shown only with the `bank_offers` consent too. */
  readonly product: boolean;
}

export interface SuggestionOptions {
  /** The customer also consented to the bank's offers: a product may be suggested. */
  readonly offersAllowed: boolean;
  readonly currency: string;
  readonly max?: number;
}

/** Payments of each cadence in a year. */
export const perYear: Record<RegularPayment['cadence'], number> = {
  weekly: 52,
  fortnightly: 26,
  four_weekly: 13,
  monthly: 12,
  quarterly: 4,
  annual: 1,
};

const money = (minor: number, currency: string): string => moneyInWords(Math.abs(minor), currency);

const label = (p: RegularPayment): string => p.merchant ?? categoryInWords(p.category);

/** At most `max` (default 3) suggestions, the largest saving first. */
export function suggestSavings(
  payments: readonly RegularPayment[],
  months: MonthOverMonth,
  forecast: BalanceForecast | undefined,
  options: SuggestionOptions,
): SavingSuggestion[] {
  const { currency } = options;
  const subscriptions = payments.filter(
    (p) => p.direction === 'debit' && p.status === 'active' && p.category === 'subscriptions',
  );
  const out: SavingSuggestion[] = [];
  for (const p of subscriptions) {
    const rise = p.priceChanges.at(-1);
    if (rise !== undefined && rise.toMinor > rise.fromMinor) {
      const yearly = (rise.toMinor - rise.fromMinor) * perYear[p.cadence];
      out.push({
        kind: 'price_rise',
        text: `${label(p)} went up from ${money(rise.fromMinor, currency)} to ${money(rise.toMinor, currency)} on ${dateInWords(rise.date)}. Still worth it?`,
        yearlySavingMinor: yearly,
        product: false,
      });
    }
    if (p.cadence === 'monthly' && p.payments >= 12) {
      // Yearly plans of streaming services usually cost ten months.
      out.push({
        kind: 'yearly_plan',
        text: `You have paid ${label(p)} monthly for a year or more; a yearly plan often costs about ten months.`,
        yearlySavingMinor: p.amountMinor * 2,
        product: false,
      });
    }
  }
  if (subscriptions.length >= 3) {
    const cheapest = [...subscriptions].sort(
      (a, b) => a.amountMinor * perYear[a.cadence] - b.amountMinor * perYear[b.cadence],
    )[0]!;
    out.push({
      kind: 'overlapping_subscriptions',
      text: `You pay for ${subscriptions.length} subscriptions (${subscriptions.map(label).join(', ')}). Do you use them all? Cancelling ${label(cheapest)} alone saves ${money(cheapest.amountMinor * perYear[cheapest.cadence], currency)} a year.`,
      yearlySavingMinor: cheapest.amountMinor * perYear[cheapest.cadence],
      product: false,
    });
  }
  const up = months.changes.find((c) => c.changeMinor > 0);
  if (up !== undefined) {
    out.push({
      kind: 'spending_up',
      text: `${categoryInWords(up.category)}: ${money(up.thisMonthMinor, currency)} so far this month against a usual ${money(up.usualMinor, currency)}.`,
      yearlySavingMinor: 0,
      product: false,
    });
  }
  if (options.offersAllowed && forecast !== undefined && forecast.warning === undefined) {
    const spare = Math.min(...forecast.days.map((d) => d.lowMinor));
    if (spare > 50_000) {
      out.push({
        kind: 'move_to_savings',
        text: `Your balance is forecast to stay above ${money(spare, currency)} for the next month: a savings account would earn interest on part of it.`,
        yearlySavingMinor: 0,
        product: true,
      });
    }
  }
  return out
    .filter((s) => options.offersAllowed || !s.product)
    .sort((a, b) => b.yearlySavingMinor - a.yearlySavingMinor)
    .slice(0, options.max ?? 3);
}
