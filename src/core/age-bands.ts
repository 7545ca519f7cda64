// The fixed age bands of the segment language (`age_band("25-34")`) and a customer's age from a birth month.

/**
 * The bands questions may use. Ages are counted in whole years from the first day of the birth month: the
 * vault's engines see a birth year-month, never the date of birth (docs/privacy-model.md).
 */
export const ageBands = ['18-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;
export type AgeBand = (typeof ageBands)[number];

/** The youngest and oldest age in each band (inclusive). */
export const ageBandRange: Readonly<Record<AgeBand, { readonly from: number; readonly to: number }>> = {
  '18-24': { from: 18, to: 24 },
  '25-34': { from: 25, to: 34 },
  '35-44': { from: 35, to: 44 },
  '45-54': { from: 45, to: 54 },
  '55-64': { from: 55, to: 64 },
  '65+': { from: 65, to: Number.POSITIVE_INFINITY },
};

export function isAgeBand(value: string): value is AgeBand {
  return (ageBands as readonly string[]).includes(value);
}

/** Bands in their fixed order, each once. */
export function sortedBands(bands: readonly AgeBand[]): AgeBand[] {
  return ageBands.filter((band) => bands.includes(band));
}

/**
 * customer_flags.adult_from is the first day of this many months after the birth month: the month after the 18th
 * birthday's, so that the stored day says nothing of the day of birth and nobody counts before turning 18.
 */
export const adultFromMonthsAfterBirth = 18 * 12 + 1;

/** customer_flags.adult_from for a date of birth ('YYYY-MM-DD'): the first of the month after the 18th birthday's. */
export function adultFromOf(dateOfBirth: string): string {
  const month = monthIndex(dateOfBirth) + adultFromMonthsAfterBirth;
  return `${String(Math.floor(month / 12)).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}-01`;
}

/** SQL for the birth month (`year * 12 + month − 1`) of a customer_flags.adult_from column named `column`. */
export function birthMonthSql(column: string): string {
  return `((extract(year FROM ${column}) * 12 + extract(month FROM ${column}) - 1)::int - ${adultFromMonthsAfterBirth})`;
}

/** A month as one number: `year * 12 + month − 1` of a 'YYYY-MM-DD' day. */
export function monthIndex(day: string): number {
  return Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
}

/** Whole years on `asOfMonth` of someone born in `birthMonth`, counted from the first day of the birth month. */
export function ageInYears(birthMonth: number, asOfMonth: number): number {
  return Math.floor((asOfMonth - birthMonth) / 12);
}

/** The birth months (inclusive) whose age on `asOfMonth` is in `band`; `first` is -Infinity for an open band. */
export function birthMonthsOf(band: AgeBand, asOfMonth: number): { first: number; last: number } {
  const { from, to } = ageBandRange[band];
  return { first: asOfMonth - (to + 1) * 12 + 1, last: asOfMonth - from * 12 };
}

/** Whether someone born in `birthMonth` is in one of `bands` on `asOfMonth`. */
export function inAgeBands(bands: readonly AgeBand[], birthMonth: number, asOfMonth: number): boolean {
  const age = ageInYears(birthMonth, asOfMonth);
  return bands.some((band) => age >= ageBandRange[band].from && age <= ageBandRange[band].to);
}
