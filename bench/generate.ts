// Benchmark: the demo bank's generation speed at real density against references in the same run, and its mix.
import type { StatementTransaction } from '../src/core/transaction.ts';
import { progressBar } from '../src/cli/progress.ts';
import {
  generateBank,
  merchantsByCategory,
  type Density,
  type GeneratedCustomer,
} from '../src/demo/generate/index.ts';
import { generateBankInParallel } from '../src/demo/generate/parallel.ts';
import { twoYearsBefore } from '../src/demo/load-demo-bank.ts';
import { availableParallelism, loadavg } from 'node:os';
import { benchHeader, fmt } from './support.ts';

const customers = Number(process.env['BENCH_GENERATE_CUSTOMERS'] ?? 20_000);
const end = '2026-11-01';
const seed = 1;

interface Run {
  readonly transactions: number;
  readonly seconds: number;
  /** Processor time of this process (user and system): what the neighbours on a shared machine do not inflate. */
  readonly cpuSeconds: number;
}

const cpuSince = (start: NodeJS.CpuUsage): number => {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e6;
};

/** Generates `count` customers at `density`, handing each transaction on as the loader does (to ingest). */
function generate(
  density: Density,
  count: number,
  label: string,
  inspect?: (c: GeneratedCustomer) => void,
): Run {
  const bar = progressBar(label, count, 'customers');
  let transactions = 0;
  let sink = 0;
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  let done = 0;
  for (const customer of generateBank({ customers: count, seed, start: twoYearsBefore(end), end, density })) {
    for (const transaction of customer.transactions) sink += transaction.amountMinor & 1;
    transactions += customer.transactions.length;
    inspect?.(customer);
    if (++done % 500 === 0) bar.update(done, { extra: `, ${transactions} transactions` });
  }
  bar.stop();
  if (sink < 0) console.log(sink);
  return {
    transactions,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    cpuSeconds: cpuSince(cpu),
  };
}

/** Generation through the worker pool (0 workers: on this thread, through the same asynchronous reader). */
async function generateWith(density: Density, count: number, workers: number, label: string): Promise<Run> {
  const bar = progressBar(label, count, 'customers');
  let transactions = 0;
  let done = 0;
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const options = { customers: count, seed, start: twoYearsBefore(end), end, density };
  for await (const customer of generateBankInParallel(options, { workers })) {
    transactions += customer.transactions.length;
    if (++done % 200 === 0) bar.update(done, { extra: `, ${transactions} transactions` });
  }
  bar.stop();
  return {
    transactions,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    cpuSeconds: cpuSince(cpu),
  };
}

const parallelCustomers = Number(process.env['BENCH_GENERATE_PARALLEL_CUSTOMERS'] ?? 5_000);

/** One thread against all cores at real density, then the crossover: how large a bank must be to gain. */
async function cores(): Promise<void> {
  const n = availableParallelism();
  const load = () =>
    loadavg()
      .map((l) => fmt(l, 1))
      .join(' ');
  console.log(`\nGeneration on all cores (${n} cores; load average before: ${load()}):`);
  console.log(
    '| workers | customers | transactions | seconds | transactions/s | CPU seconds (all threads) | ratio to 0 workers |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  const alone = await generateWith('real', parallelCustomers, 0, 'on this thread');
  const rows: [string, Run][] = [['0 (this thread)', alone]];
  for (const workers of [...new Set([1, n])]) {
    rows.push([
      String(workers),
      await generateWith('real', parallelCustomers, workers, `${workers} workers`),
    ]);
  }
  for (const [name, run] of rows) {
    console.log(
      `| ${name} | ${parallelCustomers} | ${run.transactions} | ${fmt(run.seconds)} | ${Math.round(run.transactions / run.seconds)} | ${fmt(run.cpuSeconds)} | ${fmt(alone.seconds / run.seconds)} |`,
    );
  }
  if (process.env['BENCH_GENERATE_CROSSOVER'] === 'no') return;
  console.log(
    `\nThe crossover (${n} workers against none, wall-clock seconds; load average now: ${load()}):`,
  );
  console.log('| density | customers | 0 workers | all workers | ratio |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const [density, sizes] of [
    ['real', [100, 300, 1_000, 3_000]],
    ['thin', [500, 2_000, 5_000, 15_000]],
  ] as const) {
    for (const size of sizes) {
      const one = await generateWith(density, size, 0, `${density} ${size}, this thread`);
      const all = await generateWith(density, size, n, `${density} ${size}, ${n} workers`);
      console.log(
        `| ${density} | ${size} | ${fmt(one.seconds)} | ${fmt(all.seconds)} | ${fmt(one.seconds / all.seconds)} |`,
      );
    }
  }
}

/** The floor: allocating the same number of statement transactions from prepared columns, nothing drawn. */
function allocationFloor(count: number): Run {
  const dates = ['2026-01-05', '2026-01-06', '2026-01-07'];
  const account = { scheme: 'iban', value: 'GB00FAKE', currency: 'GBP' } as const;
  const location = { element: 'generated' } as const;
  const out: StatementTransaction[] = new Array<StatementTransaction>(1024);
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  for (let i = 0; i < count; i++) {
    const date = dates[i % 3]!;
    out[i & 1023] = {
      account,
      amountMinor: 100 + (i & 4095),
      currency: 'GBP',
      direction: 'debit',
      bookingDate: date,
      valueDate: date,
      merchantName: 'Tesco',
      mcc: '5411',
      description: 'CONTACTLESS',
      bankReference: `C${i}-${i & 1023}`,
      location,
    };
  }
  return {
    transactions: count,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    cpuSeconds: cpuSince(cpu),
  };
}

const kinds: readonly [string, (t: StatementTransaction) => boolean][] = [
  [
    'debit-card payments (contactless, card, online)',
    (t) => t.mcc !== undefined && /^(CONTACTLESS|CARD PAYMENT|ONLINE PAYMENT)$/.test(t.description!),
  ],
  ['cash withdrawals', (t) => t.description === 'CASH WITHDRAWAL'],
  ['refunds', (t) => t.description === 'REFUND'],
  [
    'direct debits',
    (t) =>
      t.description === 'DIRECT DEBIT' ||
      /^(MORTGAGE|LOAN|CAR FINANCE|.* PREMIUM$|INVESTMENT|PENSION CONTRIBUTION|COUNCIL TAX$|TV LICENCE$)/.test(
        t.description!,
      ),
  ],
  [
    'standing orders (rent, savings, family, board)',
    (t) =>
      /RENT|^TRANSFER TO SAVINGS$|^HOUSEKEEPING$|^BOARD$|^ALLOWANCE$|^MONEY FOR BILLS$|^FROM HOME$/.test(
        t.description!,
      ),
  ],
  [
    'income (salary, pension, student finance, benefits)',
    (t) => /^SALARY |PENSION PAYMENT|^STATE PENSION$|^SLC |^CHILD BENEFIT$|^INVOICE /.test(t.description!),
  ],
  ['bank charges and interest', (t) => /^OVERDRAFT INTEREST$|^INTEREST PAID$/.test(t.description!)],
];

const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
const endDay = dayOf(end);
const merchantNames = (category: keyof typeof merchantsByCategory) =>
  new Set(merchantsByCategory[category].map((m) => m.name));

/** The seeds' rules evaluated on the generator's output (by merchant), against the causal truth. */
const rules = [
  {
    name: 'seeds’ example: will buy a home within 180 days, no mortgage yet',
    rule: 'paid a `home_inspection` merchant in the last 90 days, holds no mortgage',
    merchants: merchantNames('home_inspection'),
    days: 90,
    excludesMortgage: true,
    isTarget: (c: GeneratedCustomer) =>
      c.lifeEvents.some(
        (e) => e.type === 'home_purchase' && dayOf(e.date) > endDay && dayOf(e.date) <= endDay + 180,
      ) && !c.truth!.takeUps.some((u) => u.product === 'mortgage' && u.date <= end),
  },
  {
    name: 'a new baby in the last 180 days',
    rule: 'paid a baby shop in the last 180 days',
    merchants: merchantNames('baby'),
    days: 180,
    excludesMortgage: false,
    isTarget: (c: GeneratedCustomer) =>
      c.lifeEvents.some(
        (e) => e.type === 'new_baby' && dayOf(e.date) <= endDay && endDay - dayOf(e.date) < 180,
      ),
  },
  {
    name: 'a new car in the last 90 days',
    rule: 'paid a car dealer in the last 90 days',
    merchants: merchantNames('car_dealer'),
    days: 90,
    excludesMortgage: false,
    isTarget: (c: GeneratedCustomer) =>
      c.lifeEvents.some(
        (e) => e.type === 'new_car' && dayOf(e.date) <= endDay && endDay - dayOf(e.date) < 90,
      ),
  },
];

function scoreRules(c: GeneratedCustomer, tally: number[][]): void {
  rules.forEach((r, i) => {
    const inSegment =
      c.transactions.some(
        (t) =>
          t.merchantName !== undefined &&
          r.merchants.has(t.merchantName) &&
          endDay - dayOf(t.bookingDate) < r.days,
      ) &&
      !(
        r.excludesMortgage &&
        c.products.some((p) => p.product === 'mortgage' && (p.until === undefined || p.until >= end))
      );
    const target = r.isTarget(c);
    const row = tally[i]!;
    if (inSegment) row[0]!++;
    if (target) row[1]!++;
    if (inSegment && target) row[2]!++;
  });
}

async function main(): Promise<void> {
  console.log(benchHeader('demo-bank generation'));
  if (process.env['BENCH_GENERATE_ONLY'] === 'cores') {
    await cores();
    return;
  }
  generate('real', Math.min(500, customers), 'warming up');
  const real = generate('real', customers, 'real density');
  const thin = generate('thin', customers * 4, 'thin (reference)');
  const floor = allocationFloor(real.transactions);
  const rate = (run: Run) => run.transactions / run.seconds;
  console.log(`\n${customers} customers × 24 months at real density: ${real.transactions} transactions`);
  console.log(
    '| generator | transactions | seconds | transactions/s | CPU seconds | transactions per CPU second | ratio to the thin generator | ratio to allocation alone |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const [name, run] of [
    ['real density', real],
    ['thin (the earlier bank)', thin],
    ['allocating the objects alone', floor],
  ] as const) {
    console.log(
      `| ${name} | ${run.transactions} | ${fmt(run.seconds)} | ${Math.round(rate(run))} | ${fmt(run.cpuSeconds)} | ${Math.round(run.transactions / run.cpuSeconds)} | ${fmt(rate(run) / rate(thin))} | ${fmt(rate(run) / rate(floor))} |`,
    );
  }
  mix(customers);
  await cores();
}

/** The mix per customer per month by kind, the average contactless payment and how often balances go below zero. */
function mix(count: number): void {
  const counts = new Map<string, number>();
  let months = 0;
  let all = 0;
  let creditCard = 0;
  let p2p = 0;
  let own = 0;
  let contactless = 0;
  let contactlessMinor = 0;
  let overdrawnCustomers = 0;
  let overdrawnDays = 0;
  let days = 0;
  const tally = rules.map(() => [0, 0, 0]);
  generate('real', count, 'the mix', (c) => {
    scoreRules(c, tally);
    const balances = c.truth!.dailyBalances;
    months += balances.length / 30.44;
    days += balances.length;
    const below = balances.filter((b) => b < 0).length;
    overdrawnDays += below;
    if (below > 0) overdrawnCustomers++;
    const card = c.accounts.find((a) => a.product === 'credit_card')?.iban;
    for (const t of c.transactions) {
      all++;
      if (t.description === 'CONTACTLESS') {
        contactless++;
        contactlessMinor += t.amountMinor;
      }
      if (t.account.value === card && t.mcc !== undefined && t.description !== 'REFUND') creditCard++;
      else if (
        t.counterpartyName !== undefined &&
        t.mcc === undefined &&
        !/SALARY|RENT|PENSION|SLC|BENEFIT|HOUSEKEEPING|BOARD|INVOICE|HMRC|MORTGAGE|ALLOWANCE|MONEY FOR BILLS|FROM HOME|COUNCIL TAX|TV LICENCE/.test(
          t.description!,
        )
      )
        p2p++;
      else if (
        t.merchantName === undefined &&
        t.counterpartyName === undefined &&
        t.counterpartyAccount !== undefined &&
        !/^TRANSFER TO SAVINGS$/.test(t.description!)
      )
        own++;
      for (const [name, test] of kinds) {
        if (t.account.value === card) break;
        if (test(t)) {
          counts.set(name, (counts.get(name) ?? 0) + 1);
          break;
        }
      }
    }
  });
  console.log(`\nThe mix of ${count} customers (per customer-month):`);
  console.log('| kind | measured |');
  console.log('| --- | --- |');
  for (const [name] of kinds) console.log(`| ${name} | ${fmt((counts.get(name) ?? 0) / months, 1)} |`);
  console.log(`| credit-card payments | ${fmt(creditCard / months, 1)} |`);
  console.log(`| payments to and from other people | ${fmt(p2p / months, 1)} |`);
  console.log(`| transfers between own accounts | ${fmt(own / months, 1)} |`);
  console.log(`| **all** | **${fmt(all / months, 1)}** |`);
  console.log(`\naverage contactless payment: £${fmt(contactlessMinor / contactless / 100)}`);
  console.log(
    '\n| life event (ground truth) | rule on the generated data | segment | truly in it | precision | recall |',
  );
  console.log('| --- | --- | --- | --- | --- | --- |');
  rules.forEach((r, i) => {
    const [segment, truth, hits] = tally[i]! as [number, number, number];
    console.log(
      `| ${r.name} | ${r.rule} | ${segment} | ${truth} | ${fmt(hits / Math.max(1, segment))} | ${fmt(hits / Math.max(1, truth))} |`,
    );
  });
  console.log(
    `customers ever below zero: ${fmt((100 * overdrawnCustomers) / count, 0)} %; days below zero: ${fmt((100 * overdrawnDays) / days, 0)} %`,
  );
}

await main();
