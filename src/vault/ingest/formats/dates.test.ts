import { describe, expect, it } from 'vitest';
import { datePatternReader, dateReader, readerForFormat, readIsoDate, readOfxDate } from './dates.ts';

describe('dateReader', () => {
  it.each([
    ['YYYY-MM-DD', '2024-02-29', '2024-02-29'],
    ['DD.MM.YYYY', '01.03.2024', '2024-03-01'],
    ['MM/DD/YYYY', '12/31/2023', '2023-12-31'],
    ['DD/MM/YYYY', '31/12/2023', '2023-12-31'],
    ['YYYYMMDD', '20240115', '2024-01-15'],
    ['DD-MM-YYYY', '05-06-2024', '2024-06-05'],
    ['YYYY/MM/DD', '2024/06/05', '2024-06-05'],
  ] as const)('reads %s', (format, text, expected) => {
    expect(dateReader(format)(text)).toBe(expected);
  });

  it.each([
    ['YYYY-MM-DD', '2023-02-29'],
    ['YYYY-MM-DD', '2024-13-01'],
    ['YYYY-MM-DD', '2024-04-31'],
    ['YYYY-MM-DD', '2024-00-10'],
    ['YYYY-MM-DD', '0024-01-01'],
    ['YYYY-MM-DD', '2024-1-01'],
    ['YYYY-MM-DD', '2024/01/01'],
    ['YYYY-MM-DD', ''],
    ['DD.MM.YYYY', '32.03.2024'],
    ['MM/DD/YYYY', '31/12/2023'],
    ['YYYYMMDD', '2024011'],
    ['YYYYMMDD', '2024-01-15'],
  ] as const)('refuses %s %j', (format, text) => {
    expect(dateReader(format)(text)).toBeUndefined();
  });

  it('knows leap years', () => {
    const read = dateReader('YYYY-MM-DD');
    expect(read('2000-02-29')).toBe('2000-02-29');
    expect(read('1900-02-29')).toBeUndefined();
  });

  it('takes the date part of a date-time as written, without converting time zones', () => {
    expect(readIsoDate('2024-05-02T23:59:59+02:00')).toBe('2024-05-02');
    expect(readIsoDate('2025-07-23T00:00:00.000000000')).toBe('2025-07-23');
    expect(readIsoDate('2024-05-02 10:00')).toBe('2024-05-02');
    expect(dateReader('DD.MM.YYYY')('01.03.2024 10:00')).toBe('2024-03-01');
    expect(readIsoDate('2024-05-02X')).toBeUndefined();
  });
});

describe('readOfxDate', () => {
  it('reads the date part of OFX date-times', () => {
    expect(readOfxDate('20240115120000.000[-5:EST]')).toBe('2024-01-15');
    expect(readOfxDate('20090401122017.000[-5:EST]')).toBe('2009-04-01');
    expect(readOfxDate('20180507')).toBe('2018-05-07');
    expect(readOfxDate('20180804093914:014')).toBe('2018-08-04');
  });

  it('refuses what is not a date', () => {
    expect(readOfxDate('2024-01-15')).toBeUndefined();
    expect(readOfxDate('20241315')).toBeUndefined();
    expect(readOfxDate('2024')).toBeUndefined();
    expect(readOfxDate('')).toBeUndefined();
  });
});

describe('datePatternReader', () => {
  it.each([
    ['YYMMDD', '930705', '1993-07-05'],
    ['YYMMDD', '240229', '2024-02-29'],
    ['D.M.YY', '5.7.93', '1993-07-05'],
    ['DD/MM/YY', '31/12/68', '2068-12-31'],
    ['DD/MM/YY', '01/01/69', '1969-01-01'],
    ['MM/DD/YY', '12/31/23', '2023-12-31'],
    ['DD MMM YYYY', '15 Jan 2024', '2024-01-15'],
    ['DD MMM YYYY', '15  JANUARY 2024 10:30', '2024-01-15'],
    ['DD-MMM-YY', '05-Sep-24', '2024-09-05'],
    ['MMMM D, YYYY', 'March 3, 2024', '2024-03-03'],
  ] as const)('reads %s %j', (pattern, text, expected) => {
    expect(datePatternReader(pattern)(text)).toBe(expected);
  });

  it('reads month names of the given language, with or without accents and dots, besides English', () => {
    expect(datePatternReader('D. MMM YYYY', { monthLanguage: 'de' })('3. März 2024')).toBe('2024-03-03');
    expect(datePatternReader('D. MMM YYYY', { monthLanguage: 'de' })('3. Mrz 2024')).toBeUndefined();
    expect(datePatternReader('DD MMM YYYY', { monthLanguage: 'fr' })('01 févr. 2024')).toBe('2024-02-01');
    expect(datePatternReader('DD MMM YYYY', { monthLanguage: 'fr' })('01 FEVR 2024')).toBe('2024-02-01');
    expect(datePatternReader('D. MMM YYYY', { monthLanguage: 'cs' })('5. ledna 2024')).toBe('2024-01-05');
    expect(datePatternReader('D. MMM YYYY', { monthLanguage: 'cs' })('5. leden 2024')).toBe('2024-01-05');
    expect(datePatternReader('D. MMM YYYY', { monthLanguage: 'cs' })('5. January 2024')).toBe('2024-01-05');
  });

  it('moves the two-digit-year pivot where the mapping says', () => {
    const read = datePatternReader('YYMMDD', { twoDigitYearPivot: 30 });
    expect(read('291231')).toBe('2029-12-31');
    expect(read('300101')).toBe('1930-01-01');
  });

  it.each([
    ['YYMMDD', '930230'],
    ['YYMMDD', '93075'],
    ['DD MMM YYYY', '15 Foo 2024'],
    ['D.M.YY', '32.1.24'],
    ['D.M.YY', '1.1.2024'],
    ['DD MMM YYYY', ''],
  ] as const)('refuses %s %j', (pattern, text) => {
    expect(datePatternReader(pattern)(text)).toBeUndefined();
  });

  it('refuses a pattern without a day, or with letters it does not know', () => {
    expect(() => datePatternReader('YYYY-MM')).toThrow(/exactly one year/);
    expect(() => datePatternReader('DD.MM.YYYY hh')).toThrow(/only YYYY/);
  });

  it('keeps the fast reader for the fixed layouts, and agrees with the pattern reader on them', () => {
    for (const format of ['YYYY-MM-DD', 'DD.MM.YYYY', 'YYYYMMDD'] as const) {
      for (const text of ['2024-02-29', '29.02.2024', '20240229', '2023-02-29', '29.02.2023']) {
        expect(readerForFormat(format)(text)).toBe(datePatternReader(format)(text));
      }
    }
  });
});
