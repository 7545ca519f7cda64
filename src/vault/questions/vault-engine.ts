// The vault's choice of engine: the columnar store once it is loaded and current, the SQL engine until then.
import type { CustomerIds, Plan, QuestionEngine } from '../../language/plan.ts';
import type { Storage } from '../../storage/ports.ts';
import { ColumnarEngine } from './columnar/columnar-engine.ts';
import { ColumnarStore } from './columnar/columnar-store.ts';
import type { FeatureOptions } from './columnar/features.ts';
import { SqlEngine } from './sql-engine.ts';
import { ScoreColumns } from './columnar/score-columns.ts';
import { readApprovedScores, storedScoresStamp } from './stored-scores-store.ts';
import { restrictedCustomers, withoutRestricted } from '../compliance/restrictions.ts';
import { excludedFromMarketing } from '../import/marketing-exclusions.ts';

export interface ColumnarLoadReport {
  readonly source: 'snapshot' | 'database';
  /** Why a snapshot was not used, when there was one to try. */
  readonly snapshotProblem?: string;
  readonly transactions: number;
  readonly customers: number;
  readonly bytesPerTransaction: number;
  /** Of which the feature store's share. */
  readonly featureBytesPerTransaction: number;
  readonly seconds: number;
}

export interface VaultQuestionEngineOptions {
  /** The vault's base currency, which the features cover. Default: the currency of most transactions. */
  readonly currency?: string;
}

/** What changes the columnar store must follow: new rows, erasures and new customers, products. */
interface Stamp {
  readonly maxTransactionId: number;
  readonly customers: string;
  readonly products: string;
  /**
   * Joint owners and accounts' primary owners: a change re-reads the store, since transactions already held
   * gain or lose a customer.
   */
  readonly owners: string;
}

export class VaultQuestionEngine implements QuestionEngine {
  readonly #storage: Storage;
  readonly #sql: SqlEngine;
  #store: ColumnarStore | undefined;
  #columnar: ColumnarEngine | undefined;
  #stamp: Stamp | undefined;
  #featureOptions: false | Partial<FeatureOptions> | undefined;
  readonly #currency: string | undefined;
  readonly #scores = new ScoreColumns();
  /** The stamp of model_scores when the score columns were read; undefined before the first read. */
  #scoresStamp: string | undefined;

  constructor(storage: Storage, options: VaultQuestionEngineOptions = {}) {
    this.#storage = storage;
    this.#sql = new SqlEngine(storage);
    this.#currency = options.currency;
  }

  /** True when the last question was answered from precomputed features, without scanning transactions. */
  get lastUsedFeatures(): boolean {
    return this.#columnar?.lastUsedFeatures ?? false;
  }

  /** The engine that answers now. */
  get name(): 'columnar' | 'sql' {
    return this.#columnar === undefined ? 'sql' : 'columnar';
  }

  get store(): ColumnarStore | undefined {
    return this.#store;
  }

  /**
   * Loads the columnar store, from `snapshotPath` when it holds a usable snapshot (then catches up with
   * what was stored since), otherwise from the database. Until it resolves, questions go to SQL. Features
   * are kept for today (or `features.day`) unless `features` is false.
   */
  async loadColumnar(
    options: {
      snapshotPath?: string;
      onProgress?: (transactionsRead: number) => void;
      features?: false | Partial<FeatureOptions>;
    } = {},
  ): Promise<ColumnarLoadReport> {
    const started = performance.now();
    let store: ColumnarStore | undefined;
    let snapshotProblem: string | undefined;
    if (options.snapshotPath !== undefined) {
      const loaded = await ColumnarStore.loadSnapshot(options.snapshotPath);
      if (loaded.ok) {
        store = loaded.value;
        await store.catchUp(this.#storage);
        await store.refreshCustomers(this.#storage);
        await store.refreshProducts(this.#storage);
      } else if (loaded.error.code !== 'snapshot.missing') {
        snapshotProblem = loaded.error.message;
      }
    }
    const source = store === undefined ? 'database' : 'snapshot';
    store ??= await ColumnarStore.load(
      this.#storage,
      options.onProgress === undefined ? {} : { onProgress: options.onProgress },
    );
    this.#featureOptions = options.features;
    this.#enableFeatures(store);
    this.#stamp = await this.#readStamp();
    this.#store = store;
    this.#columnar = new ColumnarEngine(store, { scores: this.#scores });
    return {
      source,
      ...(snapshotProblem === undefined ? {} : { snapshotProblem }),
      transactions: store.transactionCount,
      customers: store.customerCount,
      bytesPerTransaction: store.bytesPerTransaction(),
      featureBytesPerTransaction:
        store.transactionCount === 0 ? 0 : store.featureBytes() / store.transactionCount,
      seconds: (performance.now() - started) / 1000,
    };
  }

  #enableFeatures(store: ColumnarStore): void {
    const features = this.#featureOptions;
    if (features === false) return;
    const currency = features?.currency ?? this.#currency ?? store.mostCommonCurrency();
    if (currency !== undefined) store.enableFeatures({ ...features, currency });
  }

  /**
   * The matching customers, less those who restricted processing or objected to profiling, and those the
   * bank's records exclude from marketing (minors, flagged customers).
   */
  async evaluate(plan: Plan, asOf: string): Promise<CustomerIds> {
    const [ids, restricted, excluded] = await Promise.all([
      this.#evaluate(plan, asOf),
      restrictedCustomers(this.#storage),
      excludedFromMarketing(this.#storage, asOf),
    ]);
    return withoutRestricted(withoutRestricted(ids, restricted), excluded);
  }

  /** The columnar engine, current with the database: loaded first when it is not (model features read it). */
  async columnar(): Promise<ColumnarEngine> {
    if (this.#columnar === undefined) await this.loadColumnar();
    await this.#keepCurrent();
    return this.#columnar!;
  }

  async #evaluate(plan: Plan, asOf: string): Promise<CustomerIds> {
    if (this.#columnar === undefined) return this.#sql.evaluate(plan, asOf);
    await this.#keepCurrent();
    return this.#columnar.evaluate(plan, asOf);
  }

  /** Brings the store up to date with ingests, erasures and product changes since it was last read. */
  async #keepCurrent(): Promise<void> {
    const store = this.#store;
    const before = this.#stamp;
    if (store === undefined || before === undefined) return;
    await this.#keepScoresCurrent();
    const now = await this.#readStamp();
    if (now.owners !== before.owners) {
      const reloaded = await ColumnarStore.load(this.#storage);
      this.#enableFeatures(reloaded);
      this.#store = reloaded;
      this.#columnar = new ColumnarEngine(reloaded, { scores: this.#scores });
      this.#stamp = now;
      return;
    }
    if (now.maxTransactionId > store.coverage.maxTransactionId) await store.catchUp(this.#storage);
    if (now.customers !== before.customers) await store.refreshCustomers(this.#storage);
    if (now.products !== before.products) await store.refreshProducts(this.#storage);
    this.#stamp = now;
  }

  /** Stored scores change when a version is scored, approved or retired, and when a customer withdraws. */
  async #keepScoresCurrent(): Promise<void> {
    const stamp = await storedScoresStamp(this.#storage);
    if (stamp === this.#scoresStamp) return;
    this.#scores.replace(await readApprovedScores(this.#storage));
    this.#scoresStamp = stamp;
  }

  /** The counters that move with every change to customers, products held and ownership (migration 40). */
  async #readStamp(): Promise<Stamp> {
    const { rows } = await this.#storage.query<{
      tx: number | string;
      customers: string | number;
      products: string | number;
      owners: string | number;
    }>(
      `SELECT (SELECT coalesce(max(id), 0) FROM transactions) AS tx, customers, products, owners
         FROM question_data_generation`,
    );
    const row = rows[0]!;
    return {
      maxTransactionId: Number(row.tx),
      customers: String(row.customers),
      products: String(row.products),
      owners: String(row.owners),
    };
  }

  /** Writes the columnar store to disk so that the next process starts from it in seconds. */
  async saveSnapshot(path: string): Promise<boolean> {
    if (this.#store === undefined) return false;
    await this.#keepCurrent();
    await this.#store.writeSnapshot(path);
    return true;
  }
}
