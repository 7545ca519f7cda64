// A cash-flow forecast of one account: regular income and outgoings plus the usual rest, and a low-balance warning.
import { dateOf, rows, type CustomerColumns, type Rows } from './ledger.ts';
import { nextAfter, type RegularPayment } from './recurring.ts';
import { findOwnTransfers, isMonthEnd, isSettlement, settlementsDue } from './transfers.ts';
import { yearlyRepeats } from './yearly.ts';

export interface ForecastPoint {
  readonly date: string;
  /** Expected end-of-day balance, minor units. */
  readonly expectedMinor: number;
  /** An 80 % band around it. */
  readonly lowMinor: number;
  readonly highMinor: number;
}

export interface LowBalanceWarning {
  /** The first day the forecast goes below the threshold. */
  readonly date: string;
  readonly daysAhead: number;
  readonly thresholdMinor: number;
  readonly expectedMinor: number;
  /** 'likely': the expected balance crosses; 'possible': only the band's lower edge does. */
  readonly confidence: 'likely' | 'possible';
  /** The largest regular payments due before that day, to act on. */
  readonly dueBefore: readonly {
    readonly merchant: string | undefined;
    readonly category: string;
    readonly date: string;
    readonly amountMinor: number;
  }[];
}

export interface BalanceForecast {
  readonly currentMinor: number;
  /** Days 1 … horizon after the as-of day. */
  readonly days: readonly ForecastPoint[];
  readonly in14Days: ForecastPoint;
  readonly in30Days: ForecastPoint;
  /** The usual daily flow besides the regular payments, minor units (negative: money going out). */
  readonly dailyRestMinor: number;
  readonly warning: LowBalanceWarning | undefined;
}

export interface ForecastOptions {
  readonly currentBalanceMinor: number;
  /** The arranged overdraft: the warning threshold is minus this (default 0: warn below zero). */
  readonly overdraftLimitMinor?: number;
  readonly horizonDays?: number;
  /** Days of history the usual rest is taken from. */
  readonly historyDays?: number;
}

/** z of the 80 % two-sided band. */
const z80 = 1.2816;

interface Due {
  readonly day: number;
  readonly signed: number;
  readonly payment: RegularPayment;
}

function dueDays(payments: readonly RegularPayment[], asOf: number, horizon: number): Due[] {
  const due: Due[] = [];
  for (const p of payments) {
    if (p.status !== 'active' || p.nextDate === undefined) continue;
    const signed = p.direction === 'credit' ? p.amountMinor : -p.amountMinor;
    for (
      let day = dayNumber(p.nextDate);
      day <= asOf + horizon;
      day = nextAfter(day, p.cadence, p.dayOfMonth)
    )
      due.push({ day, signed, payment: p });
  }
  return due.sort((a, b) => a.day - b.day);
}

const dayNumber = (date: string): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Rows of the regular payments' own transactions, so that the rest is what they leave. */
function regularKeys(payments: readonly RegularPayment[]): Set<string> {
  return new Set(payments.map((p) => `${p.direction}\u0000${p.merchant ?? `#${p.category}`}`));
}

/** How far a row's amount may be from a series' current amount and still be one of its payments. */
const seriesAmount = 0.25;

/**
 * Whether a row is one of the regular series' payments: its payer, and an amount close to the series'. Rows
 * without a merchant share one payer per category (a monthly allowance and termly student finance are both
 * `transfers`), so the payer alone would take every transfer for the allowance's.
 */
function regularRow(payments: readonly RegularPayment[], key: (i: number) => string, r: Rows) {
  const amounts = new Map<string, number[]>();
  for (const p of payments) {
    const k = `${p.direction}\u0000${p.merchant ?? `#${p.category}`}`;
    amounts.set(k, [...(amounts.get(k) ?? []), p.amountMinor]);
  }
  return (i: number): boolean =>
    amounts.get(key(i))?.some((a) => Math.abs(r.amount(i) - a) <= seriesAmount * a) ?? false;
}

/** A row's payer as `regularKeys` names it: direction and merchant, or the category without a merchant. */
function keyOf(ledger: CustomerColumns, r: Rows): (i: number) => string {
  return (i) => {
    const merchant = r.merchant(i);
    const direction = r.credit(i) ? 'credit' : 'debit';
    return `${direction}\u0000${merchant >= 0 ? ledger.merchants[merchant] : `#${ledger.categories[r.category(i)]}`}`;
  };
}

/**
 * A row of the rest at least this large (minor units) is a one-off that may not come again: such rows count by
 * the median of their 30-day sums (mostly nothing), the smaller ones by their mean. Fixed on the development
 * seed (docs/insights.md).
 */
const largeRest = 30_000;

/** Thirty-day sums of a daily series, the latest first. */
function sums30(daily: Float64Array, span: number): number[] {
  const sums: number[] = [];
  for (let start = 0; start + 30 <= span; start += 30) {
    let s = 0;
    for (let d = start; d < start + 30; d++) s += daily[d]!;
    sums.push(s);
  }
  return sums;
}

/** The usual daily flow of everything else on the account, and the spread of its 30-day sums. */
function rest(
  ledger: CustomerColumns,
  keys: ReadonlySet<string>,
  asOf: number,
  history: number,
  explained: ReadonlySet<number>,
) {
  const r = rows(ledger, asOf);
  const key = keyOf(ledger, r);
  const daily = new Float64Array(history);
  const large = new Float64Array(history);
  for (let i = r.from; i < r.to; i++) {
    const offset = asOf - r.day(i);
    if (offset >= history || !r.onBalanceAccount(i) || explained.has(i)) continue;
    if (keys.has(key(i))) continue;
    const signed = r.credit(i) ? r.amount(i) : -r.amount(i);
    daily[offset]! += signed;
    if (r.amount(i) >= largeRest) large[offset]! += signed;
  }
  const first = r.from < r.to ? r.day(r.from) : asOf;
  const span = Math.max(1, Math.min(history, asOf - first + 1));
  const sums = sums30(daily, span);
  if (sums.length === 0) {
    const mean = daily.reduce((a, b) => a + b, 0) / span;
    return { mean, sd30: Math.abs(mean * 15) };
  }
  // The everyday flow of many small payments by its mean, which a month of them sums to; the large ones by the
  // median of their 30-day sums, which a one-off (a deposit, a car) does not move.
  let small = 0;
  for (let d = 0; d < sums.length * 30; d++) small += daily[d]! - large[d]!;
  const mean = small / (sums.length * 30) + median(sums30(large, span)) / 30;
  const middle = median(sums);
  const spread = median(sums.map((s) => Math.abs(s - middle))) * 1.4826;
  const variance = sums.length < 3 ? (middle / 2) ** 2 : spread * spread;
  return { mean, sd30: Math.sqrt(variance) };
}

/** The standard normal distribution function (Abramowitz and Stegun 26.2.17, error below 1e-7). */
function normalCdf(x: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const d = 0.3989422804014327 * Math.exp((-x * x) / 2);
  const p =
    d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return x >= 0 ? 1 - p : p;
}

/** Its inverse, by bisection: a few dozen steps, at most once per month end of the horizon. */
function normalQuantile(q: number): number {
  let lo = -8;
  let hi = 8;
  for (let k = 0; k < 40; k++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * The median balance after a month end whose sweep happens only above `trigger`: the balance before is normal
 * (expected, sigma); above the trigger it becomes `level`, below it stays. The median rather than the expected
 * balance, since the median is what a forecast judged by its absolute error should give; and rather than
 * "sweep when the expected balance is above the trigger", which foresaw no sweep for a balance just below it.
 */
export function sweptMedian(expected: number, sigma: number, level: number, trigger: number): number {
  if (!(sigma > 0)) return expected > trigger ? level : expected;
  const below = (x: number) => normalCdf((x - expected) / sigma);
  if (below(level) >= 0.5) return expected;
  if (below(level) + 1 - below(trigger) >= 0.5) return level;
  return expected + sigma * normalQuantile(below(trigger) - 0.5);
}

/** The balance of the next `horizon` days (default 30) and a warning when it crosses the threshold. */
export function forecastBalance(
  ledger: CustomerColumns,
  payments: readonly RegularPayment[],
  asOf: number,
  options: ForecastOptions,
): BalanceForecast {
  const horizon = Math.max(30, options.horizonDays ?? 30);
  const threshold = -(options.overdraftLimitMinor ?? 0);
  const own = findOwnTransfers(ledger, rows(ledger, asOf), asOf, options.currentBalanceMinor);
  // A card settled in full is forecast from its spending: not also as a regular payment.
  const onAccount = payments.filter(
    (p) => p.status === 'active' && !(own.settlement !== undefined && isSettlement(p)),
  );
  const due = dueDays(onAccount, asOf, horizon);
  const past = rows(ledger, asOf);
  const settlements =
    own.settlement === undefined ? [] : settlementsDue(own.settlement, past, own.explained, asOf, horizon);
  const keys = regularKeys(onAccount);
  const explained = new Set(own.explained);
  const pastKey = keyOf(ledger, past);
  const yearly = yearlyRepeats(past, asOf, horizon, pastKey, regularRow(onAccount, pastKey, past), explained);
  const { mean, sd30 } = rest(ledger, keys, asOf, options.historyDays ?? 180, explained);
  const days: ForecastPoint[] = [];
  let balance = options.currentBalanceMinor;
  let k = 0;
  let s = 0;
  let y = 0;
  let warning: LowBalanceWarning | undefined;
  for (let h = 1; h <= horizon; h++) {
    const day = asOf + h;
    while (k < due.length && due[k]!.day <= day) balance += due[k++]!.signed;
    while (s < settlements.length && settlements[s]!.day <= day) balance -= settlements[s++]!.amount;
    while (y < yearly.length && yearly[y]!.day <= day) balance += yearly[y++]!.signed;
    const spread = sd30 * Math.sqrt(h / 30);
    if (own.sweep !== undefined && isMonthEnd(day))
      balance = sweptMedian(balance + mean * h, spread, own.sweep.level, own.sweep.trigger) - mean * h;
    const expected = Math.round(balance + mean * h);
    const band = z80 * spread;
    const point = {
      date: dateOf(day),
      expectedMinor: expected,
      lowMinor: Math.round(expected - band),
      highMinor: Math.round(expected + band),
    };
    days.push(point);
    if (warning === undefined && point.lowMinor < threshold && options.currentBalanceMinor >= threshold) {
      warning = {
        date: point.date,
        daysAhead: h,
        thresholdMinor: threshold,
        expectedMinor: expected,
        confidence: expected < threshold ? 'likely' : 'possible',
        dueBefore: due
          .slice(0, k)
          .filter((d) => d.signed < 0)
          .sort((a, b) => a.signed - b.signed)
          .slice(0, 3)
          .map((d) => ({
            merchant: d.payment.merchant,
            category: d.payment.category,
            date: dateOf(d.day),
            amountMinor: -d.signed,
          })),
      };
    }
  }
  if (warning?.confidence === 'possible') {
    // A later crossing by the expected balance makes the warning 'likely' from that day.
    const likely = days.find((p) => p.expectedMinor < threshold);
    if (likely !== undefined) warning = { ...warning, confidence: 'likely' };
  }
  return {
    currentMinor: options.currentBalanceMinor,
    days,
    in14Days: days[13]!,
    in30Days: days[29]!,
    dailyRestMinor: Math.round(mean),
    warning,
  };
}
