// Dates as day numbers (days since 1970-01-01) with precomputed tables, so no Date objects per transaction.

/** Average days per Gregorian year, for ages and rates. */
export const daysPerYear = 365.25;

/** Day number of a civil date (proleptic Gregorian; Hinnant's days_from_civil). */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of a day number (Hinnant's civil_from_days). */
export function civilFromDay(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function daysInMonth(year: number, month: number): number {
  return month === 12 ? 31 : dayFromCivil(year, month + 1, 1) - dayFromCivil(year, month, 1);
}

/** Parses a strict YYYY-MM-DD date; undefined if malformed or not a real day. */
export function parseIsoDay(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dayFromCivil(year, month, day);
}

export function formatIsoDay(dayNumber: number): string {
  const { year, month, day } = civilFromDay(dayNumber);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekday(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

/** Adds calendar months, clamping the day to the target month's length. */
export function addMonths(dayNumber: number, months: number): number {
  const { year, month, day } = civilFromDay(dayNumber);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return dayFromCivil(y, m, Math.min(day, daysInMonth(y, m)));
}

export interface MonthSpan {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  /** Day number of the 1st. */
  readonly first: number;
  readonly length: number;
}

/** The generated period with per-day lookup tables (index = day − first). */
export class Calendar {
  readonly first: number;
  readonly last: number;
  readonly length: number;
  /** ISO strings, shared by every transaction booked that day. */
  readonly iso: readonly string[];
  /** Calendar month 0–11 of each day. */
  readonly monthOfYear: Uint8Array;
  /** 0 = Monday … 6 = Sunday. */
  readonly weekday: Uint8Array;
  /** Months overlapping the period, in order. */
  readonly months: readonly MonthSpan[];
  /** Position in `months` of each day. */
  readonly monthIndex: Uint16Array;

  constructor(first: number, last: number) {
    this.first = first;
    this.last = last;
    this.length = last - first + 1;
    const iso: string[] = [];
    this.monthOfYear = new Uint8Array(this.length);
    this.weekday = new Uint8Array(this.length);
    this.monthIndex = new Uint16Array(this.length);
    const months: MonthSpan[] = [];
    for (let d = first; d <= last; d++) {
      const civil = civilFromDay(d);
      iso.push(formatIsoDay(d));
      this.monthOfYear[d - first] = civil.month - 1;
      this.weekday[d - first] = weekday(d);
      if (d === first || civil.day === 1) {
        months.push({
          year: civil.year,
          month: civil.month,
          first: dayFromCivil(civil.year, civil.month, 1),
          length: daysInMonth(civil.year, civil.month),
        });
      }
      this.monthIndex[d - first] = months.length - 1;
    }
    this.iso = iso;
    this.months = months;
  }
}
