// Benchmark: the customer's insights against the generator's ground truth (accuracy) and their speed per customer.
import { categorize } from '../src/core/categorize.ts';
import { generateBank, type GeneratedCustomer } from '../src/demo/generate/index.ts';
import { twoYearsBefore } from '../src/demo/load-demo-bank.ts';
import { computeInsights } from '../src/insights/insights.ts';
import { columnsOf, dateOf, dayOf, type CustomerColumns } from '../src/insights/ledger.ts';
import { findRegularPayments } from '../src/insights/recurring.ts';
import { benchHeader } from './support.ts';

const customers = Number(process.env['BENCH_INSIGHTS_CUSTOMERS'] ?? 2_000);
// 2026 is the measured seed; development used 7 (docs/insights.md).
const seed = Number(process.env['BENCH_INSIGHTS_SEED'] ?? 2026);
const end = '2026-11-01';
const endDay = dayOf(end);

function ledgerOf(customer: GeneratedCustomer): CustomerColumns {
  const main = customer.accounts[0]!.iban;
  return columnsOf(
    customer.transactions.map((t) => ({
      day: dayOf(t.bookingDate),
      amountMinor: t.amountMinor,
      direction: t.direction,
      category: t.category ?? categorize(t),
      merchant: t.merchantName,
      onBalanceAccount: t.account.value === main,
    })),
  );
}

const quantile = (values: readonly number[], q: number): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};

const tally = {
  found: 0,
  foundTrue: 0,
  visible: 0,
  visibleFound: 0,
  allTruth: 0,
  allTruthFound: 0,
  nextErrors: [] as number[],
  forecastErrors: [] as number[],
  naiveErrors: [] as number[],
  lows: 0,
  lowsWarned: 0,
  warnings: 0,
  falseAlarms: 0,
  millis: [] as number[],
  referenceMillis: [] as number[],
  /** Forecast errors by kind of customer or window, to see where the forecast misses. */
  groups: new Map<string, number[]>(),
};

function record(group: string, error: number): void {
  const list = tally.groups.get(group) ?? [];
  list.push(error);
  tally.groups.set(group, list);
}

function subscriptionAccuracy(customer: GeneratedCustomer, ledger: CustomerColumns): void {
  const truth = customer.truth!.subscriptions;
  const cadenceOf = (c: 'monthly' | 'yearly') => (c === 'yearly' ? 'annual' : 'monthly');
  const found = findRegularPayments(ledger, endDay).filter(
    (p) => p.direction === 'debit' && p.category === 'subscriptions',
  );
  const isTrue = (merchant: string | undefined, cadence: string) =>
    truth.some((s) => s.merchant === merchant && cadenceOf(s.cadence) === cadence);
  tally.found += found.length;
  // A true subscription counts once: a second series found for it is a false one.
  const matched = new Set<string>();
  for (const p of found) {
    if (!isTrue(p.merchant, p.cadence) || matched.has(`${p.merchant}/${p.cadence}`)) continue;
    matched.add(`${p.merchant}/${p.cadence}`);
    tally.foundTrue++;
  }
  for (const s of truth) {
    const paid = customer.transactions.filter((t) => t.merchantName === s.merchant).length;
    const hit = found.some((p) => p.merchant === s.merchant && p.cadence === cadenceOf(s.cadence));
    tally.allTruth++;
    if (hit) tally.allTruthFound++;
    if (paid >= (s.cadence === 'yearly' ? 2 : 3)) {
      tally.visible++;
      if (hit) tally.visibleFound++;
    }
  }
  const cut = endDay - 45;
  for (const p of findRegularPayments(ledger, cut)) {
    if (p.category !== 'subscriptions' || p.nextDate === undefined || !isTrue(p.merchant, p.cadence))
      continue;
    const next = customer.transactions.find(
      (t) => t.merchantName === p.merchant && dayOf(t.bookingDate) > cut,
    );
    if (next !== undefined) tally.nextErrors.push(Math.abs(dayOf(next.bookingDate) - dayOf(p.nextDate)));
  }
}

const sweeper = (customer: GeneratedCustomer) =>
  customer.transactions.some((t) => t.description === 'TRANSFER TO SAVINGS');

/** The groups one forecast's error is counted in: persona, sweeps to savings, a large one-off in the window. */
function groupsOf(customer: GeneratedCustomer, cut: number): string[] {
  const inWindow = customer.transactions.filter((t) => {
    const day = dayOf(t.bookingDate);
    return day > cut && day <= cut + 30 && t.account.value === customer.accounts[0]!.iban;
  });
  const oneOff = inWindow.some(
    (t) => t.direction === 'debit' && t.amountMinor >= 100_000 && t.description !== 'TRANSFER TO SAVINGS',
  );
  return [
    `persona: ${customer.persona}`,
    sweeper(customer) ? 'sweeps to savings' : 'no sweeps',
    oneOff ? 'a debit ≥ £1,000 in the window (not a sweep)' : 'no debit ≥ £1,000 in the window',
  ];
}

function forecastAccuracy(customer: GeneratedCustomer, ledger: CustomerColumns): void {
  const truth = customer.truth!;
  const from = dayOf(truth.balancesFrom);
  const balanceOn = (day: number) => truth.dailyBalances[day - from];
  for (let k = 1; k <= 6; k++) {
    const cut = dayOf(`${dateOf(endDay - 30 * k - 15).slice(0, 7)}-01`);
    const now = balanceOn(cut);
    if (cut - from < 120 || now === undefined || cut + 30 > endDay) continue;
    const insights = computeInsights(ledger, {
      asOf: cut,
      currency: 'GBP',
      offersAllowed: false,
      balance: { currentMinor: now },
    });
    const forecast = insights.forecast!;
    const real = balanceOn(cut + 30)!;
    const error = Math.abs(forecast.in30Days.expectedMinor - real);
    tally.forecastErrors.push(error);
    tally.naiveErrors.push(Math.abs(now - real));
    for (const group of groupsOf(customer, cut)) record(group, error);
    record(k <= 3 ? 'cuts: last three months' : 'cuts: months 4-6 back', error);
    if (now < 0) continue;
    let firstLow: number | undefined;
    for (let h = 1; h <= 30; h++) {
      if ((balanceOn(cut + h) ?? 0) < 0) {
        firstLow = h;
        break;
      }
    }
    if (forecast.warning !== undefined) {
      tally.warnings++;
      if (firstLow === undefined) tally.falseAlarms++;
    }
    if (firstLow !== undefined && firstLow >= 4) {
      tally.lows++;
      if (forecast.warning !== undefined) tally.lowsWarned++;
    }
  }
}

/**
 * The reference measured in the same run: one hand-written pass over the same columns, summing each month's
 * debits by category (what month over month reads). Its time tracks the machine's load at that moment, so the
 * ratio of the two is comparable between a quiet and a busy machine where the milliseconds are not.
 */
function referencePass(ledger: CustomerColumns): number {
  const { columns, kinds } = ledger;
  const sums = new Float64Array(kinds.category.length * 32);
  for (let i = ledger.from; i < ledger.to; i++) {
    const kind = columns.kind[i]!;
    if (kinds.credit[kind] === 1) continue;
    sums[(kinds.category[kind]! << 5) + ((columns.day[i]! / 30.44) & 31)]! += columns.amount[i]!;
  }
  return sums[0]!;
}

function bestOfThree(run: () => unknown): number {
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const started = process.hrtime.bigint();
    run();
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
  }
  return best;
}

function speed(ledger: CustomerColumns, customer: GeneratedCustomer): void {
  const balance = customer.truth!.dailyBalances.at(-1)!;
  tally.millis.push(
    bestOfThree(() =>
      computeInsights(ledger, {
        asOf: endDay,
        currency: 'GBP',
        offersAllowed: true,
        balance: { currentMinor: balance },
      }),
    ),
  );
  tally.referenceMillis.push(bestOfThree(() => referencePass(ledger)));
}

console.log(
  benchHeader(`insights: ${customers} customers at density real, seed ${seed}, two years to ${end}`),
);
let transactions = 0;
for (const customer of generateBank({ customers, seed, start: twoYearsBefore(end), end, density: 'real' })) {
  if (customer.truth === undefined) continue;
  const ledger = ledgerOf(customer);
  transactions += customer.transactions.length;
  subscriptionAccuracy(customer, ledger);
  forecastAccuracy(customer, ledger);
  speed(ledger, customer);
}
const pounds = (minor: number) => `£${(minor / 100).toFixed(0)}`;
const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const ratio = (a: number, b: number) => (b === 0 ? 'n/a' : (a / b).toFixed(3));
console.log(`transactions: ${transactions} (${(transactions / customers).toFixed(0)} per customer)`);
console.log(
  `subscription precision: ${ratio(tally.foundTrue, tally.found)} (${tally.foundTrue} of ${tally.found} found)  goal ≥ 0.95`,
);
console.log(
  `subscription recall: ${ratio(tally.visibleFound, tally.visible)} of visible (${tally.visibleFound} of ${tally.visible}); ` +
    `${ratio(tally.allTruthFound, tally.allTruth)} of all ${tally.allTruth}  goal ≥ 0.95`,
);
console.log(
  `next-date error: median ${quantile(tally.nextErrors, 0.5)} days, p90 ${quantile(tally.nextErrors, 0.9)} days ` +
    `(${tally.nextErrors.length} predictions)  goal median ≤ 1, p90 ≤ 3`,
);
console.log(
  `30-day balance MAE: ${pounds(mean(tally.forecastErrors))} against ${pounds(mean(tally.naiveErrors))} for "stays as it is" ` +
    `(${tally.forecastErrors.length} forecasts)  goal ≤ £400 and below naive`,
);
for (const [group, errors] of [...tally.groups].sort((a, b) => a[0].localeCompare(b[0])))
  console.log(`  MAE ${group}: ${pounds(mean(errors))} (${errors.length})`);
console.log(
  `low balance warned ≥ 3 days ahead: ${ratio(tally.lowsWarned, tally.lows)} (${tally.lowsWarned} of ${tally.lows}); ` +
    `false alarms ${ratio(tally.falseAlarms, tally.warnings)} of ${tally.warnings} warnings  goal ≥ 0.60`,
);
console.log(
  `one customer's insights (best of 3): median ${quantile(tally.millis, 0.5).toFixed(2)} ms, p95 ${quantile(tally.millis, 0.95).toFixed(2)} ms, ` +
    `max ${Math.max(...tally.millis).toFixed(2)} ms  goal ≤ 20 ms`,
);
const referenceMedian = quantile(tally.referenceMillis, 0.5);
console.log(
  `reference in the same run, one pass summing debits by category and month (best of 3): median ${referenceMedian.toFixed(3)} ms; ` +
    `insights ×${(quantile(tally.millis, 0.5) / referenceMedian).toFixed(0)} the reference at the median, ` +
    `×${(quantile(tally.millis, 0.95) / referenceMedian).toFixed(0)} at p95`,
);
