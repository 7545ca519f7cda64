// This month's spending by category against the customer's own usual months: only the few changes worth telling.
import { dateOf, rows, type CustomerColumns } from './ledger.ts';

export interface CategoryChange {
  readonly category: string;
  /** Spent from the first of this month to the as-of day, minor units. */
  readonly thisMonthMinor: number;
  /** The median of the same days of the previous months, minor units. */
  readonly usualMinor: number;
  readonly changeMinor: number;
}

export interface MonthOverMonth {
  /** YYYY-MM. */
  readonly month: string;
  /** Days of the month compared (1 … the as-of day's day of the month). */
  readonly days: number;
  readonly monthsCompared: number;
  readonly changes: readonly CategoryChange[];
}

export interface MonthOverMonthOptions {
  readonly months?: number;
  /** A change is worth telling from this amount (minor units) and this share of the usual amount. */
  readonly minChangeMinor?: number;
  readonly minChangeShare?: number;
  readonly maxChanges?: number;
}

/** Money moved between own accounts, to savings or as cash is not spending to compare. */
const notSpending = new Set(['transfers', 'savings_transfer', 'cash', 'uncategorised']);

const monthIndex = (day: number): number => {
  const d = new Date(day * 86_400_000);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Debits by category in the month of `asOf` up to its day of the month, against the previous months. */
export function monthOverMonth(
  ledger: CustomerColumns,
  asOf: number,
  options: MonthOverMonthOptions = {},
): MonthOverMonth {
  const months = options.months ?? 6;
  const r = rows(ledger, asOf);
  const current = monthIndex(asOf);
  const dayOfMonth = new Date(asOf * 86_400_000).getUTCDate();
  // totals[category][k]: month `current - k`, days 1 … dayOfMonth.
  const totals = new Map<number, Float64Array>();
  let earliest = current;
  for (let i = r.from; i < r.to; i++) {
    if (r.credit(i)) continue;
    const day = r.day(i);
    const k = current - monthIndex(day);
    if (k < 0 || k > months || new Date(day * 86_400_000).getUTCDate() > dayOfMonth) continue;
    earliest = Math.min(earliest, monthIndex(day));
    const category = r.category(i);
    if (notSpending.has(ledger.categories[category] ?? 'uncategorised')) continue;
    let row = totals.get(category);
    if (row === undefined) totals.set(category, (row = new Float64Array(months + 1)));
    row[k]! += r.amount(i);
  }
  const compared = Math.min(months, current - earliest);
  const changes: CategoryChange[] = [];
  if (compared >= 2) {
    for (const [category, row] of totals) {
      const usual = Math.round(median(Array.from(row.subarray(1, compared + 1))));
      const now = row[0]!;
      const change = now - usual;
      if (Math.abs(change) < (options.minChangeMinor ?? 2_000)) continue;
      if (Math.abs(change) < (options.minChangeShare ?? 0.3) * usual) continue;
      changes.push({
        category: ledger.categories[category] ?? 'uncategorised',
        thisMonthMinor: now,
        usualMinor: usual,
        changeMinor: change,
      });
    }
  }
  changes.sort((a, b) => Math.abs(b.changeMinor) - Math.abs(a.changeMinor));
  return {
    month: dateOf(asOf).slice(0, 7),
    days: dayOfMonth,
    monthsCompared: compared,
    changes: changes.slice(0, options.maxChanges ?? 3),
  };
}
