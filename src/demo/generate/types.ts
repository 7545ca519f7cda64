// The shapes the demo-bank generator yields: one customer with PII, accounts, products, transactions and ground truth.
import type { CustomerPii } from '../../core/identity.ts';
import type { ProductCode } from '../../core/products.ts';
import type { StatementTransaction } from '../../core/transaction.ts';

export const personaCodes = [
  'student',
  'young_renter',
  'first_time_buyer',
  'family',
  'retiree',
  'small_business_owner',
] as const;

export type PersonaCode = (typeof personaCodes)[number];

export type LifeEventType =
  | 'home_inspection'
  | 'mortgage_application'
  | 'home_purchase'
  | 'home_search'
  | 'move'
  | 'new_baby'
  | 'new_car'
  | 'new_job'
  | 'retirement'
  | 'study';

export const regionCodes = ['london', 'south_east', 'midlands_wales', 'north', 'scotland'] as const;

export type RegionCode = (typeof regionCodes)[number];

/**
 * How many transactions a customer makes: `real` (the default, about 58 a month), a number of everyday card
 * payments per month with the same realistic model, or `thin` (the earlier bank, about 4 a month).
 */
export type Density = 'real' | 'thin' | number;

/** A product taken up during the history or in the 180 days after it, and what raised its hazard. */
export interface ProductTakeUp {
  readonly product: ProductCode;
  /** ISO date, YYYY-MM-DD; may be after the end of the history. */
  readonly date: string;
  readonly causes: readonly string[];
}

/** A subscription paid by card: merchant, amount, cadence and each price change. */
export interface SubscriptionTruth {
  readonly merchant: string;
  readonly amountMinor: number;
  readonly cadence: 'monthly' | 'yearly';
  /** ISO date of the first payment. */
  readonly since: string;
  readonly priceChanges: readonly { readonly date: string; readonly amountMinor: number }[];
}

/** What only the realistic bank records: regions, take-up, subscriptions and daily balances. */
export interface RealTruth {
  readonly region: RegionCode;
  readonly takeUps: readonly ProductTakeUp[];
  readonly subscriptions: readonly SubscriptionTruth[];
  /** ISO date of the first daily balance. */
  readonly balancesFrom: string;
  /** The main account's balance at the end of each day, in minor units. */
  readonly dailyBalances: readonly number[];
}

/** What really happened to a customer: lets tests and demos check what the segments find. */
export interface GroundTruthEvent {
  readonly type: LifeEventType;
  /** ISO date, YYYY-MM-DD. */
  readonly date: string;
  /** Never PII: outcomes, reasons, financing, amounts in minor units. */
  readonly details: Readonly<Record<string, string | number | boolean>>;
}

export interface GeneratedAccount {
  readonly iban: string;
  readonly product: ProductCode;
  readonly currency: string;
  /** ISO date, YYYY-MM-DD. */
  readonly openedOn: string;
}

export interface HeldProduct {
  readonly product: ProductCode;
  /** ISO date, YYYY-MM-DD. */
  readonly since: string;
  /** Last day held; absent while still held at the end of the generated period. */
  readonly until?: string;
}

export interface GeneratedCustomer {
  /** Position in the bank, from 0: the customer's data depends only on the seed and this index. */
  readonly index: number;
  /** The bank's customer number, e.g. "C00012345". */
  readonly externalId: string;
  readonly persona: PersonaCode;
  readonly pii: CustomerPii;
  readonly accounts: readonly GeneratedAccount[];
  readonly products: readonly HeldProduct[];
  /** Sorted by booking date. */
  readonly transactions: readonly StatementTransaction[];
  /** Sorted by date. Ground truth: written to a separate file, never into the vault. */
  readonly lifeEvents: readonly GroundTruthEvent[];
  /** Ground truth of the realistic bank only (absent at density `thin`). */
  readonly truth?: RealTruth;
}

export interface GenerateBankOptions {
  /** Number of customers to generate. */
  readonly customers: number;
  /** Same seed and options, same bank, byte for byte. Numbers and their decimal strings are equal seeds. */
  readonly seed: number | string;
  /** First day of the period, YYYY-MM-DD; default: two years ending on `end`. */
  readonly start?: string;
  /** Last day of the period, YYYY-MM-DD: products and balances are as of this day. */
  readonly end: string;
  /**
   * Expected share of customers who pay a home inspection within the 90 days up to `end`,
   * mostly first-time buyers (default 0.17). Most of them hold no mortgage at `end`.
   */
  readonly homeInspectionShare?: number;
  /** Index of the first customer, to generate a bank in slices (default 0). */
  readonly firstIndex?: number;
  /** Transactions per customer (default `real`); see docs/generator.md. */
  readonly density?: Density;
}

/** One line of the ground-truth JSONL file. */
export interface GroundTruthRecord {
  readonly externalId: string;
  readonly persona: PersonaCode;
  readonly lifeEvents: readonly GroundTruthEvent[];
  readonly region?: RegionCode;
  readonly takeUps?: readonly ProductTakeUp[];
  readonly subscriptions?: readonly SubscriptionTruth[];
  readonly balancesFrom?: string;
  readonly dailyBalances?: readonly number[];
}
