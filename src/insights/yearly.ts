// Money that comes in at the same time each year without a steady cadence (termly student finance, a yearly
// bonus): what was credited this time last year, from a payer still paying a like amount.
import type { Rows } from './ledger.ts';

/** Fixed before measuring (docs/insights.md): the smallest amount worth foreseeing, and how close a repeat is. */
const minimumMinor = 25_000;
const sameAmount = 0.1;
/** The payer must have paid (or been paid) a like amount within this many days to be still paying. */
const stillPaying = 183;

export interface YearlyRepeat {
  readonly day: number;
  /** Signed: positive money coming in. */
  readonly signed: number;
}

/**
 * The repeats due after `asOf` up to the horizon: each large credit of a year ago (not of a regular series, not a
 * transfer already explained) whose payer paid a like amount in the last half year. Those recent credits are
 * added to `explained`, so that the usual rest does not count them a second time. Debits are left out: on the
 * development seed, last year's large debits foresaw more wrongly than rightly.
 */
export function yearlyRepeats(
  r: Rows,
  asOf: number,
  horizon: number,
  keyOf: (i: number) => string,
  regular: (i: number) => boolean,
  explained: Set<number>,
): YearlyRepeat[] {
  const recent = new Map<string, number[]>();
  const lastYear: number[] = [];
  for (let i = r.from; i < r.to; i++) {
    if (!r.onBalanceAccount(i) || !r.credit(i) || explained.has(i) || r.amount(i) < minimumMinor) continue;
    if (regular(i)) continue;
    const key = keyOf(i);
    const day = r.day(i);
    if (day > asOf - stillPaying) {
      const seen = recent.get(key);
      if (seen === undefined) recent.set(key, [i]);
      else seen.push(i);
    }
    if (day > asOf - 365 && day <= asOf - 365 + horizon) lastYear.push(i);
  }
  const due: YearlyRepeat[] = [];
  for (const i of lastYear) {
    const again = (recent.get(keyOf(i)) ?? []).filter(
      (k) => Math.abs(r.amount(k) - r.amount(i)) <= sameAmount * r.amount(i),
    );
    if (again.length === 0) continue;
    due.push({ day: r.day(i) + 365, signed: r.credit(i) ? r.amount(i) : -r.amount(i) });
    for (const k of again) explained.add(k);
  }
  return due.sort((a, b) => a.day - b.day);
}
