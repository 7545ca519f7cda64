// The console's budget in words: shares, prices, the reset in the reader's zone, the last action's warning.
import { describe, expect, it } from 'vitest';
import {
  costInWords,
  isLastOf,
  leftInWords,
  rationalValue,
  resetInWords,
  shareInWords,
} from '../../console/src/budget-words.ts';

describe('budget words', () => {
  it('reads the API’s exact rationals', () => {
    expect(rationalValue('5/8')).toBe(0.625);
    expect(rationalValue('20')).toBe(20);
  });

  it('says how much is left in words, never as a bare fraction', () => {
    expect(leftInWords('5', '5', 'month')).toBe('all of this month’s budget left');
    expect(leftInWords('5/2', '5', 'month')).toBe('about half of this month’s budget left');
    expect(leftInWords('35/8', '5', 'week')).toBe('nearly all of this week’s budget left');
    expect(leftInWords('5/4', '5', 'day')).toBe('about a quarter of today’s budget left');
    expect(leftInWords('1/8', '5', 'month')).toBe('a little of this month’s budget left');
    expect(leftInWords('0', '5', 'month')).toBe('none of this month’s budget left');
    expect(shareInWords(0.7, 1)).toBe('about two thirds');
    expect(shareInWords(0.35, 1)).toBe('about a third');
  });

  it('prices an action against the asker’s budget, and a repeat as nothing', () => {
    expect(costInWords('5/8', '5', 'month')).toBe('about an eighth of this month’s budget');
    expect(costInWords('0', '5', 'month')).toBe('nothing');
  });

  it('says when it resets in the reader’s time zone', () => {
    expect(resetInWords('2027-01-01T00:00:00.000Z', 'UTC')).toBe('1 January 2027 at 00:00 UTC');
    expect(resetInWords('2027-01-01T00:00:00.000Z', 'America/New_York')).toBe(
      '31 December 2026 at 19:00 GMT-5',
    );
  });

  it('warns before the action that leaves too little for another', () => {
    expect(isLastOf('5/4', '5/8')).toBe(false);
    expect(isLastOf('1', '5/8')).toBe(true);
    expect(isLastOf('5/8', '5/8')).toBe(true);
    expect(isLastOf('1/2', '5/8')).toBe(false);
    expect(isLastOf('1', '0')).toBe(false);
  });
});
