// The realistic bank's life events: hazards by persona, effects on spending before and after, with individual strength.
import { daysPerYear } from './calendar.ts';
import { type CustomerDraft, pence, slot } from './draft.ts';
import { counterpartyParty, type Party } from './ledger.ts';
import { merchantsByCategory, type MerchantCategory } from './merchants.ts';
import { personName } from './names.ts';
import type { Persona } from './personas.ts';
import type { Region } from './regions.ts';
import type { LifeEventType, PersonaCode } from './types.ts';

/** Events may fall this many days after the history: the truth then holds what the customer will do. */
export const futureDays = 180;

/** A change of a category's spending over a window of days: a factor on its rate, or extra payments a month. */
export interface SpendEffect {
  readonly category: MerchantCategory;
  readonly from: number;
  readonly to: number;
  readonly factor?: number;
  readonly perMonth?: number;
}

/** What the events change besides spending: the main generator books income and housing from it. */
export interface LifePlan {
  readonly effects: SpendEffect[];
  /** Rent is paid up to (excluding) this day. */
  rentUntil: number;
  rentalMoveDay?: number;
  rentFactor?: number;
  mortgageFrom?: number;
  mortgagePaymentMinor?: number;
  /** The purchase's mortgage is at another lender: a direct debit to it. */
  mortgageElsewhere?: boolean;
  purchaseDay?: number;
  babyDay?: number;
  carDay?: number;
  /** Car finance at this bank, from the purchase. */
  carLoanHere?: boolean;
  jobDay?: number;
  jobGapDays?: number;
  salaryFactor?: number;
  retirementDay?: number;
  studyDay?: number;
  /** Children at the start (the family persona): child benefit every four weeks. */
  childBenefit?: boolean;
  /** Whether the customer drives at the start, and from when otherwise (a new car). */
  drivesFrom: number;
}

type Hazards = Readonly<Record<PersonaCode, number>>;

/** Per customer per year (docs/generator.md, "Life events"). */
const hazards: Readonly<
  Record<
    | Exclude<LifeEventType, 'home_inspection' | 'mortgage_application' | 'home_search' | 'move'>
    | 'rental_move',
    Hazards
  >
> = {
  home_purchase: {
    student: 0,
    young_renter: 0.05,
    first_time_buyer: 0.3,
    family: 0.06,
    retiree: 0.01,
    small_business_owner: 0.05,
  },
  rental_move: {
    student: 0.3,
    young_renter: 0.15,
    first_time_buyer: 0.05,
    family: 0.05,
    retiree: 0.02,
    small_business_owner: 0.05,
  },
  new_baby: {
    student: 0.003,
    young_renter: 0.03,
    first_time_buyer: 0.06,
    family: 0.06,
    retiree: 0,
    small_business_owner: 0.02,
  },
  new_car: {
    student: 0.01,
    young_renter: 0.05,
    first_time_buyer: 0.05,
    family: 0.09,
    retiree: 0.04,
    small_business_owner: 0.1,
  },
  new_job: {
    student: 0.1,
    young_renter: 0.2,
    first_time_buyer: 0.15,
    family: 0.1,
    retiree: 0,
    small_business_owner: 0,
  },
  retirement: {
    student: 0,
    young_renter: 0,
    first_time_buyer: 0,
    family: 0,
    retiree: 0.12,
    small_business_owner: 0.02,
  },
  study: {
    student: 0.35,
    young_renter: 0.03,
    first_time_buyer: 0.01,
    family: 0.01,
    retiree: 0,
    small_business_owner: 0,
  },
};

export interface CausalOptions {
  readonly persona: Persona;
  readonly region: Region;
  readonly renting: boolean;
  /** Age in years at the end of the history. */
  readonly ageAtEnd: number;
  readonly monthlyMeans: number;
  readonly drives: boolean;
}

/** Plans the customer's life events and books their one-off payments; the rest follows from the plan. */
export function planCausalEvents(draft: CustomerDraft, options: CausalOptions): LifePlan {
  const { persona, ageAtEnd } = options;
  const plan: LifePlan = {
    effects: [],
    rentUntil: Infinity,
    drivesFrom: options.drives ? -Infinity : Infinity,
  };
  const code = persona.code;
  if (options.renting) {
    const purchase = eventDay(draft, hazards.home_purchase[code]);
    if (purchase !== undefined) homePurchase(draft, plan, purchase, options.monthlyMeans);
    else if (draft.random.chance(fallThroughOdds(draft, hazards.home_purchase[code])))
      homeSearch(draft, plan);
    const move = eventDay(draft, hazards.rental_move[code]);
    if (move !== undefined && move < (plan.purchaseDay ?? Infinity) - 150) rentalMove(draft, plan, move);
  }
  const baby = eventDay(draft, hazards.new_baby[code]);
  if (baby !== undefined) newBaby(draft, plan, baby);
  const car = eventDay(draft, hazards.new_car[code] * options.region.car);
  if (car !== undefined) newCar(draft, plan, car, options.drives);
  if (persona.income === 'salary' || code === 'student') {
    const job = eventDay(draft, hazards.new_job[code]);
    if (job !== undefined) newJob(draft, plan, job);
  }
  const retires = code === 'retiree' ? ageAtEnd <= 68 : code === 'small_business_owner' && ageAtEnd >= 58;
  if (retires) {
    const day = eventDay(draft, hazards.retirement[code]);
    if (day !== undefined) retirement(draft, plan, day);
  }
  const studies = code === 'student' ? ageAtEnd <= 19 : persona.income === 'salary';
  if (studies) {
    const day = eventDay(draft, hazards.study[code]);
    if (day !== undefined) study(draft, plan, day);
  }
  return plan;
}

/**
 * The chance that a renter who buys nothing has a search that falls through, such that 30 % of searches (a
 * survey paid) fall through: fall-throughs = 0.3 / 0.7 × the purchases with a survey (0.65 of them).
 */
function fallThroughOdds(draft: CustomerDraft, purchasePerYear: number): number {
  const years = (draft.last + futureDays - draft.activeFrom - 29) / daysPerYear;
  const buys = 1 - Math.exp(-purchasePerYear * Math.max(0, years));
  return buys >= 1 ? 0 : Math.min(1, ((0.3 / 0.7) * 0.65 * buys) / (1 - buys));
}

/** The day of an event with `perYear` hazard over the active history and the days after it; at most one. */
function eventDay(draft: CustomerDraft, perYear: number): number | undefined {
  const from = draft.activeFrom + 30;
  const to = draft.last + futureDays;
  if (perYear <= 0 || from > to) return undefined;
  const years = (to - from + 1) / daysPerYear;
  if (!draft.random.chance(1 - Math.exp(-perYear * years))) return undefined;
  return draft.random.int(from, to);
}

/** This customer's strength of an effect: the stated factor raised to a log-normal power around 1. */
function strength(draft: CustomerDraft, factor: number): number {
  return factor ** draft.random.logNormal(1, 0.5);
}

function effect(
  draft: CustomerDraft,
  plan: LifePlan,
  category: MerchantCategory,
  from: number,
  to: number,
  change: { factor?: number; perMonth?: number },
): void {
  if (change.factor !== undefined) {
    plan.effects.push({ category, from, to, factor: strength(draft, change.factor) });
  } else if (change.perMonth !== undefined) {
    plan.effects.push({ category, from, to, perMonth: change.perMonth * draft.random.logNormal(1, 0.5) });
  }
}

/** A payment that happens only inside the history. */
function payInHistory(
  draft: CustomerDraft,
  category: MerchantCategory,
  day: number,
  amountMinor: number,
): void {
  if (day < draft.activeFrom || day > draft.last) return;
  draft.pay(draft.random.pick(merchantsByCategory[category]), day, amountMinor, 'CARD PAYMENT');
}

function homePurchase(draft: CustomerDraft, plan: LifePlan, completion: number, monthlyMeans: number): void {
  const { random } = draft;
  const surveyed = random.chance(0.65);
  if (surveyed) {
    const day = completion - random.int(30, 120);
    payInHistory(draft, 'home_inspection', day, pence(random.int(60, 140) * 5));
  }
  if (random.chance(0.8))
    payInHistory(draft, 'conveyancing', completion - random.int(3, 20), pence(random.int(900, 1900)));
  effect(draft, plan, 'furniture', completion - 120, completion - 30, { factor: 1.5 });
  const loan = pence(Math.round((monthlyMeans * 16 * random.between(4, 4.5)) / 1000) * 1000);
  const deposit = pence(random.int(10, 60) * 1000);
  const here = random.chance(0.55);
  draft.event('home_purchase', completion, { surveyed, mortgageHere: here });
  plan.purchaseDay = completion;
  // A deposit is paid from savings here; without them, from savings at another bank (not in this bank's data).
  if (draft.has(slot.savings) && completion >= draft.activeFrom && completion <= draft.last) {
    const from = slot.savings;
    const party = counterpartyParty('debit', 'HOUSE PURCHASE DEPOSIT', 'Client Account', draft.otherIban());
    draft.ledger.add(completion - random.int(1, 5), deposit, party, from);
  }
  plan.mortgageFrom = completion + random.int(25, 35);
  plan.mortgagePaymentMinor = Math.round(loan * random.between(0.0052, 0.0064));
  plan.mortgageElsewhere = !here;
  const moveDay = completion + random.int(0, 21);
  plan.rentUntil = moveDay;
  draft.event('move', moveDay, { reason: 'home_purchase' });
  if (random.chance(0.6))
    payInHistory(draft, 'removals', moveDay - random.int(0, 3), pence(random.int(350, 1800)));
  effect(draft, plan, 'furniture', moveDay, moveDay + 120, { factor: 6 });
  effect(draft, plan, 'home_improvement', moveDay, moveDay + 120, { factor: 4 });
}

/** A survey paid, and no purchase: the search fell through. */
function homeSearch(draft: CustomerDraft, plan: LifePlan): void {
  const day = draft.random.int(draft.activeFrom + 30, draft.last + futureDays);
  draft.event('home_search', day, { outcome: 'fell_through' });
  payInHistory(draft, 'home_inspection', day, pence(draft.random.int(60, 140) * 5));
  effect(draft, plan, 'furniture', day - 60, day, { factor: 1.3 });
}

function rentalMove(draft: CustomerDraft, plan: LifePlan, day: number): void {
  const { random } = draft;
  plan.rentalMoveDay = day;
  plan.rentFactor = random.between(0.9, 1.25);
  draft.event('move', day, { reason: 'rental' });
  if (random.chance(0.5))
    payInHistory(draft, 'removals', day - random.int(0, 2), pence(random.int(180, 900)));
  effect(draft, plan, 'furniture', day - 30, day, { factor: 1.5 });
  effect(draft, plan, 'furniture', day, day + 60, { factor: 2 });
  effect(draft, plan, 'home_improvement', day, day + 60, { factor: 2 });
}

function newBaby(draft: CustomerDraft, plan: LifePlan, birth: number): void {
  plan.babyDay = birth;
  draft.event('new_baby', birth);
  effect(draft, plan, 'baby', birth - 150, birth, { perMonth: 2.5 });
  effect(draft, plan, 'pharmacy', birth - 150, birth, { factor: 1.3 });
  effect(draft, plan, 'baby', birth, birth + 365, { perMonth: 3 });
  effect(draft, plan, 'groceries', birth, birth + 365, { factor: 1.2 });
  effect(draft, plan, 'pharmacy', birth, birth + 365, { factor: 1.5 });
  effect(draft, plan, 'pubs', birth, birth + 365, { factor: 0.4 });
  effect(draft, plan, 'dining', birth, birth + 365, { factor: 0.6 });
  effect(draft, plan, 'air_travel', birth, birth + 365, { factor: 0.5 });
}

function newCar(draft: CustomerDraft, plan: LifePlan, day: number, drove: boolean): void {
  const { random } = draft;
  plan.carDay = day;
  plan.drivesFrom = Math.min(plan.drivesFrom, day);
  const r = random.next();
  const paid = r < 0.45 ? 'dealer' : r < 0.7 ? 'private_seller' : 'elsewhere';
  plan.carLoanHere = random.chance(0.25);
  draft.event('new_car', day, { paid, financedHere: plan.carLoanHere });
  if (paid === 'dealer') {
    const amount = plan.carLoanHere
      ? random.int(10, 40) * 100
      : Math.round(random.logNormal(12_000, 0.45) / 50) * 50;
    payInHistory(draft, 'car_dealer', day, pence(amount));
  } else if (paid === 'private_seller' && day >= draft.activeFrom && day <= draft.last) {
    const seller: Party = counterpartyParty(
      'debit',
      random.pick(['CAR', 'FOR THE CAR', 'VEHICLE PURCHASE']),
      personName(random),
      draft.otherIban(),
    );
    draft.ledger.add(day, pence(Math.round(random.logNormal(6_000, 0.5) / 50) * 50), seller, slot.main);
  }
  const growth = drove ? 1.6 : 3;
  effect(draft, plan, 'fuel', day, day + 730, { factor: growth });
  effect(draft, plan, 'parking', day, day + 730, { factor: 1.5 });
}

function newJob(draft: CustomerDraft, plan: LifePlan, day: number): void {
  const { random } = draft;
  plan.jobDay = day;
  plan.jobGapDays = random.int(0, 30);
  plan.salaryFactor = random.between(1, 1.3);
  draft.event('new_job', day, {});
  effect(draft, plan, 'dining', day, day + 60, { factor: 1.3 });
  effect(draft, plan, 'clothing', day, day + 60, { factor: 1.5 });
  effect(draft, plan, 'transport', day, day + 730, { factor: random.between(0.6, 1.6) });
}

function retirement(draft: CustomerDraft, plan: LifePlan, day: number): void {
  plan.retirementDay = day;
  draft.event('retirement', day, {});
  effect(draft, plan, 'transport', day, day + 730, { factor: 0.6 });
  effect(draft, plan, 'groceries', day, day + 730, { factor: 1.1 });
  effect(draft, plan, 'air_travel', day, day + 365, { factor: 1.8 });
  effect(draft, plan, 'hotels', day, day + 365, { factor: 1.8 });
}

function study(draft: CustomerDraft, plan: LifePlan, day: number): void {
  plan.studyDay = day;
  draft.event('study', day, {});
  effect(draft, plan, 'electronics', day - 30, day, { factor: 2 });
  effect(draft, plan, 'furniture', day - 30, day, { factor: 1.5 });
  effect(draft, plan, 'pubs', day, day + 730, { factor: 1.5 });
  effect(draft, plan, 'fast_food', day, day + 730, { factor: 1.5 });
  effect(draft, plan, 'groceries', day, day + 730, { factor: 0.8 });
}
