// Income as the plan has it: salaries that follow jobs, pensions from retirement, student finance, business, benefits.
import { daysPerYear } from './calendar.ts';
import type { LifePlan } from './causal-events.ts';
import { type CustomerDraft, pence, slot } from './draft.ts';
import { counterpartyParty, type Party } from './ledger.ts';
import { companyNames, givenNames } from './names.ts';
import type { Persona } from './personas.ts';

const childBenefitMinor = 10_240;

export function shortCompanyName(name: string): string {
  return name.toUpperCase().replace(/ (LTD|PLC)$/, '');
}

function monthOf(draft: CustomerDraft, day: number): number {
  return draft.calendar.monthOfYear[day - draft.calendar.first]!;
}

/**
 * Salary, pension, student finance or business income, family support and child benefit. The thin bank's
 * plan has no job change, retirement, study or baby, so its draws are the earlier bank's.
 */
export function bookIncome(
  draft: CustomerDraft,
  persona: Persona,
  plan: LifePlan,
  income: number,
  familyName: string,
): void {
  const { random, activeFrom, last } = draft;
  switch (persona.income) {
    case 'salary': {
      const employer = random.pick(companyNames);
      if (plan.jobDay === undefined) salary(draft, employer, income, activeFrom, last + 1);
      else {
        salary(draft, employer, income, activeFrom, plan.jobDay);
        const next = random.pick(companyNames);
        const from = plan.jobDay + (plan.jobGapDays ?? 0);
        salary(draft, next, income * (plan.salaryFactor ?? 1), from, last + 1);
      }
      break;
    }
    case 'student': {
      const studying = plan.studyDay ?? (random.chance(0.85) ? activeFrom : Infinity);
      if (studying <= last) studentFinance(draft, income, studying);
      if (random.chance(0.5)) {
        const employer = random.pick(companyNames);
        const partTime = random.between(250, 900);
        salary(draft, employer, partTime, activeFrom, plan.jobDay ?? last + 1);
        if (plan.jobDay !== undefined)
          salary(draft, random.pick(companyNames), partTime * 1.2, plan.jobDay, last + 1);
      }
      break;
    }
    case 'pension': {
      const retired = plan.retirementDay ?? activeFrom;
      if (retired > activeFrom) salary(draft, random.pick(companyNames), income * 1.4, activeFrom, retired);
      pension(draft, income, Math.max(activeFrom, retired));
      break;
    }
    case 'business':
      businessIncome(draft, income);
      if (plan.retirementDay !== undefined && plan.retirementDay <= last)
        pension(draft, income * 0.5, plan.retirementDay);
      break;
  }
  if (random.chance(persona.familySupport)) familySupport(draft, persona, familyName);
  // Children already (a family) or from a birth: child benefit every four weeks.
  const benefitFrom =
    plan.childBenefit === true
      ? activeFrom + random.int(0, 27)
      : plan.babyDay !== undefined
        ? plan.babyDay + random.int(21, 49)
        : undefined;
  if (benefitFrom !== undefined) {
    const benefit = counterpartyParty('credit', 'CHILD BENEFIT', 'HMRC Child Benefit', draft.otherIban());
    for (const day of draft.every(28, benefitFrom, last)) {
      draft.ledger.add(day, childBenefitMinor, benefit, slot.main);
    }
  }
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
    const monthly = pence(income * 0.6);
    for (const day of draft.monthly(1, from, last, 'next')) ledger.add(day, monthly, party, slot.main);
  }
}

/** Student finance three times a year (January, April, September) from `from`. */
function studentFinance(draft: CustomerDraft, instalment: number, from: number): void {
  const party = counterpartyParty(
    'credit',
    'SLC STUDENT FINANCE',
    'Student Loans Company',
    draft.otherIban(),
  );
  const amount = pence(instalment);
  for (const day of draft.monthly(draft.random.int(15, 24), from, draft.last, 'next')) {
    const month = monthOf(draft, day);
    if (month === 0 || month === 3 || month === 8) draft.ledger.add(day, amount, party, slot.main);
  }
}

/** Invoices paid into the business account, monthly drawings to the main one, and quarterly VAT. */
function businessIncome(draft: CustomerDraft, income: number): void {
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
function familySupport(draft: CustomerDraft, persona: Persona, familyName: string): void {
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
