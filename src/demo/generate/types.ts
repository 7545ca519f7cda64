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
  'home_inspection' | 'mortgage_application' | 'home_purchase' | 'move' | 'new_baby' | 'new_car';

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
}

/** One line of the ground-truth JSONL file. */
export interface GroundTruthRecord {
  readonly externalId: string;
  readonly persona: PersonaCode;
  readonly lifeEvents: readonly GroundTruthEvent[];
}
