// Who a customer is (persona, income, housing, age, when they joined) and the accounts and products held before.
import type { ProductCode } from '../../core/products.ts';
import { type Calendar, daysPerYear } from './calendar.ts';
import { type CustomerDraft, slot } from './draft.ts';
import { gbIban, ownAccountNumber, ownBankCode } from './iban.ts';
import { personas, recentInspectionNorm, type Housing, type Persona } from './personas.ts';
import type { Random } from './random.ts';
import type { GeneratedAccount } from './types.ts';

export const bankCurrency = 'GBP';

/** Sort codes of the demo bank's branches (the bank code already marks the IBANs as made up). */
const branchSortCodes: readonly number[] = [309_012, 309_034, 309_056, 309_078, 309_091];

export function pickPersona(random: Random): Persona {
  let r = random.next();
  for (const persona of personas) {
    r -= persona.share;
    if (r < 0) return persona;
  }
  return personas[personas.length - 1]!;
}

export function pickHousing(random: Random, weights: Persona['housing']): Housing {
  let r = random.next();
  let chosen: Housing = 'rent';
  for (const [housing, weight] of Object.entries(weights) as [Housing, number][]) {
    chosen = housing;
    r -= weight;
    if (r < 0) break;
  }
  return chosen;
}

/** Who a customer is: the first draws of the customer's random stream, which decide everything after. */
export interface Profile {
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

/**
 * The rest of a customer's profile once the stream and persona are drawn; `incomeLevel` multiplies the
 * income (a region's level; 1 for the thin bank, whose draws it leaves unchanged).
 */
export function drawProfile(
  calendar: Calendar,
  inspectionShare: number,
  random: Random,
  persona: Persona,
  incomeLevel = 1,
): Profile {
  const { first, last } = calendar;
  const income = random.between(persona.incomeRange[0], persona.incomeRange[1]) * incomeLevel;
  const monthlyMeans =
    income * (persona.income === 'student' ? 0.3 : persona.income === 'business' ? 1.2 : 1);

  const recentShare = (inspectionShare * persona.recentInspection) / recentInspectionNorm;
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
export function openAccounts(
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
export interface Loan {
  readonly product: ProductCode;
  readonly until: number;
}

/** The products the customer holds besides accounts: home, insurance and the persona's products. */
export function holdProducts(draft: CustomerDraft, profile: Profile): Loan[] {
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
