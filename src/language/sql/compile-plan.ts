// Compiles a checked question plan (its meaning is in ../plan.ts) to one parameterised PostgreSQL query.
import type {
  AggregateFunction,
  CompareOperator,
  Direction,
  Plan,
  TransactionFilter,
  ValuePlan,
  Window,
} from '../plan.ts';
import { birthMonthSql, birthMonthsOf, monthIndex, type AgeBand } from '../../core/age-bands.ts';
import { sqlIdentifier } from './identifier.ts';

/** A statement and its bound values (`$1` is `parameters[0]`). Frozen. */
export type CompiledQuery = Readonly<{ sql: string; parameters: readonly unknown[] }>;

/**
 * The ids of the active customers matching `plan` on day `asOf`, in one column `customer_id`, ascending.
 * Every aggregate is computed in one pass over `transactions` grouped by customer (so it distributes by
 * customer on Citus), bounded by the union of the plan's windows; `recurring` needs a second pass grouped
 * by customer and merchant. Values are bound, never spliced.
 */
export function compilePlan(plan: Plan, asOf: string): CompiledQuery {
  return new PlanCompiler(calendarDay(asOf)).compile(plan);
}

const q = sqlIdentifier;
const col = (table: string, column: string): string => `${q(table)}.${q(column)}`;

const monthsForRecurring = 3;
const firstDay = '0001-01-01';

type ParameterType = 'date' | 'text' | 'numeric' | 'int[]' | 'text[]' | 'uuid';

/** `$n::type` placeholders; equal values of one type share a number. */
class ParameterList {
  readonly values: unknown[] = [];
  readonly #numbers = new Map<string, number>();

  bind(value: string | number | readonly string[] | readonly number[], type: ParameterType): string {
    const key = `${type} ${JSON.stringify(value)}`;
    let n = this.#numbers.get(key);
    if (n === undefined) {
      this.values.push(typeof value === 'object' ? Object.freeze([...value]) : value);
      n = this.values.length;
      this.#numbers.set(key, n);
    }
    return `$${n}::${type}`;
  }
}

/** Inclusive days: from ≤ booking_date ≤ to (empty when from > to). */
interface DayRange {
  readonly from: string;
  readonly to: string;
}

/** A transaction filter with its window resolved against asOf and its lists sorted and deduplicated. */
interface ResolvedFilter {
  readonly range: DayRange;
  readonly currency: string;
  readonly categories: readonly string[] | undefined;
  readonly mccs: readonly number[] | undefined;
  readonly merchants: readonly string[] | undefined;
  readonly direction: Direction | undefined;
  readonly minMinor: number | undefined;
  readonly maxMinor: number | undefined;
}

interface AggregateColumn {
  readonly name: string;
  readonly fn: AggregateFunction;
  readonly filter: ResolvedFilter;
}

interface RecurringColumn {
  readonly name: string;
  readonly months: string;
  readonly filter: ResolvedFilter;
}

class PlanCompiler {
  readonly #asOf: string;
  readonly #parameters = new ParameterList();
  readonly #aggregates = new Map<string, AggregateColumn>();
  readonly #recurring = new Map<string, RecurringColumn>();
  readonly #products = new Map<string, string>();
  /** Model version id → the alias of its joined model_scores. */
  readonly #models = new Map<string, string>();
  #tenure = false;
  #birthMonth = false;

  constructor(asOf: string) {
    this.#asOf = asOf;
  }

  compile(plan: Plan): CompiledQuery {
    this.#collect(plan);
    const lines = [`SELECT ${col('c', 'id')} AS ${q('customer_id')}`, `FROM ${q('customers')} AS ${q('c')}`];
    if (this.#aggregates.size > 0) lines.push(...this.#transactionsJoin());
    if (this.#recurring.size > 0) lines.push(...this.#recurringJoin());
    if (this.#products.size > 0) lines.push(...this.#productsJoin());
    if (this.#tenure) lines.push(...this.#tenureJoin());
    if (this.#birthMonth) lines.push(...this.#birthMonthJoin());
    for (const [model, alias] of this.#models) lines.push(this.#scoreJoin(model, alias));
    const active = this.#parameters.bind('active', 'text');
    lines.push(`WHERE ${col('c', 'status')} = ${active} AND ${this.#condition(plan)}`);
    lines.push(`ORDER BY ${col('c', 'id')}`);
    return Object.freeze({ sql: lines.join('\n'), parameters: Object.freeze(this.#parameters.values) });
  }

  // Pass 1: the columns the condition needs, each once, so that parameters are numbered in text order.

  #collect(plan: Plan): void {
    switch (plan.kind) {
      case 'and':
      case 'or':
        plan.items.forEach((item) => this.#collect(item));
        return;
      case 'not':
        this.#collect(plan.item);
        return;
      case 'compare':
        this.#collectValue(plan.left);
        this.#collectValue(plan.right);
        return;
      case 'holds':
        this.#product(plan.product);
        return;
      case 'ageBand':
        this.#birthMonth = true;
        return;
      case 'constant':
        return;
      default:
        return unreachable(plan);
    }
  }

  #collectValue(value: ValuePlan): void {
    switch (value.kind) {
      case 'constant':
        finiteNumber(value.value);
        return;
      case 'aggregate':
        this.#aggregate(value.fn, value.filter);
        return;
      case 'holdingDays':
        this.#product(value.product);
        return;
      case 'tenureDays':
        this.#tenure = true;
        return;
      case 'recurring':
        this.#recurringColumn(value.filter);
        return;
      case 'propensity':
        this.#model(value.model);
        return;
      default:
        return unreachable(value);
    }
  }

  #aggregate(fn: AggregateFunction, filter: TransactionFilter): AggregateColumn {
    const resolved = this.#resolve(filter);
    const key = `${fn} ${JSON.stringify(resolved)}`;
    let column = this.#aggregates.get(key);
    if (column === undefined) {
      column = { name: `a${this.#aggregates.size + 1}`, fn, filter: resolved };
      this.#aggregates.set(key, column);
    }
    return column;
  }

  #recurringColumn(filter: TransactionFilter): RecurringColumn {
    const resolved = this.#resolve(filter);
    const key = JSON.stringify(resolved);
    let column = this.#recurring.get(key);
    if (column === undefined) {
      const n = this.#recurring.size + 1;
      column = { name: `r${n}`, months: `m${n}`, filter: resolved };
      this.#recurring.set(key, column);
    }
    return column;
  }

  #product(product: string): string {
    let name = this.#products.get(product);
    if (name === undefined) {
      name = `h${this.#products.size + 1}`;
      this.#products.set(product, name);
    }
    return name;
  }

  #model(model: string): string {
    let alias = this.#models.get(model);
    if (alias === undefined) {
      alias = `s${this.#models.size + 1}`;
      this.#models.set(model, alias);
    }
    return alias;
  }

  /** One model version's stored scores: at most one row per customer (the table's key). */
  #scoreJoin(model: string, alias: string): string {
    const version = this.#parameters.bind(model, 'uuid');
    return (
      `LEFT JOIN ${q('model_scores')} AS ${q(alias)} ON ${col(alias, 'customer_id')} = ${col('c', 'id')}` +
      ` AND ${col(alias, 'model_version')} = ${version}`
    );
  }

  #resolve(filter: TransactionFilter): ResolvedFilter {
    for (const mcc of filter.mccs ?? [])
      if (!Number.isSafeInteger(mcc)) throw new Error('an MCC is an integer');
    if (filter.minMinor !== undefined) finiteNumber(filter.minMinor);
    if (filter.maxMinor !== undefined) finiteNumber(filter.maxMinor);
    return {
      range: this.#range(filter.window),
      currency: filter.currency,
      categories: filter.categories && [...new Set(filter.categories)].sort(),
      mccs: filter.mccs && [...new Set(filter.mccs)].sort((a, b) => a - b),
      merchants: filter.merchants && [...new Set(filter.merchants)].sort(),
      direction: filter.direction,
      minMinor: filter.minMinor,
      maxMinor: filter.maxMinor,
    };
  }

  #range(window: Window): DayRange {
    switch (window.kind) {
      case 'within':
        // asOf − n < booking_date ≤ asOf, as inclusive days.
        if (!Number.isSafeInteger(window.days) || window.days < 0) {
          throw new Error('a window is a whole, non-negative number of days');
        }
        return { from: addDays(this.#asOf, 1 - window.days), to: this.#asOf };
      case 'between':
        return { from: calendarDay(window.from), to: calendarDay(window.to) };
      default:
        return unreachable(window);
    }
  }

  // Pass 2: the joins, then the condition over their columns.

  #transactionsJoin(): string[] {
    const columns = [...this.#aggregates.values()];
    const select = columns.map(
      (c) => `${aggregateCall(c.fn)} FILTER (WHERE ${this.#filterCondition(c.filter)}) AS ${q(c.name)}`,
    );
    const scan = this.#scanRange(columns.map((c) => c.filter.range));
    return [
      'LEFT JOIN (',
      `  SELECT ${q('customer_id')},`,
      ...select.map((s, i) => `    ${s}${i < select.length - 1 ? ',' : ''}`),
      `  FROM ${q('owned_transactions')}`,
      `  WHERE ${q('customer_id')} IS NOT NULL AND ${scan}`,
      `  GROUP BY ${q('customer_id')}`,
      `) AS ${q('t')} ON ${col('t', 'customer_id')} = ${col('c', 'id')}`,
    ];
  }

  #recurringJoin(): string[] {
    const columns = [...this.#recurring.values()];
    const month = `extract(year FROM ${q('booking_date')}) * 12 + extract(month FROM ${q('booking_date')})`;
    const perMerchant = columns.map(
      (c) => `count(DISTINCT ${month}) FILTER (WHERE ${this.#filterCondition(c.filter)}) AS ${q(c.months)}`,
    );
    const perCustomer = columns.map(
      (c) => `count(*) FILTER (WHERE ${q(c.months)} >= ${monthsForRecurring}) AS ${q(c.name)}`,
    );
    const debit = this.#parameters.bind('D' satisfies Direction, 'text');
    const scan = this.#scanRange(columns.map((c) => c.filter.range));
    return [
      'LEFT JOIN (',
      `  SELECT ${q('customer_id')},`,
      ...perCustomer.map((s, i) => `    ${s}${i < perCustomer.length - 1 ? ',' : ''}`),
      '  FROM (',
      `    SELECT ${q('customer_id')}, ${q('merchant_name')},`,
      ...perMerchant.map((s, i) => `      ${s}${i < perMerchant.length - 1 ? ',' : ''}`),
      `    FROM ${q('owned_transactions')}`,
      `    WHERE ${q('customer_id')} IS NOT NULL AND ${q('merchant_name')} IS NOT NULL` +
        ` AND ${q('direction')} = ${debit} AND ${scan}`,
      `    GROUP BY ${q('customer_id')}, ${q('merchant_name')}`,
      `  ) AS ${q('rm')}`,
      `  GROUP BY ${q('customer_id')}`,
      `) AS ${q('r')} ON ${col('r', 'customer_id')} = ${col('c', 'id')}`,
    ];
  }

  #productsJoin(): string[] {
    const p = this.#parameters;
    const select = [...this.#products].map(
      ([product, name]) =>
        `min(${q('since')}) FILTER (WHERE ${q('product_code')} = ${p.bind(product, 'text')}) AS ${q(name)}`,
    );
    const products = p.bind([...this.#products.keys()].sort(), 'text[]');
    const asOf = p.bind(this.#asOf, 'date');
    return [
      'LEFT JOIN (',
      `  SELECT ${q('customer_id')},`,
      ...select.map((s, i) => `    ${s}${i < select.length - 1 ? ',' : ''}`),
      `  FROM ${q('products_held')}`,
      `  WHERE ${q('product_code')} = ANY(${products}) AND ${q('since')} <= ${asOf}` +
        ` AND (${q('until')} IS NULL OR ${q('until')} >= ${asOf})`,
      `  GROUP BY ${q('customer_id')}`,
      `) AS ${q('p')} ON ${col('p', 'customer_id')} = ${col('c', 'id')}`,
    ];
  }

  #tenureJoin(): string[] {
    const asOf = this.#parameters.bind(this.#asOf, 'date');
    return [
      'LEFT JOIN (',
      `  SELECT ${q('customer_id')}, min(${q('opened_on')}) AS ${q('opened_on')}`,
      `  FROM ${q('accounts')}`,
      `  WHERE ${q('customer_id')} IS NOT NULL AND ${q('opened_on')} <= ${asOf}`,
      `  GROUP BY ${q('customer_id')}`,
      `) AS ${q('a')} ON ${col('a', 'customer_id')} = ${col('c', 'id')}`,
    ];
  }

  /** The birth month (`year * 12 + month − 1`) from customer_flags.adult_from (src/core/age-bands.ts). */
  #birthMonthJoin(): string[] {
    const adultFrom = q('adult_from');
    return [
      'LEFT JOIN (',
      `  SELECT ${q('customer_id')}, ${birthMonthSql(adultFrom)} AS ${q('birth_month')}`,
      `  FROM ${q('customer_flags')}`,
      `  WHERE ${adultFrom} IS NOT NULL`,
      `) AS ${q('f')} ON ${col('f', 'customer_id')} = ${col('c', 'id')}`,
    ];
  }

  /** The union of the windows (ignoring empty ones), so the (customer_id, booking_date) index bounds the scan. */
  #scanRange(ranges: readonly DayRange[]): string {
    const nonEmpty = ranges.filter((r) => r.from <= r.to);
    const range =
      nonEmpty.length === 0
        ? ranges[0]!
        : {
            from: nonEmpty.reduce((min, r) => (r.from < min ? r.from : min), nonEmpty[0]!.from),
            to: nonEmpty.reduce((max, r) => (r.to > max ? r.to : max), nonEmpty[0]!.to),
          };
    return this.#rangeCondition(range);
  }

  #rangeCondition(range: DayRange): string {
    const p = this.#parameters;
    const date = q('booking_date');
    return `${date} >= ${p.bind(range.from, 'date')} AND ${date} <= ${p.bind(range.to, 'date')}`;
  }

  #filterCondition(filter: ResolvedFilter): string {
    const p = this.#parameters;
    const parts = [
      this.#rangeCondition(filter.range),
      `${q('currency')} = ${p.bind(filter.currency, 'text')}`,
    ];
    if (filter.categories) parts.push(`${q('category')} = ANY(${p.bind(filter.categories, 'text[]')})`);
    if (filter.mccs) parts.push(`${q('mcc')} = ANY(${p.bind(filter.mccs, 'int[]')})`);
    if (filter.merchants) parts.push(`${q('merchant_name')} = ANY(${p.bind(filter.merchants, 'text[]')})`);
    if (filter.direction) parts.push(`${q('direction')} = ${p.bind(filter.direction, 'text')}`);
    if (filter.minMinor !== undefined)
      parts.push(`${q('amount_minor')} >= ${p.bind(filter.minMinor, 'numeric')}`);
    if (filter.maxMinor !== undefined)
      parts.push(`${q('amount_minor')} <= ${p.bind(filter.maxMinor, 'numeric')}`);
    return parts.join(' AND ');
  }

  /** Two-valued: every comparison with an absent side is false, so NOT never meets a NULL. */
  #condition(plan: Plan): string {
    switch (plan.kind) {
      case 'and':
        return plan.items.length === 0
          ? 'TRUE'
          : `(${plan.items.map((i) => this.#condition(i)).join(' AND ')})`;
      case 'or':
        return plan.items.length === 0
          ? 'FALSE'
          : `(${plan.items.map((i) => this.#condition(i)).join(' OR ')})`;
      case 'not':
        return `NOT ${this.#condition(plan.item)}`;
      case 'compare':
        return `COALESCE(${this.#value(plan.left)} ${sqlOperator(plan.op)} ${this.#value(plan.right)}, FALSE)`;
      case 'holds':
        return `(${col('p', this.#product(plan.product))} IS NOT NULL)`;
      case 'ageBand':
        return this.#ageBandCondition(plan.bands);
      case 'constant':
        return plan.value ? 'TRUE' : 'FALSE';
      default:
        return unreachable(plan);
    }
  }

  /** Each band is a range of birth months; no date of birth (NULL) is in none. */
  #ageBandCondition(bands: readonly AgeBand[]): string {
    const asOfMonth = monthIndex(this.#asOf);
    const month = col('f', 'birth_month');
    const ranges = bands.map((band) => {
      const { first, last } = birthMonthsOf(band, asOfMonth);
      // Bound in text order, so parameters are numbered as they appear.
      const lower = Number.isFinite(first)
        ? `${month} >= ${this.#parameters.bind(first, 'numeric')} AND `
        : '';
      return `(${lower}${month} <= ${this.#parameters.bind(last, 'numeric')})`;
    });
    return ranges.length === 0 ? 'FALSE' : `COALESCE(${ranges.join(' OR ')}, FALSE)`;
  }

  #value(value: ValuePlan): string {
    switch (value.kind) {
      case 'constant':
        return this.#parameters.bind(value.value, 'numeric');
      case 'aggregate': {
        const { name, fn } = this.#aggregate(value.fn, value.filter);
        return aggregateValue(fn, col('t', name), () => this.#parameters.bind(this.#asOf, 'date'));
      }
      case 'holdingDays':
        return `(${this.#parameters.bind(this.#asOf, 'date')} - ${col('p', this.#product(value.product))})`;
      case 'tenureDays':
        return `(${this.#parameters.bind(this.#asOf, 'date')} - ${col('a', 'opened_on')})`;
      case 'recurring':
        return `COALESCE(${col('r', this.#recurringColumn(value.filter).name)}, 0)`;
      case 'propensity':
        return col(this.#model(value.model), 'score');
      default:
        return unreachable(value);
    }
  }
}

function aggregateCall(fn: AggregateFunction): string {
  switch (fn) {
    case 'count':
      return 'count(*)';
    case 'sum':
      return `sum(${q('amount_minor')})`;
    case 'average':
      // avg of bigint is numeric: no integer division.
      return `avg(${q('amount_minor')})`;
    case 'min':
      return `min(${q('amount_minor')})`;
    case 'max':
      return `max(${q('amount_minor')})`;
    case 'daysSinceLast':
      return `max(${q('booking_date')})`;
    default:
      return unreachable(fn);
  }
}

/** The value of an aggregate column: count and sum are 0 over no rows, the others stay absent (NULL). */
function aggregateValue(fn: AggregateFunction, column: string, asOf: () => string): string {
  switch (fn) {
    case 'count':
    case 'sum':
      return `COALESCE(${column}, 0)`;
    case 'average':
    case 'min':
    case 'max':
      return column;
    case 'daysSinceLast':
      return `(${asOf()} - ${column})`;
    default:
      return unreachable(fn);
  }
}

function sqlOperator(op: CompareOperator): string {
  switch (op) {
    case '<':
    case '<=':
    case '>':
    case '>=':
    case '=':
      return op;
    case '!=':
      return '<>';
    default:
      return unreachable(op);
  }
}

function finiteNumber(value: number): void {
  if (!Number.isFinite(value)) throw new Error('a plan holds finite numbers only');
}

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
const dayMs = 86_400_000;

function calendarDay(day: string): string {
  const time = dayPattern.test(day) ? Date.parse(`${day}T00:00:00Z`) : NaN;
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== day) {
    throw new Error('a day is a calendar date written YYYY-MM-DD');
  }
  return day;
}

/** `day` + `days`, clamped below at year 1 (no booking is older). */
function addDays(day: string, days: number): string {
  const time = Math.max(Date.parse(`${day}T00:00:00Z`) + days * dayMs, Date.parse(`${firstDay}T00:00:00Z`));
  return new Date(time).toISOString().slice(0, 10);
}

function unreachable(_value: never): never {
  throw new Error('unhandled plan node');
}
