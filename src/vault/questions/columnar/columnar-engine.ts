// Answers checked questions from the columnar store: the plan is compiled to closures once per evaluation.
import type {
  CompareOperator,
  CustomerIds,
  Plan,
  QuestionEngine,
  ValuePlan,
} from '../../../language/plan.ts';
import { unreachable } from '../../../core/unreachable.ts';
import { birthMonthsOf, monthIndex } from '../../../core/age-bands.ts';
import { noBirthMonth, type ColumnarData, type Dictionaries } from './columnar-data.ts';
import { dateOfDay, dayNumber, noDay } from './day-numbers.ts';
import type { FeatureSet } from './feature-set.ts';
import { featureReadOf } from './features.ts';
import { byCost, type Featured } from './plan-cost.ts';
import { difference, keep, none, select, union, type RowSet, type RowValue } from './row-sets.ts';
import { TransactionScans } from './transaction-scans.ts';
import { inOnePass, valuesInOnePass, type PassValue } from './aggregate-pass.ts';
import { ScoreColumns } from './score-columns.ts';

/**
 * What the engine reads: the vault's ColumnarStore, or one customer's own data on their device (src/edge). Pure:
 * nothing here may pull in node-only code, since the edge bundle imports this module in the browser.
 */
export interface ColumnarSource {
  readonly data: ColumnarData;
  readonly dictionaries: Dictionaries;
  /** Precomputed features for `asOf` (days since 1970-01-01), or undefined to scan transactions. */
  featuresFor(asOf: number): FeatureSet | undefined;
}

export interface ColumnarEngineOptions {
  /** Read the store's features where a value allows it (see features.ts). Default true. */
  readonly features?: boolean;
  /** Frozen models' stored scores, for `propensity(…)`; without them every score is absent. */
  readonly scores?: ScoreColumns;
}

/** How a plan's transaction values are answered: from features, or by scanning transactions. */
export interface PlanExplanation {
  readonly featureReads: number;
  readonly scans: number;
}

export class ColumnarEngine implements QuestionEngine {
  readonly name = 'columnar';
  readonly #store: ColumnarSource;
  readonly #useFeatures: boolean;
  readonly #scores: ScoreColumns;
  #lastExplanation: PlanExplanation = { featureReads: 0, scans: 0 };

  constructor(store: ColumnarSource, options: ColumnarEngineOptions = {}) {
    this.#store = store;
    this.#useFeatures = options.features ?? true;
    this.#scores = options.scores ?? new ScoreColumns();
  }

  /** True when the last evaluation read features and scanned no transactions. */
  get lastUsedFeatures(): boolean {
    return this.#lastExplanation.featureReads > 0 && this.#lastExplanation.scans === 0;
  }

  get lastExplanation(): PlanExplanation {
    return this.#lastExplanation;
  }

  evaluate(plan: Plan, asOf: string): Promise<CustomerIds> {
    return Promise.resolve().then(() => this.evaluateNow(plan, asOf));
  }

  /** How `plan` would be answered on `asOf`, without answering it. */
  explain(plan: Plan, asOf: string): PlanExplanation {
    const compiler = this.#compiler(asOf);
    compiler.plan(plan);
    return compiler.explanation();
  }

  /** The same answer as `evaluate`, synchronously. */
  evaluateNow(plan: Plan, asOf: string): CustomerIds {
    const data = this.#store.data;
    const compiler = this.#compiler(asOf);
    const everyone = new Int32Array(data.customers.ids.length);
    for (let r = 0; r < everyone.length; r++) everyone[r] = r;
    const rows = compiler.plan(plan)(everyone);
    this.#lastExplanation = compiler.explanation();
    const ids = new Int32Array(rows.length);
    for (let k = 0; k < rows.length; k++) ids[k] = data.customers.ids[rows[k]!]!;
    return ids;
  }

  /**
   * Every customer's value of `value` on `asOf`, by row of the store (`customerIds` order; NaN where absent):
   * what model features read (src/models/features.ts).
   */
  valuesNow(value: ValuePlan, asOf: string): Float64Array {
    return this.#valuesOf(this.#compiler(asOf), value);
  }

  /**
   * `valuesNow` of each value, equal bit for bit: the transaction aggregates that would be scanned are read
   * together in one pass over the transactions (aggregate-pass.ts), the other values one by one.
   */
  valuesOfEach(values: readonly ValuePlan[], asOf: string): Float64Array[] {
    const compiler = this.#compiler(asOf);
    const together = values.map((value) => !compiler.readsFeatures(value) && inOnePass(value));
    const { data, dictionaries } = this.#store;
    const passed = valuesInOnePass(
      data,
      dictionaries,
      dayNumber(asOf),
      values.filter((value, j): value is PassValue => together[j]!),
    );
    let next = 0;
    return values.map((value, j) => (together[j] ? passed[next++]! : this.#valuesOf(compiler, value)));
  }

  #valuesOf(compiler: PlanCompiler, value: ValuePlan): Float64Array {
    const read = compiler.value(value);
    const values = new Float64Array(this.#store.data.customers.ids.length);
    for (let r = 0; r < values.length; r++) values[r] = read(r);
    return values;
  }

  /** The store's active customers, ascending: the rows of `valuesNow`. */
  get customerIds(): Int32Array {
    return this.#store.data.customers.ids;
  }

  #compiler(asOf: string): PlanCompiler {
    const day = dayNumber(asOf);
    const features = this.#useFeatures ? this.#store.featuresFor(day) : undefined;
    return new PlanCompiler(this.#store.data, this.#store.dictionaries, day, features, this.#scores);
  }
}

class PlanCompiler {
  readonly #data: ColumnarData;
  readonly #dictionaries: Dictionaries;
  readonly #asOf: number;
  /** asOf's month (src/core/age-bands.ts), for age bands. */
  readonly #asOfMonth: number;
  readonly #features: FeatureSet | undefined;
  #featureReads = 0;
  #scans = 0;
  readonly #transactions: TransactionScans;
  readonly #scores: ScoreColumns;

  constructor(
    data: ColumnarData,
    dictionaries: Dictionaries,
    asOf: number,
    features: FeatureSet | undefined,
    scores: ScoreColumns,
  ) {
    this.#data = data;
    this.#scores = scores;
    this.#dictionaries = dictionaries;
    this.#asOf = asOf;
    this.#asOfMonth = monthIndex(dateOfDay(asOf));
    this.#features = features;
    this.#transactions = new TransactionScans(data, dictionaries, asOf);
    this.#featured = features && ((value) => featureReadOf(value, features.currency) !== undefined);
  }

  readonly #featured: Featured;

  /** Whether `value` is read from the features rather than scanned. */
  readsFeatures(value: ValuePlan): boolean {
    return this.#features !== undefined && featureReadOf(value, this.#features.currency) !== undefined;
  }

  explanation(): PlanExplanation {
    return { featureReads: this.#featureReads, scans: this.#scans };
  }

  plan(plan: Plan): RowSet {
    switch (plan.kind) {
      case 'constant':
        return plan.value ? (candidates) => candidates : () => none;
      case 'and': {
        const items = byCost(plan.items, this.#featured).map((item) => this.plan(item));
        return (candidates) => {
          let rows = candidates;
          for (const item of items) {
            if (rows.length === 0) break;
            rows = item(rows);
          }
          return rows;
        };
      }
      case 'or': {
        const items = byCost(plan.items, this.#featured).map((item) => this.plan(item));
        return (candidates) => {
          let matched: Int32Array = none;
          let rest: Int32Array = candidates;
          for (const item of items) {
            if (rest.length === 0) break;
            const hits = item(rest);
            matched = union(matched, hits);
            rest = difference(rest, hits);
          }
          return matched;
        };
      }
      case 'not': {
        const item = this.plan(plan.item);
        return (candidates) => difference(candidates, item(candidates));
      }
      case 'compare':
        return this.#compare(plan.op, plan.left, plan.right);
      case 'holds': {
        const holding = this.#holdingDays(plan.product);
        return keep((row) => {
          const days = holding(row);
          return days === days;
        });
      }
      case 'ageBand': {
        const { birthMonth } = this.#data.customers;
        const asOfMonth = this.#asOfMonth;
        const ranges = plan.bands.map((band) => birthMonthsOf(band, asOfMonth));
        return keep((row) => {
          const month = birthMonth[row]!;
          return month !== noBirthMonth && ranges.some((r) => month >= r.first && month <= r.last);
        });
      }
      default:
        return unreachable(plan, 'plan node');
    }
  }

  #compare(op: CompareOperator, leftPlan: ValuePlan, rightPlan: ValuePlan): RowSet {
    if (this.#features !== undefined && answeredWhole(leftPlan, rightPlan, this.#features.currency)) {
      const left = this.#dense(leftPlan)!;
      const right = this.#dense(rightPlan)!;
      return (candidates) => select(op, candidates, left(), right());
    }
    const left = this.value(leftPlan);
    const right = this.value(rightPlan);
    switch (op) {
      case '<':
        return keep((row) => left(row) < right(row));
      case '<=':
        return keep((row) => left(row) <= right(row));
      case '>':
        return keep((row) => left(row) > right(row));
      case '>=':
        return keep((row) => left(row) >= right(row));
      case '=':
        return keep((row) => left(row) === right(row));
      case '!=':
        return keep((row) => {
          const a = left(row);
          const b = right(row);
          return a === a && b === b && a !== b;
        });
      default:
        return unreachable(op, 'comparison');
    }
  }

  value(value: ValuePlan): RowValue {
    switch (value.kind) {
      case 'constant': {
        const constant = value.value;
        return () => constant;
      }
      case 'aggregate':
        return this.#fromFeatures(value, () => this.#transactions.aggregate(value.fn, value.filter));
      case 'holdingDays':
        return this.#holdingDays(value.product);
      case 'tenureDays': {
        const firstOpenDay = this.#data.customers.firstOpenDay;
        const asOf = this.#asOf;
        return (row) => {
          const first = firstOpenDay[row]!;
          return first === noDay || first > asOf ? Number.NaN : asOf - first;
        };
      }
      case 'recurring':
        return this.#fromFeatures(value, () => this.#transactions.recurring(value.filter));
      case 'propensity': {
        const column = this.#scores.column(value.model, this.#data.customers.ids);
        return (row) => column[row]!;
      }
      default:
        return unreachable(value, 'plan node');
    }
  }

  /** Reads the value from the features when they answer it; `scan` serves rows the features cannot hold. */
  #fromFeatures(value: ValuePlan, scan: () => RowValue): RowValue {
    const values = this.#featureValues(value, scan);
    if (values === undefined) return scan();
    return (row) => values()[row]!;
  }

  /** Every customer's value from the features, or undefined when they do not answer it (counted as a scan). */
  #featureValues(value: ValuePlan, scan: () => RowValue): (() => Float64Array) | undefined {
    const features = this.#features;
    const read = features && featureReadOf(value, features.currency);
    if (features === undefined || read === undefined) {
      this.#scans++;
      return undefined;
    }
    this.#featureReads++;
    let fallback: RowValue | undefined;
    return features.values(read, this.#dictionaries, (row) => (fallback ??= scan())(row));
  }

  /** A side of a comparison as every customer's values or a constant, when no side needs a scan. */
  #dense(value: ValuePlan): (() => Float64Array | number) | undefined {
    switch (value.kind) {
      case 'constant': {
        const constant = value.value;
        return () => constant;
      }
      case 'aggregate':
        return this.#featureValues(value, () => this.#transactions.aggregate(value.fn, value.filter));
      case 'recurring':
        return this.#featureValues(value, () => this.#transactions.recurring(value.filter));
      default:
        return undefined;
    }
  }

  #holdingDays(product: string): RowValue {
    const code = this.#dictionaries.products.lookup(product);
    if (code === undefined) return () => Number.NaN;
    const { productStart } = this.#data.customers;
    const { code: codes, since, until } = this.#data.products;
    const asOf = this.#asOf;
    return (row) => {
      let earliest = Number.POSITIVE_INFINITY;
      for (let k = productStart[row]!; k < productStart[row + 1]!; k++) {
        if (codes[k] !== code || since[k]! > asOf) continue;
        const end = until[k]!;
        if (end !== noDay && end < asOf) continue;
        if (since[k]! < earliest) earliest = since[k]!;
      }
      return earliest === Number.POSITIVE_INFINITY ? Number.NaN : asOf - earliest;
    };
  }
}

/** Whether both sides come from features or constants, one at least from features. */
function answeredWhole(left: ValuePlan, right: ValuePlan, currency: string): boolean {
  const whole = (value: ValuePlan) =>
    value.kind === 'constant' || featureReadOf(value, currency) !== undefined;
  return whole(left) && whole(right) && (left.kind !== 'constant' || right.kind !== 'constant');
}
