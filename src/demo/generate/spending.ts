// Everyday spending and transfers with other people, spread over the period by season and weekday.
import type { Calendar } from './calendar.ts';
import { type CustomerDraft, pence, slot } from './draft.ts';
import { counterpartyParty, type Party } from './ledger.ts';
import { spendCategories, spendProfiles, type SpendCategory } from './merchants.ts';
import { personName } from './names.ts';
import { personas, type Persona } from './personas.ts';

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

interface PersonaSpending {
  readonly categories: readonly number[];
  readonly cumulative: readonly number[];
}

const personaSpending: readonly PersonaSpending[] = personas.map((persona) => {
  const categories: number[] = [];
  const cumulative: number[] = [];
  let total = 0;
  spendCategories.forEach((category, i) => {
    const weight = persona.spending[category] ?? 0;
    if (weight <= 0) return;
    total += weight;
    categories.push(i);
    cumulative.push(total);
  });
  return { categories, cumulative: cumulative.map((c) => c / total) };
});

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
const onlineCategories = new Set<SpendCategory>(['online', 'digital', 'air_travel', 'hotels']);
const physicalCategories = new Set<SpendCategory>([
  'groceries',
  'dining',
  'fast_food',
  'pubs',
  'fuel',
  'transport',
  'pharmacy',
  'parking',
]);
const cashAmounts: readonly number[] = [10, 20, 20, 30, 40, 50, 50, 60, 100, 100, 200];

/** Everyday spending and transfers with other people, spread over the period by season and weekday. */
export function bookSpending(
  acceptance: readonly Float32Array[],
  draft: CustomerDraft,
  persona: Persona,
  count: number,
  cardActive: boolean,
): void {
  const { random, ledger, activeFrom, last } = draft;
  const spending = personaSpending[personas.indexOf(persona)]!;
  const first = draft.calendar.first;
  const level = persona.spendLevel * random.logNormal(1, 0.3);
  const p2pShare = persona.code === 'student' ? 0.12 : 0.07;
  const contacts = [0, 1, 2].map(() => ({ name: personName(random), iban: draft.otherIban() }));
  const cardShare = cardActive ? random.between(0.2, 0.6) : 0;
  const span = last - activeFrom + 1;

  for (let k = 0; k < count; k++) {
    if (random.next() < p2pShare) {
      const contact = random.pick(contacts);
      const incoming = random.next() < 0.35;
      const party = counterpartyParty(
        incoming ? 'credit' : 'debit',
        random.pick(incoming ? p2pIn : p2pOut),
        contact.name,
        contact.iban,
      );
      ledger.add(
        activeFrom + Math.floor(random.next() * span),
        pence(random.logNormal(30, 0.9)),
        party,
        slot.main,
      );
      continue;
    }
    const r = random.next();
    let c = 0;
    while (c < spending.cumulative.length - 1 && spending.cumulative[c]! <= r) c++;
    const categoryIndex = spending.categories[c]!;
    const category = spendCategories[categoryIndex]!;
    const accept = acceptance[categoryIndex]!;
    let day = activeFrom;
    for (let tries = 0; tries < 16; tries++) {
      day = activeFrom + Math.floor(random.next() * span);
      if (random.next() < accept[day - first]!) break;
    }
    const merchant = draft.merchant(category);
    if (category === 'cash') {
      draft.pay(merchant, day, pence(random.pick(cashAmounts)), 'CASH WITHDRAWAL');
      continue;
    }
    const profile = spendProfiles[category];
    const amount = pence(random.logNormal(profile.median * level, profile.sigma));
    const variant = onlineCategories.has(category)
      ? 'ONLINE PAYMENT'
      : physicalCategories.has(category) && amount < 10_000
        ? 'CONTACTLESS'
        : 'CARD PAYMENT';
    const accountSlot = cardShare > 0 && random.next() < cardShare ? slot.card : slot.main;
    draft.pay(merchant, day, amount, variant, accountSlot);
    if (profile.refunds !== undefined && random.next() < profile.refunds) {
      const refundDay = day + random.int(3, 21);
      if (refundDay <= last) draft.pay(merchant, refundDay, amount, 'REFUND', accountSlot);
    }
  }
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
