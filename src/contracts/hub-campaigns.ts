// The hub's campaign contracts: a draft as a marketer sends it, the campaign, its detail, run and results.
import { z } from 'zod';
import { id, isoDate, isoDateTime, privacyCost, text } from './common.ts';
import { leadOutcomes } from './door.ts';
import { offer } from './hub-catalogue.ts';
import { regionName } from './hub-regions.ts';
import { expression } from './hub-segments.ts';

export const campaignStatuses = [
  'draft',
  'approved',
  'running',
  'stopping',
  'stopped',
  'finished',
  'refused',
  'cancelled',
] as const;
export const noticeChannels = ['email', 'push', 'webhook'] as const;
export const pickOffersBy = ['interest', 'propensity'] as const;

/** A start or end: an ISO date (midnight UTC) or date and time with its offset. */
const moment = z.union([isoDateTime, isoDate], 'an ISO 8601 date, or date and time with an offset');
const after = (later: string | undefined, earlier: string) =>
  later === undefined || Date.parse(later) > Date.parse(earlier);

export const frequencyCap = z
  .strictObject({
    messages: z.int().min(1).max(1000),
    days: z.int().min(1).max(366),
  })
  .describe('at most `messages` per person in `days` days');

export const campaignInput = z
  .strictObject({
    name: text(120),
    offerId: id,
    segment: id.optional().describe('a segment’s name or id; or else `audience`'),
    audience: expression.optional(),
    alsoOffers: z
      .array(id)
      .max(16, 'at most 16 other offers')
      .default([])
      .describe('offers of the same purpose tried in order for each person, by interest'),
    pickOffersBy: z
      .enum(pickOffersBy)
      .default('interest')
      .describe(
        'with alsoOffers: "interest" (the hub chooses per released token) or "propensity" (the vault picks ' +
          'each person’s offer by the approved models’ scores; the next best offer)',
      ),
    channels: z
      .array(z.enum(noticeChannels))
      .max(noticeChannels.length)
      .default([])
      .describe('channels that carry a notice; the inbox always holds the message'),
    startsAt: moment,
    endsAt: moment.optional(),
    frequencyCap: frequencyCap.default({ messages: 1, days: 7 }),
    maxMessages: z.int().min(1).max(10_000_000).optional(),
    regions: z
      .union([z.literal('all'), z.array(regionName).min(1).max(64)])
      .optional()
      .describe(
        'the regional vaults it runs in, or "all" registered now; unset: the hub’s own vault. Each vault ' +
          'admits and delivers to its own customers under its own guard',
      ),
  })
  .refine((d) => (d.segment === undefined) !== (d.audience === undefined), {
    path: ['audience'],
    message: 'name either a segment or an audience expression, not both',
  })
  .refine((d) => after(d.endsAt, d.startsAt), { path: ['endsAt'], message: 'must be after startsAt' })
  .refine((d) => new Set([d.offerId, ...d.alsoOffers]).size === d.alsoOffers.length + 1, {
    path: ['alsoOffers'],
    message: 'each offer once, and not the campaign’s own offer',
  })
  .meta({ id: 'NewCampaign' });

const time = z.date();

export const campaign = z
  .object({
    id: z.string(),
    name: z.string(),
    segmentId: z.string().nullable(),
    audience: z.string().describe('the segment expression, fixed when the campaign was drafted'),
    offerId: z.string(),
    channels: z.array(z.enum(noticeChannels)),
    startsAt: time,
    endsAt: time.nullable(),
    frequencyCap: z.object({ messages: z.int(), days: z.int() }),
    maxMessages: z.int().nullable(),
    pickOffersBy: z.enum(pickOffersBy),
    status: z.enum(campaignStatuses),
    refusal: z.string().nullable().describe('the vault’s refusal code when status is "refused"'),
    createdBy: z.string(),
    createdAt: time,
    approvedBy: z.string().nullable(),
    approvedAt: time.nullable(),
    startedAt: time.nullable(),
    finishedAt: time.nullable(),
    regions: z
      .array(z.string())
      .nullable()
      .describe('the regions it runs in, fixed when drafted; null: the hub’s own vault'),
  })
  .meta({ id: 'Campaign' });

export const campaignRegionStates = [
  'held',
  'delivered',
  'suppressed',
  'refused',
  'unreachable',
  'stopped',
] as const;

export const campaignRegion = z
  .object({
    region: z.string(),
    state: z
      .enum(campaignRegionStates)
      .describe(
        'held: approved, not yet delivered; suppressed: under that vault’s noised k; refused: its guard ' +
          'said no; unreachable: no answer (run again to resume: nothing is sent twice); stopped: that ' +
          'vault stopped sending when the campaign was stopped',
      ),
    code: z.string().nullable().describe('the vault’s refusal or the door’s error code'),
  })
  .meta({ id: 'CampaignRegion' });

export const campaignEvent = z
  .object({ event: z.string(), actor: z.string(), at: time, detail: z.string().nullable() })
  .meta({ id: 'CampaignEvent' });

const count = z.int().nullable();

export const campaignResults = z
  .object({
    campaignId: z.string(),
    delivered: count,
    opened: count,
    interested: count,
    leadOutcomes: leadOutcomes
      .nullable()
      .describe(
        'its leads by the status their advisor last gave them; null if released before outcomes were',
      ),
    epsilon: z.string().describe('ε this release cost; "0" when it repeats the day’s release'),
    releasedOn: z.string().describe('an ISO date'),
    budget: privacyCost.optional().describe('what the release cost and what is left (absent when read back)'),
  })
  .describe('noised counts; null where the noised count fell under the noised threshold')
  .meta({ id: 'HubCampaignResults' });

const rememberedCount = z
  .object({ count: z.int(), askedBy: z.string(), askedAt: time })
  .nullable()
  .describe('the latest protected (noised) count of the audience under the offer’s purpose, if asked');

export const campaignReview = z
  .object({
    audience: z.string().describe('the segment expression'),
    purpose: z.string().describe('the offer’s purpose, which the audience is checked under'),
    sentence: z
      .string()
      .nullable()
      .describe('“Why am I seeing this?” as customers will read it; null when the audience fails the check'),
    check: z
      .object({ passed: z.boolean(), code: z.string().nullable(), problem: z.string().nullable() })
      .describe('the vault’s static check of the audience under the purpose, run again now (free)'),
    fairLending: z
      .object({
        applies: z
          .boolean()
          .describe('true for credit offers: then the check includes the fair-lending rules'),
        rules: z.string().describe('the version of the protected attributes and proxies list'),
      })
      .describe('src/language/fair-lending.ts: credit audiences may not use protected attributes or proxies'),
    protectedCount: rememberedCount.describe(
      'the latest protected count already released (never a new charge), if anyone asked for one',
    ),
  })
  .meta({ id: 'CampaignReview' });

/** What a marketer is about to send: a saved segment or an expression, and the offer. */
export const campaignPreviewInput = z
  .strictObject({
    offerId: id,
    segment: id.optional().describe('a segment’s name or id; or else `audience`'),
    audience: expression.optional(),
  })
  .refine((d) => (d.segment === undefined) !== (d.audience === undefined), {
    path: ['audience'],
    message: 'name either a segment or an audience expression, not both',
  })
  .meta({ id: 'CampaignPreviewRequest' });

export const campaignPreview = z.object({ offer, review: campaignReview }).meta({ id: 'CampaignPreview' });

export const campaignDetail = z
  .object({
    campaign,
    offer,
    alsoOffers: z.array(offer),
    events: z.array(campaignEvent),
    results: z.array(campaignResults),
    protectedCount: rememberedCount,
    review: campaignReview,
  })
  .meta({ id: 'CampaignDetail' });

export const campaignRun = z
  .object({
    campaign,
    refusal: z.object({ code: z.string(), message: z.string() }).nullable(),
    budget: privacyCost.optional().describe('what the run’s admission cost and what is left'),
    regions: z
      .array(campaignRegion)
      .optional()
      .describe('a regional campaign: where each region’s part stands (no counts)'),
    missing: z
      .array(z.string())
      .optional()
      .describe('the regions not delivered yet (unreachable): the campaign stays running until they are'),
  })
  .meta({ id: 'CampaignRun' });

export const campaignApproval = z
  .strictObject({ reason: text(1000).optional().describe('why, in the approver’s words; logged') })
  .meta({ id: 'CampaignApproval' });

export const campaignRefusal = z
  .strictObject({ reason: text(1000).describe('why, in the approver’s words; logged') })
  .meta({ id: 'CampaignRefusal' });

export const campaignCancellation = z
  .strictObject({
    reason: text(1000)
      .optional()
      .describe('why, in the canceller’s words; logged. Required to stop a campaign that is sending'),
  })
  .meta({ id: 'CampaignCancellation' });

export const campaignsQuery = z.strictObject({ status: z.enum(campaignStatuses).optional() });

export type CampaignStatus = (typeof campaignStatuses)[number];
export type NewCampaign = z.input<typeof campaignInput>;
export type Campaign = z.output<typeof campaign>;
export type CampaignEvent = z.output<typeof campaignEvent>;
export type CampaignDetail = z.output<typeof campaignDetail>;
export type CampaignRegion = z.output<typeof campaignRegion>;
export type CampaignRegionState = (typeof campaignRegionStates)[number];
export type CampaignReview = z.output<typeof campaignReview>;
export type CampaignPreviewInput = z.input<typeof campaignPreviewInput>;
