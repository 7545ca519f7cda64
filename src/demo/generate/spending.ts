// Everyday spending, event effects and payments between people, spread over the period by season and weekday.
import type { Calendar } from './calendar.ts';
import type { LifePlan, SpendEffect } from './causal-events.ts';
import { type CustomerDraft, pence, slot } from './draft.ts';
import { counterpartyParty, type Party } from './ledger.ts';
import { merchantsByCategory, spendCategories, spendProfiles, type MerchantCategory } from './merchants.ts';
import { personName } from './names.ts';
import type { Persona } from './personas.ts';
import type { Region } from './regions.ts';

const daysPerMonth = 30.44;
/** The bank's mean of the personas' `transactionsPerTwoYears`: a persona's activity relative to the bank. */
const meanPersonaActivity = 98;
/** Refunds are twice as common as the thin bank's category shares (UK: about 0.6 a customer-month). */
const realRefunds = 2;
/** Cash is a smaller share of everyday payments than in the thin bank's mix (UK: about 1.5 a month). */
const realCash = 0.8;
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
/** Per everyday category (by index): 0 online, 1 in person (contactless under £100), 2 other card payment. */
const paymentKind: readonly number[] = spendCategories.map((c) =>
  onlineCategories.has(c) ? 0 : physicalCategories.has(c) ? 1 : 2,
);
const variants = ['ONLINE PAYMENT', 'CONTACTLESS', 'CARD PAYMENT'] as const;
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
  '"Secret Santa"',
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

/** Per spend category and day of the period: the chance to keep a uniformly drawn day (seasons, weekdays). */
export function spendAcceptance(calendar: Calendar): Float32Array[] {
  return spendCategories.map((category) => {
    const profile = spendProfiles[category];
    const weights = new Float32Array(calendar.length);
    let max = 0;
    for (let d = 0; d < calendar.length; d++) {
      const w =
        (profile.months?.[calendar.monthOfYear[d]!] ?? 1) * (profile.weekdays?.[calendar.weekday[d]!] ?? 1);
      weights[d] = w;
      if (w > max) max = w;
    }
    for (let d = 0; d < calendar.length; d++) weights[d] = weights[d]! / max;
    return weights;
  });
}

/** The categories with a weight, and the cumulative shares to draw one with a single uniform. */
interface CategoryTable {
  readonly categories: Int32Array;
  readonly cumulative: Float64Array;
}

function categoryTable(weights: readonly number[]): CategoryTable {
  let size = 0;
  for (const w of weights) if (w > 0) size++;
  const categories = new Int32Array(size);
  const cumulative = new Float64Array(size);
  let total = 0;
  let k = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    if (!(w > 0)) continue;
    total += w;
    categories[k] = i;
    cumulative[k++] = total;
  }
  for (let j = 0; j < size; j++) cumulative[j] = cumulative[j]! / total;
  return { categories, cumulative };
}

const personaTables = new Map<Persona, CategoryTable>();
function personaTable(persona: Persona): CategoryTable {
  let table = personaTables.get(persona);
  if (table === undefined) {
    table = categoryTable(spendCategories.map((c) => persona.spending[c] ?? 0));
    personaTables.set(persona, table);
  }
  return table;
}

/** How a customer's everyday payments are drawn: the thin bank's fixed number, or the realistic bank's rate. */
export type SpendingOptions =
  | {
      readonly density: 'thin';
      readonly persona: Persona;
      /** Draws in all: everyday payments and, among them, payments between people. */
      readonly count: number;
      /** Part of the card spending goes to the bank's credit card. */
      readonly cardActive: boolean;
    }
  | {
      readonly density: 'real';
      readonly persona: Persona;
      readonly region: Region;
      readonly plan: LifePlan;
      /** Everyday card payments per customer per month, on average over the bank. */
      readonly cardPaymentsPerMonth: number;
      /** What the customer spends at their discretion each month, in pounds: sizes the amounts. */
      readonly budget: number;
    };

/** What spending tells the take-up model: travel payments per month of the calendar. */
export interface SpendingHabits {
  readonly travelByMonth: Uint16Array;
}

interface SpendState {
  readonly draft: CustomerDraft;
  readonly acceptance: readonly Float32Array[];
  readonly table: CategoryTable;
  /** Per everyday category: the effects that lower it (factor below 1). */
  readonly lowering: readonly (readonly SpendEffect[] | undefined)[] | undefined;
  readonly drivesFrom: number;
  /** Multiplies the categories' median amounts. */
  readonly scale: number;
  readonly cardShare: number;
  /** Multiplies each category's chance of a refund. */
  readonly refunds: number;
  readonly habits: SpendingHabits;
}

interface Contact {
  readonly name: string;
  readonly iban: string;
}

/** Everyday payments, event effects, background noise and payments between people; returns the habits seen. */
export function bookSpending(
  acceptance: readonly Float32Array[],
  draft: CustomerDraft,
  options: SpendingOptions,
): SpendingHabits {
  const habits: SpendingHabits = { travelByMonth: new Uint16Array(draft.calendar.months.length) };
  if (options.density === 'thin') thinSpending(acceptance, draft, options, habits);
  else realSpending(acceptance, draft, options, habits);
  return habits;
}

function thinSpending(
  acceptance: readonly Float32Array[],
  draft: CustomerDraft,
  options: Extract<SpendingOptions, { density: 'thin' }>,
  habits: SpendingHabits,
): void {
  const { random } = draft;
  const { persona } = options;
  const scale = persona.spendLevel * random.logNormal(1, 0.3);
  const p2pShare = persona.code === 'student' ? 0.12 : 0.07;
  const contacts = drawContacts(draft, 3);
  const state: SpendState = {
    draft,
    acceptance,
    table: personaTable(persona),
    lowering: undefined,
    drivesFrom: -Infinity,
    scale,
    cardShare: options.cardActive ? random.between(0.2, 0.6) : 0,
    refunds: 1,
    habits,
  };
  for (let k = 0; k < options.count; k++) {
    if (random.next() < p2pShare) peerPayment(draft, contacts, 0.35, 30);
    else everyday(state, draft.activeFrom, draft.last);
  }
}

function realSpending(
  acceptance: readonly Float32Array[],
  draft: CustomerDraft,
  options: Extract<SpendingOptions, { density: 'real' }>,
  habits: SpendingHabits,
): void {
  const { random, activeFrom, last } = draft;
  const { persona, region, plan } = options;
  const activity = random.logNormal(1, 0.3);
  const weights = spendCategories.map((category, i) => {
    const w = persona.spending[category] ?? 0;
    return i === cashIndex
      ? w * region.cash * realCash
      : i === fuelIndex || i === parkingIndex
        ? w * region.car
        : w;
  });
  const total = weights.reduce((a, b) => a + b, 0);
  // Everyday draws in all, cash among them: `cardPaymentsPerMonth` counts the card payments alone.
  const rate =
    (options.cardPaymentsPerMonth * activity * (persona.transactionsPerTwoYears / meanPersonaActivity)) /
    (1 - weights[cashIndex]! / total);
  let meanAmount = 0;
  spendCategories.forEach((category, i) => {
    const p = spendProfiles[category];
    meanAmount +=
      (weights[i]! / total) * (i === cashIndex ? cashMean : p.median * Math.exp((p.sigma * p.sigma) / 2));
  });
  const scale = Math.min(4, Math.max(0.15, options.budget / Math.max(1, rate * meanAmount)));
  const lowering = spendCategories.map((category) => {
    const list = plan.effects.filter(
      (e) => e.category === category && e.factor !== undefined && e.factor < 1,
    );
    return list.length === 0 ? undefined : list;
  });
  const state: SpendState = {
    draft,
    acceptance,
    table: categoryTable(weights),
    lowering,
    drivesFrom: plan.drivesFrom,
    scale,
    cardShare: draft.has(slot.card) ? random.between(0.05, 0.2) : 0,
    refunds: realRefunds,
    habits,
  };
  const months = (last - activeFrom + 1) / daysPerMonth;
  const count = Math.min(40_000, Math.floor(rate * months + random.next()));
  for (let k = 0; k < count; k++) everyday(state, activeFrom, last);
  for (const e of plan.effects) {
    bookEffect(state, e, rate * ((weights[spendIndex.get(e.category) ?? -1] ?? 0) / total));
  }
  background(state, 'baby', 0.1, activeFrom);
  background(state, 'home_inspection', 0.004, activeFrom);
  if (plan.drivesFrom <= last) background(state, 'car_dealer', 0.05, Math.max(activeFrom, plan.drivesFrom));
  const factor = persona.code === 'student' ? 1.5 : persona.code === 'young_renter' ? 1.2 : 0.9;
  const p2p = Math.floor((2.5 * factor * activity * (last - activeFrom + 1)) / daysPerMonth + random.next());
  const contacts = drawContacts(draft, 4);
  for (let k = 0; k < p2p; k++) peerPayment(draft, contacts, 0.4, 30 * Math.sqrt(scale));
}

/** One everyday payment in [from, to]: a category by the customer's mix, a day by season and weekday. */
function everyday(state: SpendState, from: number, to: number): void {
  const { categories, cumulative } = state.table;
  const r = state.draft.random.next();
  // The first position whose cumulative share is above r (the last one at most): a binary search.
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid]! <= r) lo = mid + 1;
    else hi = mid;
  }
  const category = categories[lo]!;
  const day = acceptedDay(state, category, from, to);
  if (day !== undefined) payEveryday(state, category, day);
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
  const lowering = state.lowering?.[c];
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
  const variant = variants[kind === 1 && amount >= 10_000 ? 2 : kind]!;
  const accountSlot = state.cardShare > 0 && random.next() < state.cardShare ? slot.card : slot.main;
  draft.pay(merchant, day, amount, variant, accountSlot);
  if (profile.refunds !== undefined && random.next() < profile.refunds * state.refunds) {
    const refundDay = day + random.int(3, 21);
    if (refundDay <= draft.last) draft.pay(merchant, refundDay, amount, 'REFUND', accountSlot);
  }
}

/** The extra payments of an effect: a factor above 1 on an everyday category (of `rate` a month), or so many a month. */
function bookEffect(state: SpendState, e: SpendEffect, rate: number): void {
  const { draft } = state;
  const from = Math.max(e.from, draft.activeFrom);
  const to = Math.min(e.to, draft.last);
  if (from > to) return;
  const months = (to - from + 1) / daysPerMonth;
  const c = spendIndex.get(e.category);
  let expected = 0;
  if (e.perMonth !== undefined) expected = e.perMonth * months;
  else if (e.factor !== undefined && e.factor > 1 && c !== undefined)
    expected = (e.factor - 1) * rate * months;
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

function drawContacts(draft: CustomerDraft, count: number): Contact[] {
  const contacts: Contact[] = [];
  for (let k = 0; k < count; k++) contacts.push({ name: personName(draft.random), iban: draft.otherIban() });
  return contacts;
}

/** A payment to or from one of the customer's contacts (Faster Payments), on a uniformly drawn day. */
function peerPayment(
  draft: CustomerDraft,
  contacts: readonly Contact[],
  incomingShare: number,
  median: number,
): void {
  const { random, activeFrom, last } = draft;
  const contact = random.pick(contacts);
  const incoming = random.next() < incomingShare;
  const party = counterpartyParty(
    incoming ? 'credit' : 'debit',
    random.pick(incoming ? p2pIn : p2pOut),
    contact.name,
    contact.iban,
  );
  const day = activeFrom + Math.floor(random.next() * (last - activeFrom + 1));
  draft.ledger.add(day, pence(random.logNormal(median, 0.9)), party, slot.main);
}

/** The card balance of each month, repaid in full from the current account on the 20th of the next. */
export function bookCardRepayments(draft: CustomerDraft): void {
  const { ledger, calendar, last } = draft;
  const balances = new Float64Array(calendar.months.length);
  const n = ledger.count;
  for (let i = 0; i < n; i++) {
    if (ledger.slots[i] !== slot.card) continue;
    const sign = ledger.parties[i]!.direction === 'debit' ? 1 : -1;
    balances[calendar.monthIndex[ledger.days[i]! - calendar.first]!]! += sign * ledger.amounts[i]!;
  }
  const out: Party = {
    kind: 'own',
    direction: 'debit',
    description: 'CREDIT CARD REPAYMENT',
    counterpartyAccount: draft.iban(slot.card),
  };
  const into: Party = {
    kind: 'own',
    direction: 'credit',
    description: 'PAYMENT RECEIVED - THANK YOU',
    counterpartyAccount: draft.iban(slot.main),
  };
  for (let m = 0; m + 1 < calendar.months.length; m++) {
    const balance = balances[m]!;
    if (balance <= 0) continue;
    const next = calendar.months[m + 1]!;
    let day = next.first + 19;
    if (day > last) continue;
    const wd = calendar.weekday[day - calendar.first]!;
    if (wd >= 5) day = Math.min(last, day + 7 - wd);
    ledger.add(day, balance, out, slot.main);
    ledger.add(day, balance, into, slot.card);
  }
}
