// Advisors' contracts: open leads without identities, and a claimed lead with whom to contact.
import { z } from 'zod';
import { code } from './common.ts';
import { publicId, revealedFields } from './customer.ts';

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
