// Generates the deterministic demo bank, one customer at a time: customer i depends only on (seed, i).
import { addMonths, Calendar, daysPerYear, formatIsoDay, parseIsoDay } from './calendar.ts';
import { CustomerDraft, pence, slot } from './draft.ts';
import { planLifeEvents } from './events.ts';
import { bankParty, Ledger } from './ledger.ts';
import { materialise } from './materialise.ts';
import { makeAddress, makePii } from './names.ts';
import { drawProfile, holdProducts, openAccounts, pickPersona, type Loan, type Profile } from './profile.ts';
import { customerRandom, hashSeed } from './random.ts';
import { buildRealCustomer, realCardPaymentsPerMonth, type RealContext } from './real-bank.ts';
import { bookBankCharges, bookBills, bookHousing, bookIncome } from './recurring.ts';
import { bookCardRepayments, bookSpending, spendAcceptance } from './spending.ts';
import type {
  Density,
  GenerateBankOptions,
  GeneratedCustomer,
  GroundTruthRecord,
  HeldProduct,
} from './types.ts';

export { bankCurrency } from './profile.ts';
export const defaultHomeInspectionShare = 0.17;

/** Everything computed once per bank and shared by its customers. */
interface BankContext {
  readonly calendar: Calendar;
  readonly seedHash: number;
  readonly inspectionShare: number;
  /** Per spend category and day: probability of accepting a uniformly drawn day (seasons, weekdays). */
  readonly acceptance: readonly Float32Array[];
  readonly ledger: Ledger;
  /** The realistic bank's context; absent at density `thin`. */
  readonly real: RealContext | undefined;
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
  const real =
    perMonth === undefined
      ? undefined
      : { calendar, seedHash, acceptance, ledger, cardPaymentsPerMonth: perMonth };
  return { calendar, seedHash, inspectionShare: share, acceptance, ledger, real };
}

/**
 * The demo bank: `options.customers` customers from `options.firstIndex` on, generated lazily.
 * Synchronous and allocation-light: iterate it straight into a CSV writer or a loader.
 */
export function* generateBank(options: GenerateBankOptions): Generator<GeneratedCustomer, void, undefined> {
  const context = createContext(options);
  const firstIndex = options.firstIndex ?? 0;
  for (let i = 0; i < options.customers; i++) yield buildCustomer(context, firstIndex + i);
}

/** One customer of the bank, exactly as `generateBank` yields it at that index. */
export function generateCustomer(
  options: Omit<GenerateBankOptions, 'customers'>,
  index: number,
): GeneratedCustomer {
  return buildCustomer(createContext({ ...options, customers: 0 }), index);
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

function buildCustomer(context: BankContext, index: number): GeneratedCustomer {
  const { calendar, ledger } = context;
  const externalId = externalIdOf(index);
  if (context.real !== undefined) return buildRealCustomer(context.real, index, externalId);
  const random = customerRandom(context.seedHash, index);
  const profile = drawProfile(calendar, context.inspectionShare, random, pickPersona(random));
  const { persona } = profile;
  ledger.reset();
  const draft = new CustomerDraft(random, calendar, ledger, profile.activeFrom);
  const iso = (day: number): string =>
    day >= calendar.first && day <= calendar.last ? calendar.iso[day - calendar.first]! : formatIsoDay(day);
  const accounts = openAccounts(draft, profile, index, iso);
  const pii = makePii(random, {
    index,
    dateOfBirth: iso(profile.birthDay),
    iban: draft.iban(slot.main),
    address: makeAddress(random),
  });
  const loans = holdProducts(draft, profile);
  bookTransactions(context, draft, profile, loans, pii.familyName);

  const transactions = materialise(draft, externalId);
  const lifeEvents = draft.events
    .map((e, order) => ({ e, order }))
    .sort((a, b) => a.e.day - b.e.day || a.order - b.order)
    .map(({ e }) => ({ type: e.type, date: iso(e.day), details: e.details }));
  const products = draft.products
    .map((p, order) => ({ p, order }))
    .sort((a, b) => a.p.since - b.p.since || a.order - b.order)
    .map(({ p }): HeldProduct =>
      p.until === undefined
        ? { product: p.product, since: iso(p.since) }
        : { product: p.product, since: iso(p.since), until: iso(p.until) },
    );
  return { index, externalId, persona: persona.code, pii, accounts, products, transactions, lifeEvents };
}

/** Every transaction of the customer, into the draft's ledger: life events, recurring ones, then spending. */
function bookTransactions(
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
  const plan = planLifeEvents(draft, {
    persona,
    renting: housing === 'rent',
    recentInspection,
    monthlyMeans,
  });

  bookIncome(draft, persona, income, familyName);
  bookHousing(draft, persona, housing, plan, monthlyMeans, familyName);
  for (const loan of loans) {
    const party = bankParty(
      'debit',
      loan.product === 'car_loan' ? 'CAR FINANCE REPAYMENT' : 'LOAN REPAYMENT',
    );
    const amount = pence(random.int(90, 420));
    for (const day of draft.monthly(random.int(1, 28), activeFrom, loan.until, 'next')) {
      ledger.add(day, amount, party, slot.main);
    }
  }
  bookBankCharges(draft);

  const target =
    (persona.transactionsPerTwoYears * random.between(0.4, 1.6) * (last - activeFrom + 1)) /
    (2 * daysPerYear);
  const activeMonths = (last - activeFrom + 1) / (daysPerYear / 12);
  const cap = 0.72 * target;
  bookBills(draft, persona, cap);
  const cardActive = draft.has(slot.card) && ledger.count + 2 * activeMonths <= 0.8 * target;
  const reserved = cardActive ? 2 * activeMonths : 0;
  const discretionary = Math.max(Math.round(target - ledger.count - reserved), Math.round(0.15 * target), 3);
  bookSpending(context.acceptance, draft, persona, discretionary, cardActive);
  if (cardActive) bookCardRepayments(draft);
}
