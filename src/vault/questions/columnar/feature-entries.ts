// The layout of the feature entries (window and recurring) as typed columns, and the helpers that grow and copy them.

/** Bits set in a 13-bit month mask. */
export const bitCount = (() => {
  const table = new Uint8Array(1 << 13);
  for (let mask = 1; mask < table.length; mask++) table[mask] = table[mask >> 1]! + (mask & 1);
  return table;
})();

/**
 * Window entries: one per (customer, category, direction) with a transaction within 365 days, grouped by
 * key (category id × 2 + 1 for credits), so a question reads only the entries of its categories.
 */
export interface WindowEntries {
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
export interface KeyedWindowEntries extends WindowEntries {
  readonly key: Uint16Array;
}

/** Recurring entries: one per (customer, merchant, category) of debits, for merchants paid in ≥ 3 months. */
export interface RecurringEntries {
  readonly merchant: Int32Array;
  readonly category: Uint16Array;
  /** Bit b: a payment in the b-th calendar month from the one of (feature day − 364). */
  readonly months365: Uint16Array;
  /** Bit b: a payment within 180 days in the b-th calendar month from the one of (feature day − 179). */
  readonly months180: Uint8Array;
}

export function windowEntries(capacity: number): KeyedWindowEntries {
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

export function recurringEntries(capacity: number): RecurringEntries {
  return {
    merchant: new Int32Array(capacity),
    category: new Uint16Array(capacity),
    months365: new Uint16Array(capacity),
    months180: new Uint8Array(capacity),
  };
}

export type AnyArray = Int32Array | Uint16Array | Uint8Array;

/** The same columns, each passed through `f` (which keeps the element type). */
export function mapColumns<T extends object>(columns: T, f: (array: AnyArray) => AnyArray): T {
  const out: Record<string, AnyArray> = {};
  for (const [name, array] of Object.entries(columns) as [string, AnyArray][]) out[name] = f(array);
  return out as T;
}

export function resized(array: AnyArray, length: number): AnyArray {
  const next =
    array instanceof Int32Array
      ? new Int32Array(length)
      : array instanceof Uint16Array
        ? new Uint16Array(length)
        : new Uint8Array(length);
  next.set(array.subarray(0, Math.min(length, array.length)));
  return next;
}

export function copyColumns<T extends object>(
  target: T,
  source: T,
  from: number,
  to: number,
  at: number,
): void {
  if (to <= from) return;
  const sources = source as Record<string, AnyArray>;
  for (const [name, array] of Object.entries(target) as [string, AnyArray][]) {
    array.set(sources[name]!.subarray(from, to), at);
  }
}

/** The columns of a feature set: what the builder computes and a FeatureSet reads. */
export interface FeatureColumns {
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
}
