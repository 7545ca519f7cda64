// Generates the deterministic demo bank, one customer at a time: customer i depends only on (seed, i).
import type { ProductCode } from '../../core/products.ts';
import type { AccountIdentifier, SourceLocation, StatementTransaction } from '../../core/transaction.ts';
import { addMonths, Calendar, daysPerYear, formatIsoDay, parseIsoDay } from './calendar.ts';
import { CustomerDraft, pence, slot } from './draft.ts';
import { planLifeEvents } from './events.ts';
import { gbIban, ownAccountNumber, ownBankCode } from './iban.ts';
import { bankParty, Ledger } from './ledger.ts';
import { makeAddress, makePii } from './names.ts';
import { personas, recentInspectionNorm, type Housing, type Persona } from './personas.ts';
import { customerRandom, hashSeed, type Random } from './random.ts';
import { bookBankCharges, bookBills, bookHousing, bookIncome } from './recurring.ts';
import { bookCardRepayments, bookSpending, spendAcceptance } from './spending.ts';
import type {
  GenerateBankOptions,
  GeneratedAccount,
  GeneratedCustomer,
  GroundTruthRecord,
  HeldProduct,
} from './types.ts';

export const bankCurrency = 'GBP';
export const defaultHomeInspectionShare = 0.17;

const generatedLocation: SourceLocation = Object.freeze({ element: 'generated' });

/** Sort codes of the demo bank's branches (the bank code already marks the IBANs as made up). */
const branchSortCodes: readonly number[] = [309_012, 309_034, 309_056, 309_078, 309_091];

/** Everything computed once per bank and shared by its customers. */
interface BankContext {
  readonly calendar: Calendar;
  readonly seedHash: number;
  readonly inspectionShare: number;
  /** Per spend category and day: probability of accepting a uniformly drawn day (seasons, weekdays). */
  readonly acceptance: readonly Float32Array[];
  readonly ledger: Ledger;
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
  return {
    calendar,
    seedHash: hashSeed(options.seed),
    inspectionShare: share,
    acceptance,
    ledger: new Ledger(),
  };
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
  return { externalId: customer.externalId, persona: customer.persona, lifeEvents: customer.lifeEvents };
}

export function externalIdOf(index: number): string {
  return `C${String(index + 1).padStart(8, '0')}`;
}

function pickPersona(random: Random): Persona {
  let r = random.next();
  for (const persona of personas) {
    r -= persona.share;
    if (r < 0) return persona;
  }
  return personas[personas.length - 1]!;
}

function pickHousing(random: Random, weights: Persona['housing']): Housing {
  let r = random.next();
  let chosen: Housing = 'rent';
  for (const [housing, weight] of Object.entries(weights) as [Housing, number][]) {
    chosen = housing;
    r -= weight;
    if (r < 0) break;
  }
  return chosen;
}

function buildCustomer(context: BankContext, index: number): GeneratedCustomer {
  const { calendar, ledger } = context;
  const externalId = externalIdOf(index);
  const profile = drawProfile(context, index);
  const { random, persona } = profile;
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

/** Who a customer is: the first draws of the customer's random stream, which decide everything after. */
interface Profile {
  readonly random: Random;
  readonly persona: Persona;
  /** One draw for the level of income: salary, student instalment, pension or invoice size. */
  readonly income: number;
  readonly monthlyMeans: number;
  readonly recentInspection: boolean;
  readonly housing: Housing;
  readonly birthDay: number;
  /** The customer's 16th birthday: no account or product before it. */
  readonly adultDay: number;
  readonly mainOpened: number;
  /** The first day with transactions: the main account's opening, or the calendar's first day. */
  readonly activeFrom: number;
}

function drawProfile(context: BankContext, index: number): Profile {
  const { calendar } = context;
  const { first, last } = calendar;
  const random = customerRandom(context.seedHash, index);
  const persona = pickPersona(random);
  const income = random.between(persona.incomeRange[0], persona.incomeRange[1]);
  const monthlyMeans =
    income * (persona.income === 'student' ? 0.3 : persona.income === 'business' ? 1.2 : 1);

  const recentShare = (context.inspectionShare * persona.recentInspection) / recentInspectionNorm;
  const recentInspection = random.chance(Math.min(1, recentShare));
  const housing = recentInspection ? 'rent' : pickHousing(random, persona.housing);

  const birthDay =
    last -
    random.int(Math.ceil(persona.age[0] * daysPerYear), Math.floor((persona.age[1] + 1) * daysPerYear) - 1);
  const adultDay = birthDay + Math.round(16 * daysPerYear);
  const joined = calendar.length > 400 && random.chance(0.08);
  const joinDay = first + random.int(0, calendar.length - 300);
  const mainOpened = joined ? joinDay : Math.max(adultDay + random.int(0, 600), first - random.int(60, 5500));
  const activeFrom = Math.max(first, mainOpened);
  return {
    random,
    persona,
    income,
    monthlyMeans,
    recentInspection,
    housing,
    birthDay,
    adultDay,
    mainOpened,
    activeFrom,
  };
}

/** The customer's accounts at the demo bank: the main one, and a business, savings or card account. */
function openAccounts(
  draft: CustomerDraft,
  { random, persona, mainOpened, activeFrom }: Profile,
  index: number,
  iso: (day: number) => string,
): GeneratedAccount[] {
  const sortCode = random.pick(branchSortCodes);
  const accounts: GeneratedAccount[] = [];
  const open = (accountSlot: number, product: ProductCode, openedDay: number): void => {
    const iban = gbIban(ownBankCode, sortCode, ownAccountNumber(index, accountSlot));
    draft.accountIbans[accountSlot] = iban;
    accounts.push({ iban, product, currency: bankCurrency, openedOn: iso(openedDay) });
    draft.hold(product, openedDay);
  };
  const openedLater = (): number => random.int(mainOpened, Math.max(mainOpened, activeFrom));
  open(slot.main, persona.code === 'student' ? 'student_account' : 'current_account', mainOpened);
  if (persona.income === 'business') open(slot.business, 'business_account', openedLater());
  if (random.chance(persona.savingsAccount)) open(slot.savings, 'savings', openedLater());
  if (random.chance(persona.creditCard)) open(slot.card, 'credit_card', openedLater());
  return accounts;
}

/** A loan the customer repays monthly until `until`. */
interface Loan {
  readonly product: ProductCode;
  readonly until: number;
}

/** The products the customer holds besides accounts: home, insurance and the persona's products. */
function holdProducts(draft: CustomerDraft, profile: Profile): Loan[] {
  const { random, persona, housing, adultDay, mainOpened, activeFrom } = profile;
  const { first, last } = draft.calendar;
  const heldSince = (earliest: number): number =>
    Math.min(activeFrom, Math.max(earliest, mainOpened, first - random.int(90, 15 * 365)));
  const homeSince = heldSince(adultDay + 5 * 365);
  if (housing === 'mortgage') draft.hold('mortgage', homeSince);
  if ((housing === 'mortgage' || housing === 'owned') && random.chance(0.8)) {
    draft.hold('home_insurance', homeSince);
  }
  const loans: Loan[] = [];
  for (const [product, probability] of Object.entries(persona.products) as [ProductCode, number][]) {
    if (!random.chance(probability)) continue;
    const since = product === 'overdraft' ? mainOpened : heldSince(mainOpened);
    const ends = product !== 'overdraft' && product !== 'pension' && random.chance(0.35);
    const until = ends ? random.int(activeFrom + 30, last + 30) : Infinity;
    draft.hold(product, since, until === Infinity ? undefined : until);
    if (product === 'personal_loan' || product === 'car_loan') loans.push({ product, until });
  }
  return loans;
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

function materialise(draft: CustomerDraft, externalId: string): StatementTransaction[] {
  const { ledger, calendar } = draft;
  const identifiers: (AccountIdentifier | undefined)[] = draft.accountIbans.map((iban) =>
    iban === undefined ? undefined : { scheme: 'iban', value: iban, currency: bankCurrency },
  );
  const order = ledger.order(calendar.first);
  const transactions: StatementTransaction[] = new Array<StatementTransaction>(order.length);
  const prefix = `${externalId}-`;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const party = ledger.parties[i]!;
    const account = identifiers[ledger.slots[i]!]!;
    const amountMinor = ledger.amounts[i]!;
    const date = calendar.iso[ledger.days[i]! - calendar.first]!;
    const bankReference = prefix + (k + 1);
    switch (party.kind) {
      case 'merchant':
        transactions[k] = {
          account,
          amountMinor,
          currency: bankCurrency,
          direction: party.direction,
          bookingDate: date,
          valueDate: date,
          merchantName: party.merchantName,
          mcc: party.mcc,
          description: party.description,
          bankReference,
          location: generatedLocation,
        };
        break;
      case 'counterparty':
        transactions[k] = {
          account,
          amountMinor,
          currency: bankCurrency,
          direction: party.direction,
          bookingDate: date,
          valueDate: date,
          description: party.description,
          counterpartyName: party.counterpartyName,
          counterpartyAccount: party.counterpartyAccount,
          bankReference,
          location: generatedLocation,
        };
        break;
      case 'own':
        transactions[k] = {
          account,
          amountMinor,
          currency: bankCurrency,
          direction: party.direction,
          bookingDate: date,
          valueDate: date,
          description: party.description,
          counterpartyAccount: party.counterpartyAccount,
          bankReference,
          location: generatedLocation,
        };
        break;
      case 'bank':
        transactions[k] = {
          account,
          amountMinor,
          currency: bankCurrency,
          direction: party.direction,
          bookingDate: date,
          valueDate: date,
          description: party.description,
          bankReference,
          location: generatedLocation,
        };
        break;
    }
  }
  return transactions;
}
