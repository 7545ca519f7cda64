// Computes the feature entries of every customer for one feature day from the columnar data, customer by
// customer, reusing the previous day's entries of customers whose transactions did not change.
import { lowerBound, type ColumnarData, type Dictionaries } from './columnar-data.ts';
import { monthTable } from './day-numbers.ts';
import {
  bitCount,
  copyColumns,
  mapColumns,
  recurringEntries,
  resized,
  windowEntries,
  type FeatureColumns,
  type WindowEntries,
} from './feature-entries.ts';

const int32Max = 0x7fffffff;
const int32Min = -0x80000000;
/** Below this, every partial sum of a customer's amounts is an exact float64 in any order. */
const exactTotal = 2 ** 52;

/** Where the previous feature set can be reused: rows of customers whose transactions did not change. */
export interface FeatureReuse {
  readonly previous: FeatureColumns;
  readonly previousIds: Int32Array;
  /** Per new customer row r, rows r with changed transactions have changedStart[r + 1] > changedStart[r]. */
  readonly changedStart: Int32Array;
}

/** Computes feature entries customer by customer into growing arrays. */
export class FeatureBuilder {
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

  build(reuse: FeatureReuse | undefined): FeatureColumns {
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
    return {
      day: this.#day,
      currency: this.#currency,
      keyStart,
      recurringStart,
      scan,
      window,
      recurring: mapColumns(this.#recurring, (array) => array.slice(0, this.#recurringLength)),
    };
  }

  /** The kept previous window entries (rows renumbered) and the computed ones, grouped by key. */
  #groupByKey(
    previous: FeatureColumns | undefined,
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
