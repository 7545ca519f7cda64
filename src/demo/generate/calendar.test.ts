// Day numbers against the platform's Date, for the range the generator uses.
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  Calendar,
  civilFromDay,
  dayFromCivil,
  formatIsoDay,
  parseIsoDay,
  weekday,
} from './calendar.ts';

describe('calendar', () => {
  it('agrees with Date from 1900 to 2100', () => {
    for (let day = dayFromCivil(1900, 1, 1); day <= dayFromCivil(2100, 12, 31); day += 17) {
      const date = new Date(day * 86_400_000);
      expect(formatIsoDay(day)).toBe(date.toISOString().slice(0, 10));
      expect(weekday(day)).toBe((date.getUTCDay() + 6) % 7);
      const { year, month, day: d } = civilFromDay(day);
      expect(dayFromCivil(year, month, d)).toBe(day);
    }
  });

  it('parses strict dates only', () => {
    expect(parseIsoDay('2024-02-29')).toBe(dayFromCivil(2024, 2, 29));
    expect(parseIsoDay('2025-02-29')).toBeUndefined();
    expect(parseIsoDay('2025-1-01')).toBeUndefined();
    expect(parseIsoDay('2025-13-01')).toBeUndefined();
  });

  it('adds months with clamping', () => {
    expect(formatIsoDay(addMonths(parseIsoDay('2026-11-01')!, -24))).toBe('2024-11-01');
    expect(formatIsoDay(addMonths(parseIsoDay('2024-03-31')!, -1))).toBe('2024-02-29');
  });

  it('tabulates a period', () => {
    const calendar = new Calendar(parseIsoDay('2025-12-30')!, parseIsoDay('2026-02-02')!);
    expect(calendar.length).toBe(35);
    expect(calendar.iso[0]).toBe('2025-12-30');
    expect(calendar.months.map((m) => `${m.year}-${m.month}`)).toEqual(['2025-12', '2026-1', '2026-2']);
    expect(calendar.monthIndex[2]).toBe(1);
    expect(calendar.monthOfYear[2]).toBe(0);
  });
});
