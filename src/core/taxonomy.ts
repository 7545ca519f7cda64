// The transaction category taxonomy (docs/categories.md): the categories, their groups and version, and a counter
// per category. The rules that put a transaction in one are in category-rules.ts, applied by categorize.ts.

export { mccDescription } from './mcc-codes.ts';

/**
 * Bumped whenever a category or a rule changes: stored transactions record the version they were
 * categorised with, so a re-categorisation knows what is stale. Format: YYYY-MM.n.
 */
export const taxonomyVersion = '2026-11.1';

export type CategoryGroup =
  | 'food'
  | 'housing'
  | 'mobility'
  | 'travel'
  | 'family'
  | 'health'
  | 'leisure'
  | 'shopping'
  | 'services'
  | 'civic'
  | 'finance'
  | 'income'
  | 'other';

export interface CategoryDefinition {
  readonly code: string;
  readonly name: string;
  readonly group: CategoryGroup;
}

export const categories = [
  { code: 'groceries', name: 'Groceries', group: 'food' },
  { code: 'dining', name: 'Restaurants, bars and takeaway', group: 'food' },
  { code: 'rent', name: 'Rent', group: 'housing' },
  { code: 'mortgage_payment', name: 'Mortgage payments', group: 'housing' },
  { code: 'utilities', name: 'Energy and water', group: 'housing' },
  { code: 'telecom', name: 'Phone, internet and TV', group: 'housing' },
  { code: 'home_services', name: 'Home services and repairs', group: 'housing' },
  { code: 'home_inspection', name: 'Home inspections and surveys', group: 'housing' },
  { code: 'home_improvement', name: 'Home improvement and furnishing', group: 'housing' },
  { code: 'fuel', name: 'Fuel and charging', group: 'mobility' },
  { code: 'transport', name: 'Public transport, taxis and parking', group: 'mobility' },
  { code: 'car_purchase', name: 'Vehicle purchases', group: 'mobility' },
  { code: 'car_services', name: 'Vehicle maintenance and services', group: 'mobility' },
  { code: 'travel', name: 'Flights, lodging and travel', group: 'travel' },
  { code: 'childcare', name: 'Childcare', group: 'family' },
  { code: 'baby', name: 'Baby products', group: 'family' },
  { code: 'education', name: 'Education', group: 'family' },
  { code: 'pets', name: 'Pets and veterinary', group: 'family' },
  { code: 'healthcare', name: 'Healthcare', group: 'health' },
  { code: 'pharmacy', name: 'Pharmacies', group: 'health' },
  { code: 'fitness', name: 'Fitness and sport', group: 'health' },
  { code: 'entertainment', name: 'Entertainment and leisure', group: 'leisure' },
  { code: 'subscriptions', name: 'Subscriptions and streaming', group: 'leisure' },
  { code: 'gambling', name: 'Gambling and lotteries', group: 'leisure' },
  { code: 'shopping', name: 'General shopping', group: 'shopping' },
  { code: 'clothing', name: 'Clothing and shoes', group: 'shopping' },
  { code: 'electronics', name: 'Electronics and computers', group: 'shopping' },
  { code: 'personal_care', name: 'Personal care', group: 'services' },
  { code: 'professional_services', name: 'Professional and business services', group: 'services' },
  { code: 'government_fees', name: 'Government fees and fines', group: 'civic' },
  { code: 'tax', name: 'Taxes', group: 'civic' },
  { code: 'charity', name: 'Donations and charity', group: 'civic' },
  { code: 'memberships', name: 'Associations and memberships', group: 'civic' },
  { code: 'insurance', name: 'Insurance', group: 'finance' },
  { code: 'transfers', name: 'Transfers', group: 'finance' },
  { code: 'savings_transfer', name: 'Savings and investments', group: 'finance' },
  { code: 'loan_repayment', name: 'Loan repayments', group: 'finance' },
  { code: 'cash', name: 'Cash', group: 'finance' },
  { code: 'fees', name: 'Bank fees', group: 'finance' },
  { code: 'interest', name: 'Interest', group: 'finance' },
  { code: 'salary', name: 'Salary', group: 'income' },
  { code: 'pension_income', name: 'Pension income', group: 'income' },
  { code: 'benefits', name: 'Benefits', group: 'income' },
  { code: 'uncategorised', name: 'Uncategorised', group: 'other' },
] as const satisfies readonly CategoryDefinition[];

export type CategoryCode = (typeof categories)[number]['code'];

/** Every category code, in taxonomy order (the order of `categories`). */
export const categoryCodes: readonly CategoryCode[] = categories.map((c) => c.code);
/** A category code's position in `categoryCodes`. */
export const categoryIndex: ReadonlyMap<string, number> = new Map(categoryCodes.map((code, i) => [code, i]));
export const uncategorisedIndex = categoryCodes.indexOf('uncategorised');

const categoryNames: ReadonlyMap<string, string> = new Map(categories.map((c) => [c.code, c.name]));

/** A category's name for people ("Restaurants, bars and takeaway"); a code not in the taxonomy reads as words. */
export function categoryInWords(code: string): string {
  const name = categoryNames.get(code);
  if (name !== undefined) return name;
  const words = code.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function isCategoryCode(value: string): value is CategoryCode {
  return categoryIndex.has(value);
}

/** Counts per category, uncategorised included, for ingest summaries. */
export class CategoryCounter {
  readonly #counts = new Array<number>(categoryCodes.length).fill(0);

  add(code: CategoryCode, n = 1): void {
    const i = categoryIndex.get(code);
    if (i === undefined) throw new Error(`unknown category ${String(code)}`);
    this.#counts[i]! += n;
  }

  count(code: CategoryCode): number {
    const i = categoryIndex.get(code);
    return i === undefined ? 0 : (this.#counts[i] ?? 0);
  }

  get uncategorised(): number {
    return this.#counts[uncategorisedIndex] ?? 0;
  }

  get total(): number {
    let sum = 0;
    for (const n of this.#counts) sum += n;
    return sum;
  }

  merge(other: CategoryCounter): void {
    for (const code of categoryCodes) this.add(code, other.count(code));
  }

  /** Every category with its count, zeros included, in taxonomy order. */
  toRecord(): Record<CategoryCode, number> {
    return Object.fromEntries(categoryCodes.map((code, i) => [code, this.#counts[i] ?? 0])) as Record<
      CategoryCode,
      number
    >;
  }

  /** Categories with a non-zero count, largest first. */
  nonZero(): Array<readonly [CategoryCode, number]> {
    return categoryCodes
      .map((code, i) => [code, this.#counts[i] ?? 0] as const)
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1]);
  }
}

/**
 * Groups that may travel with tokens, as Topics keeps to non-sensitive topics: health (special-category
 * data), civic (donations and memberships hint at religion or politics), income, finance and other are
 * never released.
 */
export const releasableGroups: readonly CategoryGroup[] = [
  'food',
  'housing',
  'mobility',
  'travel',
  'family',
  'leisure',
  'shopping',
  'services',
];
