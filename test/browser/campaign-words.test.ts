// The campaign pages' words and draft rules, in Node: state sentences, journal steps with reasons, what is missing.
import { describe, expect, it } from 'vitest';
import { campaignBody, emptyDraft, missingOf } from '../../console/src/campaign-draft.ts';
import { eventInWords, stateInWords, statusWords, whenSent } from '../../console/src/campaign-words.ts';

const now = new Date('2030-03-01T09:00:00Z');
const state = { startsAt: '2030-03-01T11:00:00Z', endsAt: null, approvedBy: 'rui', refusal: null };

describe('campaigns in words', () => {
  it('says when the scheduler will send: at the start, or within a minute once it has passed', () => {
    expect(whenSent('2030-03-01T11:00:00Z', now)).toMatch(/^within a minute of its start, /);
    expect(whenSent('2030-03-01T08:00:00Z', now)).toBe('within a minute of approval (its start has come)');
  });

  it('says where each state stands and what comes next', () => {
    expect(stateInWords({ ...state, status: 'draft' }, now)).toMatch(/^Waiting for a second person/);
    expect(stateInWords({ ...state, status: 'approved' }, now)).toMatch(/scheduled.*can still be cancelled/);
    expect(
      stateInWords({ ...state, status: 'refused', refusal: 'DELIVERY_AUDIENCE_TOO_SMALL' }, now),
    ).toMatch(/vault refused it \(DELIVERY_AUDIENCE_TOO_SMALL\)/);
    expect(statusWords('draft')).toBe('waiting for approval');
  });

  it('reads the journal: an approver’s refusal with its reason, never raw JSON', () => {
    const refused = {
      event: 'cancelled',
      actor: 'rui',
      detail: '{"from":"draft","refused":true,"reason":"No."}',
    };
    expect(eventInWords(refused)).toBe('refused by rui: “No.”');
    expect(eventInWords({ event: 'cancelled', actor: 'mia', detail: '{"from":"approved"}' })).toBe(
      'cancelled by mia',
    );
    expect(eventInWords({ event: 'started', actor: 'scheduler', detail: null })).toBe(
      'started sending by scheduler',
    );
  });
});

describe('a campaign draft', () => {
  it('names what is missing, in order, and the end before the start', () => {
    expect(missingOf(emptyDraft)).toBe('Give the campaign a name.');
    const named = { ...emptyDraft, name: 'Spring' };
    expect(missingOf(named)).toBe('Choose a saved segment.');
    expect(missingOf({ ...named, segment: 's1' })).toBe('Choose an offer.');
    const full = { ...named, segment: 's1', offerId: 'o1', start: 'later' as const };
    expect(missingOf(full)).toBe('Say when it starts.');
    const late = { ...full, startsAt: '2030-03-02T10:00', endsAt: '2030-03-01T10:00' };
    expect(missingOf(late)).toBe('The end must come after the start.');
    expect(missingOf({ ...late, endsAt: '' })).toBeUndefined();
  });

  it('sends a saved segment by id, never an expression with it, and starts now at the moment of sending', () => {
    const draft = { ...emptyDraft, name: ' Spring ', segment: 's1', offerId: 'o1', also: ['o1', 'o2'] };
    expect(campaignBody(draft, now)).toEqual({
      name: 'Spring',
      offerId: 'o1',
      segment: 's1',
      alsoOffers: ['o2'],
      pickOffersBy: 'interest',
      channels: [],
      startsAt: now.toISOString(),
      frequencyCap: { messages: 1, days: 7 },
    });
  });
});
