// The feature catalog: which per-customer features the feature store keeps, and which plan values they answer.
import type { AggregateFunction, Direction, TransactionFilter, ValuePlan } from '../../../language/plan.ts';

/**
 * Every feature is per customer, over the transactions in the vault's base currency booked on or before
 * the feature day, per (category, direction):
 * - count and sum of amounts (minor units) over the last 30, 90, 180 and 365 days;
 * - the latest booking day within 365 days, from which daysSinceLast within any of the windows follows;
 * - per (merchant, category) of debits, the calendar months with a payment within the last 180 and 365
 *   days, kept only for merchants paid in at least 3 months, from which `recurring` follows.
 * Products held need no feature: the store keeps them per customer already.
 */
export const windowFeatureDays = [30, 90, 180, 365] as const;
export const recurringFeatureDays = [180, 365] as const;

/** Index into `windowFeatureDays`. */
export type WindowIndex = 0 | 1 | 2 | 3;
/** Index into `recurringFeatureDays`. */
export type RecurringIndex = 0 | 1;

export interface FeatureOptions {
  /** The vault's base currency ('GBP'): features cover transactions in it only. */
  readonly currency: string;
  /**
   * The feature day ('YYYY-MM-DD'), or a clock that gives it; questions asked for another day scan.
   * A clock's new day recomputes every feature on the first question of that day.
   */
  readonly day: string | (() => string);
}

/** Today in UTC, the default feature day. */
export const today = (): string => new Date().toISOString().slice(0, 10);

/** A plan value the features answer: the aggregate over the given categories (all when absent). */
export type FeatureRead =
  | {
      readonly kind: 'window';
      readonly fn: Exclude<AggregateFunction, 'min' | 'max'>;
      readonly window: WindowIndex;
      readonly categories: readonly string[] | undefined;
      readonly direction: Direction | undefined;
    }
  | {
      readonly kind: 'recurring';
      readonly window: RecurringIndex;
      readonly categories: readonly string[] | undefined;
      readonly direction: Direction | undefined;
    };

/**
 * The feature read that answers `value` exactly, or undefined when it must be scanned: the filter must be
 * a `within` window of a featured length in the base currency, with optional categories and direction,
 * and no MCC, merchant or amount bounds.
 */
export function featureReadOf(value: ValuePlan, currency: string): FeatureRead | undefined {
  if (value.kind !== 'aggregate' && value.kind !== 'recurring') return undefined;
  const filter = value.filter;
  if (!plainFilter(filter, currency) || filter.window.kind !== 'within') return undefined;
  const days = filter.window.days;
  const { categories, direction } = filter;
  if (value.kind === 'recurring') {
    const window = recurringFeatureDays.indexOf(days as 180 | 365);
    return window < 0
      ? undefined
      : { kind: 'recurring', window: window as RecurringIndex, categories, direction };
  }
  const window = windowFeatureDays.indexOf(days as 30 | 90 | 180 | 365);
  if (window < 0 || value.fn === 'min' || value.fn === 'max') return undefined;
  return { kind: 'window', fn: value.fn, window: window as WindowIndex, categories, direction };
}

function plainFilter(filter: TransactionFilter, currency: string): boolean {
  return (
    filter.currency === currency &&
    filter.mccs === undefined &&
    filter.merchants === undefined &&
    filter.minMinor === undefined &&
    filter.maxMinor === undefined
  );
}
