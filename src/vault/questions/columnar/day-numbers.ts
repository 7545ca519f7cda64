// Calendar days as integers (days since 1970-01-01, UTC) and the month each day falls in.

/** Marks a missing day in Int32 day columns. */
export const noDay = -0x80000000;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date; throws on anything else. */
export function dayNumber(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const time = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!match || Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  }
  return time / 86_400_000;
}

export function dateOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Days 0 … 65535 (1970-01-01 … 2149-06-06) fit the Uint16 day column. */
export const lastStorableDay = 0xffff;

let months: Uint16Array | undefined;

/** Months since January 1970 for every storable day, computed once (128 KiB). */
export function monthTable(): Uint16Array {
  if (months) return months;
  const table = new Uint16Array(lastStorableDay + 1);
  const date = new Date(0);
  for (let day = 0; day <= lastStorableDay; day++) {
    date.setTime(day * 86_400_000);
    table[day] = (date.getUTCFullYear() - 1970) * 12 + date.getUTCMonth();
  }
  months = table;
  return table;
}
