// Answers a plan's transaction values by scanning each customer's transactions in the columnar data: the
// aggregates, the recurring-merchant count, and the selection of transactions a filter keeps.
import type { AggregateFunction, TransactionFilter, Window } from '../../../language/plan.ts';
import { unreachable } from '../../../core/unreachable.ts';
import { lowerBound, noMcc, type ColumnarData, type Dictionaries } from './columnar-data.ts';
import { dayNumber, monthTable } from './day-numbers.ts';
import type { RowValue } from './row-sets.ts';

/** The transactions of one customer row that a filter selects. */
interface Selection {
  /** Sets `bounds` to the row's transactions within the filter's window. */
  readonly range: (row: number) => void;
  readonly bounds: Int32Array;
  /** Whether transaction i passes the rest of the filter. */
  readonly matches: (i: number) => boolean;
}

export class TransactionScans {
  readonly #data: ColumnarData;
  readonly #dictionaries: Dictionaries;
  readonly #asOf: number;
  #recurringScratch: { lastMonth: Int32Array; months: Uint8Array; touched: Int32Array } | undefined;

  constructor(data: ColumnarData, dictionaries: Dictionaries, asOf: number) {
    this.#data = data;
    this.#dictionaries = dictionaries;
    this.#asOf = asOf;
  }

  aggregate(fn: AggregateFunction, filter: TransactionFilter): RowValue {
    const selection = this.#selection(filter, false);
    const { amount, day } = this.#data.transactions;
    const asOf = this.#asOf;
    const { range, bounds, matches } = selection;
    switch (fn) {
      case 'count':
        return (row) => {
          range(row);
          const from = bounds[0]!;
          const to = bounds[1]!;
          let n = 0;
          for (let i = from; i < to; i++) if (matches(i)) n++;
          return n;
        };
      case 'sum':
        return (row) => {
          range(row);
          const from = bounds[0]!;
          const to = bounds[1]!;
          let sum = 0;
          for (let i = from; i < to; i++) if (matches(i)) sum += amount[i]!;
          return sum;
        };
      case 'average':
        return (row) => {
          range(row);
          const from = bounds[0]!;
          const to = bounds[1]!;
          let sum = 0;
          let n = 0;
          for (let i = from; i < to; i++) {
            if (!matches(i)) continue;
            sum += amount[i]!;
            n++;
          }
          return n === 0 ? Number.NaN : sum / n;
        };
      case 'min':
        return (row) => {
          range(row);
          const from = bounds[0]!;
          const to = bounds[1]!;
          let min = Number.NaN;
          for (let i = from; i < to; i++) if (matches(i) && !(amount[i]! >= min)) min = amount[i]!;
          return min;
        };
      case 'max':
        return (row) => {
          range(row);
          const from = bounds[0]!;
          const to = bounds[1]!;
          let max = Number.NaN;
          for (let i = from; i < to; i++) if (matches(i) && !(amount[i]! <= max)) max = amount[i]!;
          return max;
        };
      case 'daysSinceLast':
        return (row) => {
          range(row);
          const from = bounds[0]!;
          const to = bounds[1]!;
          for (let i = to - 1; i >= from; i--) if (matches(i)) return asOf - day[i]!;
          return Number.NaN;
        };
      default:
        return unreachable(fn, 'aggregate');
    }
  }

  recurring(filter: TransactionFilter): RowValue {
    const { range, bounds, matches } = this.#selection(filter, true);
    const { day, merchant } = this.#data.transactions;
    const monthOf = monthTable();
    const scratch = (this.#recurringScratch ??= {
      lastMonth: new Int32Array(this.#dictionaries.merchants.values.length).fill(-1),
      months: new Uint8Array(this.#dictionaries.merchants.values.length),
      touched: new Int32Array(this.#dictionaries.merchants.values.length),
    });
    const { lastMonth, months, touched } = scratch;
    return (row) => {
      range(row);
      const from = bounds[0]!;
      const to = bounds[1]!;
      let merchants = 0;
      let touchedCount = 0;
      for (let i = from; i < to; i++) {
        const m = merchant[i]!;
        if (m < 0 || !matches(i)) continue;
        // Days ascend within a customer, so a new month for a merchant is a month not seen before.
        const month = monthOf[day[i]!]!;
        if (lastMonth[m] === month) continue;
        if (lastMonth[m] === -1) touched[touchedCount++] = m;
        lastMonth[m] = month;
        if (++months[m]! === 3) merchants++;
      }
      for (let k = 0; k < touchedCount; k++) {
        lastMonth[touched[k]!] = -1;
        months[touched[k]!] = 0;
      }
      return merchants;
    };
  }

  /** The transactions a filter selects: the window as a binary-searched range, the rest as one predicate. */
  #selection(filter: TransactionFilter, debitsOnly: boolean): Selection {
    const { first, last } = windowDays(filter.window, this.#asOf);
    const { txStart } = this.#data.customers;
    const { day, kind, mcc, merchant, amount } = this.#data.transactions;
    // The range of the last row asked for, in a reused array: no allocation per customer.
    const bounds = new Int32Array(2);
    const range = (row: number): void => {
      const start = txStart[row]!;
      const end = txStart[row + 1]!;
      bounds[0] = lowerBound(day, start, end, first);
      bounds[1] = lowerBound(day, bounds[0], end, last + 1);
    };

    const kinds = kindTable(this.#dictionaries, filter, debitsOnly);
    const tests: ((i: number) => boolean)[] = [];
    if (filter.mccs !== undefined) {
      const allowed = new Uint8Array(0x10000);
      for (const code of filter.mccs) if (code > noMcc && code <= 0x7fff) allowed[code & 0xffff] = 1;
      tests.push((i) => allowed[mcc[i]! & 0xffff] === 1);
    }
    if (filter.merchants !== undefined) {
      const allowed = new Uint8Array(this.#dictionaries.merchants.values.length);
      for (const name of filter.merchants) {
        const id = this.#dictionaries.merchants.lookup(name);
        if (id !== undefined) allowed[id] = 1;
      }
      tests.push((i) => merchant[i]! >= 0 && allowed[merchant[i]!] === 1);
    }
    if (filter.minMinor !== undefined) {
      const min = filter.minMinor;
      tests.push((i) => amount[i]! >= min);
    }
    if (filter.maxMinor !== undefined) {
      const max = filter.maxMinor;
      tests.push((i) => amount[i]! <= max);
    }
    const [a, b, c, d] = tests;
    const matches =
      first > last || !kinds.some((allowed) => allowed === 1)
        ? () => false
        : tests.length === 0
          ? (i: number) => kinds[kind[i]!] === 1
          : tests.length === 1
            ? (i: number) => kinds[kind[i]!] === 1 && a!(i)
            : tests.length === 2
              ? (i: number) => kinds[kind[i]!] === 1 && a!(i) && b!(i)
              : tests.length === 3
                ? (i: number) => kinds[kind[i]!] === 1 && a!(i) && b!(i) && c!(i)
                : (i: number) => kinds[kind[i]!] === 1 && a!(i) && b!(i) && c!(i) && d!(i);
    return { range, bounds, matches };
  }
}

/** 1 for every transaction kind (category, currency, direction) the filter accepts. */
export function kindTable(
  dictionaries: Dictionaries,
  filter: TransactionFilter,
  debitsOnly: boolean,
): Uint8Array {
  const { kinds, categories, currencies } = dictionaries;
  const table = new Uint8Array(kinds.size);
  const currency = currencies.lookup(filter.currency);
  if (currency === undefined) return table;
  let categorySet: Set<number> | undefined;
  if (filter.categories !== undefined) {
    categorySet = new Set();
    for (const name of filter.categories) {
      const id = categories.lookup(name);
      if (id !== undefined) categorySet.add(id);
    }
  }
  const credit = filter.direction === undefined ? undefined : filter.direction === 'C' ? 1 : 0;
  for (let k = 0; k < kinds.size; k++) {
    if (kinds.currency[k] !== currency) continue;
    if (categorySet && !categorySet.has(kinds.category[k]!)) continue;
    if (credit !== undefined && kinds.credit[k] !== credit) continue;
    if (debitsOnly && kinds.credit[k] !== 0) continue;
    table[k] = 1;
  }
  return table;
}

/** The first and last day (days since 1970-01-01) of a filter's window on `asOf`. */
export function windowDays(window: Window, asOf: number): { first: number; last: number } {
  return window.kind === 'within'
    ? { first: asOf - window.days + 1, last: asOf }
    : { first: dayNumber(window.from), last: dayNumber(window.to) };
}
