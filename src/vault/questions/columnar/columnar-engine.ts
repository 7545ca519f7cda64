// Answers checked questions from the columnar store: the plan is compiled to closures once per evaluation.
import { lowerBound } from './columnar-data.ts';
import type {
  AggregateFunction,
  CompareOperator,
  CustomerIds,
  Plan,
  QuestionEngine,
  TransactionFilter,
  ValuePlan,
} from '../../../language/plan.ts';
import { noMcc, type ColumnarData, type Dictionaries } from './columnar-data.ts';
import type { ColumnarStore } from './columnar-store.ts';
import { dayNumber, monthTable, noDay } from './day-numbers.ts';
import type { FeatureSet } from './feature-set.ts';
import { featureReadOf } from './features.ts';

/** Keeps the customer rows (ascending) that satisfy a plan, out of the candidate rows given. */
type RowSet = (candidates: Int32Array) => Int32Array;
/** A value of one customer row; NaN when absent. */
type RowValue = (row: number) => number;

const none = new Int32Array(0);

export interface ColumnarEngineOptions {
  /** Read the store's features where a value allows it (see features.ts). Default true. */
  readonly features?: boolean;
}

/** How a plan's transaction values are answered: from features, or by scanning transactions. */
export interface PlanExplanation {
  readonly featureReads: number;
  readonly scans: number;
}

export class ColumnarEngine implements QuestionEngine {
  readonly name = 'columnar';
  readonly #store: ColumnarStore;
  readonly #useFeatures: boolean;
  #lastExplanation: PlanExplanation = { featureReads: 0, scans: 0 };

  constructor(store: ColumnarStore, options: ColumnarEngineOptions = {}) {
    this.#store = store;
    this.#useFeatures = options.features ?? true;
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

  #compiler(asOf: string): PlanCompiler {
    const day = dayNumber(asOf);
    const features = this.#useFeatures ? this.#store.featuresFor(day) : undefined;
    return new PlanCompiler(this.#store.data, this.#store.dictionaries, day, features);
  }
}

class PlanCompiler {
  readonly #data: ColumnarData;
  readonly #dictionaries: Dictionaries;
  readonly #asOf: number;
  readonly #features: FeatureSet | undefined;
  #featureReads = 0;
  #scans = 0;
  #recurringScratch: { lastMonth: Int32Array; months: Uint8Array; touched: Int32Array } | undefined;

  constructor(
    data: ColumnarData,
    dictionaries: Dictionaries,
    asOf: number,
    features: FeatureSet | undefined,
  ) {
    this.#data = data;
    this.#dictionaries = dictionaries;
    this.#asOf = asOf;
    this.#features = features;
    this.#featured = features && ((value) => featureReadOf(value, features.currency) !== undefined);
  }

  readonly #featured: Featured;

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
      default:
        return unreachable(plan);
    }
  }

  #compare(op: CompareOperator, leftPlan: ValuePlan, rightPlan: ValuePlan): RowSet {
    if (this.#features !== undefined && answeredWhole(leftPlan, rightPlan, this.#features.currency)) {
      const left = this.#dense(leftPlan)!;
      const right = this.#dense(rightPlan)!;
      return (candidates) => select(op, candidates, left(), right());
    }
    const left = this.#value(leftPlan);
    const right = this.#value(rightPlan);
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
        return unreachable(op);
    }
  }

  #value(value: ValuePlan): RowValue {
    switch (value.kind) {
      case 'constant': {
        const constant = value.value;
        return () => constant;
      }
      case 'aggregate':
        return this.#fromFeatures(value, () => this.#aggregate(value.fn, value.filter));
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
        return this.#fromFeatures(value, () => this.#recurring(value.filter));
      default:
        return unreachable(value);
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
        return this.#featureValues(value, () => this.#aggregate(value.fn, value.filter));
      case 'recurring':
        return this.#featureValues(value, () => this.#recurring(value.filter));
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

  #aggregate(fn: AggregateFunction, filter: TransactionFilter): RowValue {
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
        return unreachable(fn);
    }
  }

  #recurring(filter: TransactionFilter): RowValue {
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
  #selection(
    filter: TransactionFilter,
    debitsOnly: boolean,
  ): { range: (row: number) => void; bounds: Int32Array; matches: (i: number) => boolean } {
    const asOf = this.#asOf;
    const window = filter.window;
    const first = window.kind === 'within' ? asOf - window.days + 1 : dayNumber(window.from);
    const last = window.kind === 'within' ? asOf : dayNumber(window.to);
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

    const kinds = this.#kindTable(filter, debitsOnly);
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

  /** 1 for every transaction kind (category, currency, direction) the filter accepts. */
  #kindTable(filter: TransactionFilter, debitsOnly: boolean): Uint8Array {
    const { kinds, categories, currencies } = this.#dictionaries;
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
}

/** Whether both sides come from features or constants, one at least from features. */
function answeredWhole(left: ValuePlan, right: ValuePlan, currency: string): boolean {
  const whole = (value: ValuePlan) =>
    value.kind === 'constant' || featureReadOf(value, currency) !== undefined;
  return whole(left) && whole(right) && (left.kind !== 'constant' || right.kind !== 'constant');
}

/** The candidates whose values compare true, one tight loop over dense values. */
function select(
  op: CompareOperator,
  candidates: Int32Array,
  left: Float64Array | number,
  right: Float64Array | number,
): Int32Array {
  const out = new Int32Array(candidates.length);
  let n = 0;
  if (typeof left === 'number') {
    // Constant on the left: flip the comparison.
    const flipped = ({ '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=', '!=': '!=' } as const)[op];
    return select(flipped, candidates, right, left);
  }
  const constant = typeof right === 'number' ? right : 0;
  const values = typeof right === 'number' ? undefined : right;
  for (let k = 0; k < candidates.length; k++) {
    const row = candidates[k]!;
    const a = left[row]!;
    const b = values === undefined ? constant : values[row]!;
    if (holdsFor(op, a, b)) out[n++] = row;
  }
  return out.subarray(0, n);
}

function holdsFor(op: CompareOperator, a: number, b: number): boolean {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '=':
      return a === b;
    case '!=':
      return a === a && b === b && a !== b;
    default:
      return unreachable(op);
  }
}

function keep(predicate: (row: number) => boolean): RowSet {
  return (candidates) => {
    const out = new Int32Array(candidates.length);
    let n = 0;
    for (let k = 0; k < candidates.length; k++) {
      const row = candidates[k]!;
      if (predicate(row)) out[n++] = row;
    }
    return out.subarray(0, n);
  };
}

function union(a: Int32Array, b: Int32Array): Int32Array {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x < y) out[n++] = a[i++]!;
    else if (y < x) out[n++] = b[j++]!;
    else {
      out[n++] = x;
      i++;
      j++;
    }
  }
  while (i < a.length) out[n++] = a[i++]!;
  while (j < b.length) out[n++] = b[j++]!;
  return out.subarray(0, n);
}

/** Rows of `a` not in `b`; both ascending, `b` a subset of `a` or not. */
function difference(a: Int32Array, b: Int32Array): Int32Array {
  if (b.length === 0) return a;
  const out = new Int32Array(a.length);
  let j = 0;
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    while (j < b.length && b[j]! < x) j++;
    if (j < b.length && b[j] === x) continue;
    out[n++] = x;
  }
  return out.subarray(0, n);
}

/** Which values the features answer, for the plan's currency; undefined without features. */
type Featured = ((value: ValuePlan) => boolean) | undefined;

function cost(plan: Plan, featured: Featured): number {
  switch (plan.kind) {
    case 'constant':
      return 0;
    case 'holds':
      return 1;
    case 'not':
      return cost(plan.item, featured);
    case 'and':
    case 'or':
      return plan.items.reduce((sum, item) => sum + cost(item, featured), 0);
    case 'compare':
      return valueCost(plan.left, featured) + valueCost(plan.right, featured);
    default:
      return unreachable(plan);
  }
}

function valueCost(value: ValuePlan, featured: Featured): number {
  switch (value.kind) {
    case 'constant':
      return 0;
    case 'tenureDays':
    case 'holdingDays':
      return 1;
    case 'aggregate':
      return featured?.(value) ? 0.5 : 10;
    case 'recurring':
      return featured?.(value) ? 0.5 : 20;
    default:
      return unreachable(value);
  }
}

/** Cheap items first: with two-valued logic, `and` and `or` may run their items in any order. */
function byCost(items: readonly Plan[], featured: Featured): Plan[] {
  return items
    .map((item, index) => ({ item, index, cost: cost(item, featured) }))
    .sort((x, y) => x.cost - y.cost || x.index - y.index)
    .map((entry) => entry.item);
}

function unreachable(value: never): never {
  throw new Error(`unhandled plan node: ${JSON.stringify(value)}`);
}
