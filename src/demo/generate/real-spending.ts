// The realistic bank's everyday spending: density as a parameter, category mix by weekday and season, event effects.
import type { LifePlan, SpendEffect } from './causal-events.ts';
import { type CustomerDraft, pence, slot } from './draft.ts';
import { counterpartyParty } from './ledger.ts';
import { merchantsByCategory, spendCategories, spendProfiles, type MerchantCategory } from './merchants.ts';
import { personName } from './names.ts';
import type { Persona } from './personas.ts';
import type { Region } from './regions.ts';

const daysPerMonth = 30.44;
const cashAmounts: readonly number[] = [10, 20, 20, 30, 40, 50, 50, 60, 100, 100, 200];
const cashMean = cashAmounts.reduce((a, b) => a + b, 0) / cashAmounts.length;
const onlineCategories = new Set<string>(['online', 'digital', 'air_travel', 'hotels']);
const physicalCategories = new Set<string>([
  'groceries',
  'dining',
  'fast_food',
  'pubs',
  'fuel',
  'transport',
  'pharmacy',
  'parking',
]);
/** Per everyday category (by index): 0 online, 1 in person (contactless up to £100), 2 other card payment. */
const paymentKind: readonly number[] = spendCategories.map((c) =>
  onlineCategories.has(c) ? 0 : physicalCategories.has(c) ? 1 : 2,
);
const profiles = spendCategories.map((c) => spendProfiles[c]);
const travelIndexes = new Set([spendCategories.indexOf('air_travel'), spendCategories.indexOf('hotels')]);
const spendIndex = new Map<string, number>(spendCategories.map((c, i) => [c, i]));
const fuelIndex = spendIndex.get('fuel')!;
const parkingIndex = spendIndex.get('parking')!;
const cashIndex = spendIndex.get('cash')!;
const p2pOut: readonly string[] = [
  'DINNER',
  'Drinks, thanks!',
  'BIRTHDAY PRESENT',
  'HOLIDAY',
  'BILLS SHARE',
  'TICKETS',
];
const p2pIn: readonly string[] = ['THANKS', 'DINNER SPLIT', 'TICKETS', 'Petrol money', 'PAYING YOU BACK'];

/** Amounts of the payments that are not everyday categories (life events and background noise). */
const eventAmounts: Readonly<Partial<Record<MerchantCategory, readonly [number, number]>>> = {
  baby: [60, 0.8],
  car_dealer: [180, 0.6],
  home_inspection: [450, 0.3],
  removals: [600, 0.5],
  conveyancing: [1300, 0.3],
  childcare: [700, 0.3],
};

export interface SpendingOptions {
  readonly persona: Persona;
  readonly region: Region;
  readonly plan: LifePlan;
  /** Everyday card payments per customer per month, on average over the bank. */
  readonly density: number;
  /** What the customer spends at their discretion each month, in pounds: sizes the amounts. */
  readonly budget: number;
}

/** What spending tells the take-up model: travel payments per month of the calendar. */
export interface SpendingHabits {
  readonly travelByMonth: Uint16Array;
}

interface SpendState {
  readonly draft: CustomerDraft;
  readonly acceptance: readonly Float32Array[];
  /** Per everyday category: the effects that lower it (factor below 1). */
  readonly lowering: readonly (readonly SpendEffect[] | undefined)[];
  readonly drivesFrom: number;
  readonly scale: number;
  readonly cardShare: number;
  readonly habits: SpendingHabits;
}

/** Everyday payments, event effects, background noise and payments between people; returns the habits seen. */
export function bookRealSpending(
  acceptance: readonly Float32Array[],
  draft: CustomerDraft,
  options: SpendingOptions,
): SpendingHabits {
  const { random, activeFrom, last } = draft;
  const { persona, region, plan } = options;
  const activity = random.logNormal(1, 0.3);
  const rate = options.density * activity * (persona.transactionsPerTwoYears / 100);
  const weights = spendCategories.map((category, i) => {
    const w = persona.spending[category] ?? 0;
    return i === cashIndex ? w * region.cash : i === fuelIndex || i === parkingIndex ? w * region.car : w;
  });
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of weights) cumulative.push((sum += w / total));
  let meanAmount = 0;
  spendCategories.forEach((category, i) => {
    const p = spendProfiles[category];
    meanAmount +=
      (weights[i]! / total) * (i === cashIndex ? cashMean : p.median * Math.exp((p.sigma * p.sigma) / 2));
  });
  const scale = Math.min(4, Math.max(0.15, options.budget / Math.max(1, rate * meanAmount)));
  const state: SpendState = {
    draft,
    acceptance,
    lowering: spendCategories.map((category) => {
      const list = plan.effects.filter(
        (e) => e.category === category && e.factor !== undefined && e.factor < 1,
      );
      return list.length === 0 ? undefined : list;
    }),
    drivesFrom: plan.drivesFrom,
    scale,
    cardShare: draft.has(slot.card) ? random.between(0.2, 0.6) : 0,
    habits: { travelByMonth: new Uint16Array(draft.calendar.months.length) },
  };
  const months = (last - activeFrom + 1) / daysPerMonth;
  const count = Math.min(40_000, Math.floor(rate * months + random.next()));
  for (let k = 0; k < count; k++) {
    const r = random.next();
    let c = 0;
    while (c < cumulative.length - 1 && cumulative[c]! <= r) c++;
    const day = acceptedDay(state, c, activeFrom, last);
    if (day !== undefined) payEveryday(state, c, day);
  }
  for (const e of plan.effects)
    bookEffect(state, e, rate, weights[spendIndex.get(e.category) ?? -1] ?? 0, total);
  background(state, 'baby', 0.1, activeFrom);
  background(state, 'home_inspection', 0.004, activeFrom);
  if (plan.drivesFrom <= last) background(state, 'car_dealer', 0.05, Math.max(activeFrom, plan.drivesFrom));
  peerToPeer(draft, persona, activity, scale);
  return state.habits;
}

/** A day for a payment in category `c`: season and weekday, then the thinning of effects below 1 and driving. */
function acceptedDay(state: SpendState, c: number, from: number, to: number): number | undefined {
  const { draft } = state;
  const { random } = draft;
  const accept = state.acceptance[c]!;
  const first = draft.calendar.first;
  const span = to - from + 1;
  let day = from;
  for (let tries = 0; tries < 16; tries++) {
    day = from + Math.floor(random.next() * span);
    if (random.next() < accept[day - first]!) break;
  }
  if ((c === fuelIndex || c === parkingIndex) && day < state.drivesFrom) return undefined;
  const lowering = state.lowering[c];
  if (lowering !== undefined) {
    for (const e of lowering)
      if (day >= e.from && day <= e.to && random.next() >= e.factor!) return undefined;
  }
  return day;
}

function payEveryday(state: SpendState, c: number, day: number): void {
  const { draft } = state;
  const { random } = draft;
  const merchant = draft.merchant(spendCategories[c]!);
  if (c === cashIndex) {
    draft.pay(merchant, day, pence(random.pick(cashAmounts)), 'CASH WITHDRAWAL');
    return;
  }
  if (travelIndexes.has(c))
    state.habits.travelByMonth[draft.calendar.monthIndex[day - draft.calendar.first]!]!++;
  const profile = profiles[c]!;
  const amount = pence(random.logNormal(profile.median * state.scale, profile.sigma));
  const kind = paymentKind[c]!;
  const variant =
    kind === 0 ? 'ONLINE PAYMENT' : kind === 1 && amount <= 10_000 ? 'CONTACTLESS' : 'CARD PAYMENT';
  const accountSlot = state.cardShare > 0 && random.next() < state.cardShare ? slot.card : slot.main;
  draft.pay(merchant, day, amount, variant, accountSlot);
  if (profile.refunds !== undefined && random.next() < profile.refunds) {
    const refundDay = day + random.int(3, 21);
    if (refundDay <= draft.last) draft.pay(merchant, refundDay, amount, 'REFUND', accountSlot);
  }
}

/** The extra payments of an effect: a factor above 1 on an everyday category, or so many a month. */
function bookEffect(state: SpendState, e: SpendEffect, rate: number, weight: number, total: number): void {
  const { draft } = state;
  const from = Math.max(e.from, draft.activeFrom);
  const to = Math.min(e.to, draft.last);
  if (from > to) return;
  const months = (to - from + 1) / daysPerMonth;
  const c = spendIndex.get(e.category);
  let expected = 0;
  if (e.perMonth !== undefined) expected = e.perMonth * months;
  else if (e.factor !== undefined && e.factor > 1 && c !== undefined) {
    expected = (e.factor - 1) * rate * (weight / total) * months;
  }
  const count = Math.floor(expected + draft.random.next());
  for (let k = 0; k < count; k++) {
    if (c !== undefined) {
      const day = acceptedDay(state, c, from, to);
      if (day !== undefined) payEveryday(state, c, day);
    } else payOther(state, e.category, draft.random.int(from, to));
  }
}

function payOther(state: SpendState, category: MerchantCategory, day: number): void {
  const { draft } = state;
  const [median, sigma] = eventAmounts[category] ?? [50, 0.6];
  draft.pay(
    draft.random.pick(merchantsByCategory[category]),
    day,
    pence(draft.random.logNormal(median, sigma)),
    'CARD PAYMENT',
  );
}

/** Payments no event explains: presents from a baby shop, a car serviced, someone else's survey. */
function background(state: SpendState, category: MerchantCategory, perMonth: number, from: number): void {
  const { draft } = state;
  const expected = (perMonth * (draft.last - from + 1)) / daysPerMonth;
  const count = Math.floor(expected + draft.random.next());
  for (let k = 0; k < count; k++) payOther(state, category, draft.random.int(from, draft.last));
}

function peerToPeer(draft: CustomerDraft, persona: Persona, activity: number, scale: number): void {
  const { random, ledger, activeFrom, last } = draft;
  const factor = persona.code === 'student' ? 1.5 : persona.code === 'young_renter' ? 1.2 : 0.9;
  const count = Math.floor(
    (2.5 * factor * activity * (last - activeFrom + 1)) / daysPerMonth + random.next(),
  );
  const contacts = [0, 1, 2, 3].map(() => ({ name: personName(random), iban: draft.otherIban() }));
  for (let k = 0; k < count; k++) {
    const contact = random.pick(contacts);
    const incoming = random.next() < 0.4;
    const party = counterpartyParty(
      incoming ? 'credit' : 'debit',
      random.pick(incoming ? p2pIn : p2pOut),
      contact.name,
      contact.iban,
    );
    ledger.add(
      random.int(activeFrom, last),
      pence(random.logNormal(30 * Math.sqrt(scale), 0.9)),
      party,
      slot.main,
    );
  }
}
