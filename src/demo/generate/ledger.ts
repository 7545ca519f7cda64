// A customer's transactions while they are drafted: flat typed arrays, reused from customer to customer.
import type { Direction } from '../../core/transaction.ts';
import { merchants, type Merchant } from './merchants.ts';

/** What a statement line says besides account, amount and date; shared by many transactions. */
export type Party =
  | {
      readonly kind: 'merchant';
      readonly direction: Direction;
      readonly merchantName: string;
      readonly mcc: string;
      readonly description: string;
    }
  | {
      readonly kind: 'counterparty';
      readonly direction: Direction;
      readonly description: string;
      readonly counterpartyName: string;
      readonly counterpartyAccount: string;
    }
  /** A transfer between the customer's own accounts: the other account, no name. */
  | {
      readonly kind: 'own';
      readonly direction: Direction;
      readonly description: string;
      readonly counterpartyAccount: string;
    }
  /** Fees, interest, loan repayments: the bank itself. */
  | { readonly kind: 'bank'; readonly direction: Direction; readonly description: string };

export const paymentVariants = [
  'CARD PAYMENT',
  'CONTACTLESS',
  'ONLINE PAYMENT',
  'DIRECT DEBIT',
  'CASH WITHDRAWAL',
  'REFUND',
] as const;

export type PaymentVariant = (typeof paymentVariants)[number];

const merchantParties = new Map<Merchant, readonly Party[]>(
  merchants.map((m) => [
    m,
    paymentVariants.map((description): Party => ({
      kind: 'merchant',
      direction: description === 'REFUND' ? 'credit' : 'debit',
      merchantName: m.name,
      mcc: m.mcc,
      description,
    })),
  ]),
);

/** The shared party for paying (or being refunded by) a built-in merchant. */
const variantIndex = Object.fromEntries(paymentVariants.map((v, i) => [v, i])) as Readonly<
  Record<PaymentVariant, number>
>;

export function merchantParty(merchant: Merchant, variant: PaymentVariant): Party {
  const party = merchantParties.get(merchant)?.[variantIndex[variant]];
  if (party === undefined) throw new RangeError(`not a built-in merchant: ${merchant.name}`);
  return party;
}

export function bankParty(direction: Direction, description: string): Party {
  return { kind: 'bank', direction, description };
}

export function counterpartyParty(
  direction: Direction,
  description: string,
  name: string,
  account: string,
): Party {
  return {
    kind: 'counterparty',
    direction,
    description,
    counterpartyName: name,
    counterpartyAccount: account,
  };
}

/** Transactions of one customer in drafting order; sorted by day when done. */
export class Ledger {
  days: Int32Array;
  amounts: Float64Array;
  slots: Uint8Array;
  parties: Party[] = [];
  count = 0;
  #keys: Int32Array;
  #starts = new Int32Array(0);

  constructor(capacity = 1024) {
    this.days = new Int32Array(capacity);
    this.amounts = new Float64Array(capacity);
    this.slots = new Uint8Array(capacity);
    this.#keys = new Int32Array(capacity);
  }

  reset(): void {
    this.count = 0;
    this.parties.length = 0;
  }

  /** `amountMinor` is rounded and at least 1 (a penny): amounts are positive, the party says debit or credit. */
  add(day: number, amountMinor: number, party: Party, slot: number): void {
    if (this.count === this.days.length) this.#grow();
    const i = this.count++;
    this.days[i] = day;
    this.amounts[i] = Math.max(1, Math.round(amountMinor));
    this.slots[i] = slot;
    this.parties[i] = party;
  }

  /**
   * Entry positions ordered by day, then drafting order: a counting sort over the `days` days from
   * `firstDay`.
   */
  order(firstDay: number, days: number): Int32Array {
    if (this.count > 0xffff) throw new RangeError('more than 65,535 transactions for one customer');
    if (this.#starts.length < days + 1) this.#starts = new Int32Array(days + 1);
    const starts = this.#starts;
    starts.fill(0, 0, days + 1);
    const n = this.count;
    for (let i = 0; i < n; i++) {
      const d = this.days[i]! - firstDay;
      if (!(d >= 0 && d < days)) throw new RangeError(`an entry outside the period: day ${d} of ${days}`);
      starts[d + 1]!++;
    }
    for (let d = 1; d <= days; d++) starts[d]! += starts[d - 1]!;
    const keys = this.#keys.subarray(0, n);
    for (let i = 0; i < n; i++) keys[starts[this.days[i]! - firstDay]!++] = i;
    return keys;
  }

  #grow(): void {
    const capacity = this.days.length * 2;
    const days = new Int32Array(capacity);
    days.set(this.days);
    const amounts = new Float64Array(capacity);
    amounts.set(this.amounts);
    const slots = new Uint8Array(capacity);
    slots.set(this.slots);
    this.days = days;
    this.amounts = amounts;
    this.slots = slots;
    this.#keys = new Int32Array(capacity);
  }
}
