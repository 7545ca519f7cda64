// The checked question both engines evaluate: typed, units resolved, names bound to the catalog. Its
// semantics below are the contract between the SQL compiler and the columnar engine.
//
// Semantics, for one customer, with `asOf` the evaluation day (UTC, 'YYYY-MM-DD'):
// - A transaction filter selects the customer's transactions (over all their accounts) whose
//   booking_date lies in the window, and that match every given field: category in `categories`, mcc in
//   `mccs`, merchant_name in `merchants` (exact, case-sensitive), `direction`, amount_minor between
//   `minMinor` and `maxMinor` inclusive, and currency = `currency`.
//   Window `within n days`: asOf − n < booking_date ≤ asOf. Window `between`: from ≤ booking_date ≤ to.
// - Aggregates over the selected transactions, amounts in minor units: count and sum are 0 over none;
//   average (a real number, not rounded), min, max and days-since-last are absent over none.
//   daysSinceLast = asOf − the latest booking_date (whole days).
// - holdingDays(product): asOf − the earliest `since` of a products_held row for that product with
//   since ≤ asOf and (until is null or until ≥ asOf); absent when the product is not held on asOf.
// - tenureDays: asOf − the earliest opened_on of the customer's accounts (opened_on ≤ asOf); absent without one.
// - recurring(filter): the number of distinct merchants (merchant_name, non-null) among debit transactions
//   matching the filter with payments in at least 3 distinct calendar months of the window.
// - propensity(product): the customer's stored score (0 to 1) under the frozen model version `model`
//   (model_scores); absent when none is stored (no profiling consent, objected, or not scored).
// - A comparison with an absent side is false. Logic is two-valued: `not` of a false comparison is true.
// - ageBand(bands): the customer's age on asOf, in whole years counted from the first day of the birth month,
//   is in one of the bands (src/core/age-bands.ts). The birth month is that of customer_flags.adult_from
//   (the 18th birthday) 18 years earlier; false for a customer without a date of birth.
// - Only customers with status 'active' are ever in a result.

import type { AgeBand } from '../core/age-bands.ts';

export type Direction = 'D' | 'C';

export type Window =
  | { readonly kind: 'within'; readonly days: number }
  | { readonly kind: 'between'; readonly from: string; readonly to: string };

export interface TransactionFilter {
  readonly window: Window;
  readonly currency: string;
  readonly categories?: readonly string[];
  readonly mccs?: readonly number[];
  readonly merchants?: readonly string[];
  readonly direction?: Direction;
  readonly minMinor?: number;
  readonly maxMinor?: number;
}

export type AggregateFunction = 'count' | 'sum' | 'average' | 'min' | 'max' | 'daysSinceLast';

/** Values are plain numbers: money in minor units of the filter's currency, durations in days. */
export type ValuePlan =
  | { readonly kind: 'constant'; readonly value: number }
  | { readonly kind: 'aggregate'; readonly fn: AggregateFunction; readonly filter: TransactionFilter }
  | { readonly kind: 'holdingDays'; readonly product: string }
  | { readonly kind: 'tenureDays' }
  | { readonly kind: 'recurring'; readonly filter: TransactionFilter }
  /** The approved model version `model` (a model_versions id) predicting take-up of `product`. */
  | { readonly kind: 'propensity'; readonly product: string; readonly model: string };

export type CompareOperator = '<' | '<=' | '>' | '>=' | '=' | '!=';

export type Plan =
  | { readonly kind: 'and'; readonly items: readonly Plan[] }
  | { readonly kind: 'or'; readonly items: readonly Plan[] }
  | { readonly kind: 'not'; readonly item: Plan }
  | {
      readonly kind: 'compare';
      readonly op: CompareOperator;
      readonly left: ValuePlan;
      readonly right: ValuePlan;
    }
  /** True when the product is held on asOf (see holdingDays). */
  | { readonly kind: 'holds'; readonly product: string }
  /** True when the customer's age on asOf is in one of the bands (see ageBand above); bands in fixed order. */
  | { readonly kind: 'ageBand'; readonly bands: readonly AgeBand[] }
  | { readonly kind: 'constant'; readonly value: boolean };

/** What an engine returns: the internal ids of matching customers, ascending. Never leaves the vault. */
export type CustomerIds = Int32Array;

/** The seam both engines implement. */
export interface QuestionEngine {
  readonly name: string;
  /** Customers matching `plan` on day `asOf`. */
  evaluate(plan: Plan, asOf: string): Promise<CustomerIds>;
}
