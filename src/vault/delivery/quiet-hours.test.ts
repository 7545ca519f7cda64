// Quiet hours in the customer's time zone, wrapping midnight or not; and the fault setting's parser.
import { describe, expect, it } from 'vitest';
import { faultFromEnvironment } from './faults.ts';
import { insideQuietHours, notBefore } from './quiet-hours.ts';

describe('quiet hours', () => {
  it('spans wrap midnight', () => {
    expect(insideQuietHours(23 * 60, 22 * 60, 7 * 60)).toBe(true);
    expect(insideQuietHours(6 * 60 + 59, 22 * 60, 7 * 60)).toBe(true);
    expect(insideQuietHours(7 * 60, 22 * 60, 7 * 60)).toBe(false);
    expect(insideQuietHours(12 * 60, 9 * 60, 17 * 60)).toBe(true);
    expect(insideQuietHours(12 * 60, 12 * 60, 12 * 60)).toBe(false);
  });

  it('holds a notice until the quiet hours end in the customer’s zone', () => {
    const now = new Date('2026-01-15T22:30:15Z');
    // 22:30 in London (winter, UTC+0) is inside 22:00–07:00: wait until 07:00 London.
    expect(notBefore(now, { start: '22:00', end: '07:00', timeZone: 'Europe/London' })).toEqual(
      new Date('2026-01-16T07:00:00Z'),
    );
    // 23:30 in Berlin is inside too; 07:00 Berlin is 06:00 UTC.
    expect(notBefore(now, { start: '22:00', end: '07:00', timeZone: 'Europe/Berlin' })).toEqual(
      new Date('2026-01-16T06:00:00Z'),
    );
    // 17:30 in New York is outside.
    expect(notBefore(now, { start: '22:00', end: '07:00', timeZone: 'America/New_York' })).toEqual(now);
    expect(notBefore(now, undefined)).toEqual(now);
    expect(notBefore(now, { start: '22:00', end: '07:00', timeZone: 'Not/AZone' })).toEqual(now);
  });
});

describe('faultFromEnvironment', () => {
  it('is off when unset and refuses a malformed setting', () => {
    expect(faultFromEnvironment({})).toBeUndefined();
    expect(() => faultFromEnvironment({ CURTAIN_FAULT: 'after-lunch:1' })).toThrow(/CURTAIN_FAULT/);
    expect(() => faultFromEnvironment({ CURTAIN_FAULT: 'after-freeze:0' })).toThrow(/CURTAIN_FAULT/);
    const hook = faultFromEnvironment({ CURTAIN_FAULT: 'after-freeze:2' });
    // Other points, and the first time at the point, pass.
    hook?.('after-inbox-batch');
    hook?.('after-freeze');
    expect(hook).toBeTypeOf('function');
  });
});
