// Regular payments and income found in one customer's own transactions: cadence, amount, next date, rises, stops.
import { dateOf, rows, type CustomerColumns, type Rows } from './ledger.ts';

export const cadences = ['weekly', 'fortnightly', 'four_weekly', 'monthly', 'quarterly', 'annual'] as const;
export type Cadence = (typeof cadences)[number];

export interface PriceChange {
  readonly date: string;
  readonly fromMinor: number;
  readonly toMinor: number;
}

export interface RegularPayment {
  /** The merchant, or undefined for payments without one (standing orders, transfers): then the category. */
  readonly merchant: string | undefined;
  readonly category: string;
  readonly direction: 'debit' | 'credit';
  readonly cadence: Cadence;
  /** The latest payment's amount, minor units. */
  readonly amountMinor: number;
  readonly payments: number;
  readonly firstDate: string;
  readonly lastDate: string;
  /** The next payment expected after the as-of day; undefined once stopped. */
  readonly nextDate: string | undefined;
  readonly status: 'active' | 'stopped';
  /** The usual day of the month (monthly, quarterly, annual cadences follow it). */
  readonly dayOfMonth: number;
  readonly priceChanges: readonly PriceChange[];
}

interface Band {
  readonly cadence: Cadence;
  /** Gaps between consecutive payments, in days, that fit the cadence. */
  readonly lo: number;
  readonly hi: number;
  readonly minPayments: number;
  /** Days past the expected date before the payment counts as stopped. */
  readonly grace: number;
}

// Monthly gaps span 25–35 days (28–31-day months, payments moved off weekends); four-weekly is told
// apart from monthly by the mean gap, below.
const bands: readonly Band[] = [
  { cadence: 'weekly', lo: 6, hi: 8, minPayments: 4, grace: 4 },
  { cadence: 'fortnightly', lo: 12, hi: 16, minPayments: 3, grace: 7 },
  { cadence: 'monthly', lo: 25, hi: 35, minPayments: 3, grace: 12 },
  { cadence: 'quarterly', lo: 84, hi: 98, minPayments: 3, grace: 25 },
  { cadence: 'annual', lo: 355, hi: 376, minPayments: 2, grace: 40 },
];

/** Amounts within this ratio of the previous payment belong to the same series (price rises are 8–25 %). */
const maxStep = 1.3;
/** A step larger than this share is a price change. */
const changeShare = 0.01;

function chainFrom(r: Rows, group: readonly number[], end: number, band: Band, used: Set<number>): number[] {
  const chain = [group[end]!];
  let cur = end;
  let changesInRow = 0;
  for (;;) {
    const day = r.day(group[cur]!);
    const amount = r.amount(group[cur]!);
    let best = -1;
    let bestRatio = Infinity;
    // The latest payment at least `band.lo` days back, by bisection: a shop visited daily has hundreds of
    // payments within a quarter's `lo`, which a scan back would step over one by one.
    let lo = 0;
    for (let hi = cur; lo < hi;) {
      const mid = (lo + hi) >> 1;
      if (day - r.day(group[mid]!) >= band.lo) lo = mid + 1;
      else hi = mid;
    }
    for (let j = lo - 1; j >= 0; j--) {
      const gap = day - r.day(group[j]!);
      if (gap > band.hi) break;
      if (used.has(group[j]!)) continue;
      const a = r.amount(group[j]!);
      const ratio = Math.max(a, amount) / Math.max(1, Math.min(a, amount));
      if (ratio < bestRatio) {
        bestRatio = ratio;
        best = j;
      }
    }
    if (best < 0 || bestRatio > maxStep) return chain.reverse();
    // Three changes in a row are a shop's varying bills, not price rises (two can be: a rise, then
    // another): the series ends here. A yearly plan may rise at every renewal.
    const changed = bestRatio > 1 + changeShare && band.cadence !== 'annual';
    changesInRow = changed ? changesInRow + 1 : 0;
    if (changesInRow === 3) return chain.reverse();
    chain.push(group[best]!);
    cur = best;
  }
}

/**
 * A quarterly chain that steps over payments of the same payer and a like amount is every third payment of a
 * monthly series (a salary that changed employer, so that no monthly chain spans as long), not a quarterly one.
 */
function skipsLikePayments(r: Rows, chain: readonly number[], group: readonly number[]): boolean {
  const first = r.day(chain[0]!);
  const last = r.day(chain.at(-1)!);
  const amount = r.amount(chain.at(-1)!);
  // The group and the chain are in row order (by day): start after the chain's first day, walk both at once, and
  // stop at the count. A shop visited daily has thousands of rows; a set and a whole pass per chain was most of
  // the slowest customer's time.
  let k = 0;
  for (let hi = group.length; k < hi;) {
    const mid = (k + hi) >> 1;
    if (r.day(group[mid]!) <= first) k = mid + 1;
    else hi = mid;
  }
  let skipped = 0;
  let c = 0;
  for (; k < group.length; k++) {
    const i = group[k]!;
    if (r.day(i) >= last) break;
    while (c < chain.length && chain[c]! < i) c++;
    if (chain[c] === i) continue;
    const a = r.amount(i);
    if (Math.max(a, amount) / Math.max(1, Math.min(a, amount)) <= maxStep && ++skipped >= chain.length)
      return true;
  }
  return false;
}

/** Steady enough: few steps change the amount (a bill reviewed yearly, a price rise) — not a shop visited often. */
function steady(r: Rows, chain: readonly number[], band: Band, group: readonly number[]): boolean {
  if (chain.length < band.minPayments) return false;
  if (band.cadence === 'annual') return group.length <= chain.length + 2;
  let changes = 0;
  for (let k = 1; k < chain.length; k++) {
    const before = r.amount(chain[k - 1]!);
    if (Math.abs(r.amount(chain[k]!) - before) > changeShare * before) changes++;
  }
  if (changes > Math.max(1, Math.floor((chain.length - 1) / 4))) return false;
  return band.cadence !== 'quarterly' || !skipsLikePayments(r, chain, group);
}

/**
 * A steady series repeats an amount exactly (few of its steps change it), so a group where no amount comes
 * twice can only hold an annual one or a short series: this skips most shops visited often, cheaply.
 */
function mayHoldSeries(r: Rows, group: readonly number[]): boolean {
  if (group.length <= 4) return true;
  const seen = new Set<number>();
  for (const i of group) {
    const amount = r.amount(i);
    if (seen.has(amount)) return true;
    seen.add(amount);
  }
  return false;
}

function bestChain(r: Rows, group: readonly number[], used: Set<number>): [number[], Band] | undefined {
  let best: [number[], Band] | undefined;
  for (const band of bands) {
    if (band.cadence === 'annual' && group.length > 6) continue;
    const covered = new Set<number>();
    for (let end = group.length - 1; end >= 0; end--) {
      const index = group[end]!;
      if (covered.has(index) || used.has(index)) continue;
      const chain = chainFrom(r, group, end, band, used);
      for (const i of chain) covered.add(i);
      if (!steady(r, chain, band, group)) continue;
      // Longer spans win; at equal span, more payments (a weekly chain inside a monthly one is not longer).
      const span = r.day(chain.at(-1)!) - r.day(chain[0]!);
      const bestSpan = best === undefined ? -1 : r.day(best[0].at(-1)!) - r.day(best[0][0]!);
      if (
        best === undefined ||
        span > bestSpan + 20 ||
        (span >= bestSpan - 20 && chain.length > best[0].length)
      )
        best = [chain, band];
    }
  }
  return best;
}

function addMonths(day: number, months: number, dayOfMonth: number): number {
  const date = new Date(day * 86_400_000);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(dayOfMonth, last)) / 86_400_000;
}

/** The most common day of the month among the payments (weekend moves are the exceptions). */
function usualDayOfMonth(r: Rows, chain: readonly number[]): number {
  const counts = new Map<number, number>();
  let best = 1;
  let bestCount = 0;
  for (const i of chain) {
    const dom = new Date(r.day(i) * 86_400_000).getUTCDate();
    const count = (counts.get(dom) ?? 0) + 1;
    counts.set(dom, count);
    if (count > bestCount || (count === bestCount && dom > best)) {
      best = dom;
      bestCount = count;
    }
  }
  return best;
}

function cadenceOf(r: Rows, chain: readonly number[], band: Band): Cadence {
  if (band.cadence !== 'monthly') return band.cadence;
  const mean = (r.day(chain.at(-1)!) - r.day(chain[0]!)) / (chain.length - 1);
  return mean < 29.2 ? 'four_weekly' : 'monthly';
}

const monthsOf: Partial<Record<Cadence, number>> = { monthly: 1, quarterly: 3, annual: 12 };
const daysOf: Partial<Record<Cadence, number>> = { weekly: 7, fortnightly: 14, four_weekly: 28 };

/** The expected day of the payment after `day`. */
export function nextAfter(day: number, cadence: Cadence, dayOfMonth: number): number {
  const months = monthsOf[cadence];
  return months === undefined ? day + daysOf[cadence]! : addMonths(day, months, dayOfMonth);
}

function describe(r: Rows, ledger: CustomerColumns, chain: readonly number[], band: Band, asOf: number) {
  const cadence = cadenceOf(r, chain, band);
  const last = chain.at(-1)!;
  const dom = usualDayOfMonth(r, chain);
  let next = nextAfter(r.day(last), cadence, dom);
  const stopped = asOf > next + band.grace;
  while (!stopped && next <= asOf && nextAfter(next, cadence, dom) <= asOf + band.grace) {
    next = nextAfter(next, cadence, dom);
  }
  const priceChanges: PriceChange[] = [];
  for (let k = 1; k < chain.length; k++) {
    const from = r.amount(chain[k - 1]!);
    const to = r.amount(chain[k]!);
    if (Math.abs(to - from) > changeShare * from)
      priceChanges.push({ date: dateOf(r.day(chain[k]!)), fromMinor: from, toMinor: to });
  }
  const merchant = r.merchant(last);
  return {
    merchant: merchant < 0 ? undefined : ledger.merchants[merchant],
    category: ledger.categories[r.category(last)] ?? 'uncategorised',
    direction: r.credit(last) ? 'credit' : 'debit',
    cadence,
    amountMinor: r.amount(last),
    payments: chain.length,
    firstDate: dateOf(r.day(chain[0]!)),
    lastDate: dateOf(r.day(last)),
    nextDate: stopped ? undefined : dateOf(Math.max(next, asOf + 1)),
    status: stopped ? 'stopped' : 'active',
    dayOfMonth: dom,
    priceChanges,
  } satisfies RegularPayment;
}

/** Payments grouped by direction and merchant (or category when there is no merchant), in day order. */
function groups(r: Rows, balanceAccountOnly: boolean): Map<string, number[]> {
  const byKey = new Map<string, number[]>();
  for (let i = r.from; i < r.to; i++) {
    if (balanceAccountOnly && !r.onBalanceAccount(i)) continue;
    const merchant = r.merchant(i);
    const key = `${r.credit(i) ? 'C' : 'D'}${merchant >= 0 ? `m${merchant}` : `c${r.category(i)}`}`;
    let list = byKey.get(key);
    if (list === undefined) byKey.set(key, (list = []));
    list.push(i);
  }
  return byKey;
}

const monthly = bands.find((b) => b.cadence === 'monthly')!;

/**
 * A monthly series that took over from one that stopped (a new employer's salary, the rent of a new home):
 * the group's last two payments, a month apart, of a like amount, after the last payment of a stopped monthly
 * series of the same payer. Two payments are too few for a series of its own, but the stopped one vouches for it.
 */
function successorOf(
  r: Rows,
  group: readonly number[],
  used: ReadonlySet<number>,
  inGroup: readonly RegularPayment[],
): number[] | undefined {
  const stopped = inGroup.find((p) => p.status === 'stopped' && p.cadence === 'monthly');
  if (stopped === undefined || inGroup.some((p) => p.status === 'active')) return undefined;
  const [before, last] = group.slice(-2);
  if (before === undefined || last === undefined || used.has(before) || used.has(last)) return undefined;
  const gap = r.day(last) - r.day(before);
  const ratio =
    Math.max(r.amount(last), r.amount(before)) / Math.max(1, Math.min(r.amount(last), r.amount(before)));
  const after = dateOf(r.day(before)) > stopped.lastDate;
  return gap >= monthly.lo && gap <= monthly.hi && ratio <= 1 + changeShare && after
    ? [before, last]
    : undefined;
}

/** The series of one payer's payments (a group, in day order): up to three, and a successor of a stopped one. */
function seriesOf(
  r: Rows,
  ledger: CustomerColumns,
  group: readonly number[],
  asOf: number,
): RegularPayment[] {
  if (group.length < 2 || !mayHoldSeries(r, group)) return [];
  const used = new Set<number>();
  const inGroup: RegularPayment[] = [];
  for (let series = 0; series < 3; series++) {
    const best = bestChain(r, group, used);
    if (best === undefined) break;
    for (const i of best[0]) used.add(i);
    inGroup.push(describe(r, ledger, best[0], best[1], asOf));
  }
  const successor = successorOf(r, group, used, inGroup);
  if (successor !== undefined) inGroup.push(describe(r, ledger, successor, monthly, asOf));
  return inGroup;
}

const byNextDate = (a: RegularPayment, b: RegularPayment): number =>
  (a.nextDate ?? '~').localeCompare(b.nextDate ?? '~') || b.amountMinor - a.amountMinor;

/**
 * Every regular payment and income in the customer's transactions up to `asOf` (a day number); with
 * `balanceAccountOnly`, those of the account whose balance is forecast.
 */
export function findRegularPayments(
  ledger: CustomerColumns,
  asOf: number,
  options: { readonly balanceAccountOnly?: boolean } = {},
): RegularPayment[] {
  const r = rows(ledger, asOf);
  const found: RegularPayment[] = [];
  for (const group of groups(r, options.balanceAccountOnly ?? false).values())
    found.push(...seriesOf(r, ledger, group, asOf));
  return found.sort(byNextDate);
}

/**
 * Both at once: every regular payment, and those of the account whose balance is forecast. A payer whose
 * payments are all on that account has the same series in both, found once (most payers: this halves the work).
 */
export function findRegularPaymentsBoth(
  ledger: CustomerColumns,
  asOf: number,
): { readonly all: RegularPayment[]; readonly onAccount: RegularPayment[] } {
  const r = rows(ledger, asOf);
  const all: RegularPayment[] = [];
  const onAccount: RegularPayment[] = [];
  for (const group of groups(r, false).values()) {
    const series = seriesOf(r, ledger, group, asOf);
    all.push(...series);
    const own = group.filter((i) => r.onBalanceAccount(i));
    onAccount.push(...(own.length === group.length ? series : seriesOf(r, ledger, own, asOf)));
  }
  return { all: all.sort(byNextDate), onAccount: onAccount.sort(byNextDate) };
}
