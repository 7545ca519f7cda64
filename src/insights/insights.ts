// All of one customer's insights at once: the one entry point the vault and the device call.
import { forecastBalance, type BalanceForecast } from './forecast.ts';
import type { CustomerColumns } from './ledger.ts';
import { monthOverMonth, type MonthOverMonth } from './month-over-month.ts';
import { findRegularPayments, findRegularPaymentsBoth, type RegularPayment } from './recurring.ts';
import { suggestSavings, type SavingSuggestion } from './suggestions.ts';

export interface InsightOptions {
  /** The day the insights are for (days since 1970-01-01): transactions after it are not read. */
  readonly asOf: number;
  readonly currency: string;
  /** The customer also consented to the bank's offers. */
  readonly offersAllowed: boolean;
  /** The current balance of the account to forecast; without it there is no forecast. */
  readonly balance?: { readonly currentMinor: number; readonly overdraftLimitMinor?: number } | undefined;
}

/**
 * Every object holding an amount (a field ending in `Minor`) also names its currency, so that no amount is read
 * without it (on the API, in the inbox's stored insights, on the device).
 */
export type Priced<T> = T extends readonly (infer Item)[]
  ? readonly Priced<Item>[]
  : T extends object
    ? { readonly [K in keyof T]: Priced<T[K]> } & (Extract<keyof T, `${string}Minor`> extends never
        ? unknown
        : { readonly currency: string })
    : T;

function priced<T>(value: T, currency: string): Priced<T>;
function priced(value: unknown, currency: string): unknown {
  if (Array.isArray(value)) return value.map((item: unknown) => priced(item, currency));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  let amounts = false;
  for (const [key, field] of Object.entries(value)) {
    out[key] = priced(field, currency);
    amounts ||= key.endsWith('Minor');
  }
  if (amounts) out['currency'] = currency;
  return out;
}

export type Insights = Priced<PlainInsights>;

/** The insights as the functions compute them, amounts without their currency. */
interface PlainInsights {
  readonly asOf: string;
  /** Regular outgoings, subscriptions among them (category `subscriptions`), active first. */
  readonly regularPayments: readonly RegularPayment[];
  readonly income: readonly RegularPayment[];
  readonly monthOverMonth: MonthOverMonth;
  readonly forecast: BalanceForecast | undefined;
  readonly suggestions: readonly SavingSuggestion[];
}

export function computeInsights(ledger: CustomerColumns, options: InsightOptions): Insights {
  return priced(plainInsights(ledger, options), options.currency);
}

function plainInsights(ledger: CustomerColumns, options: InsightOptions): PlainInsights {
  const { asOf } = options;
  // The forecast reads the series of its own account only; without a balance, no forecast and no need of them.
  const found =
    options.balance === undefined || ledger.balanceAccount === undefined
      ? undefined
      : findRegularPaymentsBoth(ledger, asOf);
  const all = found?.all ?? findRegularPayments(ledger, asOf);
  const months = monthOverMonth(ledger, asOf);
  const forecast =
    options.balance === undefined
      ? undefined
      : forecastBalance(ledger, found?.onAccount ?? all, asOf, {
          currentBalanceMinor: options.balance.currentMinor,
          ...(options.balance.overdraftLimitMinor === undefined
            ? {}
            : { overdraftLimitMinor: options.balance.overdraftLimitMinor }),
        });
  return {
    asOf: new Date(asOf * 86_400_000).toISOString().slice(0, 10),
    regularPayments: all.filter((p) => p.direction === 'debit'),
    income: all.filter((p) => p.direction === 'credit'),
    monthOverMonth: months,
    forecast,
    suggestions: suggestSavings(all, months, forecast, {
      offersAllowed: options.offersAllowed,
      currency: options.currency,
    }),
  };
}
