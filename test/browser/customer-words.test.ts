// The customer pages' words, in Node: quiet hours between time zones, deadlines, lead states, history lines.
import { describe, expect, it } from 'vitest';
import { leadWords } from '../../console/src/lead-words.ts';
import { convertTime, offsetMinutes } from '../../console/src/local-time.ts';
import { changeWords } from '../../console/src/preference-words.ts';
import { deadlineWords, rejectionWords } from '../../console/src/request-words.ts';

describe('quiet hours in the reader’s own time', () => {
  const winter = new Date('2026-01-15T12:00:00Z');
  const summer = new Date('2026-07-15T12:00:00Z');

  it('shifts a time of day by the zones’ offsets on the day, across midnight', () => {
    expect(offsetMinutes('Europe/Berlin', winter)).toBe(60);
    expect(offsetMinutes('Europe/Berlin', summer)).toBe(120);
    expect(convertTime('22:00', 'UTC', 'Europe/Berlin', winter)).toBe('23:00');
    expect(convertTime('22:00', 'UTC', 'Europe/Berlin', summer)).toBe('00:00');
    expect(convertTime('07:30', 'Europe/Berlin', 'America/New_York', winter)).toBe('01:30');
    expect(convertTime('05:00', 'Asia/Kolkata', 'UTC', winter)).toBe('23:30');
    expect(convertTime('22:00', 'Europe/Berlin', 'Europe/Berlin', winter)).toBe('22:00');
  });

  it('reads an unknown zone as UTC rather than failing', () => {
    expect(convertTime('22:00', 'Mars/Olympus', 'UTC', winter)).toBe('22:00');
  });
});

describe('requests and leads in words', () => {
  const now = Date.parse('2026-12-06T12:00:00Z');

  it('says how far the deadline is, or how overdue', () => {
    expect(deadlineWords('2026-12-18T12:00:00Z', now)).toBe('due in 12 days');
    expect(deadlineWords('2026-12-07T11:00:00Z', now)).toBe('due tomorrow');
    expect(deadlineWords('2026-12-06T11:00:00Z', now)).toBe('due today');
    expect(deadlineWords('2026-12-03T11:00:00Z', now)).toBe('overdue by 3 days');
  });

  it('names the lawful reason and its provision, and keeps an older code as it was', () => {
    expect(rejectionWords('legal-claims')).toBe(
      'The data is needed to establish, exercise or defend legal claims. (GDPR Art. 17(3)(e))',
    );
    expect(rejectionWords('some-old-code')).toBe('some-old-code');
  });

  it('tells a customer where their request to be contacted stands', () => {
    expect(leadWords({ state: 'open', status: null, withdrawnAt: null })).toBe('waiting for an advisor');
    expect(leadWords({ state: 'claimed', status: 'meeting', withdrawnAt: null })).toBe(
      'a meeting with an advisor is arranged',
    );
    expect(leadWords({ state: 'withdrawn', status: 'contacted', withdrawnAt: '2026-12-01' })).toBe(
      'you withdrew it',
    );
  });

  it('writes each history line as a sentence', () => {
    const line = (change: Partial<Parameters<typeof changeWords>[0]>) =>
      changeWords({
        at: '',
        kind: 'consent',
        purpose: null,
        channel: null,
        on: null,
        value: null,
        ...change,
      });
    expect(line({ purpose: 'bank_offers', channel: 'email', on: true })).toBe(
      'Offers from your bank by email: agreed',
    );
    expect(line({ kind: 'not_interested', value: 'home_insurance', on: false })).toBe(
      'Not interested in home insurance: undone',
    );
    expect(line({ kind: 'frequency_cap', value: 'weekly' })).toBe('How often: at most one a week');
  });
});
