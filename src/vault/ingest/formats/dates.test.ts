import { describe, expect, it } from 'vitest';
import { dateReader, readIsoDate, readOfxDate } from './dates.ts';

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
