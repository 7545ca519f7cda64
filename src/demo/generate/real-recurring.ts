// The realistic bank's scheduled money: income that follows jobs, retirement and study; housing; bills and subscriptions.
import { civilFromDay } from './calendar.ts';
import { futureDays, type LifePlan } from './causal-events.ts';
import { type CustomerDraft, pence, slot } from './draft.ts';
import { landlord } from './events.ts';
import { bankParty, counterpartyParty, type Party } from './ledger.ts';
import { merchantsByCategory, type Merchant } from './merchants.ts';
import { companyNames, givenNames, lettingAgents } from './names.ts';
import type { Housing, Persona } from './personas.ts';
import { bookBills, bookBusinessIncome, bookFamilySupport, shortCompanyName } from './recurring.ts';
import type { Loan } from './profile.ts';
import type { SubscriptionTruth } from './types.ts';

const childBenefitMinor = 10_240;

function monthOf(draft: CustomerDraft, day: number): number {
  return draft.calendar.monthOfYear[day - draft.calendar.first]!;
}

/** A monthly salary from `employer` in [from, to), raised once a year in April. */
function salary(draft: CustomerDraft, employer: string, monthly: number, from: number, to: number): void {
  const { random, ledger } = draft;
  const party = counterpartyParty(
    'credit',
    `SALARY ${shortCompanyName(employer)}`,
    employer,
    draft.otherIban(),
  );
  const raise = random.between(0, 0.05);
  let amount = monthly;
  for (const day of draft.monthly(random.int(25, 28), from, to - 1, 'previous')) {
    if (monthOf(draft, day) === 3) amount *= 1 + raise;
    ledger.add(day, pence(amount), party, slot.main);
  }
}

/** The state pension every four weeks from `from`, and often a private pension monthly. */
function pension(draft: CustomerDraft, income: number, from: number): void {
  const { random, ledger, last } = draft;
  const state = counterpartyParty('credit', 'STATE PENSION', 'DWP State Pension', draft.otherIban());
  const amount = pence(random.between(600, 885));
  for (const day of draft.every(28, from + random.int(0, 27), last))
    ledger.add(day, amount, state, slot.main);
  if (random.chance(0.6)) {
    const provider = random.pick(['Lakeside Pension Trustees', 'Harbour Annuities Ltd']);
    const party = counterpartyParty('credit', 'PENSION PAYMENT', provider, draft.otherIban());
    for (const day of draft.monthly(1, from, last, 'next'))
      ledger.add(day, pence(income * 0.6), party, slot.main);
  }
}

function studentFinance(draft: CustomerDraft, instalment: number, from: number): void {
  const party = counterpartyParty(
    'credit',
    'SLC STUDENT FINANCE',
    'Student Loans Company',
    draft.otherIban(),
  );
  for (const day of draft.monthly(draft.random.int(15, 24), from, draft.last, 'next')) {
    const month = monthOf(draft, day);
    if (month === 0 || month === 3 || month === 8) draft.ledger.add(day, pence(instalment), party, slot.main);
  }
}

/** Income as the plan has it: a job that may change, retirement, study; family support as before. */
export function bookRealIncome(
  draft: CustomerDraft,
  persona: Persona,
  plan: LifePlan,
  income: number,
  familyName: string,
): void {
  const { random, activeFrom, last } = draft;
  const employer = random.pick(companyNames);
  if (persona.income === 'salary') {
    if (plan.jobDay === undefined) salary(draft, employer, income, activeFrom, last + 1);
    else {
      salary(draft, employer, income, activeFrom, plan.jobDay);
      const next = random.pick(companyNames);
      salary(draft, next, income * (plan.salaryFactor ?? 1), plan.jobDay + (plan.jobGapDays ?? 0), last + 1);
    }
  } else if (persona.income === 'student') {
    const studying = plan.studyDay ?? (random.chance(0.85) ? activeFrom : Infinity);
    if (studying <= last) studentFinance(draft, income, studying);
    if (random.chance(0.5)) {
      const partTime = random.between(250, 900);
      const until = plan.jobDay ?? last + 1;
      salary(draft, employer, partTime, activeFrom, until);
      if (plan.jobDay !== undefined)
        salary(draft, random.pick(companyNames), partTime * 1.2, plan.jobDay, last + 1);
    }
  } else if (persona.income === 'pension') {
    const retired = plan.retirementDay ?? activeFrom;
    if (retired > activeFrom) salary(draft, employer, income * 1.4, activeFrom, retired);
    pension(draft, income, Math.max(activeFrom, retired));
  } else {
    bookBusinessIncome(draft, income);
    if (plan.retirementDay !== undefined && plan.retirementDay <= last)
      pension(draft, income * 0.5, plan.retirementDay);
  }
  if (random.chance(persona.familySupport)) bookFamilySupport(draft, persona, familyName);
  if (plan.babyDay !== undefined) {
    const benefit = counterpartyParty('credit', 'CHILD BENEFIT', 'HMRC Child Benefit', draft.otherIban());
    for (const day of draft.every(28, plan.babyDay + random.int(21, 49), last)) {
      draft.ledger.add(day, childBenefitMinor, benefit, slot.main);
    }
  }
}

function tenancy(
  draft: CustomerDraft,
  persona: Persona,
  monthlyMeans: number,
  from: number,
  to: number,
  factor: number,
  agent?: string,
): void {
  const { random, ledger } = draft;
  const owner = agent === undefined ? landlord(draft) : { name: agent, iban: draft.otherIban() };
  const party = counterpartyParty(
    'debit',
    random.pick(['RENT', 'RENT PAYMENT', 'STANDING ORDER RENT']),
    owner.name,
    owner.iban,
  );
  const dayOfMonth = random.chance(0.6) ? 1 : random.int(2, 28);
  const share = monthlyMeans * random.between(0.3, 0.45) * factor;
  const amount = Math.round(Math.min(persona.rent[1] * 1.3, Math.max(persona.rent[0], share)) / 5) * 5;
  for (const day of draft.monthly(dayOfMonth, from, to - 1, 'next'))
    ledger.add(day, pence(amount), party, slot.main);
}

/** Rent, board or a mortgage; a purchase's mortgage here or at another lender. */
export function bookRealHousing(
  draft: CustomerDraft,
  persona: Persona,
  housing: Housing,
  plan: LifePlan,
  monthlyMeans: number,
  familyName: string,
): void {
  const { random, ledger, activeFrom, last } = draft;
  if (housing === 'rent') {
    const move = plan.rentalMoveDay;
    if (move === undefined || move > last)
      tenancy(draft, persona, monthlyMeans, activeFrom, plan.rentUntil, 1);
    else {
      tenancy(draft, persona, monthlyMeans, activeFrom, move, 1);
      tenancy(draft, persona, monthlyMeans, move, plan.rentUntil, plan.rentFactor ?? 1);
    }
  } else if (housing === 'mortgage') {
    const party = bankParty('debit', 'MORTGAGE REPAYMENT');
    const share = monthlyMeans * random.between(0.2, 0.35);
    const amount = pence(Math.min(persona.mortgagePayment[1], Math.max(persona.mortgagePayment[0], share)));
    for (const day of draft.monthly(random.int(1, 28), activeFrom, last, 'next'))
      ledger.add(day, amount, party, slot.main);
  } else if (housing === 'parents' && random.chance(0.6)) {
    const party = counterpartyParty(
      'debit',
      'BOARD',
      `${random.pick(givenNames)} ${familyName}`,
      draft.otherIban(),
    );
    const amount = pence(random.int(10, 35) * 10);
    for (const day of draft.monthly(random.int(1, 28), activeFrom, plan.studyDay ?? last, 'none'))
      ledger.add(day, amount, party, slot.main);
  }
  if (housing === 'parents' && plan.studyDay !== undefined && plan.studyDay <= last) {
    // Leaving home to study: rent to a letting agent from the start of the course.
    tenancy(draft, persona, monthlyMeans, plan.studyDay, Infinity, 1, random.pick(lettingAgents));
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

/** Bills by direct debit (as the persona has them), car insurance after a new car, childcare after a baby. */
export function bookRealBills(draft: CustomerDraft, persona: Persona, plan: LifePlan): void {
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
  const count = Math.min(merchantsByCategory.streaming.length, Math.floor(random.between(0, 4)));
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
