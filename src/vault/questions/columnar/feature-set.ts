// The features of every customer for one feature day (see features.ts): how a question reads them.
import type { ColumnarData, Dictionaries } from './columnar-data.ts';
import { lastStorableDay } from './day-numbers.ts';
import type { AggregateFunction, Direction } from '../../../language/plan.ts';
import { unreachable } from '../../../core/unreachable.ts';
import { FeatureBuilder, type FeatureReuse } from './feature-builder.ts';
import {
  bitCount,
  type AnyArray,
  type FeatureColumns,
  type RecurringEntries,
  type WindowEntries,
} from './feature-entries.ts';
import { windowFeatureDays, type FeatureRead, type RecurringIndex, type WindowIndex } from './features.ts';

/** A value of one customer row; NaN when absent. */
export type RowValue = (row: number) => number;

export class FeatureSet implements FeatureColumns {
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

  private constructor(columns: FeatureColumns) {
    this.day = columns.day;
    this.currency = columns.currency;
    this.keyStart = columns.keyStart;
    this.recurringStart = columns.recurringStart;
    this.scan = columns.scan;
    this.window = columns.window;
    this.recurring = columns.recurring;
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
    return new FeatureSet(new FeatureBuilder(data, dictionaries, currency, day).build(reuse));
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
        return unreachable(fn, 'feature read');
    }
    for (let r = scan.indexOf(1); r >= 0; r = scan.indexOf(1, r + 1)) values[r] = fallback(r);
    return values;
  }
}
