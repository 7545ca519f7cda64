// Transfers between the customer's own accounts that a forecast can foresee: month-end sweeps to savings and
// a card's balance settled in full from the forecast account.
import type { CustomerColumns, Rows } from './ledger.ts';

/** The taxonomy's categories of transfers between accounts, to savings (src/core/taxonomy.ts). */
const transfers = 'transfers';
const toSavings = 'savings_transfer';

/** Sweeps at month end: whatever stands above `trigger` is moved away, leaving about `level`. */
export interface SweepHabit {
  readonly level: number;
  readonly trigger: number;
}

/** A card settled in full: each month's spending on the other accounts, paid on about `dayOfMonth` of the next. */
export interface SettlementHabit {
  readonly dayOfMonth: number;
  /** Spending off the forecast account per month, keyed by the month's first day. */
  readonly spentByMonth: ReadonlyMap<number, number>;
  /** The median month's spending: the estimate for the rest of a month not yet over. */
  readonly typicalMonth: number;
}

export interface OwnTransfers {
  readonly sweep: SweepHabit | undefined;
  readonly settlement: SettlementHabit | undefined;
  /** Rows explained by the habits above: not part of the usual rest. */
  readonly explained: ReadonlySet<number>;
}

/** A regular payment that is a settlement's own series: debits to another account with no merchant. */
export const isSettlement = (p: {
  direction: string;
  merchant: string | undefined;
  category: string;
}): boolean => p.direction === 'debit' && p.merchant === undefined && p.category === transfers;

export const isMonthEnd = (day: number): boolean => dayInMonth(day + 1) === 1;
const dayInMonth = (day: number): number => new Date(day * 86_400_000).getUTCDate();
export const monthStart = (day: number): number => day - dayInMonth(day) + 1;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A debit on the forecast account to another of the customer's accounts (no merchant, the category given). */
const ownDebit = (ledger: CustomerColumns, r: Rows, i: number, category = transfers): boolean =>
  r.onBalanceAccount(i) && !r.credit(i) && r.merchant(i) < 0 && ledger.categories[r.category(i)] === category;

/**
 * Month-end sweeps seen in the history: on at least two month ends a transfer out left the balance near one
 * level. The whole history is read, because a sweep happens only in the months that end above the trigger (a
 * few a year for many savers). The balances of the past are rebuilt backwards from the current one. The
 * trigger lies between the highest month end left alone and the lowest one swept: the middle of that gap.
 */
function findSweeps(ledger: CustomerColumns, r: Rows, asOf: number, current: number, explained: Set<number>) {
  const since = r.from < r.to ? r.day(r.from) : asOf;
  let balance = current;
  const sweeps: { rows: number[]; after: number; before: number }[] = [];
  const leftAlone: number[] = [];
  // The month ends of the history, found month by month: a date per day was a tenth of the insights' time.
  const monthEnds = new Set<number>();
  for (let end = monthStart(asOf) - 1; end >= since; end = monthStart(end) - 1) monthEnds.add(end);
  if (isMonthEnd(asOf)) monthEnds.add(asOf);
  // Walk back day by day through the rows: `balance` is the end-of-day balance of the day being left.
  let i = r.to - 1;
  for (let day = asOf; day >= since; day--) {
    const rowsOfDay: number[] = [];
    let flow = 0;
    for (; i >= r.from && r.day(i) === day; i--) {
      if (!r.onBalanceAccount(i)) continue;
      rowsOfDay.push(i);
      flow += r.credit(i) ? r.amount(i) : -r.amount(i);
    }
    if (monthEnds.has(day)) {
      const out = rowsOfDay.filter((k) => ownDebit(ledger, r, k, toSavings));
      const swept = out.reduce((s, k) => s + r.amount(k), 0);
      if (out.length > 0) sweeps.push({ rows: out, after: balance, before: balance + swept });
      else leftAlone.push(balance);
    }
    balance -= flow;
  }
  if (sweeps.length < 2) return undefined;
  const level = median(sweeps.map((s) => s.after));
  // A sweep leaves about the level; a transfer that leaves the balance far from it is something else.
  const kept = sweeps.filter((s) => Math.abs(s.after - level) <= Math.max(10_000, 0.25 * Math.abs(level)));
  if (kept.length < 2 || level <= 0) return undefined;
  for (const s of kept) for (const k of s.rows) explained.add(k);
  const lowestSwept = Math.min(...kept.map((s) => s.before));
  const highestLeft = Math.max(level, ...leftAlone.filter((b) => b < lowestSwept));
  return { level, trigger: (lowestSwept + highestLeft) / 2 };
}

/** Money paid into another account that is no card refund: a savings account's interest, income. */
const notRefunds = new Set(['interest', 'salary', 'pension_income', 'benefits']);

/** Spending on the other accounts (not transfers, not a savings account's interest) per calendar month. */
function spendingElsewhere(ledger: CustomerColumns, r: Rows): Map<number, number> {
  const spent = new Map<number, number>();
  for (let i = r.from; i < r.to; i++) {
    const category = ledger.categories[r.category(i)]!;
    if (r.onBalanceAccount(i) || category === transfers || category === toSavings) continue;
    if (r.credit(i) && notRefunds.has(category)) continue;
    const month = monthStart(r.day(i));
    spent.set(month, (spent.get(month) ?? 0) + (r.credit(i) ? -r.amount(i) : r.amount(i)));
  }
  return spent;
}

/**
 * A card settled in full: in at least two of the last four complete months, a transfer out of the forecast
 * account the next month was exactly that month's spending on the other accounts.
 */
function findSettlement(ledger: CustomerColumns, r: Rows, asOf: number, explained: Set<number>) {
  const spent = spendingElsewhere(ledger, r);
  const months = [...spent.keys()]
    .filter((m) => m < monthStart(asOf))
    .sort((a, b) => b - a)
    .slice(0, 4);
  const days: number[] = [];
  const rowsPaid: number[] = [];
  for (const month of months) {
    const amount = Math.round(spent.get(month)!);
    if (amount <= 0) continue;
    const next = monthStart(month + 40);
    for (let i = r.from; i < r.to; i++) {
      const day = r.day(i);
      if (day < next || day >= next + 31 || !ownDebit(ledger, r, i) || r.amount(i) !== amount) continue;
      days.push(dayInMonth(day));
      rowsPaid.push(i);
      break;
    }
  }
  if (days.length < 3) return undefined;
  for (const k of rowsPaid) explained.add(k);
  // This month's settlement may already be booked: its row is explained too.
  const last = spent.get(monthStart(monthStart(asOf) - 1));
  for (let i = r.from; i < r.to; i++)
    if (r.day(i) >= monthStart(asOf) && ownDebit(ledger, r, i) && r.amount(i) === Math.round(last ?? -1))
      explained.add(i);
  return {
    dayOfMonth: Math.round(median(days)),
    spentByMonth: spent,
    typicalMonth: median(months.map((m) => spent.get(m)!)),
  };
}

export function findOwnTransfers(
  ledger: CustomerColumns,
  r: Rows,
  asOf: number,
  current: number,
): OwnTransfers {
  const explained = new Set<number>();
  const sweep = findSweeps(ledger, r, asOf, current, explained);
  const settlement = findSettlement(ledger, r, asOf, explained);
  return { sweep, settlement, explained };
}

/** The settlements due after `asOf` up to the horizon: day and amount (positive, money going out). */
export function settlementsDue(
  habit: SettlementHabit,
  r: Rows,
  explained: ReadonlySet<number>,
  asOf: number,
  horizon: number,
): { day: number; amount: number }[] {
  const due: { day: number; amount: number }[] = [];
  const thisMonth = monthStart(asOf);
  const paidThisMonth = [...explained].some((i) => r.day(i) >= thisMonth);
  for (let month = monthStart(thisMonth - 1); month <= asOf + horizon; month = monthStart(month + 40)) {
    const next = monthStart(month + 40);
    const day = next + Math.min(habit.dayOfMonth, 28) - 1;
    if (day <= asOf || day > asOf + horizon || (next === thisMonth && paidThisMonth)) continue;
    const spent = habit.spentByMonth.get(month) ?? 0;
    // A month not over yet: what is spent so far, and the usual month for the days still to come.
    const end = next - 1;
    const amount = end <= asOf ? spent : spent + habit.typicalMonth * ((end - asOf) / (end - month + 1));
    if (amount > 0) due.push({ day, amount: Math.round(amount) });
  }
  return due;
}
