// The door between hub and vault as contracts: every VaultDoor request and answer, one zod schema each.
import { z } from 'zod';
import type { JsonValue } from '../core/audit-event.ts';
import type { ConsentChannel } from '../core/consent.ts';
import { errorCatalogue, type ErrorCode } from '../core/errors.ts';
import { code, privacyCost, text } from './common.ts';
import { roundDoorMethods } from './door-rounds.ts';
import { languageDiagnostic } from './questions.ts';

export { privacyCost };

/** Codes a door refusal may carry: the error catalogue's, and no other. */
export type RefusalCode = ErrorCode;
const refusalCodes = Object.keys(errorCatalogue) as [RefusalCode, ...RefusalCode[]];
export const refusalCode = z.enum(refusalCodes);

const deliveryRefusalCodes = [
  'QUESTION_INVALID',
  'QUESTION_PURPOSE_UNKNOWN',
  'PRIVACY_BUDGET_EXHAUSTED',
  'PRIVACY_DIFFERENCING',
  'DELIVERY_AUDIENCE_TOO_SMALL',
  'DELIVERY_INVALID',
] as const satisfies readonly RefusalCode[];

const noticeChannels = ['email', 'push', 'webhook'] as const satisfies readonly ConsentChannel[];

/** A door method's answer: `{ ok: true, value }` or `{ ok: false, error }`, as core/result.ts. */
const result = <Value extends z.ZodType, Refusal extends z.ZodType>(value: Value, error: Refusal) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error }),
  ]);

// Requests: what the hub sends (unknown keys refused).

/** What an offer says, as the hub wrote it: plain text with no slot for anything about the customer. */
export const offerContent = z
  .strictObject({
    offerId: text(128).describe('the hub’s id of the offer'),
    title: text(200),
    body: text(5_000),
    callToAction: text(100).describe('the label of the "Interested — connect me" button'),
    category: code.describe('"not interested in offers like this" suppresses offers of the category'),
    partner: code.optional().describe('the partner’s code; absent for the bank’s own products'),
    productCode: code
      .optional()
      .describe('the product offered: its approved propensity model ranks the offer for the next best offer'),
    credit: z.boolean(),
    validUntil: z.iso.date('an ISO date, YYYY-MM-DD').describe('the offer is not shown after this day'),
  })
  .meta({ id: 'OfferContent' });

const frequencyCap = z
  .strictObject({
    messages: z.number().int().min(1).max(1_000),
    days: z.number().int().min(1).max(3_650),
  })
  .describe('a customer who had `messages` offers in the last `days` days is skipped');

const audienceFields = {
  campaignId: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, 'a campaign id (letters, digits, "_", ".", ":", "-")')
    .describe('the hub’s campaign id; a second request with the same id resumes the first'),
  requestedBy: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/i, 'a staff handle')
    .describe('the staff handle charged for the audience check and the results'),
  purpose: z.string().min(1).max(64).describe('a question purpose code, e.g. "credit_offers"'),
  audience: z.string().min(1).max(10_000).describe('a segment expression'),
  frequencyCap,
  maxMessages: z.number().int().min(1).optional().describe('at most this many messages'),
};

const releasedTokenId = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'a released token');

/** One offer and the released tokens the hub chose it for. */
export const offerChoice = z.strictObject({
  offer: offerContent,
  tokens: z.array(releasedTokenId).max(10_000_000),
});

/** "Send this offer to this audience": the hub addresses an audience, never a person. */
export const deliveryRequest = z
  .strictObject({
    ...audienceFields,
    offer: offerContent,
    channels: z
      .array(z.enum(noticeChannels))
      .max(3)
      .refine((channels) => new Set(channels).size === channels.length, 'each channel once')
      .describe('the channels that carry a notice; the inbox always holds the message itself'),
    choices: z
      .array(offerChoice)
      .max(32)
      .refine(
        (choices) => new Set(choices.map((c) => c.offer.offerId)).size === choices.length,
        'each offer once',
      )
      .optional()
      .describe('offers chosen per released token; released tokens in no choice get `offer`'),
    alternatives: z
      .array(offerContent)
      .min(1)
      .max(16)
      .optional()
      .describe(
        'next best offer: the vault picks each customer’s offer among `offer` and these, by the highest ' +
          'propensity among the offers the customer is eligible and consented for (no score: the first)',
      ),
  })
  .refine((r) => r.choices === undefined || r.alternatives === undefined, {
    message: 'give either choices or alternatives, not both',
    path: ['alternatives'],
  })
  .refine(
    (r) =>
      r.alternatives === undefined ||
      new Set([r.offer, ...r.alternatives].map((o) => o.offerId)).size === r.alternatives.length + 1,
    { message: 'each offer once', path: ['alternatives'] },
  )
  .meta({ id: 'DeliveryRequest' });

/** "Show me this audience as tokens, so that I can choose an offer for each": no offer yet, no customer. */
export const audienceReleaseRequest = z.strictObject(audienceFields).meta({ id: 'AudienceReleaseRequest' });

const doorText = z.string().min(1).max(10_000);

export const checkRequest = z
  .strictObject({ expression: doorText, purpose: doorText })
  .meta({ id: 'DoorCheckRequest' });
export const countRequest = z
  .strictObject({ expression: doorText, purpose: doorText, asker: doorText })
  .meta({ id: 'DoorCountRequest' });
export const resultsRequest = z
  .strictObject({ campaignId: doorText, requestedBy: doorText })
  .meta({ id: 'DoorResultsRequest' });

export const reserveRequest = z
  .strictObject({
    campaignId: doorText,
    holder: doorText.describe('the approver'),
    purpose: doorText,
    endsAt: z.iso
      .datetime({ offset: true })
      .optional()
      .describe('the campaign’s end: the holding lapses then'),
  })
  .meta({ id: 'DoorReserveRequest' });
export const endReservationRequest = z
  .strictObject({ campaignId: doorText, reason: z.enum(['cancelled', 'refused']), actor: doorText })
  .meta({ id: 'DoorEndReservationRequest' });
export const stopRequest = z
  .strictObject({ campaignId: doorText, actor: doorText.describe('the staff handle that stopped it') })
  .meta({ id: 'DoorStopRequest' });

const jsonValue: z.ZodType<JsonValue> = z.json();

/** Events the hub writes to the vault's transparency log: about campaigns and staff, never a customer. */
export const hubAuditEvent = z
  .strictObject({
    type: z.enum([
      'campaign.drafted',
      'campaign.approved',
      'campaign.started',
      'campaign.finished',
      'campaign.cancelled',
      'campaign.stopping',
      'campaign.stopped',
      'admin.action',
    ]),
    details: z.record(z.string(), jsonValue),
  })
  .meta({ id: 'HubAuditEvent' });

export const recordRequest = z
  .strictObject({ events: z.array(hubAuditEvent).max(1_000) })
  .meta({ id: 'DoorRecordRequest' });
export const kindRequest = z.strictObject({});
export const identifyRequest = z
  .strictObject({
    nonce: z.string().regex(/^[A-Za-z0-9_-]{43}$/, '32 random bytes, base64url'),
  })
  .meta({ id: 'DoorIdentifyRequest' });

// Answers: what the vault sends back.

export const doorRefusal = z
  .object({
    code: refusalCode,
    message: z.string(),
    rendered: z
      .string()
      .optional()
      .describe('for QUESTION_INVALID: the diagnostics with line, column, caret'),
    diagnostics: z
      .array(languageDiagnostic)
      .readonly()
      .optional()
      .describe('for QUESTION_INVALID: every problem, with its span and any suggestion'),
    budget: privacyCost.optional().describe('what the refused request cost and what is left'),
  })
  .meta({ id: 'DoorRefusal' });

export const deliveryRefusal = z
  .object({
    code: z.enum(deliveryRefusalCodes),
    message: z.string(),
    budget: privacyCost.optional(),
  })
  .meta({ id: 'DeliveryRefusal' });

export const questionCheck = z
  .object({
    explanation: z.string().describe('the segment in plain words, as a customer reads it'),
    cost: z.string().optional().describe('ε a new (not repeated) count of it would charge ("n/d")'),
  })
  .meta({ id: 'QuestionCheck' });

export const protectedCount = z
  .object({
    count: z.number().int().min(0).describe('noised, never exact'),
    repeated: z.boolean(),
    epsilon: z.string().describe('ε the question charged ("n/d")'),
    budget: privacyCost,
  })
  .meta({ id: 'ProtectedCount' });

/** What the hub learns of a delivery: where it stands, never how many people it reached. */
export const deliveryReport = z
  .object({
    campaignId: z.string(),
    state: z.enum(['sending', 'finished', 'stopped']).describe('stopped: the hub stopped it part-way'),
    fractionDone: z.number().min(0).max(1).describe('share of the work done: nothing of the audience’s size'),
    tooSmallOffers: z.array(z.string()).optional(),
    budget: privacyCost.optional(),
  })
  .meta({ id: 'DeliveryReport' });

export const releasedToken = z
  .object({
    token: z.string().describe('the campaign’s pseudonym for someone in the audience, or a decoy'),
    interests: z.array(z.string()).describe('coarse interest categories, possibly generalised or empty'),
  })
  .meta({ id: 'ReleasedToken' });

/** An audience as the hub may see it: a noised number of tokens, interests shared by at least k avatars. */
export const releasedAudience = z
  .object({
    campaignId: z.string(),
    k: z.number().int().min(1),
    tokens: z.array(releasedToken).describe('sorted by token'),
    repeated: z.boolean().describe('the campaign’s earlier release again, charged nothing'),
    budget: privacyCost.optional(),
  })
  .meta({ id: 'ReleasedAudience' });

const protectedAggregate = z.number().int().min(0).nullable().describe('noised; null under the noised k');

/** A campaign's leads by outcome: disjoint audiences, released together at one count's ε. */
export const leadOutcomes = z
  .object({
    contacted: protectedAggregate,
    meeting: protectedAggregate,
    productOpened: protectedAggregate,
    closed: protectedAggregate,
  })
  .meta({ id: 'LeadOutcomes' });

export const campaignResults = z
  .object({
    campaignId: z.string(),
    delivered: protectedAggregate,
    opened: protectedAggregate,
    interested: protectedAggregate,
    leadOutcomes: leadOutcomes.describe('its leads by the status their advisor last gave them'),
    epsilon: z.string().describe('ε this release cost ("n/d"); "0" when it repeats the day’s release'),
    releasedOn: z.string().describe('the day the numbers were released'),
    budget: privacyCost.optional(),
  })
  .meta({ id: 'CampaignResults' });

/** What a stop found: where the run stood (never how many it reached); the campaign's held ε is given back. */
export const deliveryStop = z
  .object({
    campaignId: z.string(),
    run: z
      .enum(['not_started', 'sending', 'finished', 'too_small', 'stopped'])
      .describe(
        'not_started: nothing was sent; sending: stopped part-way, what was sent stays sent; finished: all ' +
          'had been sent; too_small: it was never admitted; stopped: an earlier stop',
      ),
    fractionDone: z.number().min(0).max(1).describe('share of the run written when it stopped, in tenths'),
  })
  .meta({ id: 'DeliveryStop' });

export const budgetHolding = z
  .object({ budget: privacyCost.describe('the budgets with the holding taken out of the vault’s') })
  .meta({ id: 'BudgetHolding' });
/** The vault's proof that it holds the log key the hub pinned: its verifier key and a signed nonce. */
export const vaultIdentity = z
  .object({
    publicKey: z.string().max(500).describe('the log’s verifier key, <name>+<key hash>+<key>'),
    signature: z.string().max(200).describe('Ed25519 over the identity statement with the nonce, base64'),
  })
  .meta({ id: 'VaultIdentity' });

export const vaultKindAnswer = z.enum(['demo', 'real', 'undecided']);
export const kindAnswer = z.object({ kind: vaultKindAnswer }).meta({ id: 'VaultKind' });

/** Each door method: its path under /internal/door/, what it takes and what it answers (null: 204). */
export const doorMethods = {
  check: {
    path: 'check',
    summary: 'VaultDoor.check: parses and checks a question; reads no data, costs nothing',
    request: checkRequest,
    answer: result(questionCheck, doorRefusal).meta({ id: 'DoorCheckAnswer' }),
  },
  count: {
    path: 'count',
    summary: 'VaultDoor.count: a protected count, charged to the asker',
    request: countRequest,
    answer: result(protectedCount, doorRefusal).meta({ id: 'DoorCountAnswer' }),
  },
  deliver: {
    path: 'deliver',
    summary: 'VaultDoor.deliver: runs to the end (resuming an interrupted run), then answers',
    request: deliveryRequest,
    answer: result(deliveryReport, deliveryRefusal).meta({ id: 'DoorDeliverAnswer' }),
  },
  releaseAudience: {
    path: 'release-audience',
    summary: 'VaultDoor.releaseAudience: the audience as tokens with k-anonymous interests',
    request: audienceReleaseRequest,
    answer: result(releasedAudience, deliveryRefusal).meta({ id: 'DoorReleaseAnswer' }),
  },
  results: {
    path: 'results',
    summary: 'VaultDoor.results: protected aggregates of a campaign',
    request: resultsRequest,
    answer: result(campaignResults, doorRefusal).meta({ id: 'DoorResultsAnswer' }),
  },
  reserve: {
    path: 'reserve',
    summary: 'VaultDoor.reserve: hold back an approved campaign’s admission and results ε',
    request: reserveRequest,
    answer: result(budgetHolding, doorRefusal).meta({ id: 'DoorReserveAnswer' }),
  },
  endReservation: {
    path: 'end-reservation',
    summary: 'VaultDoor.endReservation: give a cancelled or refused campaign’s holding back',
    request: endReservationRequest,
    answer: null,
  },
  stop: {
    path: 'stop',
    summary: 'VaultDoor.stop: no further message of a campaign is sent; its held ε is given back',
    request: stopRequest,
    answer: result(deliveryStop, doorRefusal).meta({ id: 'DoorStopAnswer' }),
  },
  record: {
    path: 'record',
    summary: 'VaultDoor.record: hub events into the transparency log',
    request: recordRequest,
    answer: null,
  },
  kind: {
    path: 'kind',
    summary: 'VaultDoor.kind: demo, real or undecided, as the vault records it',
    request: kindRequest,
    answer: kindAnswer,
  },
  identify: {
    path: 'identify',
    summary: 'VaultDoor.identify: signs the hub’s nonce with the log key the hub pinned',
    request: identifyRequest,
    answer: vaultIdentity,
  },
  ...roundDoorMethods,
} as const;

export type DoorMethod = keyof typeof doorMethods;

/** What the problems of a request outside its contract are, by field, never echoing a value. */
export function contractProblems(error: z.ZodError, what = 'request'): string {
  return error.issues.map((issue) => `${issue.path.join('.') || what}: ${issue.message}`).join('; ');
}

/** A door message type: the schema's output, read-only all the way down (the hub and vault never mutate one). */
type DeepReadonly<T> = [T] extends [JsonValue]
  ? [JsonValue] extends [T]
    ? T // free JSON (an event's details) stays as the audit log takes it
    : ReadonlyParts<T>
  : ReadonlyParts<T>;
type ReadonlyParts<T> = T extends (infer Item)[]
  ? readonly DeepReadonly<Item>[]
  : T extends object
    ? { readonly [Key in keyof T]: DeepReadonly<T[Key]> }
    : T;
export type Message<Schema extends z.ZodType> = DeepReadonly<z.output<Schema>>;
