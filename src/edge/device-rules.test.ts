import { describe, expect, it } from 'vitest';
import type { EdgeDefinition } from './definitions.ts';
import { decideOffers, dismiss, emptyHistory, type DevicePreferences } from './device-rules.ts';
import { dummyCampaign, epochReports, reportBody } from './reports.ts';
import { reportsPerEpoch } from './tokens.ts';
import { edgeDefinition } from '../../test/support/edge-definition.ts';

const definition = (id: string, offer: Partial<EdgeDefinition['offer']> = {}, purpose = 'bank_offers') =>
  edgeDefinition(id, { offer, purpose });

const open: DevicePreferences = {
  inboxConsents: ['bank_offers'],
  frequencyCap: null,
  notInterestedCategories: [],
  blockedPartners: [],
  stopEverything: false,
};
const a = definition(`edge-${'a'.repeat(22)}`);
const b = definition(`edge-${'b'.repeat(22)}`);

describe('the customer’s rules on the device', () => {
  it('shows nothing without the purpose’s inbox consent, after "stop everything" or a cap of never', () => {
    expect(decideOffers([a], { ...open, inboxConsents: [] }, emptyHistory, '2026-11-01').show).toEqual([]);
    expect(decideOffers([a], { ...open, stopEverything: true }, emptyHistory, '2026-11-01').show).toEqual([]);
    expect(decideOffers([a], { ...open, frequencyCap: 'never' }, emptyHistory, '2026-11-01').show).toEqual(
      [],
    );
    const partner = definition(a.id, {}, 'partner_offers');
    expect(decideOffers([partner], open, emptyHistory, '2026-11-01').show).toEqual([]);
    expect(decideOffers([a], open, emptyHistory, '2026-11-01').show).toEqual([a]);
  });

  it('drops categories and partners turned down, and offers marked "not interested"', () => {
    const rules = { ...open, notInterestedCategories: ['savings'] };
    expect(decideOffers([a], rules, emptyHistory, '2026-11-01').show).toEqual([]);
    const partner = definition(b.id, { provider: 'acme' });
    expect(
      decideOffers([partner], { ...open, blockedPartners: ['acme'] }, emptyHistory, '2026-11-01').show,
    ).toEqual([]);
    expect(decideOffers([a, b], open, dismiss(emptyHistory, a.id), '2026-11-01').show).toEqual([b]);
  });

  it('keeps to the frequency choice: one new offer per week, offers shown before stay', () => {
    const weekly = { ...open, frequencyCap: 'weekly' as const };
    const first = decideOffers([a, b], weekly, emptyHistory, '2026-11-01');
    expect(first.show).toEqual([a]);
    expect(first.held).toBe(1);
    const sixDays = decideOffers([a, b], weekly, first.history, '2026-11-07');
    expect([sixDays.show, sixDays.held]).toEqual([[a], 1]);
    const week = decideOffers([a, b], weekly, first.history, '2026-11-08');
    expect([week.show, week.held]).toEqual([[a, b], 0]);
  });
});

describe('the epoch’s reports', () => {
  const tokens = Array.from({ length: reportsPerEpoch }, (_, i) => String(i).repeat(472));

  it('are as many, and as long, whether or not anything matched', () => {
    const matched = epochReports('2026-10-29', [a.id], tokens);
    const none = epochReports('2026-10-29', [], tokens);
    expect(matched).toHaveLength(reportsPerEpoch);
    expect(none).toHaveLength(reportsPerEpoch);
    expect(matched.filter((r) => r.event === 'shown').map((r) => r.campaign)).toEqual([a.id]);
    expect(none.every((r) => r.campaign === dummyCampaign && r.event === 'dummy')).toBe(true);
    const lengths = new Set([...matched, ...none].map((r) => reportBody(r).length));
    expect(lengths.size).toBe(1);
  });

  it('never report more offers than the tokens they hold', () => {
    const many = Array.from(
      { length: reportsPerEpoch + 3 },
      (_, i) => `edge-${String.fromCharCode(99 + i).repeat(22)}`,
    );
    expect(epochReports('2026-10-29', many, tokens).filter((r) => r.event === 'shown')).toHaveLength(
      reportsPerEpoch,
    );
  });
});
