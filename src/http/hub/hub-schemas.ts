// Response shapes of the hub API: what the console and the OpenAPI document rely on, and nothing more.
import { campaignStatuses } from '../../hub/campaign-record.ts';
import { costSchema } from './hub-fields.ts';

const text = { type: 'string' } as const;
const nullableText = { type: ['string', 'null'] } as const;
const time = { type: 'string', format: 'date-time' } as const;
const nullableTime = { type: ['string', 'null'], format: 'date-time' } as const;

export const productSchema = {
  type: 'object',
  properties: { code: text, name: text, provider: text, credit: { type: 'boolean' } },
} as const;

export const offerSchema = {
  type: 'object',
  properties: {
    id: text,
    productCode: text,
    provider: text,
    credit: { type: 'boolean' },
    title: text,
    body: text,
    callToAction: text,
    category: text,
    purpose: text,
    validFrom: text,
    validUntil: text,
    interests: { type: 'array', items: text },
    createdBy: text,
  },
} as const;

export const segmentSchema = {
  type: 'object',
  properties: {
    id: text,
    name: text,
    expression: text,
    purpose: text,
    createdBy: text,
    explanation: { type: 'string', description: 'the segment in plain words, as a customer reads it' },
  },
} as const;

export const campaignSchema = {
  type: 'object',
  properties: {
    id: text,
    name: text,
    segmentId: nullableText,
    audience: text,
    offerId: text,
    channels: { type: 'array', items: text },
    startsAt: time,
    endsAt: nullableTime,
    frequencyCap: {
      type: 'object',
      properties: { messages: { type: 'integer' }, days: { type: 'integer' } },
    },
    maxMessages: { type: ['integer', 'null'] },
    status: { type: 'string', enum: [...campaignStatuses] },
    refusal: { ...nullableText, description: 'the vault’s refusal code when status is "refused"' },
    createdBy: text,
    createdAt: time,
    approvedBy: nullableText,
    approvedAt: nullableTime,
    startedAt: nullableTime,
    finishedAt: nullableTime,
  },
} as const;

export const resultsSchema = {
  type: 'object',
  description: 'noised counts; null where the noised count fell under the noised threshold',
  properties: {
    campaignId: text,
    delivered: { type: ['integer', 'null'] },
    opened: { type: ['integer', 'null'] },
    interested: { type: ['integer', 'null'] },
    epsilon: { type: 'string', description: 'ε this release cost; "0" when it repeats the day’s release' },
    releasedOn: text,
    budget: { ...costSchema, description: 'what the release cost and what is left (absent when read back)' },
  },
} as const;

export const campaignDetailSchema = {
  type: 'object',
  properties: {
    campaign: campaignSchema,
    offer: offerSchema,
    alsoOffers: { type: 'array', items: offerSchema },
    events: {
      type: 'array',
      items: { type: 'object', properties: { event: text, actor: text, at: time, detail: nullableText } },
    },
    results: { type: 'array', items: resultsSchema },
  },
} as const;

export const runSchema = {
  type: 'object',
  properties: {
    campaign: campaignSchema,
    refusal: {
      type: ['object', 'null'],
      properties: { code: text, message: text },
    },
    budget: { ...costSchema, description: 'what the run’s admission cost and what is left' },
  },
} as const;

export const staffSchema = {
  type: 'object',
  properties: { handle: text, roles: { type: 'array', items: text } },
} as const;

export const listOf = (key: string, items: object) =>
  ({ type: 'object', properties: { [key]: { type: 'array', items } } }) as const;
