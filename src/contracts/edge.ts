// Edge mode's contracts: what every device fetches, the customer's own facts and tokens, reports, and the staff's
// publication and results.
import { z } from 'zod';
import { processingHolds } from '../edge/customer-source.ts';
import { code, isoDate, text } from './common.ts';

const base64url = z.string().regex(/^[A-Za-z0-9_-]*$/, 'base64url');

export const logProof = z
  .object({
    index: z.number().int().nonnegative(),
    json: z.string().describe('the entry’s exact canonical JSON, as hashed'),
    proof: z.array(z.string()).describe('inclusion proof, standard base64 hashes'),
    checkpoint: z.string().describe('the signed note of the head the proof is against'),
  })
  .meta({ id: 'EdgeLogProof' });

export const edgeKey = z
  .object({
    keyId: z.string(),
    publicKey: base64url.describe('raw Ed25519 key (definitions) or RSASSA-PSS SPKI (tokens)'),
    log: logProof,
  })
  .meta({ id: 'EdgeKey' });

export const edgeBundle = z
  .object({
    logKeys: z.array(z.string()).describe('the log’s note verifier keys (an app pins them)'),
    definitionsKey: edgeKey,
    definitions: z.array(z.string()).describe('signed definitions (compact JWS, EdDSA), valid today'),
    issuer: edgeKey.extend({
      epoch: isoDate,
      tokens: z.number().int().positive().describe('tokens every customer gets this epoch'),
    }),
  })
  .meta({ id: 'EdgeBundle' });

export const edgeFacts = z
  .object({
    holds: z
      .array(z.enum(processingHolds))
      .describe(
        'what stops every match on the device now: a restriction, an objection, a marketing exclusion',
      ),
    transactions: z.array(
      z.object({
        date: z.string(),
        amountMinor: z.number(),
        currency: z.string(),
        direction: z.enum(['D', 'C']),
        category: z.string(),
        mcc: z.number().nullable(),
        merchant: z.string().nullable(),
        main: z.boolean().optional().describe('on the account whose balance the insights forecast'),
      }),
    ),
    products: z.array(z.object({ product: z.string(), since: z.string(), until: z.string().nullable() })),
    firstOpened: z.string().nullable(),
    birthMonth: z.number().nullable(),
    currency: z.string().optional().describe('the vault’s base currency, for the insights on the device'),
    balance: z
      .object({ currentMinor: z.number(), overdraftLimitMinor: z.number().optional() })
      .nullable()
      .optional()
      .describe('the main account’s balance, for the low-balance forecast on the device'),
  })
  .meta({ id: 'EdgeFacts' });

export const tokenIssuance = z
  .strictObject({
    epoch: isoDate,
    requests: z.array(base64url.max(2000)).min(1).max(64).describe('blinded token requests (RFC 9578)'),
  })
  .meta({ id: 'EdgeTokenRequests' });

export const tokenResponses = z
  .object({ responses: z.array(z.string()).describe('blind signatures, in the order of the requests') })
  .meta({ id: 'EdgeTokenResponses' });

export const edgeReport = z
  .strictObject({
    epoch: isoDate,
    campaign: z.string().regex(/^edge-[a-z-]{22}$/, 'an edge campaign id'),
    event: z.enum(['shown', 'dummy']),
    token: base64url.max(1000),
  })
  .meta({ id: 'EdgeReport' });

export const reportAccepted = z.object({ accepted: z.literal(true) }).meta({ id: 'EdgeReportAccepted' });

export const edgeOffer = z.strictObject({
  title: text(120),
  body: text(2000),
  callToAction: text(60),
  productCode: code,
  category: code,
  provider: code.describe('"bank" or the partner’s code'),
});

export const edgePublication = z
  .strictObject({
    expression: text(4000),
    offer: edgeOffer,
    validFrom: isoDate,
    validUntil: isoDate,
  })
  .meta({ id: 'EdgePublicationRequest' });

export const edgePublished = z
  .object({
    id: z.string(),
    purpose: z.string(),
    audience: z
      .number()
      .describe('the noised audience at admission (≥ the noised k); charged to the publisher'),
    jws: z.string(),
  })
  .meta({ id: 'EdgePublished' });

export const edgeResults = z
  .object({
    campaign: z.string(),
    reportsPerDevice: z
      .number()
      .describe('the most reports one device sends per epoch: the noise’s sensitivity'),
    epochs: z.array(
      z.object({
        epoch: isoDate,
        shown: z.number().nullable().describe('noised count of "shown" reports; null under the noised k'),
        connects: z
          .number()
          .nullable()
          .describe('noised count of customers who asked "Connect me"; null under the noised k'),
      }),
    ),
  })
  .meta({ id: 'EdgeResults' });

export const edgeCampaignView = z
  .object({
    id: z.string(),
    expression: z.string().describe('the segment, as every device reads it'),
    purpose: z.string(),
    offer: edgeOffer,
    validFrom: isoDate,
    validUntil: isoDate,
    models: z
      .array(z.object({ product: z.string(), id: z.string() }))
      .describe('the frozen model versions signed with the definition'),
    format: z.string().describe('the definition format’s version'),
    fingerprint: z.string().describe('of the signed definition, as logged with edge.campaign_published'),
    state: z
      .enum(['on_devices', 'scheduled', 'ended', 'withdrawn'])
      .describe('on_devices: in every device’s bundle today'),
    publishedBy: z.string(),
    publishedAt: z.date(),
    withdrawnBy: z.string().nullable(),
    withdrawnAt: z.date().nullable(),
  })
  .meta({ id: 'EdgeCampaign' });

export const edgeCampaignList = z
  .object({
    onDevices: z.number().int().describe('definitions in every device’s bundle today'),
    campaigns: z.array(edgeCampaignView),
  })
  .meta({ id: 'EdgeCampaignList' });

export const edgeCampaignParams = z.strictObject({ id: z.string().regex(/^edge-[a-z]{22}$/) });

export const edgeInterest = z
  .object({
    message: z.string().describe('the inbox message now holding the offer, where "Interested" follows'),
  })
  .meta({ id: 'EdgeInterest' });
