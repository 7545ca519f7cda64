// Generates the deterministic demo bank, one customer at a time: customer i depends only on (seed, i).
import { addMonths, Calendar, daysPerYear, formatIsoDay, parseIsoDay } from './calendar.ts';
import { drawBalanceHabits, runBalances } from './balances.ts';
import { type LifePlan, planCausalEvents } from './causal-events.ts';
import { CustomerDraft, slot } from './draft.ts';
import { planLifeEvents } from './events.ts';
import { bookIncome } from './income.ts';
import { Ledger } from './ledger.ts';
import { materialise } from './materialise.ts';
import { makeAddress, makePii } from './names.ts';
import { drawProfile, holdProducts, openAccounts, pickPersona, type Loan, type Profile } from './profile.ts';
import { customerRandom, hashSeed } from './random.ts';
import {
  bookBankCharges,
  bookBills,
  bookBillsAndEvents,
  bookHousing,
  bookHouseholdBills,
  bookLoanRepayments,
  bookPremiums,
  bookSavingsInterest,
  bookSubscriptions,
  realHousing,
  thinHousing,
} from './recurring.ts';
import { pickRegion, pickRegionalPersona, type Region } from './regions.ts';
import { bookCardRepayments, bookSpending, spendAcceptance } from './spending.ts';
import { bookTakeUpPayments, drawTakeUps } from './take-up.ts';
import type { StatementTransaction } from '../../core/transaction.ts';
import type {
  Density,
  GenerateBankOptions,
  GeneratedCustomer,
  GroundTruthRecord,
  HeldProduct,
  RealTruth,
} from './types.ts';

export { bankCurrency } from './profile.ts';
export const defaultHomeInspectionShare = 0.17;

/**
 * Everyday card payments per customer per month at density `real`, debit and credit card together
 * (docs/generator.md, "The mix": 38 by debit card and 2 by credit card; UK Finance: about 40 per adult).
 */
export const realCardPaymentsPerMonth = 40;

/** Changes whenever the realistic bank's output does, so that benchmarks do not reuse an older bank's exports. */
export const realBankVersion = 2;

/** Everything computed once per bank and shared by its customers. */
interface BankContext {
  readonly calendar: Calendar;
  readonly seedHash: number;
  readonly inspectionShare: number;
  /** Per spend category and day: probability of accepting a uniformly drawn day (seasons, weekdays). */
  readonly acceptance: readonly Float32Array[];
  readonly ledger: Ledger;
  /** Everyday card payments per customer per month; undefined at density `thin`. */
  readonly cardPaymentsPerMonth: number | undefined;
}

function cardPaymentsPerMonth(density: Density | undefined): number | undefined {
  if (density === undefined || density === 'real') return realCardPaymentsPerMonth;
  if (density === 'thin') return undefined;
  if (typeof density !== 'number' || !Number.isFinite(density) || density < 0 || density > 1000) {
    throw new RangeError(
      `density must be "real", "thin" or a number of card payments a month (0–1000): ${String(density)}`,
    );
  }
  return density;
}

function createContext(options: GenerateBankOptions): BankContext {
  const last = parseIsoDay(options.end);
  if (last === undefined) throw new RangeError(`end is not a YYYY-MM-DD date: ${options.end}`);
  const first = options.start === undefined ? addMonths(last, -24) + 1 : parseIsoDay(options.start);
  if (first === undefined) throw new RangeError(`start is not a YYYY-MM-DD date: ${String(options.start)}`);
  if (first > last) throw new RangeError('start is after end');
  if (last - first >= 30_000) throw new RangeError('the period is longer than 30,000 days');
  if (!Number.isSafeInteger(options.customers) || options.customers < 0) {
    throw new RangeError('customers must be a non-negative integer');
  }
  const share = options.homeInspectionShare ?? defaultHomeInspectionShare;
  if (!(share >= 0 && share <= 1)) throw new RangeError('homeInspectionShare must be between 0 and 1');
  const calendar = new Calendar(first, last);
  const acceptance = spendAcceptance(calendar);
  const seedHash = hashSeed(options.seed);
  const ledger = new Ledger();
  const perMonth = cardPaymentsPerMonth(options.density);
  return { calendar, seedHash, inspectionShare: share, acceptance, ledger, cardPaymentsPerMonth: perMonth };
}

/**
 * The demo bank: `options.customers` customers from `options.firstIndex` on, generated lazily.
 * Synchronous and allocation-light: iterate it straight into a CSV writer or a loader.
 */
export function* generateBank(options: GenerateBankOptions): Generator<GeneratedCustomer, void, undefined> {
  yield* generateBankWith(options, materialise);
}

/**
 * Turns a customer's drafted ledger into what the yielded customer carries as `transactions`: statement lines,
 * or (in a generator worker) nothing, the ledger having been copied into columns for the main thread.
 */
export type Emit = (draft: CustomerDraft, externalId: string) => readonly StatementTransaction[];

/** `generateBank` with the transactions handed to `emit`. */
export function* generateBankWith(
  options: GenerateBankOptions,
  emit: Emit,
): Generator<GeneratedCustomer, void, undefined> {
  const build = customerBuilder(options, emit);
  const firstIndex = options.firstIndex ?? 0;
  for (let i = 0; i < options.customers; i++) yield build(firstIndex + i);
}

/** Builds any customer of the bank by index, with the bank's shared tables computed once. */
export function customerBuilder(
  options: Omit<GenerateBankOptions, 'customers'> & { readonly customers?: number },
  emit: Emit,
): (index: number) => GeneratedCustomer {
  const context = createContext({ ...options, customers: options.customers ?? 0 });
  return (index) => buildCustomer(context, index, emit);
}

/** One customer of the bank, exactly as `generateBank` yields it at that index. */
export function generateCustomer(
  options: Omit<GenerateBankOptions, 'customers'>,
  index: number,
): GeneratedCustomer {
  return customerBuilder(options, materialise)(index);
}

/** The ground-truth line for a customer: what really happened, kept out of the vault. */
export function groundTruthRecord(customer: GeneratedCustomer): GroundTruthRecord {
  const { externalId, persona, lifeEvents, truth } = customer;
  return truth === undefined
    ? { externalId, persona, lifeEvents }
    : { externalId, persona, lifeEvents, ...truth };
}

export function externalIdOf(index: number): string {
  return `C${String(index + 1).padStart(8, '0')}`;
}

/** The thin bank draws a persona from the bank's mix; the realistic one a region first, then its mix. */
function buildCustomer(context: BankContext, index: number, emit: Emit): GeneratedCustomer {
  const { calendar, ledger } = context;
  const externalId = externalIdOf(index);
  const random = customerRandom(context.seedHash, index);
  const thin = context.cardPaymentsPerMonth === undefined;
  const region = thin ? undefined : pickRegion(random);
  const profile =
    region === undefined
      ? drawProfile(calendar, context.inspectionShare, random, pickPersona(random))
      : drawProfile(calendar, 0, random, pickRegionalPersona(random, region), region.income);
  ledger.reset();
  const draft = new CustomerDraft(random, calendar, ledger, profile.activeFrom);
  const iso = (day: number): string =>
    day >= calendar.first && day <= calendar.last ? calendar.iso[day - calendar.first]! : formatIsoDay(day);
  const accounts = openAccounts(draft, profile, index, iso);
  const pii = makePii(random, {
    index,
    dateOfBirth: iso(profile.birthDay),
    iban: draft.iban(slot.main),
    address: makeAddress(random, region?.towns),
  });
  const loans = holdProducts(draft, profile);
  let truth: RealTruth | undefined;
  if (region === undefined) bookThin(context, draft, profile, loans, pii.familyName);
  else truth = bookReal(context, draft, profile, region, loans, pii.familyName, iso);

  const transactions = emit(draft, externalId);
  const lifeEvents = draft.events
    .map((e, order) => ({ e, order }))
    .sort((a, b) => a.e.day - b.e.day || a.order - b.order)
    .map(({ e }) => ({ type: e.type, date: iso(e.day), details: e.details }));
  const products = draft.products
    .filter((p) => p.since <= draft.last)
    .map((p, order) => ({ p, order }))
    .sort((a, b) => a.p.since - b.p.since || a.order - b.order)
    .map(({ p }): HeldProduct =>
      p.until === undefined
        ? { product: p.product, since: iso(p.since) }
        : { product: p.product, since: iso(p.since), until: iso(p.until) },
    );
  const customer = {
    index,
    externalId,
    persona: profile.persona.code,
    pii,
    accounts,
    products,
    transactions,
  };
  return truth === undefined ? { ...customer, lifeEvents } : { ...customer, lifeEvents, truth };
}

/** The thin bank: life events that are their payments, then a fixed number of transactions shared out. */
function bookThin(
  context: BankContext,
  draft: CustomerDraft,
  profile: Profile,
  loans: readonly Loan[],
  familyName: string,
): void {
  const { random, persona, income, housing, recentInspection, monthlyMeans, activeFrom } = profile;
  const { ledger } = draft;
  const { last } = draft.calendar;
  // Life events first: they decide when rent stops and a mortgage starts.
  const housingPlan = planLifeEvents(draft, {
    persona,
    renting: housing === 'rent',
    recentInspection,
    monthlyMeans,
  });
  const plan: LifePlan = { ...housingPlan, effects: [], drivesFrom: -Infinity };
  bookIncome(draft, persona, plan, income, familyName);
  bookHousing(draft, persona, housing, plan, monthlyMeans, familyName, thinHousing);
  bookLoanRepayments(draft, loans, plan);
  bookBankCharges(draft);

  const target =
    (persona.transactionsPerTwoYears * random.between(0.4, 1.6) * (last - activeFrom + 1)) /
    (2 * daysPerYear);
  const activeMonths = (last - activeFrom + 1) / (daysPerYear / 12);
  bookBills(draft, persona, 0.72 * target);
  const cardActive = draft.has(slot.card) && ledger.count + 2 * activeMonths <= 0.8 * target;
  const reserved = cardActive ? 2 * activeMonths : 0;
  const count = Math.max(Math.round(target - ledger.count - reserved), Math.round(0.15 * target), 3);
  bookSpending(context.acceptance, draft, { density: 'thin', persona, count, cardActive });
  if (cardActive) bookCardRepayments(draft);
}

const drivingOdds: Readonly<Record<string, number>> = { student: 0.15, young_renter: 0.45 };

/**
 * The realistic bank: causal life events, scheduled money, spending sized from what is left, balances that
 * follow, product take-up; returns the truth only this bank records.
 */
function bookReal(
  context: BankContext,
  draft: CustomerDraft,
  profile: Profile,
  region: Region,
  loans: readonly Loan[],
  familyName: string,
  iso: (day: number) => string,
): RealTruth {
  const { random, persona, housing, monthlyMeans } = profile;
  const { calendar, ledger } = draft;
  const ageAtEnd = (calendar.last - profile.birthDay) / daysPerYear;
  const drives = random.chance(Math.min(0.95, (drivingOdds[persona.code] ?? 0.8) * region.car));
  const options = { persona, region, renting: housing === 'rent', ageAtEnd, monthlyMeans, drives };
  const plan = planCausalEvents(draft, options);
  plan.childBenefit = persona.code === 'family';
  const scheduledFrom = ledger.count;
  bookIncome(draft, persona, plan, profile.income, familyName);
  bookHousing(draft, persona, housing, plan, monthlyMeans, familyName, realHousing);
  bookLoanRepayments(draft, loans, plan);
  bookBillsAndEvents(draft, persona, plan);
  bookHouseholdBills(draft, persona, housing);
  bookPremiums(draft);
  bookSavingsInterest(draft);
  const subscriptions = bookSubscriptions(draft, iso);
  const free = monthlyNet(draft, scheduledFrom);
  const budget = Math.max(0.15 * monthlyMeans, free) * random.logNormal(0.85, 0.12);
  const habits = bookSpending(context.acceptance, draft, {
    density: 'real',
    persona,
    region,
    plan,
    cardPaymentsPerMonth: context.cardPaymentsPerMonth!,
    budget,
  });
  const balanceHabits = drawBalanceHabits(draft, monthlyMeans);
  const measured = runBalances(draft, balanceHabits, false);
  const takeUps = drawTakeUps(draft, { ...options, plan, habits, balances: measured });
  bookTakeUpPayments(draft, takeUps);
  if (draft.has(slot.card)) bookCardRepayments(draft);
  const balances = runBalances(draft, balanceHabits, true);
  return {
    region: region.code,
    takeUps: takeUps.map((t) => ({ product: t.product, date: iso(t.day), causes: t.causes })),
    subscriptions,
    balancesFrom: iso(profile.activeFrom),
    dailyBalances: rounded(balances.daily),
  };
}

/** Net of the main account's entries from position `from` on, per month of the active history, in pounds. */
function monthlyNet(draft: CustomerDraft, from: number): number {
  const { ledger } = draft;
  let net = 0;
  for (let i = from; i < ledger.count; i++) {
    if (ledger.slots[i] !== slot.main || ledger.days[i]! > draft.last) continue;
    net += ledger.parties[i]!.direction === 'credit' ? ledger.amounts[i]! : -ledger.amounts[i]!;
  }
  const months = (draft.last - draft.activeFrom + 1) / (daysPerYear / 12);
  return net / 100 / Math.max(1, months);
}

function rounded(values: Float64Array): number[] {
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Math.round(values[i]!);
  return out;
}
