// Product take-up by stated probabilities: base rates per 90 days times causal strengths (docs/generator.md).
import type { ProductCode } from '../../core/products.ts';
import type { BalanceRun } from './balances.ts';
import { futureDays, type LifePlan } from './causal-events.ts';
import { type CustomerDraft, pence, slot } from './draft.ts';
import { bankParty } from './ledger.ts';
import type { Persona } from './personas.ts';
import type { Region } from './regions.ts';
import type { SpendingHabits } from './spending.ts';

/** Base rate of take-up per 90 days for a customer who does not hold the product. */
export const baseRates: Readonly<Partial<Record<ProductCode, number>>> = {
  home_insurance: 0.01,
  car_loan: 0.008,
  personal_loan: 0.015,
  credit_card: 0.02,
  savings: 0.03,
  investment: 0.01,
  life_insurance: 0.007,
  travel_insurance: 0.02,
  pension: 0.008,
  overdraft: 0.02,
};

const hazardCap = 0.6;
/** Monthly net income below and above which a customer is in the bottom or top third. */
const bottomThird = 1_700;
const topThird = 3_000;

export interface TakeUpContext {
  readonly persona: Persona;
  readonly region: Region;
  readonly plan: LifePlan;
  readonly monthlyMeans: number;
  readonly ageAtEnd: number;
  readonly renting: boolean;
  readonly habits: SpendingHabits;
  readonly balances: BalanceRun;
}

export interface TakeUp {
  readonly product: ProductCode;
  readonly day: number;
  readonly causes: readonly string[];
}

function within(event: number | undefined, day: number, days: number): boolean {
  return event !== undefined && event <= day && day - event < days;
}

/** What the take-up model reads of a customer on one day. */
interface Situation {
  readonly day: number;
  readonly monthIndex: number;
  readonly age: number;
  readonly bottom: boolean;
  readonly top: boolean;
}

/** A rate ratio that applies; its name is a cause when it raises the rate. */
function cause(name: string, factor: number, causes: string[] | undefined): number {
  if (causes !== undefined && factor > 1) causes.push(name);
  return factor;
}

/**
 * The product of the rate ratios that apply to `product` in situation `s`; with `causes`, also the names of
 * those above 1. Written without closures: it runs for every product and month of every customer.
 */
function ratio(
  draft: CustomerDraft,
  product: ProductCode,
  s: Situation,
  c: TakeUpContext,
  causes?: string[],
): number {
  const { plan, balances } = c;
  const { day, monthIndex } = s;
  let r = 1;
  switch (product) {
    case 'home_insurance':
      if (within(plan.purchaseDay, day, 90)) r *= cause('home_purchase', 12, causes);
      if (draft.holds('mortgage', day)) r *= cause('holds_mortgage', 1.5, causes);
      if (c.renting && plan.purchaseDay === undefined) r *= cause('renting', 0.4, causes);
      break;
    case 'car_loan':
      if (s.top) r *= cause('top_income', 0.8, causes);
      break;
    case 'personal_loan': {
      let recent = 0;
      for (let k = 1; k <= 3; k++) recent += balances.overdrawn[Math.max(0, monthIndex - k)]!;
      if (s.bottom) r *= cause('bottom_income', 1.5, causes);
      if (recent >= 2) r *= cause('overdrawn', 2, causes);
      if (within(plan.jobDay, day, 180)) r *= cause('new_job', 1.5, causes);
      if (draft.holds('credit_card', day)) r *= cause('holds_credit_card', 0.8, causes);
      break;
    }
    case 'credit_card':
      if (within(plan.jobDay, day, 180)) r *= cause('new_job', 2, causes);
      if (s.top) r *= cause('top_income', 1.3, causes);
      if (c.persona.code === 'student') r *= cause('student', 0.3, causes);
      break;
    case 'savings':
      if (within(plan.babyDay, day, 365)) r *= cause('new_baby', 2, causes);
      if (s.top) r *= cause('top_income', 1.5, causes);
      if (balances.flush[Math.max(0, monthIndex - 1)] === 1) r *= cause('flush', 1.5, causes);
      break;
    case 'investment':
      if (draft.holds('savings', day)) r *= cause('holds_savings', 1.8, causes);
      if (s.top) r *= cause('top_income', 2, causes);
      if (s.bottom) r *= cause('bottom_income', 0.3, causes);
      if (within(plan.retirementDay, day, 365)) r *= cause('retirement', 2.5, causes);
      break;
    case 'life_insurance':
      if (within(plan.babyDay, day, 365)) r *= cause('new_baby', 6, causes);
      if (within(plan.purchaseDay, day, 180)) r *= cause('home_purchase', 3, causes);
      if (s.age > 60) r *= cause('over_60', 0.5, causes);
      break;
    case 'travel_insurance': {
      const travel = c.habits.travelByMonth;
      let trips = 0;
      for (let k = 0; k <= 2; k++) trips += travel[Math.max(0, monthIndex - k)] ?? 0;
      if (trips > 0) r *= cause('travels', 3, causes);
      if (within(plan.retirementDay, day, 365)) r *= cause('retirement', 2, causes);
      break;
    }
    case 'pension':
      if (within(plan.jobDay, day, 180)) r *= cause('new_job', 3, causes);
      if (c.persona.code === 'small_business_owner') r *= cause('business_owner', 1.5, causes);
      if (s.age > 60) r *= cause('over_60', 0.3, causes);
      break;
    case 'overdraft':
      if (within(plan.studyDay, day, 90)) r *= cause('study', 8, causes);
      if (balances.overdrawn[Math.max(0, monthIndex - 1)] === 1) r *= cause('overdrawn', 3, causes);
      if (s.bottom) r *= cause('bottom_income', 1.5, causes);
      break;
    default:
      break;
  }
  return r;
}

function situation(draft: CustomerDraft, day: number, c: TakeUpContext): Situation {
  const { calendar, last } = draft;
  return {
    day,
    monthIndex:
      day > last ? calendar.months.length - 1 : calendar.monthIndex[Math.max(0, day - calendar.first)]!,
    age: c.ageAtEnd - (last - day) / 365.25,
    bottom: c.monthlyMeans < bottomThird,
    top: c.monthlyMeans > topThird,
  };
}

/** Draws take-up month by month (30-day steps) over the history and the 180 days after it; holds each. */
export function drawTakeUps(draft: CustomerDraft, c: TakeUpContext): TakeUp[] {
  const { random, activeFrom, last } = draft;
  const takeUps: TakeUp[] = [];
  const { plan } = c;
  if (plan.purchaseDay !== undefined && !plan.mortgageElsewhere) {
    takeUps.push({ product: 'mortgage', day: plan.purchaseDay, causes: ['home_purchase'] });
  }
  if (plan.carLoanHere && plan.carDay !== undefined)
    takeUps.push({ product: 'car_loan', day: plan.carDay, causes: ['new_car'] });
  for (const t of takeUps) draft.hold(t.product, t.day);
  const products = Object.keys(baseRates) as ProductCode[];
  for (let step = activeFrom; step <= last + futureDays - 30; step += 30) {
    const s = situation(draft, step, c);
    for (const product of products) {
      if (draft.holds(product, step)) continue;
      const hazard = baseRates[product]! * (c.region.takeUp[product] ?? 1) * ratio(draft, product, s, c);
      const monthly = 1 - (1 - Math.min(hazardCap, hazard)) ** (1 / 3);
      if (random.next() >= monthly) continue;
      const day = step + random.int(0, 29);
      // Held on the drawn day already: a take-up planned by a life event (a financed car) fell on it.
      if (draft.holds(product, day)) continue;
      const causes: string[] = [];
      ratio(draft, product, s, c, causes);
      draft.hold(product, day);
      takeUps.push({ product, day, causes });
    }
  }
  takeUps.sort((a, b) => a.day - b.day);
  return takeUps;
}

/** The payments of what was taken up within the history: loans advanced and repaid, premiums, contributions. */
export function bookTakeUpPayments(draft: CustomerDraft, takeUps: readonly TakeUp[]): void {
  const { random, ledger, last } = draft;
  for (const t of takeUps) {
    if (t.day > last) continue;
    const monthlyFrom = t.day + random.int(20, 35);
    const monthly = (description: string, amountMinor: number): void => {
      const party = bankParty('debit', description);
      for (const day of draft.monthly(random.int(1, 28), monthlyFrom, last, 'next'))
        ledger.add(day, amountMinor, party, slot.main);
    };
    switch (t.product) {
      case 'personal_loan': {
        const principal = random.int(10, 150) * 100;
        ledger.add(t.day, pence(principal), bankParty('credit', 'LOAN ADVANCE'), slot.main);
        monthly('LOAN REPAYMENT', pence((principal / random.int(24, 60)) * 1.08));
        break;
      }
      case 'home_insurance':
      case 'life_insurance':
        monthly(`${t.product.replace('_', ' ').toUpperCase()} PREMIUM`, pence(random.between(12, 45)));
        break;
      case 'travel_insurance':
        ledger.add(
          t.day,
          pence(random.between(25, 140)),
          bankParty('debit', 'TRAVEL INSURANCE PREMIUM'),
          slot.main,
        );
        break;
      case 'investment':
        monthly('INVESTMENT CONTRIBUTION', pence(random.int(5, 50) * 10));
        break;
      case 'pension':
        monthly('PENSION CONTRIBUTION', pence(random.int(5, 40) * 10));
        break;
      default:
        break;
    }
  }
}
