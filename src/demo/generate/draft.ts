// The customer being generated: accounts, ledger, products and life events, with the helpers every stage uses.
import type { ProductCode } from '../../core/products.ts';
import type { Calendar } from './calendar.ts';
import { gbIban, otherBankCodes } from './iban.ts';
import type { Ledger, PaymentVariant } from './ledger.ts';
import { merchantParty } from './ledger.ts';
import {
  merchantCategories,
  merchantsByCategory,
  type Merchant,
  type MerchantCategory,
} from './merchants.ts';
import type { Random } from './random.ts';
import type { GroundTruthEvent, LifeEventType } from './types.ts';

/** Account slots: the numbering of a customer's accounts, fixed so IBANs stay stable. */
export const slot = { main: 0, savings: 1, card: 2, business: 3 } as const;

export type Shift = 'next' | 'previous' | 'none';

export interface DraftProduct {
  readonly product: ProductCode;
  readonly since: number;
  until?: number;
}

const categoryIndex = new Map(merchantCategories.map((c, i) => [c, i]));

export class CustomerDraft {
  readonly random: Random;
  readonly calendar: Calendar;
  readonly ledger: Ledger;
  /** First day with transactions: the period's first day, or the day the customer joined. */
  readonly activeFrom: number;
  readonly last: number;
  readonly accountIbans: (string | undefined)[] = [undefined, undefined, undefined, undefined];
  readonly products: DraftProduct[] = [];
  readonly events: { type: LifeEventType; day: number; details: GroundTruthEvent['details'] }[] = [];
  /** Each category's two favourite merchants: most purchases go to them. */
  readonly #favourites: (readonly [Merchant, Merchant] | undefined)[] = [];

  constructor(random: Random, calendar: Calendar, ledger: Ledger, activeFrom: number) {
    this.random = random;
    this.calendar = calendar;
    this.ledger = ledger;
    this.activeFrom = activeFrom;
    this.last = calendar.last;
  }

  has(accountSlot: number): boolean {
    return this.accountIbans[accountSlot] !== undefined;
  }

  iban(accountSlot: number): string {
    const iban = this.accountIbans[accountSlot];
    if (iban === undefined) throw new RangeError(`no account in slot ${accountSlot}`);
    return iban;
  }

  /** An account at another bank: for employers, landlords and other people. */
  otherIban(): string {
    const random = this.random;
    return gbIban(
      random.pick(otherBankCodes),
      random.int(100_000, 999_999),
      random.int(10_000_000, 99_999_999),
    );
  }

  /** A merchant of the category: one of the customer's two favourites three times in four. */
  merchant(category: MerchantCategory): Merchant {
    const list = merchantsByCategory[category];
    const i = categoryIndex.get(category) ?? 0;
    let favourites = this.#favourites[i];
    if (favourites === undefined) {
      favourites = [this.random.pick(list), this.random.pick(list)];
      this.#favourites[i] = favourites;
    }
    const r = this.random.next();
    if (r < 0.5) return favourites[0];
    if (r < 0.75) return favourites[1];
    return this.random.pick(list);
  }

  pay(
    merchant: Merchant,
    day: number,
    amountMinor: number,
    variant: PaymentVariant,
    accountSlot: number = slot.main,
  ) {
    this.ledger.add(day, amountMinor, merchantParty(merchant, variant), accountSlot);
  }

  /** A day drawn uniformly in [from, to] clipped to the active period; undefined if that is empty. */
  dayBetween(from: number, to: number): number | undefined {
    const lo = Math.max(from, this.activeFrom);
    const hi = Math.min(to, this.last);
    return lo > hi ? undefined : this.random.int(lo, hi);
  }

  /**
   * The days a monthly payment on day `dayOfMonth` is booked in [from, to], clipped to the active
   * period; weekend days move to the next Monday or the previous Friday.
   */
  monthly(dayOfMonth: number, from: number, to: number, shift: Shift, everyMonths = 1): number[] {
    const lo = Math.max(from, this.activeFrom);
    const hi = Math.min(to, this.last);
    const days: number[] = [];
    const { months, first, weekday } = this.calendar;
    for (let m = 0; m < months.length; m += everyMonths) {
      const month = months[m]!;
      let day = month.first + Math.min(dayOfMonth, month.length) - 1;
      const wd = day >= first && day <= this.last ? weekday[day - first]! : 0;
      if (shift === 'next' && wd >= 5) day += 7 - wd;
      if (shift === 'previous' && wd >= 5) day -= wd - 4;
      if (day >= lo && day <= hi) days.push(day);
    }
    return days;
  }

  /** Days every `interval` days from `from` up to `to`, clipped to the active period. */
  every(interval: number, from: number, to: number): number[] {
    const hi = Math.min(to, this.last);
    const days: number[] = [];
    for (let day = from; day <= hi; day += interval) if (day >= this.activeFrom) days.push(day);
    return days;
  }

  event(type: LifeEventType, day: number, details: GroundTruthEvent['details'] = {}): void {
    this.events.push({ type, day, details });
  }

  hold(product: ProductCode, since: number, until?: number): void {
    this.products.push(
      until === undefined || until > this.last ? { product, since } : { product, since, until },
    );
  }

  holds(product: ProductCode, day: number): boolean {
    return this.products.some((p) => p.product === product && p.since <= day && (p.until ?? Infinity) >= day);
  }
}

/** Pounds to pence, rounded to the penny. */
export function pence(pounds: number): number {
  return Math.round(pounds * 100);
}
