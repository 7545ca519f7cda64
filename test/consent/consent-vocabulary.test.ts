// The pure consent vocabulary: notices, GPC, validation.
import { describe, expect, it } from 'vitest';
import {
  checkDecision,
  checkPreferenceChange,
  consentPurposes,
  currentNotice,
  gpcDecisions,
  hasGpcSignal,
  purposeDefinitions,
  requiresConsent,
} from '../../src/core/consent.ts';

describe('consent vocabulary', () => {
  it('versions every notice as <purpose>/v<n>, in order, the last one current', () => {
    for (const purpose of consentPurposes) {
      const notices = purposeDefinitions[purpose].notices;
      notices.forEach((notice, i) => expect(notice.id).toBe(`${purpose}/v${i + 1}`));
      expect(currentNotice(purpose)).toBe(notices.at(-1));
      expect([...notices].map((n) => n.publishedOn)).toEqual(notices.map((n) => n.publishedOn).sort());
      expect(requiresConsent(purpose)).toBe(true);
    }
  });

  it('reads Sec-GPC: 1 as a withdrawal of partner offers and profiling', () => {
    expect(hasGpcSignal('1')).toBe(true);
    expect(hasGpcSignal(' 1 ')).toBe(true);
    expect(hasGpcSignal('0')).toBe(false);
    expect(hasGpcSignal(undefined)).toBe(false);
    const at = new Date('2026-05-01T00:00:00Z');
    expect(gpcDecisions(9, at).map((d) => [d.purpose, d.channel, d.granted, d.source])).toEqual([
      ['partner_offers', 'all', false, 'gpc'],
      ['profiling', 'all', false, 'gpc'],
    ]);
    expect(gpcDecisions(9, at).every((d) => checkDecision(d) === undefined)).toBe(true);
  });

  it('names the problem of an invalid decision or preference', () => {
    const good = gpcDecisions(1, new Date())[0]!;
    expect(checkDecision({ ...good, customerId: 0 })).toBe('invalid-customer');
    expect(checkDecision({ ...good, channel: 'fax' as 'all' })).toBe('unknown-channel');
    expect(checkDecision({ ...good, source: 'guess' as 'api' })).toBe('unknown-source');
    expect(checkDecision({ ...good, noticeVersion: 'profiling/v1' })).toBe('unknown-notice');
    expect(checkDecision({ ...good, decidedAt: new Date(Number.NaN) })).toBe('invalid-time');
    expect(
      checkPreferenceChange({
        kind: 'quiet_hours',
        quietHours: { start: '25:00', end: '07:00', timeZone: 'UTC' },
      }),
    ).toBe('invalid-quiet-hours');
    expect(checkPreferenceChange({ kind: 'not_interested', category: 'Bad Code!', on: true })).toBe(
      'invalid-category',
    );
    expect(checkPreferenceChange({ kind: 'channels', channels: ['inbox', 'email'] })).toBeUndefined();
  });
});
