// Many transaction values of every customer in one pass over the transaction columns: what a model's feature list
// reads (dozens of sums and counts by category and window), equal bit for bit to one scan per value.
import type { TransactionFilter, ValuePlan } from '../../../language/plan.ts';
import { unreachable } from '../../../core/unreachable.ts';
import { lowerBound, type ColumnarData, type Dictionaries } from './columnar-data.ts';
import { monthTable } from './day-numbers.ts';
import { kindTable, windowDays } from './transaction-scans.ts';

/** A value the pass computes: an aggregate or a recurring count whose filter selects by window and kind only. */
export type PassValue = Extract<ValuePlan, { kind: 'aggregate' | 'recurring' }>;

/** Whether the pass computes `value`: an aggregate or recurring count without MCC, merchant or amount bounds. */
export function inOnePass(value: ValuePlan): value is PassValue {
  return (value.kind === 'aggregate' || value.kind === 'recurring') && kindOnly(value.filter);
}

function kindOnly(filter: TransactionFilter): boolean {
  return (
    filter.mccs === undefined &&
    filter.merchants === undefined &&
    filter.minMinor === undefined &&
    filter.maxMinor === undefined
  );
}

const code = { count: 0, sum: 1, average: 2, min: 3, max: 4, daysSinceLast: 5, recurring: 6 } as const;
/** Count, sum and average only add the amount (and count it, as every value does). */
const lastAdding = code.average;

/** A recurring count's merchants of the current row (as in TransactionScans.recurring). */
interface RecurringScratch {
  readonly lastMonth: Int32Array;
  readonly months: Uint8Array;
  readonly touched: Int32Array;
  touchedCount: number;
}

/**
 * Every customer row's value of each value on `asOf` (NaN where absent), as `TransactionScans` gives them. The
 * days are cut into segments at every window's edges; within a segment each transaction kind has a fixed list of
 * the values that take it, so each transaction of a row is read once, in ascending order (sums add in the same
 * order as one scan per value), and goes straight to the values it counts for.
 */
export function valuesInOnePass(
  data: ColumnarData,
  dictionaries: Dictionaries,
  asOf: number,
  values: readonly PassValue[],
): Float64Array[] {
  const customers = data.customers.ids.length;
  const results = values.map(() => new Float64Array(customers));
  const count = values.length;
  if (count === 0) return results;
  const fn = Int32Array.from(values, (v) => code[v.kind === 'recurring' ? 'recurring' : v.fn]);
  const { edges, listStart, list } = segmentLists(dictionaries, asOf, values);
  const segments = edges.length - 1;
  const kinds = dictionaries.kinds.size;
  const merchants = dictionaries.merchants.values.length;
  const recurring = values.map((v): RecurringScratch | undefined =>
    v.kind === 'recurring'
      ? {
          lastMonth: new Int32Array(merchants).fill(-1),
          months: new Uint8Array(merchants),
          touched: new Int32Array(merchants),
          touchedCount: 0,
        }
      : undefined,
  );
  const monthOf = monthTable();
  const { txStart } = data.customers;
  const { day, amount, kind, merchant } = data.transactions;
  // One accumulator set, reset after each row: sums (min, max, recurring merchants), counts, the latest day.
  const sum = new Float64Array(count);
  const n = new Float64Array(count);
  const latest = new Int32Array(count);
  for (let row = 0; row < customers; row++) {
    const end = txStart[row + 1]!;
    let i = lowerBound(day, txStart[row]!, end, edges[0]!);
    for (let s = 0; s < segments; s++) {
      const to = lowerBound(day, i, end, edges[s + 1]!);
      const base = s * kinds;
      for (; i < to; i++) {
        const key = base + kind[i]!;
        const stop = listStart[key + 1]!;
        for (let p = listStart[key]!; p < stop; p++) {
          const f = list[p]!;
          const c = fn[f]!;
          if (c <= lastAdding) sum[f]! += amount[i]!;
          else if (c === code.daysSinceLast) latest[f] = day[i]!;
          else if (c === code.recurring) addRecurring(recurring[f]!, merchant[i]!, monthOf[day[i]!]!, sum, f);
          else {
            // min or max: NaN-safe comparisons as in TransactionScans, the first amount taken as it is.
            const x = amount[i]!;
            if (n[f] === 0 || (c === code.min ? !(x >= sum[f]!) : !(x <= sum[f]!))) sum[f] = x;
          }
          n[f]!++;
        }
      }
    }
    for (let f = 0; f < count; f++) {
      results[f]![row] = valueOf(fn[f]!, sum[f]!, n[f]!, asOf - latest[f]!);
      sum[f] = 0;
      n[f] = 0;
      const scratch = recurring[f];
      if (scratch !== undefined) resetRecurring(scratch);
    }
  }
  return results;
}

/** Counts merchant m's payment in `month` (days ascend within a row); a third month makes it recurring. */
function addRecurring(
  scratch: RecurringScratch,
  m: number,
  month: number,
  sum: Float64Array,
  f: number,
): void {
  if (m < 0) return;
  const { lastMonth, months, touched } = scratch;
  if (lastMonth[m] === month) return;
  if (lastMonth[m] === -1) touched[scratch.touchedCount++] = m;
  lastMonth[m] = month;
  if (++months[m]! === 3) sum[f]!++;
}

function resetRecurring(scratch: RecurringScratch): void {
  const { lastMonth, months, touched } = scratch;
  for (let k = 0; k < scratch.touchedCount; k++) {
    lastMonth[touched[k]!] = -1;
    months[touched[k]!] = 0;
  }
  scratch.touchedCount = 0;
}

function valueOf(fn: number, sum: number, n: number, daysSince: number): number {
  switch (fn) {
    case code.count:
      return n;
    case code.sum:
    case code.recurring:
      return sum;
    case code.average:
      return n === 0 ? Number.NaN : sum / n;
    case code.min:
    case code.max:
      return n === 0 ? Number.NaN : sum;
    case code.daysSinceLast:
      return n === 0 ? Number.NaN : daysSince;
    default:
      return unreachable(fn as never, 'transaction value');
  }
}

/**
 * The days cut at every window's first day and the day after its last (`edges`, ascending), and for segment s
 * (edges[s] ≤ day < edges[s + 1]) and kind k, the values whose window covers the segment and whose filter takes
 * the kind: list[listStart[s·kinds + k] … listStart[s·kinds + k + 1]].
 */
function segmentLists(
  dictionaries: Dictionaries,
  asOf: number,
  values: readonly PassValue[],
): { edges: Int32Array; listStart: Int32Array; list: Int32Array } {
  const kinds = dictionaries.kinds.size;
  const windows = values.map((v) => windowDays(v.filter.window, asOf));
  const tables = values.map((v) => kindTable(dictionaries, v.filter, v.kind === 'recurring'));
  const edges = Int32Array.from(new Set(windows.flatMap((w) => [w.first, w.last + 1]))).sort();
  const segments = edges.length - 1;
  const lists: number[][] = Array.from({ length: segments * kinds }, () => []);
  for (let s = 0; s < segments; s++) {
    values.forEach((_, f) => {
      const { first, last } = windows[f]!;
      if (first > edges[s]! || last + 1 < edges[s + 1]!) return;
      for (let k = 0; k < kinds; k++) if (tables[f]![k] === 1) lists[s * kinds + k]!.push(f);
    });
  }
  const listStart = new Int32Array(lists.length + 1);
  lists.forEach((l, key) => (listStart[key + 1] = listStart[key]! + l.length));
  return { edges, listStart, list: Int32Array.from(lists.flat()) };
}
