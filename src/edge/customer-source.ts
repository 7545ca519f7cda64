// One customer's own facts (transactions, products held, accounts' first opening) as the columnar engine's source.
import {
  emptyDictionaries,
  noBirthMonth,
  noMcc,
  noMerchant,
  ProductBuffer,
  sliceByCustomer,
  TransactionBuffer,
  type ColumnarData,
  type Dictionaries,
} from '../vault/questions/columnar/columnar-data.ts';
import type { ColumnarSource } from '../vault/questions/columnar/columnar-engine.ts';
import { dayNumber, lastStorableDay, noDay } from '../vault/questions/columnar/day-numbers.ts';

/** A transaction as the device receives it from the customer's own authenticated route. */
export interface EdgeTransaction {
  /** Booking date, 'YYYY-MM-DD'. */
  readonly date: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly direction: 'D' | 'C';
  readonly category: string;
  readonly mcc: number | null;
  readonly merchant: string | null;
  /** On the account whose balance the insights forecast (the customer's main account). */
  readonly main?: boolean;
}

export interface EdgeProductHeld {
  readonly product: string;
  readonly since: string;
  readonly until: string | null;
}

/**
 * Why no segment may match the customer today, whatever their transactions: a restriction of processing or an
 * objection in force (GDPR Art. 18, 21), or the bank's records excluding them from marketing (a minor, a
 * flagged customer; the reason is not sent). The vault leaves these customers out of every question.
 */
export const processingHolds = ['restriction', 'objection', 'marketing_exclusion'] as const;
export type ProcessingHold = (typeof processingHolds)[number];

/** Everything the engine reads about the one customer on the device. */
export interface EdgeFacts {
  /** What stops all matching for this customer now; empty for most. */
  readonly holds: ProcessingHold[];
  readonly transactions: EdgeTransaction[];
  readonly products: EdgeProductHeld[];
  /** Earliest opening date of the customer's accounts, or null. */
  readonly firstOpened: string | null;
  /** Birth month as src/core/age-bands.ts counts it (year × 12 + month − 1), or null. */
  readonly birthMonth: number | null;
  /** The vault's base currency, and the main account's balance: what the insights on the device need. */
  readonly currency?: string;
  readonly balance?: { readonly currentMinor: number; readonly overdraftLimitMinor?: number } | null;
}

/** Where in the facts a value was refused: the field, never the value. */
export class EdgeFactsError extends Error {
  override readonly name = 'EdgeFactsError';
}

function dayOf(date: string, where: string): number {
  let day: number;
  try {
    day = dayNumber(date);
  } catch {
    throw new EdgeFactsError(`${where} is not a calendar date (YYYY-MM-DD)`);
  }
  if (day < 0 || day > lastStorableDay) throw new EdgeFactsError(`${where} lies outside 1970 … 2149`);
  return day;
}

function pushTransaction(buffer: TransactionBuffer, t: EdgeTransaction, i: number, d: Dictionaries): void {
  const where = `transactions[${i}]`;
  if (!Number.isSafeInteger(t.amountMinor))
    throw new EdgeFactsError(`${where}.amountMinor is not an integer`);
  if (t.mcc !== null && (!Number.isInteger(t.mcc) || t.mcc === noMcc)) {
    throw new EdgeFactsError(`${where}.mcc is not an MCC`);
  }
  const kind = d.kinds.intern(
    d.categories.intern(t.category),
    d.currencies.intern(t.currency),
    t.direction === 'C' ? 1 : 0,
  );
  const merchant = t.merchant === null ? noMerchant : d.merchants.intern(t.merchant);
  buffer.push(0, dayOf(t.date, `${where}.date`), t.amountMinor, kind, t.mcc ?? noMcc, merchant);
}

/**
 * The customer's facts as a one-row columnar store: the vault's engine then answers a plan for this customer
 * exactly as it answers it for everyone, with no features (a scan of one customer is already fast).
 */
export class CustomerSource implements ColumnarSource {
  readonly data: ColumnarData;
  readonly dictionaries: Dictionaries;
  readonly holds: readonly ProcessingHold[];

  constructor(facts: EdgeFacts) {
    this.holds = [...facts.holds];
    const dictionaries = emptyDictionaries();
    const buffer = new TransactionBuffer(facts.transactions.length);
    facts.transactions.forEach((t, i) => pushTransaction(buffer, t, i, dictionaries));
    const slices = sliceByCustomer(buffer, 1);
    const products = new ProductBuffer();
    facts.products.forEach((p, i) => {
      const since = dayOf(p.since, `products[${i}].since`);
      const until = p.until === null ? noDay : dayOf(p.until, `products[${i}].until`);
      products.push(0, dictionaries.products.intern(p.product), since, until);
    });
    const built = products.build(1);
    const firstOpen = facts.firstOpened === null ? noDay : dayOf(facts.firstOpened, 'firstOpened');
    this.data = {
      customers: {
        // The engine reports matches as ids; on the device the only row is the customer, id 1.
        ids: Int32Array.of(1),
        txStart: slices.start,
        firstOpenDay: Int32Array.of(firstOpen),
        birthMonth: Int32Array.of(facts.birthMonth ?? noBirthMonth),
        productStart: built.start,
      },
      transactions: slices.columns,
      products: built.columns,
    };
    this.dictionaries = dictionaries;
  }

  featuresFor(): undefined {
    return undefined;
  }
}
