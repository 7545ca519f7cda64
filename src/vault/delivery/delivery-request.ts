// Checks a delivery request from the hub before anything is read or sent.
import { z } from 'zod';
import type { AudienceReleaseRequest, DeliveryRequest } from '../../core/vault-door.ts';

const code = z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/);
const text = (max: number) => z.string().trim().min(1).max(max);

const offerSchema = z.object({
  offerId: text(128),
  title: text(200),
  body: text(5_000),
  callToAction: text(100),
  category: code,
  partner: code.optional(),
  credit: z.boolean(),
  validUntil: z.iso.date(),
});

const audienceFields = {
  campaignId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/),
  requestedBy: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/i),
  purpose: z.string().min(1).max(64),
  audience: z.string().min(1).max(10_000),
  frequencyCap: z.object({
    messages: z.number().int().min(1).max(1_000),
    days: z.number().int().min(1).max(3_650),
  }),
  maxMessages: z.number().int().min(1).optional(),
};

const token = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'a released token');

export const deliveryRequestSchema = z.object({
  ...audienceFields,
  offer: offerSchema,
  channels: z
    .array(z.enum(['email', 'push', 'webhook']))
    .max(3)
    .refine((channels) => new Set(channels).size === channels.length, 'each channel once'),
  choices: z
    .array(z.object({ offer: offerSchema, tokens: z.array(token).max(10_000_000) }))
    .max(32)
    .refine(
      (choices) => new Set(choices.map((c) => c.offer.offerId)).size === choices.length,
      'each offer once',
    )
    .optional(),
});

export const audienceReleaseRequestSchema = z.object(audienceFields);

function problemsOf(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`).join('; ');
}

/** The request as parsed, or the problems, named by field (never echoing the values). */
export function parseDeliveryRequest(
  request: unknown,
): { ok: true; value: DeliveryRequest } | { ok: false; problems: string } {
  const parsed = deliveryRequestSchema.safeParse(request);
  if (parsed.success) return { ok: true, value: parsed.data as DeliveryRequest };
  return { ok: false, problems: problemsOf(parsed.error) };
}

export function parseAudienceReleaseRequest(
  request: unknown,
): { ok: true; value: AudienceReleaseRequest } | { ok: false; problems: string } {
  const parsed = audienceReleaseRequestSchema.safeParse(request);
  if (parsed.success) return { ok: true, value: parsed.data as AudienceReleaseRequest };
  return { ok: false, problems: problemsOf(parsed.error) };
}
