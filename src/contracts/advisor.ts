// Advisors' contracts: open leads without identities, and a claimed lead with whom to contact.
import { z } from 'zod';
import { code } from './common.ts';
import { leadWorkStatuses, publicId, revealedFields } from './customer.ts';

/** Which queue, in the query string: the bank's, or a partner's. */
export const advisorQueue = z.strictObject({
  partner: code.optional().describe('a partner’s queue instead of the bank’s'),
});

/** Which queue, as a claim's body (optional: the bank's). */
export const advisorQueueChoice = advisorQueue.meta({ id: 'AdvisorQueue' }).nullish();

export const advisorLeadParams = z.strictObject({ lead: publicId });

/** An open lead: no identity until one is claimed. */
export const queuedLead = z
  .object({
    id: z.string(),
    campaignId: z.string(),
    offerId: z.string(),
    offerTitle: z.string(),
    category: z.string(),
    createdAt: z.date(),
  })
  .meta({ id: 'QueuedLead' });

const revealedIdentity = z.object(
  Object.fromEntries(revealedFields.map((field) => [field, z.string().optional()])) as {
    [F in (typeof revealedFields)[number]]: z.ZodOptional<z.ZodString>;
  },
);

/** A lead taken up: whom to contact, in this response only, while the customer's consent stands. */
export const revealedLead = z
  .object({
    leadId: z.string(),
    campaignId: z.string(),
    offer: z.object({ offerId: z.string(), title: z.string() }),
    identity: revealedIdentity,
    receipt: z.string().describe('the customer’s signed consent to this reveal'),
    claimedBy: z.string(),
  })
  .meta({ id: 'RevealedLead' });

export { leadWorkStatuses };
export const leadWorkStatus = z.enum(leadWorkStatuses);
export type LeadWorkStatus = z.output<typeof leadWorkStatus>;

/** A new status for a claimed lead (the queue as in the query string). */
export const leadStatusChange = z
  .strictObject({
    status: leadWorkStatus,
    partner: code.optional().describe('a partner’s queue instead of the bank’s'),
  })
  .meta({ id: 'LeadStatusChange' });

/** A note on a claimed lead: personal data, sealed under the customer's key in the vault. */
export const leadNoteText = z
  .string()
  .trim()
  .min(1, 'a note is not empty')
  .max(2000, 'a note is at most 2,000 characters');

export const leadNote = z
  .strictObject({
    text: leadNoteText,
    partner: code.optional().describe('a partner’s queue instead of the bank’s'),
  })
  .meta({ id: 'LeadNote' });

/** One change to a lead: who, when, and what (a status, or that a note was added, with its text). */
export const leadHistoryEntry = z
  .object({
    at: z.date(),
    advisor: z.string(),
    change: z.enum(['status', 'note']),
    status: leadWorkStatus.nullable(),
    note: z.string().nullable().describe('the note’s text, while the customer’s consent stands'),
  })
  .meta({ id: 'LeadHistoryEntry' });

/** A lead the advisor took up: whom to contact while consent stands, else why not; its status and history. */
export const myLead = z
  .object({
    leadId: z.string(),
    campaignId: z.string(),
    offer: z.object({ offerId: z.string(), title: z.string() }),
    claimedAt: z.date(),
    status: leadWorkStatus.nullable(),
    identity: revealedIdentity.nullable().describe('null when the identity is withheld'),
    withheld: z
      .object({ code: z.string(), message: z.string() })
      .nullable()
      .describe('why the identity is withheld now (withdrawal, restriction, objection, erasure)'),
    history: z.array(leadHistoryEntry),
  })
  .meta({ id: 'MyLead' });
