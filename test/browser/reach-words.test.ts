// The Regions page's words for a vault's reach, in Node: how long ago, and since when in the reader's zone.
import { describe, expect, it } from 'vitest';
import { agoInWords, reachInWords } from '../../console/src/reach-words.ts';

const now = new Date('2030-03-01T14:30:00Z');

describe('a vault’s reach in words', () => {
  it('says how long ago, rounded to what a person reads', () => {
    expect(agoInWords('2030-03-01T14:29:50Z', now)).toBe('just now');
    expect(agoInWords('2030-03-01T14:28:00Z', now)).toBe('2 minutes ago');
    expect(agoInWords('2030-03-01T14:29:00Z', now)).toBe('1 minute ago');
    expect(agoInWords('2030-03-01T11:30:00Z', now)).toBe('3 hours ago');
    expect(agoInWords('2030-02-27T14:30:00Z', now)).toBe('2 days ago');
  });

  it('a reachable vault: when it was last reached', () => {
    const reach = {
      status: 'reachable',
      lastSeenAt: '2030-03-01T14:28:00Z',
      unreachableSince: null,
      failure: null,
    } as const;
    expect(reachInWords(reach, now)).toBe('Reachable: last reached 2 minutes ago');
  });

  it('an unreachable vault: since when, in the reader’s zone, with the code and the last time it was reached', () => {
    const reach = {
      status: 'unreachable',
      lastSeenAt: '2030-03-01T13:58:00Z',
      unreachableSince: '2030-03-01T14:02:00Z',
      failure: 'VAULT_UNAVAILABLE',
    } as const;
    expect(reachInWords(reach, now, 'UTC')).toBe(
      'Unreachable since 14:02 (VAULT_UNAVAILABLE); last reached 32 minutes ago',
    );
    expect(reachInWords(reach, now, 'Europe/Berlin')).toMatch(/^Unreachable since 15:02 /);
    // 1 March 23:00 in Auckland is yesterday there: 14:30 UTC is already 2 March, 03:30.
    const late = { ...reach, unreachableSince: '2030-03-01T10:00:00Z' };
    expect(reachInWords(late, now, 'Pacific/Auckland')).toMatch(/^Unreachable since 1 Mar 2030, 23:00 /);
    const never = { ...reach, lastSeenAt: null };
    expect(reachInWords(never, now, 'UTC')).toMatch(/; never reached$/);
  });
});
