// Compliance oversight contracts: records of processing (GDPR Art. 30) and fair-lending summaries of campaigns.
import { z } from 'zod';
import { privacyCost } from './common.ts';
import { retentionPolicy } from './retention.ts';

export const ropaQuery = z.strictObject({ format: z.enum(['json', 'md', 'csv']).default('json') });

const processingActivity = z
  .object({
    code: z.string(),
    name: z.string(),
    purpose: z.string(),
    lawfulBasis: z.string(),
    consentPurpose: z.string(),
    dataSubjects: z.string(),
    dataCategories: z.array(z.string()).readonly(),
    recipients: z.array(z.string()).readonly(),
    thirdPartyDisclosure: z.boolean(),
    fairLendingRules: z.boolean(),
    retention: z.array(z.string()).readonly(),
    activity: z.object({
      questions: z.number().int(),
      questionsAnswered: z.number().int(),
      campaigns: z.number().int(),
    }),
  })
  .meta({ id: 'ProcessingActivity' });

export const recordsOfProcessing = z
  .object({
    format: z.literal('curtain-ropa/1'),
    generatedAt: z.string(),
    controller: z.string(),
    activities: z.array(processingActivity).readonly(),
    otherPurposes: z
      .array(
        z.object({
          code: z.string(),
          name: z.string(),
          lawfulBasis: z.string(),
          dataCategories: z.array(z.string()).readonly(),
        }),
      )
      .readonly(),
    recipients: z.array(z.object({ name: z.string(), receives: z.string() })).readonly(),
    retention: z.array(retentionPolicy).readonly(),
    transfersOutsideEea: z.string(),
    securityMeasures: z.array(z.string()).readonly(),
    subjectRequests: z.record(z.string(), z.number().int()),
  })
  .meta({ id: 'RecordsOfProcessing' });

export const fairLendingParams = z.strictObject({
  campaign: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a campaign id: letters, digits, "_" or "-" (1–64)'),
});

const noised = z.number().nullable().describe('noised; null when suppressed (under the noised k)');

export const fairLendingGroup = z
  .object({
    group: z.string(),
    delivered: noised,
    interested: noised,
    selectionRate: noised,
    ratioToReference: noised,
    suppressed: z.boolean(),
    flagged: z.boolean().describe('under the four-fifths line'),
  })
  .meta({ id: 'FairLendingGroup' });

export const fairLendingReport = z
  .object({
    campaignId: z.string(),
    purpose: z.string(),
    attribute: z.string(),
    threshold: z.number(),
    referenceGroup: z.string().nullable(),
    groups: z.array(fairLendingGroup).readonly(),
    measured: z
      .boolean()
      .describe(
        'false when the four-fifths rule could not be applied (then an empty `flagged` means not measured)',
      ),
    notMeasuredReason: z.string().nullable().describe('why it could not be measured; null when measured'),
    flagged: z.array(z.string()).readonly(),
    epsilon: z.string(),
    releasedOn: z.string(),
    repeated: z.boolean(),
    budget: privacyCost,
    notes: z.array(z.string()).readonly(),
  })
  .meta({ id: 'FairLendingReport' });
