// The columnar layout of the vault's active data, and the pure operations that build and merge it.
import { detach } from '../../../core/detach.ts';

/** Marks a transaction without an MCC in the Int16 mcc column (not a valid ISO 18245 code). */
export const noMcc = -0x8000;
/** Marks a transaction without a merchant name in the merchant column. */
export const noMerchant = -1;

/** What a columnar store covers: every transaction with id ≤ `maxTransactionId`, plus applied batches above it. */
export interface ColumnarCoverage {
  readonly maxTransactionId: number;
  /** Batch id → highest transaction id applied from that batch above `maxTransactionId`. */
  readonly batches: ReadonlyMap<number, number>;
}

/** Interned strings: a stable small integer per distinct value. */
export class Dictionary {
  readonly values: string[];
  readonly #ids = new Map<string, number>();

  constructor(values: readonly string[] = []) {
    this.values = [];
    for (const value of values) this.intern(value);
  }

  intern(value: string): number {
    let id = this.#ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      // A value sliced from a large chunk of input would keep the whole chunk alive.
      const kept = detach(value);
      this.values.push(kept);
      this.#ids.set(kept, id);
    }
    return id;
  }

  lookup(value: string): number | undefined {
    return this.#ids.get(value);
  }
}

/**
 * A transaction kind packs category, currency and direction into one Uint16 id, so that a filter
 * on all three is one table lookup per row.
 */
export class KindDictionary {
  readonly category: number[] = [];
  readonly currency: number[] = [];
  /** 0 for debit ('D'), 1 for credit ('C'). */
  readonly credit: number[] = [];
  readonly #ids = new Map<number, number>();

  intern(category: number, currency: number, credit: number): number {
    const key = (category * 0x10000 + currency) * 2 + credit;
    let id = this.#ids.get(key);
    if (id === undefined) {
      id = this.category.length;
      if (id > 0xffff) throw new RangeError('more than 65,536 (category, currency, direction) kinds');
      this.category.push(category);
      this.currency.push(currency);
      this.credit.push(credit);
      this.#ids.set(key, id);
    }
    return id;
  }

  get size(): number {
    return this.category.length;
  }
}

export interface Dictionaries {
  readonly categories: Dictionary;
  readonly currencies: Dictionary;
  readonly merchants: Dictionary;
  readonly products: Dictionary;
  readonly kinds: KindDictionary;
}

export function emptyDictionaries(): Dictionaries {
  return {
    categories: new Dictionary(),
    currencies: new Dictionary(),
    merchants: new Dictionary(),
    products: new Dictionary(),
    kinds: new KindDictionary(),
  };
}

/** Transactions, one array per field, grouped by customer and sorted by day within a customer. */
export interface TransactionColumns {
  /** Days since 1970-01-01. */
  readonly day: Uint16Array;
  /** Minor units; exact up to 2^53. */
  readonly amount: Float64Array;
  readonly kind: Uint16Array;
  readonly mcc: Int16Array;
  readonly merchant: Int32Array;
}

/** Products held, grouped by customer (order within a customer is irrelevant). */
export interface ProductColumns {
  readonly code: Uint16Array;
  readonly since: Int32Array;
  /** `noDay` when the product is still held. */
  readonly until: Int32Array;
}

/** Active customers, ascending by id; row r owns transactions txStart[r] … txStart[r+1]. */
export interface CustomerTable {
  readonly ids: Int32Array;
  readonly txStart: Int32Array;
  /** Earliest opened_on of the customer's accounts, or `noDay`. */
  readonly firstOpenDay: Int32Array;
  /**
   * Birth month (`year * 12 + month − 1`, src/core/age-bands.ts) or `noBirthMonth`: never the date of birth,
   * which the store does not hold.
   */
  readonly birthMonth: Int32Array;
  readonly productStart: Int32Array;
}

/** A customer without a date of birth. */
export const noBirthMonth = -1;

export interface ColumnarData {
  readonly customers: CustomerTable;
  readonly transactions: TransactionColumns;
  readonly products: ProductColumns;
}

export function transactionCount(data: ColumnarData): number {
  return data.transactions.day.length;
}

/** Row of `id` in an ascending id list, or -1. */
export function rowOf(ids: Int32Array, id: number): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const value = ids[mid]!;
    if (value < id) lo = mid + 1;
    else if (value > id) hi = mid - 1;
    else return mid;
  }
  return -1;
}

function grow<T extends Int32Array | Uint16Array | Int16Array | Float64Array>(
  array: T,
  make: (length: number) => T,
  length: number,
): T {
  const next = make(length);
  next.set(array);
  return next;
}

/** Transactions as they arrive (any order), each tagged with the row of its customer. */
export class TransactionBuffer {
  length = 0;
  row: Int32Array;
  day: Uint16Array;
  amount: Float64Array;
  kind: Uint16Array;
  mcc: Int16Array;
  merchant: Int32Array;

  constructor(capacity = 1024) {
    const size = Math.max(16, capacity);
    this.row = new Int32Array(size);
    this.day = new Uint16Array(size);
    this.amount = new Float64Array(size);
    this.kind = new Uint16Array(size);
    this.mcc = new Int16Array(size);
    this.merchant = new Int32Array(size);
  }

  push(row: number, day: number, amount: number, kind: number, mcc: number, merchant: number): void {
    if (this.length === this.row.length) {
      const size = this.length * 2;
      this.row = grow(this.row, (n) => new Int32Array(n), size);
      this.day = grow(this.day, (n) => new Uint16Array(n), size);
      this.amount = grow(this.amount, (n) => new Float64Array(n), size);
      this.kind = grow(this.kind, (n) => new Uint16Array(n), size);
      this.mcc = grow(this.mcc, (n) => new Int16Array(n), size);
      this.merchant = grow(this.merchant, (n) => new Int32Array(n), size);
    }
    const i = this.length++;
    this.row[i] = row;
    this.day[i] = day;
    this.amount[i] = amount;
    this.kind[i] = kind;
    this.mcc[i] = mcc;
    this.merchant[i] = merchant;
  }
}

export interface Slices {
  readonly start: Int32Array;
  readonly columns: TransactionColumns;
}

/**
 * Groups buffered transactions by customer row (a counting sort) and sorts each customer's slice by
 * day, keeping arrival order among equal days. Permutes one column at a time to bound peak memory.
 */
export function sliceByCustomer(buffer: TransactionBuffer, customerCount: number): Slices {
  const n = buffer.length;
  const start = new Int32Array(customerCount + 1);
  for (let i = 0; i < n; i++) start[buffer.row[i]! + 1]!++;
  for (let r = 0; r < customerCount; r++) start[r + 1]! += start[r]!;
  const order = new Int32Array(n);
  const next = start.slice(0, customerCount);
  for (let i = 0; i < n; i++) order[next[buffer.row[i]!]!++] = i;
  const day = buffer.day;
  for (let r = 0; r < customerCount; r++) {
    const from = start[r]!;
    const to = start[r + 1]!;
    let sorted = true;
    for (let k = from + 1; k < to && sorted; k++) sorted = day[order[k - 1]!]! <= day[order[k]!]!;
    if (!sorted) order.subarray(from, to).sort((a, b) => day[a]! - day[b]! || a - b);
  }
  const permute = <T extends Uint16Array | Float64Array | Int16Array | Int32Array>(
    source: T,
    make: (length: number) => T,
  ): T => {
    const target = make(n);
    for (let k = 0; k < n; k++) target[k] = source[order[k]!]!;
    return target;
  };
  return {
    start,
    columns: {
      day: permute(buffer.day, (m) => new Uint16Array(m)),
      amount: permute(buffer.amount, (m) => new Float64Array(m)),
      kind: permute(buffer.kind, (m) => new Uint16Array(m)),
      mcc: permute(buffer.mcc, (m) => new Int16Array(m)),
      merchant: permute(buffer.merchant, (m) => new Int32Array(m)),
    },
  };
}

export function emptySlices(customerCount: number): Slices {
  return {
    start: new Int32Array(customerCount + 1),
    columns: {
      day: new Uint16Array(0),
      amount: new Float64Array(0),
      kind: new Uint16Array(0),
      mcc: new Int16Array(0),
      merchant: new Int32Array(0),
    },
  };
}

/**
 * Builds the transaction slices of `newIds` from the old slices (customers present in both keep their
 * rows; customers only in `oldIds` are dropped) merged with `delta`, whose rows are indexed by `newIds`.
 * Unaffected runs of customers are copied in bulk.
 */
export function mergeSlices(oldIds: Int32Array, old: Slices, newIds: Int32Array, delta: Slices): Slices {
  const m = newIds.length;
  const start = new Int32Array(m + 1);
  const oldRowOf = new Int32Array(m);
  let o = 0;
  let total = 0;
  for (let r = 0; r < m; r++) {
    const id = newIds[r]!;
    while (o < oldIds.length && oldIds[o]! < id) o++;
    const oldRow = o < oldIds.length && oldIds[o] === id ? o : -1;
    oldRowOf[r] = oldRow;
    start[r] = total;
    total +=
      (oldRow >= 0 ? old.start[oldRow + 1]! - old.start[oldRow]! : 0) + delta.start[r + 1]! - delta.start[r]!;
  }
  start[m] = total;
  const a = old.columns;
  const d = delta.columns;
  const out: TransactionColumns = {
    day: new Uint16Array(total),
    amount: new Float64Array(total),
    kind: new Uint16Array(total),
    mcc: new Int16Array(total),
    merchant: new Int32Array(total),
  };
  const copyRange = (source: TransactionColumns, from: number, to: number, at: number) => {
    if (to <= from) return;
    out.day.set(source.day.subarray(from, to), at);
    out.amount.set(source.amount.subarray(from, to), at);
    out.kind.set(source.kind.subarray(from, to), at);
    out.mcc.set(source.mcc.subarray(from, to), at);
    out.merchant.set(source.merchant.subarray(from, to), at);
  };
  const copyOne = (source: TransactionColumns, i: number, at: number) => {
    out.day[at] = source.day[i]!;
    out.amount[at] = source.amount[i]!;
    out.kind[at] = source.kind[i]!;
    out.mcc[at] = source.mcc[i]!;
    out.merchant[at] = source.merchant[i]!;
  };
  // A pending bulk copy of old rows [runFrom, runTo) to position runAt.
  let runFrom = 0;
  let runTo = 0;
  let runAt = 0;
  const flush = () => {
    copyRange(a, runFrom, runTo, runAt);
    runFrom = runTo = runAt = 0;
  };
  for (let r = 0; r < m; r++) {
    const oldRow = oldRowOf[r]!;
    const oFrom = oldRow >= 0 ? old.start[oldRow]! : 0;
    const oTo = oldRow >= 0 ? old.start[oldRow + 1]! : 0;
    const dFrom = delta.start[r]!;
    const dTo = delta.start[r + 1]!;
    const at = start[r]!;
    if (dFrom === dTo) {
      if (oTo === oFrom) continue;
      if (runTo > runFrom && runTo === oFrom && runAt + (runTo - runFrom) === at) {
        runTo = oTo;
      } else {
        flush();
        runFrom = oFrom;
        runTo = oTo;
        runAt = at;
      }
      continue;
    }
    flush();
    let i = oFrom;
    let j = dFrom;
    let k = at;
    while (i < oTo && j < dTo) {
      if (a.day[i]! <= d.day[j]!) copyOne(a, i++, k++);
      else copyOne(d, j++, k++);
    }
    copyRange(a, i, oTo, k);
    copyRange(d, j, dTo, k + (oTo - i));
  }
  flush();
  return { start, columns: out };
}

/** Products held as arrival-ordered entries, each tagged with the row of its customer. */
export class ProductBuffer {
  readonly row: number[] = [];
  readonly code: number[] = [];
  readonly since: number[] = [];
  readonly until: number[] = [];

  push(row: number, code: number, since: number, until: number): void {
    this.row.push(row);
    this.code.push(code);
    this.since.push(since);
    this.until.push(until);
  }

  /** Entries of `table`'s customers that are also in `newIds` (remapped), except those in `skip`. */
  keep(
    oldIds: Int32Array,
    table: CustomerTable,
    products: ProductColumns,
    newIds: Int32Array,
    skip: Set<number>,
  ) {
    for (let o = 0; o < oldIds.length; o++) {
      const id = oldIds[o]!;
      if (skip.has(id)) continue;
      const row = rowOf(newIds, id);
      if (row < 0) continue;
      for (let k = table.productStart[o]!; k < table.productStart[o + 1]!; k++) {
        this.push(row, products.code[k]!, products.since[k]!, products.until[k]!);
      }
    }
  }

  build(customerCount: number): { start: Int32Array; columns: ProductColumns } {
    const n = this.row.length;
    const start = new Int32Array(customerCount + 1);
    for (let i = 0; i < n; i++) start[this.row[i]! + 1]!++;
    for (let r = 0; r < customerCount; r++) start[r + 1]! += start[r]!;
    const next = start.slice(0, customerCount);
    const columns: ProductColumns = {
      code: new Uint16Array(n),
      since: new Int32Array(n),
      until: new Int32Array(n),
    };
    for (let i = 0; i < n; i++) {
      const k = next[this.row[i]!]!++;
      columns.code[k] = this.code[i]!;
      columns.since[k] = this.since[i]!;
      columns.until[k] = this.until[i]!;
    }
    return { start, columns };
  }
}

/** First index in [from, to) whose day is ≥ `target` (days ascend there). */
export function lowerBound(day: Uint16Array, from: number, to: number, target: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (day[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Every typed array of the store, in the snapshot's order. */
export function columnarArrays(data: ColumnarData): ArrayBufferView[] {
  const { customers, transactions, products } = data;
  return [
    customers.ids,
    customers.txStart,
    customers.firstOpenDay,
    customers.productStart,
    customers.birthMonth,
    transactions.day,
    transactions.amount,
    transactions.kind,
    transactions.mcc,
    transactions.merchant,
    products.code,
    products.since,
    products.until,
  ];
}
