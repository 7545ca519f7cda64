// Balances that follow from the transactions: month-end sweeps to and from savings, overdraft interest, daily balances.
import { type CustomerDraft, pence, slot } from './draft.ts';
import { bankParty, type Party } from './ledger.ts';

/** An arranged overdraft's interest, about 40 % a year, charged daily on the amount below zero. */
const dailyOverdraftRate = 0.0011;

export interface BalanceHabits {
  /** Opening balance of the main account, minor units. */
  readonly opening: number;
  readonly savingsOpening: number;
  /** What the customer likes to keep in the main account after payday, minor units: a month's income and more. */
  readonly buffer: number;
  /** Sweeps a surplus to savings at the month's end. */
  readonly sweeps: boolean;
}

export interface BalanceRun {
  /** End-of-day balances of the main account from the first active day. */
  readonly daily: Float64Array;
  /** Per month of the calendar: 1 when the main account was below zero on some day. */
  readonly overdrawn: Uint8Array;
  /** Per month of the calendar: 1 when the month ended above one and a half times the buffer. */
  readonly flush: Uint8Array;
}

interface Parties {
  readonly out: Party;
  readonly into: Party;
  readonly back: Party;
  readonly backInto: Party;
  readonly interest: Party;
}

function parties(draft: CustomerDraft): Parties | undefined {
  const interest = bankParty('debit', 'OVERDRAFT INTEREST');
  if (!draft.has(slot.savings))
    return { out: interest, into: interest, back: interest, backInto: interest, interest };
  const savings = draft.iban(slot.savings);
  const main = draft.iban(slot.main);
  return {
    out: {
      kind: 'own',
      direction: 'debit',
      description: 'TRANSFER TO SAVINGS',
      counterpartyAccount: savings,
    },
    into: {
      kind: 'own',
      direction: 'credit',
      description: 'TRANSFER FROM CURRENT ACCOUNT',
      counterpartyAccount: main,
    },
    back: {
      kind: 'own',
      direction: 'debit',
      description: 'TRANSFER TO CURRENT ACCOUNT',
      counterpartyAccount: main,
    },
    backInto: { kind: 'own', direction: 'credit', description: 'FROM SAVINGS', counterpartyAccount: savings },
    interest,
  };
}

/**
 * Walks the main account day by day. With `book`, books the month-end sweeps and the overdraft interest
 * (so the balances include them); without, only measures (the take-up model reads overdrawn months).
 */
export function runBalances(draft: CustomerDraft, habits: BalanceHabits, book: boolean): BalanceRun {
  const { ledger, calendar, activeFrom, last } = draft;
  const length = last - activeFrom + 1;
  const flow = new Float64Array(length + 1);
  const savingsFlow = new Float64Array(length + 1);
  for (let i = 0; i < ledger.count; i++) {
    const s = ledger.slots[i]!;
    if (s !== slot.main && s !== slot.savings) continue;
    const d = ledger.days[i]! - activeFrom;
    if (d < 0 || d >= length) continue;
    const signed = ledger.parties[i]!.direction === 'credit' ? ledger.amounts[i]! : -ledger.amounts[i]!;
    if (s === slot.main) flow[d]! += signed;
    else savingsFlow[d]! += signed;
  }
  const months = calendar.months.length;
  const run: BalanceRun = {
    daily: new Float64Array(length),
    overdrawn: new Uint8Array(months),
    flush: new Uint8Array(months),
  };
  const p = parties(draft)!;
  const hasSavings = draft.has(slot.savings);
  let balance = habits.opening;
  let savings = habits.savingsOpening;
  let interest = 0;
  for (let d = 0; d < length; d++) {
    const day = activeFrom + d;
    balance += flow[d]!;
    savings += savingsFlow[d]!;
    const m = calendar.monthIndex[day - calendar.first]!;
    if (balance < 0 && hasSavings && habits.sweeps && savings > 0) {
      // A saver who sees the balance below zero moves money across the same day.
      const amount = Math.min(savings, Math.round((habits.buffer / 4 - balance) / 1000) * 1000);
      if (amount > 0) {
        if (book) sweep(draft, day, amount, p.back, p.backInto, slot.savings, slot.main);
        balance += amount;
        savings -= amount;
      }
    }
    if (balance < 0) {
      run.overdrawn[m] = 1;
      interest += -balance * dailyOverdraftRate;
    }
    const monthEnd = day === calendar.months[m]!.first + calendar.months[m]!.length - 1;
    if (monthEnd) {
      if (book && interest >= 1 && d + 1 < length) {
        const charge = Math.round(interest);
        ledger.add(day + 1, charge, p.interest, slot.main);
        flow[d + 1]! -= charge;
      }
      interest = 0;
      if (balance > 1.5 * habits.buffer) run.flush[m] = 1;
      if (hasSavings && habits.sweeps && balance > 1.25 * habits.buffer) {
        const amount = Math.round((balance - habits.buffer) / 1000) * 1000;
        if (amount > 0) {
          if (book) sweep(draft, day, amount, p.out, p.into, slot.main, slot.savings);
          balance -= amount;
          savings += amount;
        }
      } else if (hasSavings && balance < 0 && savings > 0) {
        const amount = Math.min(savings, Math.round((habits.buffer / 4 - balance) / 1000) * 1000);
        if (amount > 0) {
          if (book) sweep(draft, day, amount, p.back, p.backInto, slot.savings, slot.main);
          balance += amount;
          savings -= amount;
        }
      }
    }
    run.daily[d] = balance;
  }
  return run;
}

function sweep(
  draft: CustomerDraft,
  day: number,
  amount: number,
  out: Party,
  into: Party,
  from: number,
  to: number,
): void {
  draft.ledger.add(day, amount, out, from);
  draft.ledger.add(day, amount, into, to);
}

/** A customer's balance habits: opening balances and buffer from income, the habit of sweeping. */
export function drawBalanceHabits(draft: CustomerDraft, monthlyMeans: number): BalanceHabits {
  const { random } = draft;
  return {
    opening: pence(monthlyMeans * random.logNormal(0.5, 0.6)),
    savingsOpening: draft.has(slot.savings) ? pence(monthlyMeans * random.logNormal(2, 0.8)) : 0,
    buffer: pence(monthlyMeans * (1 + random.logNormal(0.3, 0.5))),
    sweeps: random.chance(0.7),
  };
}
