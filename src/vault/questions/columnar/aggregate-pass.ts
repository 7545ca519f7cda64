// Many transaction aggregates of every customer in one pass over the transaction columns: what a model's feature
// list reads (dozens of sums and counts by category and window), equal bit for bit to one scan per aggregate.
import type { AggregateFunction, TransactionFilter, ValuePlan } from '../../../language/plan.ts';
import { unreachable } from '../../../core/unreachable.ts';
import { lowerBound, type ColumnarData, type Dictionaries } from './columnar-data.ts';
import { kindTable, windowDays } from './transaction-scans.ts';

/** An aggregate the pass computes: its filter selects by window, kind (category, currency, direction) only. */
export type PassAggregate = Extract<ValuePlan, { kind: 'aggregate' }>;

/** Whether the pass computes `value`: an aggregate without MCC, merchant or amount bounds. */
export function inAggregatePass(value: ValuePlan): value is PassAggregate {
  return value.kind === 'aggregate' && kindOnly(value.filter);
}

function kindOnly(filter: TransactionFilter): boolean {
  return (
    filter.mccs === undefined &&
    filter.merchants === undefined &&
    filter.minMinor === undefined &&
    filter.maxMinor === undefined
  );
}

const fnCodes: Readonly<Record<AggregateFunction, number>> = {
  count: 0,
  sum: 1,
  average: 2,
  min: 3,
  max: 4,
  daysSinceLast: 5,
};

/**
 * Every customer row's value of each aggregate on `asOf` (NaN where absent), as `TransactionScans.aggregate`
 * gives them: each row's transactions of the widest window are read once, in ascending order (so sums add in
 * the same order), and each is added to the aggregates whose kind table and window accept it.
 */
export function aggregatesInOnePass(
  data: ColumnarData,
  dictionaries: Dictionaries,
  asOf: number,
  aggregates: readonly PassAggregate[],
): Float64Array[] {
  const customers = data.customers.ids.length;
  const results = aggregates.map(() => new Float64Array(customers));
  const count = aggregates.length;
  if (count === 0) return results;
  const fn = Int32Array.from(aggregates, (a) => fnCodes[a.fn]);
  const first = new Int32Array(count);
  const last = new Int32Array(count);
  aggregates.forEach((a, f) => ({ first: first[f], last: last[f] } = windowDays(a.filter.window, asOf)));
  const byKind = aggregatesByKind(dictionaries, aggregates);
  let passFirst = Number.POSITIVE_INFINITY;
  let passLast = Number.NEGATIVE_INFINITY;
  for (let f = 0; f < count; f++) {
    passFirst = Math.min(passFirst, first[f]!);
    passLast = Math.max(passLast, last[f]!);
  }
  const { txStart } = data.customers;
  const { day, amount, kind } = data.transactions;
  const { start: kindStart, aggregate: kindAggregate } = byKind;
  // One accumulator set, reset after each row: sums (or min/max), counts, and the latest matching day.
  const sum = new Float64Array(count);
  const n = new Float64Array(count);
  const latest = new Int32Array(count);
  for (let row = 0; row < customers; row++) {
    const end = txStart[row + 1]!;
    const from = lowerBound(day, txStart[row]!, end, passFirst);
    const to = lowerBound(day, from, end, passLast + 1);
    for (let i = from; i < to; i++) {
      const k = kind[i]!;
      const d = day[i]!;
      for (let p = kindStart[k]!; p < kindStart[k + 1]!; p++) {
        const f = kindAggregate[p]!;
        if (d < first[f]! || d > last[f]!) continue;
        const x = amount[i]!;
        switch (fn[f]) {
          case 3:
            if (!(x >= sum[f]!) || n[f] === 0) sum[f] = x;
            break;
          case 4:
            if (!(x <= sum[f]!) || n[f] === 0) sum[f] = x;
            break;
          case 5:
            latest[f] = d;
            break;
          default:
            sum[f]! += x;
        }
        n[f]!++;
      }
    }
    for (let f = 0; f < count; f++) {
      results[f]![row] = valueOf(fn[f]!, sum[f]!, n[f]!, asOf - latest[f]!);
      sum[f] = 0;
      n[f] = 0;
    }
  }
  return results;
}

function valueOf(fn: number, sum: number, n: number, daysSince: number): number {
  switch (fn) {
    case 0:
      return n;
    case 1:
      return sum;
    case 2:
      return n === 0 ? Number.NaN : sum / n;
    case 3:
    case 4:
      return n === 0 ? Number.NaN : sum;
    case 5:
      return n === 0 ? Number.NaN : daysSince;
    default:
      return unreachable(fn as never, 'aggregate');
  }
}

/** For each transaction kind k, the aggregates that accept it: aggregate[start[k] … start[k + 1]]. */
function aggregatesByKind(
  dictionaries: Dictionaries,
  aggregates: readonly PassAggregate[],
): { start: Int32Array; aggregate: Int32Array } {
  const kinds = dictionaries.kinds.size;
  const tables = aggregates.map((a) => kindTable(dictionaries, a.filter, false));
  const start = new Int32Array(kinds + 1);
  for (let k = 0; k < kinds; k++) {
    let accepting = 0;
    for (const table of tables) accepting += table[k]!;
    start[k + 1] = start[k]! + accepting;
  }
  const aggregate = new Int32Array(start[kinds]!);
  const next = start.slice(0, kinds);
  for (let k = 0; k < kinds; k++) {
    tables.forEach((table, f) => {
      if (table[k] === 1) aggregate[next[k]!++] = f;
    });
  }
  return { start, aggregate };
}
