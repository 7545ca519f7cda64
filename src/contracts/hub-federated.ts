// Federated rounds at the hub as contracts: a proposal (product, ε, regions), and where a round stands.
import { z } from 'zod';
import { productCodes } from '../core/products.ts';
import { isoDate, isoDateTime } from './common.ts';
import { regionName } from './hub-regions.ts';

export const federatedRoundStages = [
  'proposed',
  'approved',
  'keys',
  'shares',
  'masked',
  'unmasked',
  'stored',
  'aborted',
] as const;
export type FederatedRoundStage = (typeof federatedRoundStages)[number];

export const federatedRoundProposal = z
  .strictObject({
    product: z
      .enum(productCodes as [string, ...string[]])
      .describe('the product whose propensity model trains'),
    epsilon: z
      .number()
      .positive()
      .max(10)
      .describe('ε the round charges each vault’s (ε, δ) ledger, at that vault’s δ'),
    regions: z
      .union([z.literal('all'), z.array(regionName).min(2).max(32)])
      .describe('the regions whose vaults train together ("all": every one registered now); all must finish'),
    asOf: isoDate.describe('features read on this day, labels (take-up) in the 90 days after'),
    purpose: z
      .string()
      .min(1)
      .max(64)
      .default('bank_offers')
      .describe('the question purpose the training serves, charged as for a question'),
  })
  .meta({ id: 'FederatedRoundProposal' });

export const federatedRoundParams = z.strictObject({ id: z.uuid('a round id (a UUID)') });

export const federatedRound = z
  .object({
    id: z.string(),
    product: z.string(),
    epsilon: z.number(),
    regions: z.array(z.string()),
    asOf: isoDate,
    purpose: z.string(),
    proposedBy: z.string(),
    proposedAt: isoDateTime,
    approvedBy: z.string().nullable(),
    approvedAt: isoDateTime.nullable(),
    stage: z
      .enum(federatedRoundStages)
      .describe('proposed → approved → keys → shares → masked → unmasked → stored, or aborted'),
    reason: z.string().nullable().describe('why the round was aborted'),
    models: z
      .record(z.string(), z.object({ model: z.string(), version: z.number().int() }))
      .nullable()
      .describe('per region: the model version its vault stored, awaiting approval there'),
    updatedAt: isoDateTime,
  })
  .meta({ id: 'FederatedRound' });
export type FederatedRound = z.output<typeof federatedRound>;
