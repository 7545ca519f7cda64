// Keeps the vault's active customers, products and transactions in typed arrays, current with ingest.
import type { CopyParameter, SqlExecutor } from '../../../storage/ports.ts';
import { parseCopyRows } from '../../../storage/postgres-core/copy-text.ts';
import { detach } from '../../../core/detach.ts';
import { birthMonthSql } from '../../../core/age-bands.ts';
import type { Result } from '../../../core/result.ts';
import {
  columnarArrays,
  emptyDictionaries,
  emptySlices,
  mergeSlices,
  noMcc,
  noMerchant,
  ProductBuffer,
  noBirthMonth,
  rowOf,
  sliceByCustomer,
  TransactionBuffer,
  type ColumnarCoverage,
  type ColumnarData,
  type Dictionaries,
} from './columnar-data.ts';
import { dayNumber, lastStorableDay, noDay } from './day-numbers.ts';
import { readSnapshot, writeSnapshot, type SnapshotProblem } from './columnar-snapshot.ts';
import { FeatureSet } from './feature-set.ts';
import { today, type FeatureOptions } from './features.ts';

export interface ColumnarLoadOptions {
  /** Rows per query while streaming transactions (keyset pagination on id). Default 200,000. */
  readonly pageRows?: number;
  readonly onProgress?: (transactionsRead: number) => void;
}

interface TransactionRow {
  id: number;
  customer_id: number;
  batch_id: number;
  day: number;
  amount_minor: number;
  /** direction, ':', currency, ':', category in one field: fewer fields to decode, one lookup per row. */
  kind: string;
  mcc: number | null;
  merchant_name: string | null;
}

interface CustomerRow {
  id: number;
  first_open: number | null;
  birth_month: number | null;
}

/** Active customers in id order, with what the store keeps of each besides transactions and products. */
interface CustomerColumns {
  ids: Int32Array;
  firstOpenDay: Int32Array;
  birthMonth: Int32Array;
}

interface ProductRow {
  customer_id: number;
  product_code: string;
  since: number;
  until: number | null;
}

const defaultPageRows = 200_000;
const epoch = `DATE '1970-01-01'`;

export class ColumnarStore {
  readonly dictionaries: Dictionaries;
  #data: ColumnarData;
  #maxTransactionId: number;
  readonly #batches: Map<number, number>;
  #featureOptions: FeatureOptions | undefined;
  #features: FeatureSet | undefined;
  /** The day `#features` was computed for (they may be undefined for it), or undefined when not computed. */
  #featuresDay: number | undefined;

  constructor(data: ColumnarData, dictionaries: Dictionaries, coverage: ColumnarCoverage) {
    this.#data = data;
    this.dictionaries = dictionaries;
    this.#maxTransactionId = coverage.maxTransactionId;
    this.#batches = new Map(coverage.batches);
  }

  /** Reads every active customer, their products and linked transactions, one page at a time. */
  static async load(storage: SqlExecutor, options: ColumnarLoadOptions = {}): Promise<ColumnarStore> {
    const max = await storage.query<{ m: number }>(
      'SELECT coalesce(max(id), 0)::bigint AS m FROM transactions',
    );
    const maxTransactionId = max.rows[0]!.m;
    const dictionaries = emptyDictionaries();
    const customers = await readCustomers(storage, undefined);
    const products = new ProductBuffer();
    await readProducts(storage, undefined, customers.ids, dictionaries, products);
    // Ids are dense, so the largest is a close upper bound of the count: no second scan of the table.
    const buffer = new TransactionBuffer(maxTransactionId);
    await readTransactions(storage, 'id <= $2', [maxTransactionId], options, (row) =>
      pushRow(buffer, row, dictionaries),
    );
    keepKnownCustomers(buffer, customers.ids);
    const slices = sliceByCustomer(buffer, customers.ids.length);
    const built = products.build(customers.ids.length);
    const data: ColumnarData = {
      customers: {
        ids: customers.ids,
        txStart: slices.start,
        firstOpenDay: customers.firstOpenDay,
        birthMonth: customers.birthMonth,
        productStart: built.start,
      },
      transactions: slices.columns,
      products: built.columns,
    };
    return new ColumnarStore(data, dictionaries, { maxTransactionId, batches: new Map() });
  }

  /** Opens a snapshot written by `writeSnapshot`; call `catchUp` afterwards. A bad file is a problem value. */
  static async loadSnapshot(path: string): Promise<Result<ColumnarStore, SnapshotProblem>> {
    const read = await readSnapshot(path);
    if (!read.ok) return read;
    const { data, dictionaries, coverage } = read.value;
    return { ok: true, value: new ColumnarStore(data, dictionaries, coverage) };
  }

  get data(): ColumnarData {
    return this.#data;
  }

  get coverage(): ColumnarCoverage {
    return { maxTransactionId: this.#maxTransactionId, batches: new Map(this.#batches) };
  }

  get transactionCount(): number {
    return this.#data.transactions.day.length;
  }

  get customerCount(): number {
    return this.#data.customers.ids.length;
  }

  /**
   * Keeps the features of features.ts from now on: computed now for the feature day, updated for changed
   * customers on every change, recomputed on the first question of a new day.
   */
  enableFeatures(options: Partial<FeatureOptions> & Pick<FeatureOptions, 'currency'>): void {
    this.#featureOptions = { currency: options.currency, day: options.day ?? today };
    this.#featuresDay = this.#featureDay();
    this.#features = FeatureSet.compute(this.#data, this.dictionaries, options.currency, this.#featuresDay);
  }

  disableFeatures(): void {
    this.#featureOptions = this.#features = this.#featuresDay = undefined;
  }

  /** The features, when they are kept and `asOf` (days since 1970-01-01) is the feature day. */
  featuresFor(asOf: number): FeatureSet | undefined {
    const options = this.#featureOptions;
    if (options === undefined) return undefined;
    const day = this.#featureDay();
    if (day !== asOf) return undefined;
    if (this.#featuresDay !== day) {
      this.#features = FeatureSet.compute(this.#data, this.dictionaries, options.currency, day);
      this.#featuresDay = day;
    }
    return this.#features;
  }

  /** The currency of most transactions, or undefined without any. */
  mostCommonCurrency(): string | undefined {
    const { kinds, currencies } = this.dictionaries;
    const perKind = new Float64Array(kinds.size);
    for (const kind of this.#data.transactions.kind) perKind[kind]!++;
    const perCurrency = new Float64Array(currencies.values.length);
    for (let k = 0; k < kinds.size; k++) perCurrency[kinds.currency[k]!]! += perKind[k]!;
    let best: number | undefined;
    for (let c = 0; c < perCurrency.length; c++) {
      if (perCurrency[c]! > 0 && (best === undefined || perCurrency[c]! > perCurrency[best]!)) best = c;
    }
    return best === undefined ? undefined : currencies.values[best];
  }

  /** Bytes of the features' typed arrays (0 when they are not kept or not computed yet). */
  featureBytes(): number {
    return this.#features?.bytes() ?? 0;
  }

  /** Bytes of every typed array the store holds (customers, products and features included) per transaction. */
  bytesPerTransaction(): number {
    const arrays = columnarArrays(this.#data);
    const bytes = arrays.reduce((sum, array) => sum + array.byteLength, 0) + this.featureBytes();
    return this.transactionCount === 0 ? 0 : bytes / this.transactionCount;
  }

  /** Adds the transactions of one ingest batch that the store does not hold yet. Returns rows added. */
  async applyIngestedBatch(storage: SqlExecutor, batchId: number): Promise<number> {
    const after = Math.max(this.#maxTransactionId, this.#batches.get(batchId) ?? 0);
    const buffer = new TransactionBuffer();
    let highest = after;
    await readTransactions(storage, 'batch_id = $2', [batchId], { after }, (row) => {
      pushRow(buffer, row, this.dictionaries);
      highest = Math.max(highest, row.id);
    });
    if (highest > this.#maxTransactionId) this.#batches.set(batchId, highest);
    return this.#append(storage, buffer);
  }

  /** Adds every transaction stored after the store's coverage (after a snapshot, or missed batches). */
  async catchUp(storage: SqlExecutor, options: ColumnarLoadOptions = {}): Promise<number> {
    const buffer = new TransactionBuffer();
    let highest = this.#maxTransactionId;
    await readTransactions(storage, 'true', [], { ...options, after: this.#maxTransactionId }, (row) => {
      highest = Math.max(highest, row.id);
      if (row.id <= (this.#batches.get(row.batch_id) ?? 0)) return;
      pushRow(buffer, row, this.dictionaries);
    });
    // Joining customers' earlier rows are read up to the old coverage, so it moves only afterwards.
    const added = await this.#append(storage, buffer);
    this.#maxTransactionId = highest;
    for (const [batch, id] of this.#batches) if (id <= highest) this.#batches.delete(batch);
    return added;
  }

  /**
   * Re-reads which customers are active and their accounts' first opening day: erased customers leave
   * the store, new active customers join it with their products and transactions.
   */
  async refreshCustomers(storage: SqlExecutor): Promise<void> {
    const customers = await readCustomers(storage, undefined);
    const oldIds = this.#data.customers.ids;
    const joined = [...customers.ids].filter((id) => rowOf(oldIds, id) < 0);
    await this.#rebuild(storage, customers, joined, new TransactionBuffer());
  }

  /** Re-reads products held, for the given customers or for everyone. */
  async refreshProducts(storage: SqlExecutor, customerIds?: readonly number[]): Promise<void> {
    const { customers } = this.#data;
    const ids = customerIds
      ? [...new Set(customerIds)].filter((id) => rowOf(customers.ids, id) >= 0)
      : undefined;
    const products = new ProductBuffer();
    if (ids) products.keep(customers.ids, customers, this.#data.products, customers.ids, new Set(ids));
    if (!ids || ids.length > 0) await readProducts(storage, ids, customers.ids, this.dictionaries, products);
    const built = products.build(customers.ids.length);
    this.#data = {
      ...this.#data,
      customers: { ...customers, productStart: built.start },
      products: built.columns,
    };
  }

  /** Writes the store to a binary file (see columnar-snapshot.ts), atomically. */
  async writeSnapshot(path: string): Promise<void> {
    await writeSnapshot(path, this.#data, this.dictionaries, this.coverage);
  }

  /** Merges buffered rows (tagged with customer ids); customers unknown to the store are looked up. */
  async #append(storage: SqlExecutor, buffer: TransactionBuffer): Promise<number> {
    if (buffer.length === 0) return 0;
    const current = this.#data.customers;
    const unknown = new Set<number>();
    for (let i = 0; i < buffer.length; i++) {
      const id = buffer.row[i]!;
      if (rowOf(current.ids, id) < 0) unknown.add(id);
    }
    const before = this.transactionCount;
    if (unknown.size === 0) {
      await this.#rebuild(storage, current, [], buffer);
    } else {
      const joining = await readCustomers(storage, [...unknown]);
      const ids = mergeIds(current, joining);
      await this.#rebuild(storage, ids, [...joining.ids], buffer);
    }
    return this.transactionCount - before;
  }

  /**
   * Moves to a new set of active customers: `joined` customers get their products and their transactions
   * within the coverage read; `buffer` (tagged with customer ids) is merged in.
   */
  async #rebuild(
    storage: SqlExecutor,
    customers: CustomerColumns,
    joined: readonly number[],
    buffer: TransactionBuffer,
  ): Promise<void> {
    const old = this.#data;
    const products = new ProductBuffer();
    products.keep(old.customers.ids, old.customers, old.products, customers.ids, new Set());
    if (joined.length > 0) {
      await readProducts(storage, joined, customers.ids, this.dictionaries, products);
      await readTransactions(
        storage,
        'customer_id = ANY($2::bigint[]) AND id <= $3',
        [joined, this.#maxTransactionId],
        {},
        (row) => pushRow(buffer, row, this.dictionaries),
      );
    }
    keepKnownCustomers(buffer, customers.ids);
    const delta =
      buffer.length > 0 ? sliceByCustomer(buffer, customers.ids.length) : emptySlices(customers.ids.length);
    const merged = mergeSlices(
      old.customers.ids,
      { start: old.customers.txStart, columns: old.transactions },
      customers.ids,
      delta,
    );
    const built = products.build(customers.ids.length);
    this.#data = {
      customers: {
        ids: customers.ids,
        txStart: merged.start,
        firstOpenDay: customers.firstOpenDay,
        birthMonth: customers.birthMonth,
        productStart: built.start,
      },
      transactions: merged.columns,
      products: built.columns,
    };
    this.#updateFeatures(old.customers.ids, delta.start);
  }

  /** Recomputes the features of changed customers; features of an earlier day wait for the next question. */
  #updateFeatures(previousIds: Int32Array, changedStart: Int32Array): void {
    const options = this.#featureOptions;
    if (options === undefined) return;
    const day = this.#featureDay();
    const previous = this.#features;
    this.#features =
      this.#featuresDay === day
        ? FeatureSet.compute(
            this.#data,
            this.dictionaries,
            options.currency,
            day,
            previous && { previous, previousIds, changedStart },
          )
        : undefined;
    if (this.#featuresDay !== day) this.#featuresDay = undefined;
  }

  #featureDay(): number {
    const day = this.#featureOptions?.day ?? today;
    return dayNumber(typeof day === 'string' ? day : day());
  }
}

function mergeIds(current: CustomerColumns, joining: CustomerColumns): CustomerColumns {
  const n = current.ids.length + joining.ids.length;
  const out: CustomerColumns = {
    ids: new Int32Array(n),
    firstOpenDay: new Int32Array(n),
    birthMonth: new Int32Array(n),
  };
  let i = 0;
  let j = 0;
  for (let k = 0; k < n; k++) {
    const fromCurrent =
      j >= joining.ids.length || (i < current.ids.length && current.ids[i]! < joining.ids[j]!);
    const [source, at] = fromCurrent ? [current, i++] : [joining, j++];
    out.ids[k] = source.ids[at]!;
    out.firstOpenDay[k] = source.firstOpenDay[at]!;
    out.birthMonth[k] = source.birthMonth[at]!;
  }
  return out;
}

/** Turns the buffer's customer ids into customer rows, dropping rows of customers not in `ids`. */
function keepKnownCustomers(buffer: TransactionBuffer, ids: Int32Array): void {
  let kept = 0;
  for (let i = 0; i < buffer.length; i++) {
    const row = rowOf(ids, buffer.row[i]!);
    if (row < 0) continue;
    buffer.row[kept] = row;
    buffer.day[kept] = buffer.day[i]!;
    buffer.amount[kept] = buffer.amount[i]!;
    buffer.kind[kept] = buffer.kind[i]!;
    buffer.mcc[kept] = buffer.mcc[i]!;
    buffer.merchant[kept] = buffer.merchant[i]!;
    kept++;
  }
  buffer.length = kept;
}

/** Kind ids by the `kind` field of transaction rows, per dictionary set. */
const kindCache = new WeakMap<Dictionaries, Map<string, number>>();

function pushRow(buffer: TransactionBuffer, row: TransactionRow, dictionaries: Dictionaries): void {
  if (row.day < 0 || row.day > lastStorableDay) {
    throw new RangeError(
      'a booking date lies outside 1970-01-01 … 2149-06-06, which the columnar store cannot hold',
    );
  }
  if (!Number.isSafeInteger(row.amount_minor)) {
    throw new RangeError('an amount exceeds 2^53 minor units, which the columnar store cannot hold exactly');
  }
  if (row.mcc === noMcc) throw new RangeError('an MCC of -32768 is reserved by the columnar store');
  let kinds = kindCache.get(dictionaries);
  if (kinds === undefined) kindCache.set(dictionaries, (kinds = new Map<string, number>()));
  let kind = kinds.get(row.kind);
  if (kind === undefined) {
    const [direction, currency, ...category] = row.kind.split(':');
    kind = dictionaries.kinds.intern(
      dictionaries.categories.intern(category.join(':')),
      dictionaries.currencies.intern(currency!),
      direction === 'C' ? 1 : 0,
    );
    kinds.set(detach(row.kind), kind);
  }
  const merchant = row.merchant_name === null ? noMerchant : dictionaries.merchants.intern(row.merchant_name);
  buffer.push(row.customer_id, row.day, row.amount_minor, kind, row.mcc ?? noMcc, merchant);
}

/** Streams linked transactions matching `where` (parameters from $2) with id above `after`, by id. */
async function readTransactions(
  storage: SqlExecutor,
  where: string,
  parameters: readonly CopyParameter[],
  options: ColumnarLoadOptions & { readonly after?: number },
  onRow: (row: TransactionRow) => void,
): Promise<void> {
  // COPY text, streamed in id order: an order of magnitude faster than pages of SELECT on PGlite.
  const select = `SELECT id, customer_id, batch_id, booking_date - ${epoch} AS day, amount_minor,
                         direction || ':' || rtrim(currency) || ':' || category AS kind, mcc, merchant_name
                    FROM owned_transactions
                   WHERE id > $1 AND customer_id IS NOT NULL AND ${where}`;
  const row: TransactionRow = {
    id: 0,
    customer_id: 0,
    batch_id: 0,
    day: 0,
    amount_minor: 0,
    kind: '',
    mcc: null,
    merchant_name: null,
  };
  let read = 0;
  let reported = 0;
  for await (const text of storage.copyTo({ select, parameters: [options.after ?? 0, ...parameters] })) {
    read += parseCopyRows(text, (fields) => {
      row.id = Number(fields[0]);
      row.customer_id = Number(fields[1]);
      row.batch_id = Number(fields[2]);
      row.day = Number(fields[3]);
      row.amount_minor = Number(fields[4]);
      row.kind = fields[5]!;
      row.mcc = fields[6] === null ? null : Number(fields[6]);
      row.merchant_name = fields[7] ?? null;
      onRow(row);
    });
    if (read - reported >= (options.pageRows ?? defaultPageRows)) {
      reported = read;
      options.onProgress?.(read);
    }
  }
  options.onProgress?.(read);
}

/** Active customers (all, or those in `only`), ascending, with the first opening day of their accounts. */
async function readCustomers(
  storage: SqlExecutor,
  only: readonly number[] | undefined,
): Promise<CustomerColumns> {
  const ids: number[] = [];
  const days: number[] = [];
  const births: number[] = [];
  let after = 0;
  for (;;) {
    const page = await storage.query<CustomerRow>(
      `SELECT c.id, min(a.opened_on) - ${epoch} AS first_open,
              (SELECT ${birthMonthSql('f.adult_from')}
                 FROM customer_flags f WHERE f.customer_id = c.id) AS birth_month
         FROM customers c LEFT JOIN accounts a ON a.customer_id = c.id
        WHERE c.status = 'active' AND c.id > $1 ${only ? 'AND c.id = ANY($3::bigint[])' : ''}
        GROUP BY c.id ORDER BY c.id LIMIT $2`,
      only ? [after, defaultPageRows, only] : [after, defaultPageRows],
    );
    for (const row of page.rows) {
      if (row.id > 0x7fffffff) throw new RangeError('a customer id exceeds 2^31 − 1');
      ids.push(row.id);
      days.push(row.first_open ?? noDay);
      births.push(row.birth_month ?? noBirthMonth);
    }
    if (page.rows.length < defaultPageRows) break;
    after = page.rows[page.rows.length - 1]!.id;
  }
  return {
    ids: Int32Array.from(ids),
    firstOpenDay: Int32Array.from(days),
    birthMonth: Int32Array.from(births),
  };
}

/** Products held by customers in `customerIds` (restricted to `only` when given), into `into`. */
async function readProducts(
  storage: SqlExecutor,
  only: readonly number[] | undefined,
  customerIds: Int32Array,
  dictionaries: Dictionaries,
  into: ProductBuffer,
): Promise<void> {
  let key: [number, string, string] = [0, '', '1970-01-01'];
  for (;;) {
    const page = await storage.query<ProductRow & { since_date: string }>(
      `SELECT customer_id, product_code, since - ${epoch} AS since, until - ${epoch} AS until, since AS since_date
         FROM products_held
        WHERE (customer_id, product_code, since) > ($1, $2, $3::date) ${only ? 'AND customer_id = ANY($5::bigint[])' : ''}
        ORDER BY customer_id, product_code, since LIMIT $4`,
      only ? [...key, defaultPageRows, only] : [...key, defaultPageRows],
    );
    for (const row of page.rows) {
      const customer = rowOf(customerIds, row.customer_id);
      if (customer < 0) continue;
      into.push(customer, dictionaries.products.intern(row.product_code), row.since, row.until ?? noDay);
    }
    if (page.rows.length < defaultPageRows) return;
    const last = page.rows[page.rows.length - 1]!;
    key = [last.customer_id, last.product_code, last.since_date];
  }
}
