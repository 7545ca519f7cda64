// The customer's insights computed on the device: the vault's own pure insight functions over the facts the device
// already fetched, so nothing about them is sent anywhere, and only with the spending-insights consent.
import { computeInsights, type Insights } from '../insights/insights.ts';
import { columnsOf, dayOf } from '../insights/ledger.ts';
import type { EdgeFacts } from './customer-source.ts';

export interface DeviceInsightOptions {
  /** The device's day, 'YYYY-MM-DD'. */
  readonly asOf: string;
  /** The customer also consented to the bank's offers (suggestions may then name a product). */
  readonly offersAllowed: boolean;
}

/**
 * The same insights the vault's InsightsService computes for this customer on this day: the same ledger (their
 * transactions up to the day, the main account's marked) and balance, through the same `computeInsights`.
 */
export function deviceInsights(facts: EdgeFacts, options: DeviceInsightOptions): Insights {
  const ledger = columnsOf(
    facts.transactions
      .filter((t) => t.date <= options.asOf)
      .map((t) => ({
        day: dayOf(t.date),
        amountMinor: t.amountMinor,
        direction: t.direction === 'C' ? ('credit' as const) : ('debit' as const),
        category: t.category,
        merchant: t.merchant ?? undefined,
        onBalanceAccount: t.main === true,
      })),
  );
  return computeInsights(ledger, {
    asOf: dayOf(options.asOf),
    currency: facts.currency ?? 'GBP',
    offersAllowed: options.offersAllowed,
    balance: facts.balance ?? undefined,
  });
}
