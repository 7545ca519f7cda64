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
