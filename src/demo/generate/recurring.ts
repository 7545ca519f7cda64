// Income, housing, loans, bank charges and bills: what a customer pays or receives on a stable schedule.
import { civilFromDay, daysPerYear } from './calendar.ts';
import { type CustomerDraft, pence, slot } from './draft.ts';
import { type HousingPlan, landlord } from './events.ts';
import { bankParty, counterpartyParty, type Party } from './ledger.ts';
import { merchantsByCategory, type Merchant, type MerchantCategory } from './merchants.ts';
import { companyNames, givenNames } from './names.ts';
import type { BillKind, Housing, Persona } from './personas.ts';

export function shortCompanyName(name: string): string {
  return name.toUpperCase().replace(/ (LTD|PLC)$/, '');
}

export function bookIncome(draft: CustomerDraft, persona: Persona, income: number, familyName: string): void {
  const { random } = draft;
  switch (persona.income) {
    case 'salary':
      bookSalary(draft, random.pick(companyNames), income);
      break;
    case 'student':
      bookStudentIncome(draft, income);
      break;
    case 'pension':
      bookPension(draft, income);
      break;
    case 'business':
      bookBusinessIncome(draft, income);
      break;
  }
  if (random.chance(persona.familySupport)) bookFamilySupport(draft, persona, familyName);
}

const monthOf = (draft: CustomerDraft, day: number): number =>
  draft.calendar.monthOfYear[day - draft.calendar.first]!;

/** A monthly salary from `employer`, raised once a year in April. */
function bookSalary(draft: CustomerDraft, employer: string, monthly: number): void {
  const { random, ledger, activeFrom, last } = draft;
  const party = counterpartyParty(
    'credit',
    `SALARY ${shortCompanyName(employer)}`,
    employer,
    draft.otherIban(),
  );
  const raise = random.between(0, 0.05);
  let amount = monthly;
  for (const day of draft.monthly(random.int(25, 28), activeFrom, last, 'previous')) {
    if (monthOf(draft, day) === 3) amount *= 1 + raise;
    ledger.add(day, pence(amount), party, slot.main);
  }
}

/** Student finance three times a year, and often a part-time job. */
function bookStudentIncome(draft: CustomerDraft, income: number): void {
  const { random, ledger, activeFrom, last } = draft;
  if (random.chance(0.85)) {
    const party = counterpartyParty(
      'credit',
      'SLC STUDENT FINANCE',
      'Student Loans Company',
      draft.otherIban(),
    );
    const instalment = pence(income);
    for (const day of draft.monthly(random.int(15, 24), activeFrom, last, 'next')) {
      const month = monthOf(draft, day);
      if (month === 0 || month === 3 || month === 8) ledger.add(day, instalment, party, slot.main);
    }
  }
  if (random.chance(0.5)) bookSalary(draft, random.pick(companyNames), random.between(250, 900));
}

/** The state pension every four weeks, and often a private pension monthly. */
function bookPension(draft: CustomerDraft, income: number): void {
  const { random, ledger, activeFrom, last } = draft;
  const state = counterpartyParty('credit', 'STATE PENSION', 'DWP State Pension', draft.otherIban());
  const amount = pence(random.between(600, 885));
  for (const day of draft.every(28, activeFrom + random.int(0, 27), last)) {
    ledger.add(day, amount, state, slot.main);
  }
  if (random.chance(0.6)) {
    const provider = random.pick(['Lakeside Pension Trustees', 'Harbour Annuities Ltd']);
    const party = counterpartyParty('credit', 'PENSION PAYMENT', provider, draft.otherIban());
    const monthly = pence(income * 0.6);
    for (const day of draft.monthly(1, activeFrom, last, 'next')) {
      ledger.add(day, monthly, party, slot.main);
    }
  }
}

/** Invoices paid into the business account, monthly drawings to the main one, and quarterly VAT. */
export function bookBusinessIncome(draft: CustomerDraft, income: number): void {
  const { random, ledger, activeFrom, last } = draft;
  const clients = [0, 1, 2, 3].map(() => ({ name: random.pick(companyNames), iban: draft.otherIban() }));
  const months = (last - activeFrom + 1) / (daysPerYear / 12);
  const invoices = Math.round(months * random.between(0.8, 1.6));
  for (let k = 0; k < invoices; k++) {
    const client = random.pick(clients);
    const party = counterpartyParty('credit', `INVOICE ${random.int(1000, 9999)}`, client.name, client.iban);
    ledger.add(random.int(activeFrom, last), pence(random.logNormal(income, 0.6)), party, slot.business);
  }
  const drawings = pence(random.int(15, 45) * 100);
  const out: Party = {
    kind: 'own',
    direction: 'debit',
    description: 'DRAWINGS',
    counterpartyAccount: draft.iban(slot.main),
  };
  const into: Party = {
    kind: 'own',
    direction: 'credit',
    description: 'FROM BUSINESS ACCOUNT',
    counterpartyAccount: draft.iban(slot.business),
  };
  for (const day of draft.monthly(28, activeFrom, last, 'previous')) {
    ledger.add(day, drawings, out, slot.business);
    ledger.add(day, drawings, into, slot.main);
  }
  const vat = counterpartyParty('debit', 'HMRC VAT', 'HMRC VAT', draft.otherIban());
  for (const day of draft.monthly(7, activeFrom, last, 'next')) {
    const month = monthOf(draft, day);
    if (month % 3 === 0) ledger.add(day, pence(random.logNormal(income * 0.4, 0.5)), vat, slot.business);
  }
}

/** Money from home for a student; housekeeping paid to a relative for anyone else. */
export function bookFamilySupport(draft: CustomerDraft, persona: Persona, familyName: string): void {
  const { random, ledger, activeFrom, last } = draft;
  const relative = `${random.pick(givenNames)} ${familyName}`;
  const party =
    persona.code === 'student'
      ? counterpartyParty(
          'credit',
          random.pick(['ALLOWANCE', 'MONEY FOR BILLS', 'FROM HOME']),
          relative,
          draft.otherIban(),
        )
      : counterpartyParty('debit', 'HOUSEKEEPING', relative, draft.otherIban());
  const amount = pence(random.int(5, 40) * 10);
  for (const day of draft.monthly(random.int(1, 28), activeFrom, last, 'none')) {
    ledger.add(day, amount, party, slot.main);
  }
}

export function bookHousing(
  draft: CustomerDraft,
  persona: Persona,
  housing: Housing,
  plan: HousingPlan,
  monthlyMeans: number,
  familyName: string,
): void {
  const { random, ledger, activeFrom, last } = draft;
  if (housing === 'rent') {
    const tenancy = (from: number, to: number): void => {
      const owner = landlord(draft);
      const party = counterpartyParty(
        'debit',
        random.pick(['RENT', 'RENT PAYMENT', 'STANDING ORDER RENT']),
        owner.name,
        owner.iban,
      );
      const dayOfMonth = random.chance(0.6) ? 1 : random.int(2, 28);
      const reviewMonth = random.int(0, 11);
      const share = monthlyMeans * random.between(0.3, 0.48);
      let amount = Math.round(Math.min(persona.rent[1], Math.max(persona.rent[0], share)) / 5) * 5;
      for (const day of draft.monthly(dayOfMonth, from, to - 1, 'next')) {
        if (
          draft.calendar.monthOfYear[day - draft.calendar.first] === reviewMonth &&
          day > activeFrom + 200
        ) {
          amount = Math.round((amount * random.between(1, 1.06)) / 5) * 5;
        }
        ledger.add(day, pence(amount), party, slot.main);
      }
    };
    const moveDay = plan.rentalMoveDay;
    if (moveDay === undefined) {
      tenancy(activeFrom, plan.rentUntil);
    } else {
      tenancy(activeFrom, moveDay);
      tenancy(moveDay, plan.rentUntil);
    }
  } else if (housing === 'mortgage') {
    const party = bankParty('debit', 'MORTGAGE REPAYMENT');
    const share = monthlyMeans * random.between(0.2, 0.38);
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
    for (const day of draft.monthly(random.int(1, 28), activeFrom, last, 'none')) {
      ledger.add(day, amount, party, slot.main);
    }
  }
  if (plan.mortgageFrom !== undefined && plan.mortgagePaymentMinor !== undefined) {
    const party = bankParty('debit', 'MORTGAGE REPAYMENT');
    const dayOfMonth = Math.min(28, civilFromDay(plan.mortgageFrom).day);
    for (const day of draft.monthly(dayOfMonth, plan.mortgageFrom, last, 'next')) {
      ledger.add(day, plan.mortgagePaymentMinor, party, slot.main);
    }
  }
}

/** Interest on savings, overdraft charges, annual premiums of insurance held at the bank. */
export function bookBankCharges(draft: CustomerDraft): void {
  const { random, ledger, activeFrom, last, calendar } = draft;
  if (draft.has(slot.savings)) {
    const party = bankParty('credit', 'INTEREST PAID');
    const level = random.logNormal(8, 0.9);
    for (const day of draft.monthly(31, activeFrom, last, 'previous')) {
      const month = calendar.monthOfYear[day - calendar.first]!;
      if (month % 3 === 2) ledger.add(day, pence(level * random.between(0.8, 1.2)), party, slot.savings);
    }
  }
  if (draft.holds('overdraft', last)) {
    const party = bankParty('debit', random.pick(['OVERDRAFT INTEREST', 'UNARRANGED OVERDRAFT FEE']));
    const charges = random.int(0, 4);
    for (let k = 0; k < charges; k++) {
      ledger.add(random.int(activeFrom, last), pence(random.between(1, 25)), party, slot.main);
    }
  }
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
