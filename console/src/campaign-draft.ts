// A campaign being drafted in the console: the form's state, and the request bodies built from it.
import type { Body, Reply } from './api/types.ts';

/** The catalogue's offers a campaign chooses from. */
export type Offers = Reply<'/v1/hub/offers', 'get'>['offers'];

export interface CampaignDraftForm {
  readonly name: string;
  /** A saved segment, or an expression written here. */
  readonly source: 'saved' | 'written';
  readonly segment: string;
  readonly audience: string;
  readonly offerId: string;
  readonly also: readonly string[];
  readonly pickOffersBy: 'interest' | 'propensity';
  readonly channels: readonly ('email' | 'push')[];
  readonly start: 'now' | 'later';
  /** datetime-local values: the person's own time zone, to the minute. */
  readonly startsAt: string;
  readonly endsAt: string;
  readonly capMessages: number;
  readonly capDays: number;
}

export const emptyDraft: CampaignDraftForm = {
  name: '',
  source: 'saved',
  segment: '',
  audience: '',
  offerId: '',
  also: [],
  pickOffersBy: 'interest',
  channels: [],
  start: 'now',
  startsAt: '',
  endsAt: '',
  capMessages: 1,
  capDays: 7,
};

const audienceOf = (d: CampaignDraftForm) =>
  d.source === 'saved' ? { segment: d.segment } : { audience: d.audience };

export const previewBody = (d: CampaignDraftForm): Body<'/v1/hub/campaigns/preview', 'post'> => ({
  offerId: d.offerId,
  ...audienceOf(d),
});

/** The start as an instant: now when it starts now (taken at the moment of sending). */
export const startOf = (d: CampaignDraftForm, now = new Date()): string =>
  d.start === 'now' ? now.toISOString() : new Date(d.startsAt).toISOString();

export const campaignBody = (d: CampaignDraftForm, now = new Date()): Body<'/v1/hub/campaigns', 'post'> => ({
  name: d.name.trim(),
  offerId: d.offerId,
  ...audienceOf(d),
  alsoOffers: d.also.filter((id) => id !== d.offerId),
  pickOffersBy: d.pickOffersBy,
  channels: [...d.channels],
  startsAt: startOf(d, now),
  ...(d.endsAt === '' ? {} : { endsAt: new Date(d.endsAt).toISOString() }),
  frequencyCap: { messages: d.capMessages, days: d.capDays },
});

/** What is missing before a preview can be asked, in words; undefined when nothing is. */
export function missingOf(d: CampaignDraftForm): string | undefined {
  if (d.name.trim() === '') return 'Give the campaign a name.';
  if (d.source === 'saved' && d.segment === '') return 'Choose a saved segment.';
  if (d.source === 'written' && d.audience.trim() === '') return 'Write the audience.';
  if (d.offerId === '') return 'Choose an offer.';
  if (d.start === 'later' && d.startsAt === '') return 'Say when it starts.';
  const start = d.start === 'now' ? Date.now() : Date.parse(d.startsAt);
  if (d.endsAt !== '' && Date.parse(d.endsAt) <= start) return 'The end must come after the start.';
  return undefined;
}

/** Now, as a datetime-local input shows it: the person's own time zone, to the minute. */
export function localNow(offsetMs = 0): string {
  const now = new Date(Date.now() + offsetMs);
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
