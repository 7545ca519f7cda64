// A privacy budget in words: "about half of this month's budget left", a count's price, when it resets.

/** An exact rational as the API writes it ("5/8", "20") as a number, for bars and words only. */
export function rationalValue(text: string): number {
  const [numerator, denominator = '1'] = text.split('/');
  return Number(numerator) / Number(denominator);
}

const shares: readonly (readonly [number, string])[] = [
  [1, 'all'],
  [0.9, 'nearly all'],
  [0.75, 'about three quarters'],
  [2 / 3, 'about two thirds'],
  [0.5, 'about half'],
  [1 / 3, 'about a third'],
  [0.25, 'about a quarter'],
  [1 / 8, 'about an eighth'],
];

/** A share of a whole in words; "none" only when nothing is left, "a little" below a sixteenth. */
export function shareInWords(part: number, whole: number): string {
  if (whole <= 0 || part <= 0) return 'none';
  const share = part / whole;
  if (share >= 1) return 'all';
  if (share < 1 / 16) return 'a little';
  let best = shares[0] as readonly [number, string];
  for (const candidate of shares) {
    if (Math.abs(candidate[0] - share) < Math.abs(best[0] - share)) best = candidate;
  }
  // "all" is kept for the whole budget: a share rounded up to it is "nearly all".
  return best[1] === 'all' ? 'nearly all' : best[1];
}

export type BudgetPeriod = 'day' | 'week' | 'month';

const periodWords: Record<BudgetPeriod, string> = {
  day: 'today’s',
  week: 'this week’s',
  month: 'this month’s',
};

/** "about half of this month's budget left". */
export function leftInWords(remaining: string, budget: string, period: BudgetPeriod): string {
  return `${shareInWords(rationalValue(remaining), rationalValue(budget))} of ${periodWords[period]} budget left`;
}

/** What an action costs, in words: "about an eighth of your month's budget", or "nothing". */
export function costInWords(cost: string, budget: string, period: BudgetPeriod): string {
  const value = rationalValue(cost);
  if (value <= 0) return 'nothing';
  return `${shareInWords(value, rationalValue(budget))} of ${periodWords[period]} budget`;
}

/** When the budgets reset, in the reader's own time zone (or the one given), with the zone named. */
export function resetInWords(iso: string, timeZone?: string): string {
  return new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
    ...(timeZone === undefined ? {} : { timeZone }),
  });
}

/** Whether asking for `cost` would leave too little for another action of the same price. */
export function isLastOf(remaining: string, cost: string): boolean {
  const left = rationalValue(remaining) - rationalValue(cost);
  return rationalValue(cost) > 0 && left >= 0 && left < rationalValue(cost);
}
