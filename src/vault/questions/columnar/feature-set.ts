// The features of every customer for one feature day (see features.ts), computed from the columnar data.
import { lowerBound } from './columnar-data.ts';
import type { ColumnarData, Dictionaries } from './columnar-data.ts';
import { lastStorableDay, monthTable } from './day-numbers.ts';
import type { AggregateFunction, Direction } from '../../../language/plan.ts';
import { windowFeatureDays, type FeatureRead, type RecurringIndex, type WindowIndex } from './features.ts';

/** A value of one customer row; NaN when absent. */
export type RowValue = (row: number) => number;

const int32Max = 0x7fffffff;
const int32Min = -0x80000000;
/** Below this, every partial sum of a customer's amounts is an exact float64 in any order. */
const exactTotal = 2 ** 52;

/** Bits set in a 13-bit month mask. */
const bitCount = (() => {
  const table = new Uint8Array(1 << 13);
  for (let mask = 1; mask < table.length; mask++) table[mask] = table[mask >> 1]! + (mask & 1);
  return table;
})();

/**
 * Window entries: one per (customer, category, direction) with a transaction within 365 days, grouped by
 * key (category id × 2 + 1 for credits), so a question reads only the entries of its categories.
 */
interface WindowEntries {
  /** The customer row. */
  readonly row: Int32Array;
  readonly count30: Uint16Array;
  readonly count90: Uint16Array;
  readonly count180: Uint16Array;
  readonly count365: Uint16Array;
  readonly sum30: Int32Array;
  readonly sum90: Int32Array;
  readonly sum180: Int32Array;
  readonly sum365: Int32Array;
  /** Feature day − the latest booking day (0 … 364). */
  readonly age: Uint16Array;
}

/** Window entries as computed, customer by customer, with their key. */
interface KeyedWindowEntries extends WindowEntries {
  readonly key: Uint16Array;
}

/** Recurring entries: one per (customer, merchant, category) of debits, for merchants paid in ≥ 3 months. */
interface RecurringEntries {
  readonly merchant: Int32Array;
  readonly category: Uint16Array;
  /** Bit b: a payment in the b-th calendar month from the one of (feature day − 364). */
  readonly months365: Uint16Array;
  /** Bit b: a payment within 180 days in the b-th calendar month from the one of (feature day − 179). */
  readonly months180: Uint8Array;
}

function windowEntries(capacity: number): KeyedWindowEntries {
  return {
    key: new Uint16Array(capacity),
    row: new Int32Array(capacity),
    count30: new Uint16Array(capacity),
    count90: new Uint16Array(capacity),
    count180: new Uint16Array(capacity),
    count365: new Uint16Array(capacity),
    sum30: new Int32Array(capacity),
    sum90: new Int32Array(capacity),
    sum180: new Int32Array(capacity),
    sum365: new Int32Array(capacity),
    age: new Uint16Array(capacity),
  };
}

function recurringEntries(capacity: number): RecurringEntries {
  return {
    merchant: new Int32Array(capacity),
    category: new Uint16Array(capacity),
    months365: new Uint16Array(capacity),
    months180: new Uint8Array(capacity),
  };
}

type AnyArray = Int32Array | Uint16Array | Uint8Array;

/** The same columns, each passed through `f` (which keeps the element type). */
function mapColumns<T extends object>(columns: T, f: (array: AnyArray) => AnyArray): T {
  const out: Record<string, AnyArray> = {};
  for (const [name, array] of Object.entries(columns) as [string, AnyArray][]) out[name] = f(array);
  return out as T;
}

function resized(array: AnyArray, length: number): AnyArray {
  const next =
    array instanceof Int32Array
      ? new Int32Array(length)
      : array instanceof Uint16Array
        ? new Uint16Array(length)
        : new Uint8Array(length);
  next.set(array.subarray(0, Math.min(length, array.length)));
  return next;
}

function copyColumns<T extends object>(target: T, source: T, from: number, to: number, at: number): void {
  if (to <= from) return;
  const sources = source as Record<string, AnyArray>;
  for (const [name, array] of Object.entries(target) as [string, AnyArray][]) {
    array.set(sources[name]!.subarray(from, to), at);
  }
}

/** Where the previous feature set can be reused: rows of customers whose transactions did not change. */
export interface FeatureReuse {
  readonly previous: FeatureSet;
  readonly previousIds: Int32Array;
  /** Per new customer row r, rows r with changed transactions have changedStart[r + 1] > changedStart[r]. */
  readonly changedStart: Int32Array;
}

export class FeatureSet {
  /** The feature day, days since 1970-01-01. */
  readonly day: number;
  readonly currency: string;
  /** Window entries of key k are keyStart[k] … keyStart[k + 1] (keys beyond its length have none). */
  readonly keyStart: Int32Array;
  /** Customer row r owns recurring entries recurringStart[r] … recurringStart[r + 1]. */
  readonly recurringStart: Int32Array;
  /** 1 for customer rows whose values do not fit the entries: their questions scan. */
  readonly scan: Uint8Array;
  readonly window: WindowEntries;
  readonly recurring: RecurringEntries;

  private constructor(
    day: number,
    currency: string,
    keyStart: Int32Array,
    recurringStart: Int32Array,
    scan: Uint8Array,
    window: WindowEntries,
    recurring: RecurringEntries,
  ) {
    this.day = day;
    this.currency = currency;
    this.keyStart = keyStart;
    this.recurringStart = recurringStart;
    this.scan = scan;
    this.window = window;
    this.recurring = recurring;
  }

  /**
   * The features of every customer on `day`, recomputing only changed customers when `reuse` is given.
   * Undefined when the features cannot be kept at all (a day outside the store's range, too many categories).
   */
  static compute(
    data: ColumnarData,
    dictionaries: Dictionaries,
    currency: string,
    day: number,
    reuse?: FeatureReuse,
  ): FeatureSet | undefined {
    if (day < 0 || day > lastStorableDay || dictionaries.categories.values.length > 0x7fff) return undefined;
    if (reuse !== undefined && (reuse.previous.day !== day || reuse.previous.currency !== currency)) {
      return FeatureSet.compute(data, dictionaries, currency, day);
    }
    return new FeatureBuilder(data, dictionaries, currency, day).build(reuse);
  }

  /** @internal Used by the builder. */
  static of(
    day: number,
    currency: string,
    keyStart: Int32Array,
    recurringStart: Int32Array,
    scan: Uint8Array,
    window: WindowEntries,
    recurring: RecurringEntries,
  ): FeatureSet {
    return new FeatureSet(day, currency, keyStart, recurringStart, scan, window, recurring);
  }

  /** Bytes of every typed array the features hold. */
  bytes(): number {
    const arrays: ArrayBufferView[] = [
      this.keyStart,
      this.recurringStart,
      this.scan,
      ...(Object.values(this.window) as AnyArray[]),
      ...(Object.values(this.recurring) as AnyArray[]),
    ];
    return arrays.reduce((sum, array) => sum + array.byteLength, 0);
  }

  /**
   * Every customer row's value of `read`, computed on the first call and kept; rows whose values do not fit
   * the features get theirs from `fallback` (a scan).
   */
  values(read: FeatureRead, dictionaries: Dictionaries, fallback: RowValue): () => Float64Array {
    const categoryCount = dictionaries.categories.values.length;
    const allowedCategory = new Uint8Array(categoryCount);
    if (read.categories === undefined) allowedCategory.fill(1);
    else {
      for (const name of read.categories) {
        const id = dictionaries.categories.lookup(name);
        if (id !== undefined) allowedCategory[id] = 1;
      }
    }
    let values: Float64Array | undefined;
    if (read.kind === 'recurring') {
      return () => (values ??= this.#recurringValues(read.window, read.direction, allowedCategory, fallback));
    }
    const keys: number[] = [];
    for (let id = 0; id < categoryCount; id++) {
      if (allowedCategory[id] !== 1) continue;
      if (read.direction !== 'C') keys.push(id * 2);
      if (read.direction !== 'D') keys.push(id * 2 + 1);
    }
    const held = keys.filter((k) => k + 1 < this.keyStart.length);
    return () => (values ??= this.#values(read.fn, read.window, held, fallback));
  }

  #recurringValues(
    window: RecurringIndex,
    direction: Direction | undefined,
    allowedCategory: Uint8Array,
    fallback: RowValue,
  ): Float64Array {
    const { recurringStart, scan } = this;
    const { merchant, category } = this.recurring;
    const months = window === 0 ? this.recurring.months180 : this.recurring.months365;
    const customers = scan.length;
    const values = new Float64Array(customers);
    if (direction === 'C') return values;
    for (let row = 0; row < customers; row++) {
      let merchants = 0;
      let current = -1;
      let mask = 0;
      for (let k = recurringStart[row]!; k < recurringStart[row + 1]!; k++) {
        if (merchant[k] !== current) {
          if (bitCount[mask]! >= 3) merchants++;
          current = merchant[k]!;
          mask = 0;
        }
        if (allowedCategory[category[k]!] === 1) mask |= months[k]!;
      }
      if (bitCount[mask]! >= 3) merchants++;
      values[row] = merchants;
    }
    for (let r = scan.indexOf(1); r >= 0; r = scan.indexOf(1, r + 1)) values[r] = fallback(r);
    return values;
  }

  #values(
    fn: Exclude<AggregateFunction, 'min' | 'max'>,
    window: WindowIndex,
    keys: readonly number[],
    fallback: RowValue,
  ): Float64Array {
    const { keyStart, scan } = this;
    const { row, age } = this.window;
    const w = this.window;
    const count = [w.count30, w.count90, w.count180, w.count365][window]!;
    const sum = [w.sum30, w.sum90, w.sum180, w.sum365][window]!;
    const customers = scan.length;
    const values = new Float64Array(customers);
    switch (fn) {
      case 'count':
        for (const k of keys)
          for (let e = keyStart[k]!; e < keyStart[k + 1]!; e++) values[row[e]!]! += count[e]!;
        break;
      case 'sum':
        for (const k of keys)
          for (let e = keyStart[k]!; e < keyStart[k + 1]!; e++) values[row[e]!]! += sum[e]!;
        break;
      case 'average': {
        const n = new Float64Array(customers);
        for (const k of keys) {
          for (let e = keyStart[k]!; e < keyStart[k + 1]!; e++) {
            n[row[e]!]! += count[e]!;
            values[row[e]!]! += sum[e]!;
          }
        }
        for (let r = 0; r < customers; r++) if (n[r] === 0) values[r] = Number.NaN;
        for (let r = 0; r < customers; r++) values[r]! /= n[r]!;
        break;
      }
      case 'daysSinceLast': {
        // Entries exist only for transactions within 365 days; a window of fewer days sees fewer.
        const days = windowFeatureDays[window];
        values.fill(days);
        for (const k of keys) {
          for (let e = keyStart[k]!; e < keyStart[k + 1]!; e++) {
            if (age[e]! < values[row[e]!]!) values[row[e]!] = age[e]!;
          }
        }
        for (let r = 0; r < customers; r++) if (values[r] === days) values[r] = Number.NaN;
        break;
      }
      default:
        return unreachable(fn);
    }
    for (let r = scan.indexOf(1); r >= 0; r = scan.indexOf(1, r + 1)) values[r] = fallback(r);
    return values;
  }
}

/** Computes feature entries customer by customer into growing arrays. */
class FeatureBuilder {
  readonly #data: ColumnarData;
  readonly #currency: string;
  readonly #day: number;
  /** Per transaction kind: category × 2 + credit when in the base currency, else −1. */
  readonly #kindKey: Int32Array;
  readonly #months = monthTable();
  readonly #firstMonth365: number;
  readonly #firstMonth180: number;
  // Per-customer scratch, indexed by window key, reset after each customer.
  readonly #count: [Int32Array, Int32Array, Int32Array, Int32Array];
  readonly #sum: [Float64Array, Float64Array, Float64Array, Float64Array];
  readonly #age: Int32Array;
  readonly #touched: Int32Array;
  readonly #merchantMonths: Uint16Array;
  readonly #touchedMerchants: Int32Array;
  #recurringKeys = new Float64Array(64);

  #window = windowEntries(1024);
  #windowLength = 0;
  #recurring = recurringEntries(256);
  #recurringLength = 0;

  constructor(data: ColumnarData, dictionaries: Dictionaries, currency: string, day: number) {
    this.#data = data;
    this.#currency = currency;
    this.#day = day;
    const { kinds, currencies, categories } = dictionaries;
    const currencyId = currencies.lookup(currency);
    this.#kindKey = new Int32Array(kinds.size);
    for (let k = 0; k < kinds.size; k++) {
      this.#kindKey[k] = kinds.currency[k] === currencyId ? kinds.category[k]! * 2 + kinds.credit[k]! : -1;
    }
    this.#firstMonth365 = this.#months[Math.max(0, day - 364)]!;
    this.#firstMonth180 = this.#months[Math.max(0, day - 179)]!;
    const keys = categories.values.length * 2;
    this.#count = [new Int32Array(keys), new Int32Array(keys), new Int32Array(keys), new Int32Array(keys)];
    this.#sum = [
      new Float64Array(keys),
      new Float64Array(keys),
      new Float64Array(keys),
      new Float64Array(keys),
    ];
    this.#age = new Int32Array(keys).fill(-1);
    this.#touched = new Int32Array(keys);
    this.#merchantMonths = new Uint16Array(dictionaries.merchants.values.length);
    this.#touchedMerchants = new Int32Array(dictionaries.merchants.values.length);
  }

  build(reuse: FeatureReuse | undefined): FeatureSet {
    const ids = this.#data.customers.ids;
    const customers = ids.length;
    const recurringStart = new Int32Array(customers + 1);
    const scan = new Uint8Array(customers);
    // New row of each previous row whose entries are kept, or −1.
    const keptAs = new Int32Array(reuse?.previousIds.length ?? 0).fill(-1);
    // A pending bulk copy of the previous set's recurring entries [from, to).
    let from = 0;
    let to = 0;
    const flush = () => {
      if (reuse === undefined || to === from) return;
      this.#reserve(0, to - from);
      copyColumns(this.#recurring, reuse.previous.recurring, from, to, this.#recurringLength);
      this.#recurringLength += to - from;
      from = to = 0;
    };
    let o = 0;
    for (let r = 0; r < customers; r++) {
      let oldRow = -1;
      if (reuse !== undefined && reuse.changedStart[r + 1] === reuse.changedStart[r]) {
        const oldIds = reuse.previousIds;
        while (o < oldIds.length && oldIds[o]! < ids[r]!) o++;
        if (o < oldIds.length && oldIds[o] === ids[r]) oldRow = o;
      }
      if (oldRow >= 0) {
        const previous = reuse!.previous;
        keptAs[oldRow] = r;
        scan[r] = previous.scan[oldRow]!;
        const oFrom = previous.recurringStart[oldRow]!;
        const oTo = previous.recurringStart[oldRow + 1]!;
        if (to > from && to !== oFrom) flush();
        if (to === from) from = oFrom;
        to = oTo;
        recurringStart[r + 1] = this.#recurringLength + to - from;
        continue;
      }
      flush();
      scan[r] = this.#customer(r) ? 0 : 1;
      recurringStart[r + 1] = this.#recurringLength;
    }
    flush();
    const { keyStart, window } = this.#groupByKey(reuse?.previous, keptAs);
    return FeatureSet.of(
      this.#day,
      this.#currency,
      keyStart,
      recurringStart,
      scan,
      window,
      mapColumns(this.#recurring, (array) => array.slice(0, this.#recurringLength)),
    );
  }

  /** The kept previous window entries (rows renumbered) and the computed ones, grouped by key. */
  #groupByKey(
    previous: FeatureSet | undefined,
    keptAs: Int32Array,
  ): { keyStart: Int32Array; window: WindowEntries } {
    const keyCount = this.#age.length;
    const keyStart = new Int32Array(keyCount + 1);
    const old = previous?.window;
    const oldStart = previous?.keyStart ?? new Int32Array(1);
    for (let k = 0; k + 1 < oldStart.length; k++) {
      for (let e = oldStart[k]!; e < oldStart[k + 1]!; e++)
        if (keptAs[old!.row[e]!]! >= 0) keyStart[k + 1]!++;
    }
    const fresh = this.#window;
    const freshLength = this.#windowLength;
    for (let e = 0; e < freshLength; e++) keyStart[fresh.key[e]! + 1]!++;
    for (let k = 0; k < keyCount; k++) keyStart[k + 1]! += keyStart[k]!;
    const total = keyStart[keyCount]!;
    const out: WindowEntries = {
      row: new Int32Array(total),
      count30: new Uint16Array(total),
      count90: new Uint16Array(total),
      count180: new Uint16Array(total),
      count365: new Uint16Array(total),
      sum30: new Int32Array(total),
      sum90: new Int32Array(total),
      sum180: new Int32Array(total),
      sum365: new Int32Array(total),
      age: new Uint16Array(total),
    };
    const next = keyStart.slice(0, keyCount);
    const put = (source: WindowEntries, e: number, k: number, row: number) => {
      const at = next[k]!++;
      out.row[at] = row;
      out.count30[at] = source.count30[e]!;
      out.count90[at] = source.count90[e]!;
      out.count180[at] = source.count180[e]!;
      out.count365[at] = source.count365[e]!;
      out.sum30[at] = source.sum30[e]!;
      out.sum90[at] = source.sum90[e]!;
      out.sum180[at] = source.sum180[e]!;
      out.sum365[at] = source.sum365[e]!;
      out.age[at] = source.age[e]!;
    };
    for (let k = 0; k + 1 < oldStart.length; k++) {
      for (let e = oldStart[k]!; e < oldStart[k + 1]!; e++) {
        const row = keptAs[old!.row[e]!]!;
        if (row >= 0) put(old!, e, k, row);
      }
    }
    for (let e = 0; e < freshLength; e++) put(fresh, e, fresh.key[e]!, fresh.row[e]!);
    return { keyStart, window: out };
  }

  #reserve(window: number, recurring: number): void {
    if (this.#windowLength + window > this.#window.key.length) {
      const length = this.#windowLength + window;
      this.#window = mapColumns(this.#window, (array) => resized(array, Math.max(length, array.length * 2)));
    }
    if (this.#recurringLength + recurring > this.#recurring.merchant.length) {
      const length = this.#recurringLength + recurring;
      this.#recurring = mapColumns(this.#recurring, (array) =>
        resized(array, Math.max(length, array.length * 2)),
      );
    }
  }

  /** Appends the entries of customer row `r`; false (and nothing appended) when they do not fit. */
  #customer(r: number): boolean {
    const { txStart } = this.#data.customers;
    const { day, amount, kind } = this.#data.transactions;
    const featureDay = this.#day;
    const end = txStart[r + 1]!;
    const from = lowerBound(day, txStart[r]!, end, featureDay - 364);
    const to = lowerBound(day, from, end, featureDay + 1);
    const kindKey = this.#kindKey;
    const [count30, count90, count180, count365] = this.#count;
    const [sum30, sum90, sum180, sum365] = this.#sum;
    const age = this.#age;
    const touched = this.#touched;
    let touchedCount = 0;
    let total = 0;
    for (let i = from; i < to; i++) {
      const k = kindKey[kind[i]!]!;
      if (k < 0) continue;
      const a = amount[i]!;
      const since = featureDay - day[i]!;
      total += Math.abs(a);
      if (age[k] === -1) touched[touchedCount++] = k;
      // Days ascend, so the last transaction seen is the latest.
      age[k] = since;
      count365[k]!++;
      sum365[k]! += a;
      if (since < 180) {
        count180[k]!++;
        sum180[k]! += a;
        if (since < 90) {
          count90[k]!++;
          sum90[k]! += a;
          if (since < 30) {
            count30[k]!++;
            sum30[k]! += a;
          }
        }
      }
    }
    let fits = total < exactTotal;
    for (let t = 0; t < touchedCount && fits; t++) {
      const k = touched[t]!;
      fits =
        count365[k]! <= 0xffff &&
        sum365[k]! >= int32Min &&
        sum365[k]! <= int32Max &&
        sum180[k]! >= int32Min &&
        sum180[k]! <= int32Max &&
        sum90[k]! >= int32Min &&
        sum90[k]! <= int32Max &&
        sum30[k]! >= int32Min &&
        sum30[k]! <= int32Max;
    }
    if (fits) {
      this.#reserve(touchedCount, 0);
      const w = this.#window;
      for (let t = 0; t < touchedCount; t++) {
        const k = touched[t]!;
        const at = this.#windowLength++;
        w.key[at] = k;
        w.row[at] = r;
        w.count30[at] = count30[k]!;
        w.count90[at] = count90[k]!;
        w.count180[at] = count180[k]!;
        w.count365[at] = count365[k]!;
        w.sum30[at] = sum30[k]!;
        w.sum90[at] = sum90[k]!;
        w.sum180[at] = sum180[k]!;
        w.sum365[at] = sum365[k]!;
        w.age[at] = age[k]!;
      }
    }
    for (let t = 0; t < touchedCount; t++) {
      const k = touched[t]!;
      count30[k] = count90[k] = count180[k] = count365[k] = 0;
      sum30[k] = sum90[k] = sum180[k] = sum365[k] = 0;
      age[k] = -1;
    }
    if (fits) this.#recurringOf(from, to);
    return fits;
  }

  /** Appends the recurring entries of the debits in [from, to), the customer's last 365 days. */
  #recurringOf(from: number, to: number): void {
    const { day, kind, merchant } = this.#data.transactions;
    const kindKey = this.#kindKey;
    const months = this.#months;
    const firstMonth = this.#firstMonth365;
    const merchantMonths = this.#merchantMonths;
    const touched = this.#touchedMerchants;
    let touchedCount = 0;
    for (let i = from; i < to; i++) {
      const m = merchant[i]!;
      const k = kindKey[kind[i]!]!;
      if (m < 0 || k < 0 || (k & 1) === 1) continue;
      if (merchantMonths[m] === 0) touched[touchedCount++] = m;
      merchantMonths[m]! |= 1 << (months[day[i]!]! - firstMonth);
    }
    // Entries only for merchants paid in at least 3 months: no subset of categories makes others recurring.
    let keys = 0;
    for (let i = from; i < to; i++) {
      const m = merchant[i]!;
      const k = kindKey[kind[i]!]!;
      if (m < 0 || k < 0 || (k & 1) === 1 || bitCount[merchantMonths[m]!]! < 3) continue;
      if (keys === this.#recurringKeys.length) {
        const next = new Float64Array(keys * 2);
        next.set(this.#recurringKeys);
        this.#recurringKeys = next;
      }
      const in180 = day[i]! > this.#day - 180 ? 1 : 0;
      this.#recurringKeys[keys++] =
        ((m * 0x10000 + (k >> 1)) * 16 + (months[day[i]!]! - firstMonth)) * 2 + in180;
    }
    for (let t = 0; t < touchedCount; t++) merchantMonths[touched[t]!] = 0;
    if (keys === 0) return;
    const sorted = this.#recurringKeys.subarray(0, keys).sort();
    const offset180 = this.#firstMonth180 - firstMonth;
    let pair = -1;
    for (let j = 0; j < keys; j++) {
      const key = sorted[j]!;
      const in180 = key % 2;
      const month = Math.floor(key / 2) % 16;
      const next = Math.floor(key / 32);
      if (next !== pair) {
        pair = next;
        this.#reserve(0, 1);
        const at = this.#recurringLength++;
        this.#recurring.merchant[at] = Math.floor(next / 0x10000);
        this.#recurring.category[at] = next % 0x10000;
        this.#recurring.months365[at] = 0;
        this.#recurring.months180[at] = 0;
      }
      const at = this.#recurringLength - 1;
      this.#recurring.months365[at]! |= 1 << month;
      if (in180 === 1) this.#recurring.months180[at]! |= 1 << (month - offset180);
    }
  }
}

function unreachable(value: never): never {
  throw new Error(`unhandled feature read: ${JSON.stringify(value)}`);
}
