// One customer of the realistic bank: region, persona, causal life events, real density and mix, take-up, balances.
import { type Calendar, daysPerYear, formatIsoDay } from './calendar.ts';
import { drawBalanceHabits, runBalances } from './balances.ts';
import { planCausalEvents } from './causal-events.ts';
import { CustomerDraft, slot } from './draft.ts';
import type { Ledger } from './ledger.ts';
import { materialise } from './materialise.ts';
import { makeAddress, makePii } from './names.ts';
import { drawProfile, holdProducts, openAccounts } from './profile.ts';
import { customerRandom } from './random.ts';
import {
  bookLoanRepayments,
  bookRealBills,
  bookRealHousing,
  bookRealIncome,
  bookSubscriptions,
} from './real-recurring.ts';
import { bookRealSpending } from './real-spending.ts';
import { pickRegion, pickRegionalPersona } from './regions.ts';
import { bookCardRepayments } from './spending.ts';
import { bookTakeUpPayments, drawTakeUps } from './take-up.ts';
import type { GeneratedCustomer, HeldProduct } from './types.ts';

/** Everyday card payments per customer per month at density `real` (docs/generator.md, "The mix"). */
export const realCardPaymentsPerMonth = 38;

export interface RealContext {
  readonly calendar: Calendar;
  readonly seedHash: number;
  readonly acceptance: readonly Float32Array[];
  readonly ledger: Ledger;
  readonly cardPaymentsPerMonth: number;
}

const drivingOdds: Readonly<Record<string, number>> = { student: 0.15, young_renter: 0.45 };

/** Net of the main account's entries from position `from` on, per month of the active history, in pounds. */
function monthlyNet(draft: CustomerDraft, from: number): number {
  const { ledger } = draft;
  let net = 0;
  for (let i = from; i < ledger.count; i++) {
    if (ledger.slots[i] !== slot.main || ledger.days[i]! > draft.last) continue;
    net += ledger.parties[i]!.direction === 'credit' ? ledger.amounts[i]! : -ledger.amounts[i]!;
  }
  const months = (draft.last - draft.activeFrom + 1) / (daysPerYear / 12);
  return net / 100 / Math.max(1, months);
}

function roundedBalances(daily: Float64Array): number[] {
  const out = new Array<number>(daily.length);
  for (let i = 0; i < daily.length; i++) out[i] = Math.round(daily[i]!);
  return out;
}

/** The customer's events and the products held up to the end, sorted by date (drafting order on ties). */
function sortedTruth(draft: CustomerDraft, iso: (day: number) => string) {
  const lifeEvents = draft.events
    .map((e, order) => ({ e, order }))
    .sort((a, b) => a.e.day - b.e.day || a.order - b.order)
    .map(({ e }) => ({ type: e.type, date: iso(e.day), details: e.details }));
  const products = draft.products
    .filter((p) => p.since <= draft.last)
    .map((p, order) => ({ p, order }))
    .sort((a, b) => a.p.since - b.p.since || a.order - b.order)
    .map(({ p }): HeldProduct =>
      p.until === undefined
        ? { product: p.product, since: iso(p.since) }
        : { product: p.product, since: iso(p.since), until: iso(p.until) },
    );
  return { lifeEvents, products };
}

export function buildRealCustomer(
  context: RealContext,
  index: number,
  externalId: string,
): GeneratedCustomer {
  const { calendar, ledger } = context;
  const random = customerRandom(context.seedHash, index);
  const region = pickRegion(random);
  const persona = pickRegionalPersona(random, region);
  const profile = drawProfile(calendar, 0, random, persona, region.income);
  const { housing } = profile;
  ledger.reset();
  const draft = new CustomerDraft(random, calendar, ledger, profile.activeFrom);
  const iso = (day: number): string =>
    day >= calendar.first && day <= calendar.last ? calendar.iso[day - calendar.first]! : formatIsoDay(day);
  const accounts = openAccounts(draft, profile, index, iso);
  const pii = makePii(random, {
    index,
    dateOfBirth: iso(profile.birthDay),
    iban: draft.iban(slot.main),
    address: makeAddress(random, region.towns),
  });
  const loans = holdProducts(draft, profile);
  const ageAtEnd = (calendar.last - profile.birthDay) / daysPerYear;
  const drives = random.chance(Math.min(0.95, (drivingOdds[persona.code] ?? 0.8) * region.car));
  const options = {
    persona,
    region,
    renting: housing === 'rent',
    ageAtEnd,
    monthlyMeans: profile.monthlyMeans,
    drives,
  };
  const plan = planCausalEvents(draft, options);
  const scheduledFrom = ledger.count;
  bookRealIncome(draft, persona, plan, profile.income, pii.familyName);
  bookRealHousing(draft, persona, housing, plan, profile.monthlyMeans, pii.familyName);
  bookLoanRepayments(draft, loans, plan);
  bookRealBills(draft, persona, plan);
  const subscriptions = bookSubscriptions(draft, iso);
  const free = monthlyNet(draft, scheduledFrom);
  const budget = Math.max(0.15 * profile.monthlyMeans, free) * random.logNormal(0.85, 0.12);
  const habits = bookRealSpending(context.acceptance, draft, {
    persona,
    region,
    plan,
    density: context.cardPaymentsPerMonth,
    budget,
  });
  const balanceHabits = drawBalanceHabits(draft, profile.monthlyMeans);
  const measured = runBalances(draft, balanceHabits, false);
  const takeUps = drawTakeUps(draft, { ...options, plan, habits, balances: measured });
  bookTakeUpPayments(draft, takeUps);
  if (draft.has(slot.card)) bookCardRepayments(draft);
  const balances = runBalances(draft, balanceHabits, true);

  const transactions = materialise(draft, externalId);
  const { lifeEvents, products } = sortedTruth(draft, iso);
  return {
    index,
    externalId,
    persona: persona.code,
    pii,
    accounts,
    products,
    transactions,
    lifeEvents,
    truth: {
      region: region.code,
      takeUps: takeUps.map((t) => ({ product: t.product, date: iso(t.day), causes: t.causes })),
      subscriptions,
      balancesFrom: iso(profile.activeFrom),
      dailyBalances: roundedBalances(balances.daily),
    },
  };
}
