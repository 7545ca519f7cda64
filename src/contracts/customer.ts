// A customer's own contracts: their inbox and answers, their requests to be contacted, and their push device.
import { z } from 'zod';

/** The random public id of a message or a lead (never the vault's internal row id). */
export const publicId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '1–64 letters, digits, "_" or "-"');

export const messageParams = z.strictObject({ message: publicId });
export const leadParams = z.strictObject({ lead: publicId });

/** How a customer answers a message. */
export const responseKinds = ['interested', 'not_now', 'not_interested', 'stop_all'] as const;
export type ResponseKind = (typeof responseKinds)[number];
export const responseKind = z.enum(responseKinds);

/** What an advisor learns when a lead is claimed, and nothing else. */
export const revealedFields = ['givenName', 'familyName', 'email', 'phone'] as const;
export type RevealedField = (typeof revealedFields)[number];

export const leadStates = ['open', 'claimed', 'withdrawn'] as const;

export const inboxMessage = z
  .object({
    id: z.string(),
    campaignId: z.string(),
    greeting: z.string(),
    title: z.string(),
    body: z.string(),
    callToAction: z.string(),
    category: z.string(),
    partner: z.string().nullable(),
    validUntil: z.string(),
    expired: z.boolean(),
    deliveredAt: z.date(),
    openedAt: z.date().nullable(),
    response: responseKind.nullable(),
    why: z.string().describe('"Why am I seeing this?" in plain words'),
  })
  .meta({ id: 'InboxMessage' });

export const inboxAnswer = z.strictObject({ answer: responseKind }).meta({ id: 'InboxAnswer' });

/** What "Interested — connect me" would do, shown before anything is revealed. */
export const consentRequest = z
  .object({
    messageId: z.string(),
    campaignId: z.string(),
    offer: z.object({ offerId: z.string(), title: z.string(), callToAction: z.string() }),
    recipient: z.object({ code: z.string(), name: z.string() }),
    reveals: z.array(z.enum(revealedFields)).describe('what the advisor would learn, and nothing else'),
    notice: z.object({ id: z.string(), text: z.string() }),
  })
  .meta({ id: 'ConsentRequest' });

export const inboxAnswerOutcome = z
  .object({
    messageId: z.string(),
    kind: responseKind,
    standing: responseKind.describe('the answer the message holds now: interested while a lead stands'),
    leadId: z.string().nullable(),
    consentRequest: consentRequest.nullable(),
  })
  .meta({ id: 'InboxAnswerOutcome' });

export const connectConsent = z
  .strictObject({
    consent: z.boolean().describe('I agree to reveal my name and contact details for this offer'),
    notice: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe('the identity_reveal notice shown (default: the current one)'),
  })
  .meta({ id: 'ConnectConsent' });
export type ConnectConsent = z.output<typeof connectConsent>;

/** Where an advisor is with a lead they took up. */
export const leadWorkStatuses = ['contacted', 'meeting', 'product_opened', 'closed'] as const;

/** A request to be contacted, as its customer sees it: their own, with the receipt they may keep. */
export const lead = z
  .object({
    id: z.string(),
    messageId: z.string(),
    campaignId: z.string(),
    offerId: z.string(),
    offerTitle: z.string(),
    recipient: z.string().describe('"bank" or the partner’s code'),
    state: z.enum(leadStates),
    receipt: z.string().describe('the signed consent receipt (compact JWS)'),
    createdAt: z.date(),
    withdrawnAt: z.date().nullable(),
    claimedBy: z.string().nullable(),
    claimedAt: z.date().nullable(),
    status: z
      .enum(leadWorkStatuses)
      .nullable()
      .describe('where the advisor is with it: contacted, meeting, product_opened, closed'),
  })
  .meta({ id: 'Lead' });

/** The bank app's push device token: opaque printable text (FCM, APNs hex, Web Push endpoints). */
export const deviceToken = z
  .string()
  .trim()
  .min(8, 'at least 8 characters')
  .max(4096, 'at most 4,096 characters')
  .regex(/^[\x21-\x7e]+$/, 'printable characters without spaces');
