// The hub catalogue's contracts: products of the bank and its partners, and the offers made for them.
import { z } from 'zod';
import { releasableGroups } from '../core/taxonomy.ts';
import { code, isoDate, text } from './common.ts';

/** A product as a marketer adds it. */
export const productInput = z
  .strictObject({
    code,
    name: text(120),
    provider: code.describe('"bank" or the partner’s code'),
    credit: z.boolean(),
  })
  .meta({ id: 'NewProduct' });

export const product = z
  .object({
    code: z.string(),
    name: z.string(),
    provider: z.string(),
    credit: z.boolean(),
  })
  .meta({ id: 'Product' });

export type ProductInput = z.input<typeof productInput>;
export type Product = z.output<typeof product>;

/** The question purposes an offer's audience is checked under (hub/offer-purpose.ts derives one). */
export const offerPurposes = [
  'bank_offers',
  'credit_offers',
  'partner_offers',
  'partner_credit_offers',
] as const;

const interest = z.enum(releasableGroups as [string, ...string[]], `one of ${releasableGroups.join(', ')}`);

/** An offer as a marketer writes it: plain text (the hub refuses template slots and personal data). */
export const offerInput = z
  .strictObject({
    productCode: code,
    title: text(120).describe('the inbox heading'),
    body: text(2000),
    callToAction: text(60).describe('the label of the inbox button'),
    category: code,
    validFrom: isoDate.optional().describe('today when absent'),
    validUntil: isoDate,
    interests: z
      .array(interest)
      .max(releasableGroups.length)
      .default([])
      .transform((groups) => [...new Set(groups)].sort())
      .describe('interest groups the offer suits, for a campaign that chooses among offers'),
  })
  .refine((o) => o.validFrom === undefined || o.validUntil >= o.validFrom, {
    path: ['validUntil'],
    message: 'may not be before validFrom',
  })
  .meta({ id: 'NewOffer' });

export const offer = z
  .object({
    id: z.string(),
    productCode: z.string(),
    provider: z.string(),
    credit: z.boolean(),
    title: z.string(),
    body: z.string(),
    callToAction: z.string(),
    category: z.string(),
    purpose: z.enum(offerPurposes),
    validFrom: z.string().describe('an ISO date'),
    validUntil: z.string().describe('an ISO date'),
    interests: z.array(z.string()),
    createdBy: z.string(),
  })
  .meta({ id: 'Offer' });

export type OfferDraft = z.input<typeof offerInput>;
export type Offer = z.output<typeof offer>;
