// Housing, loans, bank charges, bills and subscriptions: what a customer pays on a stable schedule.
import { civilFromDay } from './calendar.ts';
import { futureDays, type LifePlan } from './causal-events.ts';
import { type CustomerDraft, pence, slot } from './draft.ts';
import { landlord } from './events.ts';
import { bankParty, counterpartyParty, type Party } from './ledger.ts';
import { merchantsByCategory, type Merchant, type MerchantCategory } from './merchants.ts';
import { givenNames, lettingAgents } from './names.ts';
import type { BillKind, Housing, Persona } from './personas.ts';
import type { Loan } from './profile.ts';
import type { SubscriptionTruth } from './types.ts';

/** The thin bank's terms and the realistic bank's: rent and mortgage as shares of means, the rent cap. */
export interface HousingTerms {
  readonly rentShare: readonly [number, number];
  /** Multiplies the persona's highest rent. */
  readonly rentCap: number;
  readonly mortgageShare: readonly [number, number];
}

export const thinHousing: HousingTerms = { rentShare: [0.3, 0.48], rentCap: 1, mortgageShare: [0.2, 0.38] };
export const realHousing: HousingTerms = { rentShare: [0.3, 0.45], rentCap: 1.3, mortgageShare: [0.2, 0.35] };

/** Rent (with a yearly review), board or a mortgage; a purchase's mortgage here or at another lender. */
export function bookHousing(
  draft: CustomerDraft,
  persona: Persona,
  housing: Housing,
  plan: LifePlan,
  monthlyMeans: number,
  familyName: string,
  terms: HousingTerms,
): void {
  const { random, ledger, activeFrom, last } = draft;
  if (housing === 'rent') {
    const move = plan.rentalMoveDay;
    if (move === undefined || move > last)
      tenancy(draft, persona, monthlyMeans, terms, activeFrom, plan.rentUntil);
    else {
      tenancy(draft, persona, monthlyMeans, terms, activeFrom, move);
      tenancy(draft, persona, monthlyMeans, terms, move, plan.rentUntil, plan.rentFactor);
    }
  } else if (housing === 'mortgage') {
    const party = bankParty('debit', 'MORTGAGE REPAYMENT');
    const share = monthlyMeans * random.between(...terms.mortgageShare);
    const amount = pence(Math.min(persona.mortgagePayment[1], Math.max(persona.mortgagePayment[0], share)));
    for (const day of draft.monthly(random.int(1, 28), activeFrom, last, 'next')) {
      ledger.add(day, amount, party, slot.main);
    }
  } else if (housing === 'parents' && random.chance(0.6)) {
    const party = counterpartyParty(
      'debit',
      'BOARD',
      `${random.pick(givenNames)} ${familyName}`,
      draft.otherIban(),
    );
    const amount = pence(random.int(10, 35) * 10);
    for (const day of draft.monthly(random.int(1, 28), activeFrom, plan.studyDay ?? last, 'none')) {
      ledger.add(day, amount, party, slot.main);
    }
  }
  if (housing === 'parents' && plan.studyDay !== undefined && plan.studyDay <= last) {
    // Leaving home to study: rent to a letting agent from the start of the course.
    const agent = random.pick(lettingAgents);
    tenancy(draft, persona, monthlyMeans, terms, plan.studyDay, Infinity, 1, agent);
  }
  if (
    plan.mortgageFrom !== undefined &&
    plan.mortgagePaymentMinor !== undefined &&
    plan.mortgageFrom <= last
  ) {
    const party: Party = plan.mortgageElsewhere
      ? counterpartyParty('debit', 'MORTGAGE', 'Harbourside Building Society', draft.otherIban())
      : bankParty('debit', 'MORTGAGE REPAYMENT');
    const dayOfMonth = Math.min(28, civilFromDay(plan.mortgageFrom).day);
    for (const day of draft.monthly(dayOfMonth, plan.mortgageFrom, last, 'next')) {
      ledger.add(day, plan.mortgagePaymentMinor, party, slot.main);
    }
  }
}

/** Rent in [from, to) to a landlord (or `agent`), reviewed once a year after the first 200 days. */
function tenancy(
  draft: CustomerDraft,
  persona: Persona,
  monthlyMeans: number,
  terms: HousingTerms,
  from: number,
  to: number,
  factor = 1,
  agent?: string,
): void {
  const { random, ledger, activeFrom, calendar } = draft;
  const owner = agent === undefined ? landlord(draft) : { name: agent, iban: draft.otherIban() };
  const party = counterpartyParty(
    'debit',
    random.pick(['RENT', 'RENT PAYMENT', 'STANDING ORDER RENT']),
    owner.name,
    owner.iban,
  );
  const dayOfMonth = random.chance(0.6) ? 1 : random.int(2, 28);
  const reviewMonth = random.int(0, 11);
  const share = monthlyMeans * random.between(...terms.rentShare) * factor;
  const cap = persona.rent[1] * terms.rentCap;
  let amount = Math.round(Math.min(cap, Math.max(persona.rent[0], share)) / 5) * 5;
  for (const day of draft.monthly(dayOfMonth, from, to - 1, 'next')) {
    if (calendar.monthOfYear[day - calendar.first] === reviewMonth && day > activeFrom + 200) {
      amount = Math.round((amount * random.between(1, 1.06)) / 5) * 5;
    }
    ledger.add(day, pence(amount), party, slot.main);
  }
}

/** Loans held before the history are repaid monthly; a car loan at this bank from its car. */
export function bookLoanRepayments(draft: CustomerDraft, loans: readonly Loan[], plan: LifePlan): void {
  const { random, activeFrom, last } = draft;
  for (const loan of loans) {
    const party = bankParty(
      'debit',
      loan.product === 'car_loan' ? 'CAR FINANCE REPAYMENT' : 'LOAN REPAYMENT',
    );
    const amount = pence(random.int(90, 420));
    for (const day of draft.monthly(random.int(1, 28), activeFrom, loan.until, 'next'))
      draft.ledger.add(day, amount, party, slot.main);
  }
  if (plan.carLoanHere && plan.carDay !== undefined && plan.carDay <= last + futureDays) {
    const party = bankParty('debit', 'CAR FINANCE REPAYMENT');
    const amount = pence(random.int(180, 450));
    for (const day of draft.monthly(random.int(1, 28), plan.carDay + 20, last, 'next'))
      draft.ledger.add(day, amount, party, slot.main);
  }
}

/** Interest on savings, overdraft charges, annual premiums of insurance held at the bank (the thin bank). */
export function bookBankCharges(draft: CustomerDraft): void {
  bookSavingsInterest(draft);
  const { random, ledger, activeFrom, last } = draft;
  if (draft.holds('overdraft', last)) {
    const party = bankParty('debit', random.pick(['OVERDRAFT INTEREST', 'UNARRANGED OVERDRAFT FEE']));
    const charges = random.int(0, 4);
    for (let k = 0; k < charges; k++) {
      ledger.add(random.int(activeFrom, last), pence(random.between(1, 25)), party, slot.main);
    }
  }
  bookPremiums(draft);
}

/** Quarterly interest paid into the savings account. */
export function bookSavingsInterest(draft: CustomerDraft): void {
  const { random, ledger, activeFrom, last, calendar } = draft;
  if (!draft.has(slot.savings)) return;
  const party = bankParty('credit', 'INTEREST PAID');
  const level = random.logNormal(8, 0.9);
  for (const day of draft.monthly(31, activeFrom, last, 'previous')) {
    const month = calendar.monthOfYear[day - calendar.first]!;
    if (month % 3 === 2) ledger.add(day, pence(level * random.between(0.8, 1.2)), party, slot.savings);
  }
}

/** Annual premiums of the insurance held at the bank so far. */
export function bookPremiums(draft: CustomerDraft): void {
  const { random, ledger, activeFrom, last } = draft;
  for (const product of ['home_insurance', 'life_insurance', 'travel_insurance'] as const) {
    const held = draft.products.find((p) => p.product === product);
    if (held === undefined) continue;
    const party = bankParty('debit', `${product.replace('_', ' ').toUpperCase()} PREMIUM`);
    const premium = pence(random.between(90, 420));
    const from = Math.max(held.since, activeFrom);
    const days = draft.monthly(random.int(1, 28), from, held.until ?? last, 'next', 12);
    for (const day of days) ledger.add(day, premium, party, slot.main);
  }
}

const councils: readonly string[] = [
  'Riverside Borough Council',
  'Northgate City Council',
  'Eastfield District Council',
  'Westmoor Council',
  'Highbridge Borough Council',
];

/**
 * The realistic bank's household bills the personas' lists leave out: council tax (ten instalments from
 * April; students are exempt, those living with parents pay none), a TV licence, a mobile phone contract,
 * a second insurance (contents, pet, gadget). Each is reviewed every April.
 */
export function bookHouseholdBills(draft: CustomerDraft, persona: Persona, housing: Housing): void {
  const { random, activeFrom, last, calendar } = draft;
  const april = (day: number): boolean =>
    calendar.monthOfYear[day - calendar.first] === 3 && day > activeFrom + 31;
  const ownHome = housing !== 'parents';
  if (ownHome && persona.code !== 'student' && random.chance(0.95)) {
    const party = counterpartyParty('debit', 'COUNCIL TAX', random.pick(councils), draft.otherIban());
    let amount = pence(random.between(110, 240));
    for (const day of draft.monthly(random.int(1, 28), activeFrom, last, 'next')) {
      const month = calendar.monthOfYear[day - calendar.first]!;
      if (april(day)) amount = pence((amount / 100) * random.between(1.03, 1.05));
      if (month !== 1 && month !== 2) draft.ledger.add(day, amount, party, slot.main);
    }
  }
  if (ownHome && random.chance(0.55)) {
    const party = counterpartyParty('debit', 'TV LICENCE', 'TV Licensing', draft.otherIban());
    for (const day of draft.monthly(random.int(1, 28), activeFrom, last, 'next'))
      draft.ledger.add(day, 1454, party, slot.main);
  }
  const phone = random.chance(0.85) ? random.pick(merchantsByCategory.telecom) : undefined;
  const cover = random.chance(0.35) ? random.pick(merchantsByCategory.insurance) : undefined;
  for (const [merchant, low, high] of [
    [phone, 8, 45],
    [cover, 6, 30],
  ] as const) {
    if (merchant === undefined) continue;
    let amount = pence(random.between(low, high));
    for (const day of draft.monthly(random.int(1, 28), activeFrom, last, 'next')) {
      if (april(day)) amount = pence((amount / 100) * random.between(1, 1.09));
      draft.pay(merchant, day, amount, 'DIRECT DEBIT');
    }
  }
}

const billMerchants: Readonly<
  Record<Exclude<BillKind, 'savings_transfer' | 'second_streaming'>, MerchantCategory>
> = {
  energy: 'energy',
  water: 'water',
  telecom: 'telecom',
  broadband: 'broadband',
  insurance: 'insurance',
  streaming: 'streaming',
  gym: 'gym',
  charity: 'charity',
};

const billAmounts: Readonly<Record<BillKind, readonly [number, number]>> = {
  energy: [45, 190],
  water: [25, 55],
  telecom: [10, 55],
  broadband: [25, 60],
  insurance: [18, 75],
  streaming: [0, 0],
  second_streaming: [0, 0],
  gym: [0, 0],
  charity: [5, 25],
  savings_transfer: [50, 600],
};

/** Bills and subscriptions in random order, each only while the transaction budget `cap` allows. */
export function bookBills(draft: CustomerDraft, persona: Persona, cap: number): void {
  const { random, ledger, activeFrom, last, calendar } = draft;
  const kinds = Object.keys(persona.bills) as BillKind[];
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [kinds[i], kinds[j]] = [kinds[j]!, kinds[i]!];
  }
  let streaming: Merchant | undefined;
  for (const kind of kinds) {
    if (!random.chance(persona.bills[kind] ?? 0)) continue;
    if (kind === 'savings_transfer' && !draft.has(slot.savings)) continue;
    const subscription = kind === 'streaming' || kind === 'second_streaming';
    const days = draft.monthly(random.int(1, 28), activeFrom, last, subscription ? 'none' : 'next');
    const cost = days.length * (kind === 'savings_transfer' ? 2 : 1);
    if (ledger.count + cost > cap) continue;
    const [low, high] = billAmounts[kind];
    if (kind === 'savings_transfer') {
      const amount = pence(random.int(low / 10, high / 10) * 10);
      const out: Party = {
        kind: 'own',
        direction: 'debit',
        description: 'TRANSFER TO SAVINGS',
        counterpartyAccount: draft.iban(slot.savings),
      };
      const into: Party = {
        kind: 'own',
        direction: 'credit',
        description: 'TRANSFER FROM CURRENT ACCOUNT',
        counterpartyAccount: draft.iban(slot.main),
      };
      for (const day of days) {
        ledger.add(day, amount, out, slot.main);
        ledger.add(day, amount, into, slot.savings);
      }
      continue;
    }
    const category = kind === 'second_streaming' ? 'streaming' : billMerchants[kind];
    let merchant = random.pick(merchantsByCategory[category]);
    if (subscription) {
      if (merchant === streaming) merchant = random.pick(merchantsByCategory.streaming);
      if (merchant === streaming) continue;
      streaming = merchant;
    }
    const variant = subscription ? 'CARD PAYMENT' : 'DIRECT DEBIT';
    let amount = merchant.price ?? pence(random.between(low, high));
    const reviewMonth = random.int(0, 11);
    for (const day of days) {
      if (
        merchant.price === undefined &&
        calendar.monthOfYear[day - calendar.first] === reviewMonth &&
        day > activeFrom + 200
      ) {
        amount = Math.round(amount * random.between(0.85, 1.2));
      }
      draft.pay(merchant, day, amount, variant);
    }
  }
}

/** The realistic bank's bills: by direct debit (as the persona has them, subscriptions apart), car insurance after a new car, childcare after a baby. */
export function bookBillsAndEvents(draft: CustomerDraft, persona: Persona, plan: LifePlan): void {
  const { random, last } = draft;
  const bills = { ...persona.bills, streaming: 0, second_streaming: 0 };
  bookBills(draft, { ...persona, bills }, Infinity);
  if (plan.carDay !== undefined && plan.carDay <= last && random.chance(0.7)) {
    const insurer = random.pick(merchantsByCategory.insurance);
    const amount = pence(random.between(35, 110));
    for (const day of draft.monthly(random.int(1, 28), plan.carDay, last, 'next'))
      draft.pay(insurer, day, amount, 'DIRECT DEBIT');
  }
  if (plan.babyDay !== undefined && random.chance(0.6)) {
    const from = plan.babyDay + random.int(180, 420);
    const nursery = random.pick(merchantsByCategory.childcare);
    const fee = pence(random.int(130, 270) * 5);
    for (const day of draft.monthly(random.int(1, 5), from, last, 'next'))
      draft.pay(nursery, day, fee, 'DIRECT DEBIT');
  }
}

/** Subscriptions on a card: about 1.5 each, monthly (some yearly), with a price rise about once a year. */
export function bookSubscriptions(draft: CustomerDraft, iso: (day: number) => string): SubscriptionTruth[] {
  const { random, activeFrom, last } = draft;
  const count = Math.min(merchantsByCategory.streaming.length, Math.floor(random.between(0.3, 4.6)));
  const chosen = new Set<Merchant>();
  const truths: SubscriptionTruth[] = [];
  for (let k = 0; k < count; k++) {
    const merchant = random.pick(merchantsByCategory.streaming);
    if (chosen.has(merchant)) continue;
    chosen.add(merchant);
    const yearly = random.chance(0.1);
    let amount = (merchant.price ?? 999) * (yearly ? 10 : 1);
    const since = random.chance(0.7) ? activeFrom : random.int(activeFrom, last);
    const days = draft.monthly(random.int(1, 28), since, last, 'none', yearly ? 12 : 1);
    const changes: { date: string; amountMinor: number }[] = [];
    const first = days[0];
    if (first === undefined) continue;
    const initial = amount;
    for (const day of days) {
      if (day > first && random.chance(yearly ? 0.8 : 0.07)) {
        amount = Math.round((amount * random.between(1.08, 1.25)) / 100) * 100 - 1;
        changes.push({ date: iso(day), amountMinor: amount });
      }
      draft.pay(merchant, day, amount, 'CARD PAYMENT');
    }
    truths.push({
      merchant: merchant.name,
      amountMinor: initial,
      cadence: yearly ? 'yearly' : 'monthly',
      since: iso(first),
      priceChanges: changes,
    });
  }
  return truths;
}
