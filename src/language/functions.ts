// The language's function and filter tables: the checker binds names with them, the console completes and
// documents from them (one example each, checked by a test), so there is no second hand-written copy.
import type { Direction } from './plan.ts';

/** What a function gives: `boolean` is a condition on its own; the others are compared. */
export type FunctionResult = 'boolean' | 'number' | 'money' | 'duration' | 'score';

export interface LanguageFunction {
  readonly name: string;
  /** How it is called, as shown in completion: `spent(filters…)`, `holds(product)`. */
  readonly signature: string;
  readonly result: FunctionResult;
  /** One sentence for people. */
  readonly meaning: string;
  /** A whole question using it, valid for a non-credit purpose. */
  readonly example: string;
  /** For the transaction aggregates: they take the filters below, and some choose the direction. */
  readonly aggregate?: { readonly direction?: Direction };
}

const filters = '(filters…)';

export const languageFunctions = [
  {
    name: 'spent',
    signature: `spent${filters}`,
    result: 'money',
    meaning: 'the sum of the customer’s payments (debits) selected by the filters',
    example: 'spent(category: "dining", within: 30d) > 200 GBP',
    aggregate: { direction: 'D' },
  },
  {
    name: 'received',
    signature: `received${filters}`,
    result: 'money',
    meaning: 'the sum of the money the customer received (credits) selected by the filters',
    example: 'received(category: "salary", within: 90d) >= 6000 GBP',
    aggregate: { direction: 'C' },
  },
  {
    name: 'sum',
    signature: `sum${filters}`,
    result: 'money',
    meaning: 'the sum of the amounts selected; give direction to pick debits or credits',
    example: 'sum(category: "transfers", direction: "credit", within: 30d) > 1000 GBP',
    aggregate: {},
  },
  {
    name: 'count',
    signature: `count${filters}`,
    result: 'number',
    meaning: 'the number of transactions selected',
    example: 'count(category: "fuel", within: 90d) >= 6',
    aggregate: {},
  },
  {
    name: 'average',
    signature: `average${filters}`,
    result: 'money',
    meaning: 'the mean amount of the transactions selected; absent when there are none',
    example: 'average(category: "groceries", within: 90d) > 80 GBP',
    aggregate: {},
  },
  {
    name: 'min',
    signature: `min${filters}`,
    result: 'money',
    meaning: 'the smallest amount selected; absent when there are none',
    example: 'min(category: "rent", within: 90d) > 1200 GBP',
    aggregate: {},
  },
  {
    name: 'max',
    signature: `max${filters}`,
    result: 'money',
    meaning: 'the largest amount selected; absent when there are none',
    example: 'max(category: "electronics", within: 1y) >= 1000 GBP',
    aggregate: {},
  },
  {
    name: 'days_since_last',
    signature: `days_since_last${filters}`,
    result: 'duration',
    meaning: 'the days since the latest transaction selected; absent when there is none',
    example: 'days_since_last(category: "travel") > 180d',
    aggregate: {},
  },
  {
    name: 'recurring',
    signature: `recurring${filters}`,
    result: 'number',
    meaning: 'the merchants paid in at least 3 different calendar months of the window',
    example: 'recurring(category: "subscriptions", within: 180d) >= 4',
    aggregate: { direction: 'D' },
  },
  {
    name: 'holds',
    signature: 'holds(product)',
    result: 'boolean',
    meaning: 'whether the customer holds the product today',
    example: 'not holds("mortgage")',
  },
  {
    name: 'held_for',
    signature: 'held_for(product)',
    result: 'duration',
    meaning: 'how long the customer has held the product; absent when not held',
    example: 'held_for("current_account") > 5y',
  },
  {
    name: 'tenure',
    signature: 'tenure()',
    result: 'duration',
    meaning: 'how long since the customer’s first account was opened',
    example: 'tenure() < 90d',
  },
  {
    name: 'age_band',
    signature: 'age_band(band, …)',
    result: 'boolean',
    meaning: 'whether the customer’s age is in one of the bands (never for credit products)',
    example: 'age_band("25-34", "35-44")',
  },
  {
    name: 'propensity',
    signature: 'propensity(product)',
    result: 'score',
    meaning: 'the approved model’s score, 0 to 1, that the customer would take the product',
    example: 'propensity("mortgage") >= 0.6',
  },
] as const satisfies readonly LanguageFunction[];

export type FunctionName = (typeof languageFunctions)[number]['name'];
export const functionNames: readonly string[] = languageFunctions.map((f) => f.name);

export interface LanguageFilter {
  readonly name: string;
  /** What it takes, for people. */
  readonly value: string;
  readonly meaning: string;
}

/** The named filters every transaction aggregate takes. */
export const languageFilters = [
  { name: 'category', value: 'a category, or a list', meaning: 'transactions in that category' },
  { name: 'mcc', value: 'a merchant category code 0–9999, or a list', meaning: 'transactions with that MCC' },
  { name: 'merchant', value: 'a merchant name, or a list', meaning: 'that merchant, exactly as written' },
  { name: 'direction', value: '"debit" or "credit"', meaning: 'payments out or money in' },
  { name: 'min_amount', value: 'an amount', meaning: 'amounts of at least this much' },
  { name: 'max_amount', value: 'an amount', meaning: 'amounts of at most this much' },
  { name: 'within', value: 'a duration', meaning: 'the last n days, as in within: 90d' },
  { name: 'from', value: 'a date', meaning: 'the window’s first day, with to' },
  { name: 'to', value: 'a date', meaning: 'the window’s last day, with from' },
] as const satisfies readonly LanguageFilter[];

export const filterNames: readonly string[] = languageFilters.map((f) => f.name);
