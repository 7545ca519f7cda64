// The hub's regional vaults as contracts: registering a vault with its pinned key, and questions across regions.
import { z } from 'zod';
import { isVerifierKey } from '../audit/door-identity.ts';
import { isoDateTime, privacyCost } from './common.ts';
import { campaignResults, refusalCode } from './door.ts';
import { question } from './questions.ts';

export const regionName = z
  .string()
  .regex(
    /^[a-z][a-z0-9_-]{0,31}$/,
    'a region: lower-case letters, digits, "_" or "-", starting with a letter',
  );

export const vaultRegistration = z
  .strictObject({
    region: regionName,
    url: z
      .url({ protocol: /^https?$/, error: 'an http(s) URL' })
      .max(500)
      .describe('the vault’s base URL, where its door is'),
    publicKey: z
      .string()
      .max(500)
      .refine(isVerifierKey, 'a log verifier key, <name>+<key hash>+<key> (the vault’s `curtain audit key`)')
      .describe(
        'the vault log’s verifier key: pinned, and proved by the vault at registration and every use',
      ),
  })
  .meta({ id: 'VaultRegistration' });

export const vaultReach = z
  .object({
    status: z
      .enum(['reachable', 'unreachable'])
      .describe('whether the hub’s latest door call or probe reached the vault (and it proved its key)'),
    lastSeenAt: isoDateTime
      .nullable()
      .describe('when the hub last reached the vault: a door call answered, or a probe; null: never'),
    unreachableSince: isoDateTime
      .nullable()
      .describe('the first failed call since the vault was last reached; null while it is reachable'),
    failure: z.string().nullable().describe('the error code of the latest failed call, while unreachable'),
  })
  .meta({ id: 'VaultReach' });

export const registeredVault = z
  .object({
    region: z.string(),
    url: z.string(),
    publicKey: z.string(),
    addedBy: z.string(),
    addedAt: isoDateTime,
    reach: vaultReach,
  })
  .meta({ id: 'RegisteredVault' });

export const vaultProbe = z
  .object({
    checkedAt: isoDateTime.describe('when the hub asked every vault to prove its key'),
    vaults: z.array(registeredVault).describe('every registered vault, with what the probe found'),
  })
  .meta({ id: 'VaultProbe' });

export const regionalCheck = z
  .object({
    parts: z
      .array(
        z.discriminatedUnion('status', [
          z.object({
            region: z.string(),
            status: z.literal('ready'),
            explanation: z.string(),
            cost: z.string().describe('ε a new count of this question costs in this vault ("n/d")'),
          }),
          z.object({
            region: z.string(),
            status: z.enum(['refused', 'unreachable']),
            code: refusalCode,
            message: z.string(),
          }),
        ]),
      )
      .describe('each asked region’s check, in the order of the regions: free, reads no data'),
  })
  .meta({ id: 'RegionalCheck' });

export const regionalQuestion = z
  .strictObject({
    ...question.shape,
    regions: z
      .union([z.literal('all'), z.array(regionName).min(1).max(64)])
      .describe('the regions asked, or "all" the registered ones'),
  })
  .meta({ id: 'RegionalQuestion' });

const releasedPart = z.object({
  region: z.string(),
  status: z.literal('released'),
  count: z.number().int().min(0).describe('this vault’s noised count'),
  repeated: z.boolean(),
  epsilon: z.string().describe('ε this vault charged ("n/d")'),
  budget: privacyCost.describe('the asker’s and this vault’s budget, in this vault'),
});

const missingPart = z.object({
  region: z.string(),
  status: z
    .enum(['suppressed', 'refused', 'unreachable'])
    .describe('suppressed: under the vault’s noised k; refused: its guard said no; unreachable: no answer'),
  code: refusalCode,
  message: z.string(),
  budget: privacyCost.optional(),
});

export const regionalPart = z.discriminatedUnion('status', [releasedPart, missingPart]).meta({
  id: 'RegionalPart',
});

export const regionalAnswer = z
  .object({
    count: z
      .number()
      .int()
      .nullable()
      .describe('the sum of every region’s noised count; null when any region’s part is missing'),
    complete: z.boolean().describe('every asked region released its part'),
    released: z
      .object({ count: z.number().int().min(0), regions: z.array(z.string()) })
      .describe('the sum of the parts that were released, and exactly which regions it covers'),
    missing: z.array(z.string()).describe('the regions whose part is not in `released`'),
    parts: z.array(regionalPart).describe('each asked region’s answer, in the order of the regions'),
  })
  .meta({ id: 'RegionalAnswer' });

const releasedResults = campaignResults.extend({ region: z.string(), status: z.literal('released') });

const missingResults = z.object({
  region: z.string(),
  status: z
    .enum(['undelivered', 'refused', 'unreachable'])
    .describe(
      'undelivered: the region’s part was not delivered (suppressed, refused or not reached; `code` says ' +
        'which); refused: its guard refused the release; unreachable: no answer',
    ),
  code: z.string(),
  message: z.string(),
});

export const regionalResultPart = z
  .discriminatedUnion('status', [releasedResults, missingResults])
  .meta({ id: 'RegionalResultPart' });

const measureTotal = z
  .object({
    total: z
      .number()
      .int()
      .nullable()
      .describe('the sum over every region; null when any region’s part is missing or suppressed'),
    released: z.number().int().min(0).describe('the sum over the regions that released this measure'),
    regions: z.array(z.string()).describe('exactly which regions `released` covers'),
    suppressed: z.array(z.string()).describe('regions whose noised count fell under their noised k'),
  })
  .meta({ id: 'RegionalMeasure' });

export const regionalCampaignResults = z
  .object({
    campaignId: z.string(),
    complete: z.boolean().describe('every region of the campaign released its results'),
    missing: z.array(z.string()).describe('the regions whose results are not in any sum'),
    delivered: measureTotal,
    opened: measureTotal,
    interested: measureTotal,
    parts: z.array(regionalResultPart).describe('each region’s results, in the campaign’s order'),
  })
  .meta({ id: 'RegionalCampaignResults' });

export type VaultRegistration = z.output<typeof vaultRegistration>;
export type RegisteredVault = z.output<typeof registeredVault>;
export type VaultReach = z.output<typeof vaultReach>;
export type VaultProbe = z.output<typeof vaultProbe>;
export type RegionalCheck = z.output<typeof regionalCheck>;
export type RegionalQuestion = z.output<typeof regionalQuestion>;
export type RegionalPart = z.output<typeof regionalPart>;
export type RegionalAnswer = z.output<typeof regionalAnswer>;
export type RegionalResultPart = z.output<typeof regionalResultPart>;
export type RegionalCampaignResults = z.output<typeof regionalCampaignResults>;
