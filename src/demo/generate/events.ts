// Life events with ground truth: home search and purchase, moving, a new baby, a new car — and their payments.
import { type CustomerDraft, pence, slot } from './draft.ts';
import { gbIban } from './iban.ts';
import { bankParty, type Party } from './ledger.ts';
import { merchantsByCategory } from './merchants.ts';
import { lettingAgents, personName } from './names.ts';
import type { Persona } from './personas.ts';

/** How the events change where the customer lives: the main generator books rent and mortgage from this. */
export interface HousingPlan {
  /** Rent is paid up to (excluding) this day; Infinity while renting to the end. */
  rentUntil: number;
  /** A move to another rented home: rent changes landlord and amount on this day. */
  rentalMoveDay?: number;
  /** The first mortgage repayment of a purchase within the period. */
  mortgageFrom?: number;
  mortgagePaymentMinor?: number;
}

export interface EventOptions {
  readonly persona: Persona;
  readonly renting: boolean;
  /** Pays a home inspection within the 90 days up to the end of the period. */
  readonly recentInspection: boolean;
  /** Monthly net income in pounds: sizes the mortgage. */
  readonly monthlyMeans: number;
}

const day90 = 89;

const benefitIban = gbIban('FICT', 200_002, 10_000_001);

/** Plans and books the customer's life events; returns how housing payments change. */
export function planLifeEvents(draft: CustomerDraft, options: EventOptions): HousingPlan {
  const { random, last } = draft;
  const { persona } = options;
  const plan: HousingPlan = { rentUntil: Infinity };

  let searched = false;
  if (options.renting) {
    if (options.recentInspection) {
      const day = draft.dayBetween(last - day90, last);
      if (day !== undefined) searched = homeSearch(draft, plan, day, options.monthlyMeans);
    } else if (random.chance(persona.earlierInspection)) {
      const day = draft.dayBetween(draft.activeFrom + 30, last - 120);
      if (day !== undefined) searched = homeSearch(draft, plan, day, options.monthlyMeans);
    }
    if (!searched && random.chance(persona.rentalMove)) rentalMove(draft, plan);
  }
  if (random.chance(persona.newBaby)) newBaby(draft);
  if (random.chance(persona.newCar)) newCar(draft);
  return plan;
}

/** Inspection, then perhaps an application, then perhaps completion, a move and a new home to furnish. */
function homeSearch(
  draft: CustomerDraft,
  plan: HousingPlan,
  inspectionDay: number,
  monthlyMeans: number,
): boolean {
  const { random, last } = draft;
  const inspector = random.pick(merchantsByCategory.home_inspection);
  const fee = pence(random.int(60, 140) * 5);
  draft.pay(inspector, inspectionDay, fee, random.chance(0.6) ? 'ONLINE PAYMENT' : 'CARD PAYMENT');
  draft.event('home_inspection', inspectionDay, { amountMinor: fee });

  if (!random.chance(0.85)) return true;
  const applicationDay = inspectionDay + random.int(14, 56);
  if (applicationDay > last) return true;
  const approved = random.chance(0.8);
  const completionDay = applicationDay + random.int(28, 70);
  const outcome = !approved ? 'declined' : completionDay > last ? 'approved' : 'completed';
  draft.event('mortgage_application', applicationDay, { outcome });
  if (outcome !== 'completed') return true;

  // Lenders lend about 4–4.5 times gross income; net is about three quarters of gross.
  const loan = pence(Math.round((monthlyMeans * 16 * random.between(4, 4.5)) / 1000) * 1000);
  const deposit = pence(random.int(10, 60) * 1000);
  draft.event('home_purchase', completionDay, { mortgageMinor: loan, depositMinor: deposit });
  draft.hold('mortgage', completionDay);
  if (random.chance(0.75)) draft.hold('home_insurance', completionDay);
  const lawyer = random.pick(merchantsByCategory.conveyancing);
  draft.pay(lawyer, completionDay - random.int(3, 20), pence(random.int(900, 1900)), 'ONLINE PAYMENT');
  const depositParty: Party = {
    kind: 'counterparty',
    direction: 'debit',
    description: 'HOUSE PURCHASE DEPOSIT',
    counterpartyName: `${lawyer.name} Client Account`,
    counterpartyAccount: draft.otherIban(),
  };
  const from = draft.has(slot.savings) ? slot.savings : slot.main;
  draft.ledger.add(completionDay - random.int(1, 5), deposit, depositParty, from);
  plan.mortgageFrom = completionDay + random.int(25, 35);
  plan.mortgagePaymentMinor = Math.round(loan * random.between(0.0052, 0.0064));

  const moveDay = completionDay + random.int(0, 21);
  if (moveDay <= last) {
    plan.rentUntil = moveDay;
    draft.event('move', moveDay, { reason: 'home_purchase' });
    if (random.chance(0.75)) {
      draft.pay(
        draft.merchant('removals'),
        moveDay - random.int(0, 3),
        pence(random.int(350, 1800)),
        'CARD PAYMENT',
      );
    }
    const furniture = random.int(1, 4);
    for (let k = 0; k < furniture; k++) {
      const day = draft.dayBetween(moveDay, moveDay + 90);
      if (day !== undefined) {
        draft.pay(draft.merchant('furniture'), day, pence(random.logNormal(350, 0.7)), 'CARD PAYMENT');
      }
    }
    const diy = random.int(2, 5);
    for (let k = 0; k < diy; k++) {
      const day = draft.dayBetween(moveDay, moveDay + 180);
      if (day !== undefined) {
        draft.pay(draft.merchant('home_improvement'), day, pence(random.logNormal(85, 0.8)), 'CARD PAYMENT');
      }
    }
  }
  return true;
}

function rentalMove(draft: CustomerDraft, plan: HousingPlan): void {
  const { random } = draft;
  const day = draft.dayBetween(draft.activeFrom + 60, draft.last - 10);
  if (day === undefined) return;
  plan.rentalMoveDay = day;
  draft.event('move', day, { reason: 'rental' });
  if (random.chance(0.6)) {
    draft.pay(
      draft.merchant('removals'),
      day - random.int(0, 2),
      pence(random.int(180, 900)),
      'CARD PAYMENT',
    );
  }
}

function newBaby(draft: CustomerDraft): void {
  const { random, last } = draft;
  const birth = draft.dayBetween(draft.activeFrom + 30, last - 10);
  if (birth === undefined) return;
  draft.event('new_baby', birth);
  const shopping = random.int(3, 7);
  for (let k = 0; k < shopping; k++) {
    const day = draft.dayBetween(birth - 100, birth + 120);
    if (day !== undefined) {
      draft.pay(draft.merchant('baby'), day, pence(random.logNormal(60, 0.8)), 'CARD PAYMENT');
    }
  }
  const pharmacy = random.int(2, 5);
  for (let k = 0; k < pharmacy; k++) {
    const day = draft.dayBetween(birth, birth + 120);
    if (day !== undefined) {
      draft.pay(draft.merchant('pharmacy'), day, pence(random.logNormal(14, 0.5)), 'CONTACTLESS');
    }
  }
  const benefit: Party = {
    kind: 'counterparty',
    direction: 'credit',
    description: 'CHILD BENEFIT',
    counterpartyName: 'HMRC Child Benefit',
    counterpartyAccount: benefitIban,
  };
  for (const day of draft.every(28, birth + random.int(21, 49), last)) {
    draft.ledger.add(day, 10240, benefit, slot.main);
  }
  const nurseryFrom = birth + random.int(180, 400);
  if (nurseryFrom <= last) {
    const nursery = random.pick(merchantsByCategory.childcare);
    const fee = pence(random.int(130, 270) * 5);
    for (const day of draft.monthly(random.int(1, 5), nurseryFrom, last, 'next')) {
      draft.pay(nursery, day, fee, 'DIRECT DEBIT');
    }
  }
  if (random.chance(0.35)) {
    const since = birth + random.int(30, 150);
    if (since <= last) draft.hold('life_insurance', since);
  }
}

function newCar(draft: CustomerDraft): void {
  const { random, last } = draft;
  const day = draft.dayBetween(draft.activeFrom + 20, last - 3);
  if (day === undefined) return;
  const dealer = random.pick(merchantsByCategory.car_dealer);
  const financed = random.chance(0.5);
  if (financed) {
    const deposit = pence(random.int(10, 40) * 100);
    draft.pay(dealer, day, deposit, 'CARD PAYMENT');
    draft.hold('car_loan', day);
    const repayment = pence(random.int(180, 450));
    const party = bankParty('debit', 'CAR FINANCE REPAYMENT');
    for (const d of draft.monthly(random.int(1, 28), day + 20, last, 'next')) {
      draft.ledger.add(d, repayment, party, slot.main);
    }
    draft.event('new_car', day, { financing: 'loan', depositMinor: deposit });
  } else {
    const price = pence(Math.round(random.logNormal(12_000, 0.45) / 50) * 50);
    draft.pay(dealer, day, price, 'CARD PAYMENT');
    draft.event('new_car', day, { financing: 'cash', amountMinor: price });
  }
}

/** A landlord: a letting agent or a private person (other people's data, fake). */
export function landlord(draft: CustomerDraft): { name: string; iban: string } {
  const { random } = draft;
  return {
    name: random.chance(0.5) ? random.pick(lettingAgents) : personName(random),
    iban: draft.otherIban(),
  };
}
