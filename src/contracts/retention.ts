// The vault's retention contracts: each kind of data's period, the one versioned transaction period, and runs.
import { z } from 'zod';

/** The transaction retention's bounds, in days (src/vault/compliance/transaction-retention.ts enforces them). */
export const minRetentionDays = 30;
export const maxRetentionDays = 36_500;
/** The anti-money-laundering period's bounds, in years after the relationship ended. */
export const minAmlYears = 1;
export const maxAmlYears = 100;

export const retentionKindParams = z.strictObject({
  kind: z.string().regex(/^[a-z_]{1,64}$/, 'a kind of data such as quarantine or memo_text'),
});

/** A kind's period: whole days, or null to return it to the default. */
export const retentionPeriod = z
  .strictObject({ days: z.number().int().min(1).max(maxRetentionDays).nullable() })
  .meta({ id: 'RetentionPeriod' });

export const transactionRetentionProposal = z
  .strictObject({
    days: z.number().int().min(minRetentionDays).max(maxRetentionDays),
    reason: z.string().min(1).max(500),
  })
  .meta({ id: 'TransactionRetentionProposal' });

export const amlRetentionProposal = z
  .strictObject({
    years: z.number().int().min(minAmlYears).max(maxAmlYears),
    reason: z.string().min(1).max(500),
  })
  .meta({ id: 'AmlRetentionProposal' });

export const retentionVersionParams = z.strictObject({ version: z.coerce.number().int().min(1) });

export const retentionPolicy = z
  .object({
    kind: z.string(),
    description: z.string(),
    days: z.number().int(),
    source: z.enum(['default', 'configured', 'versioned']),
  })
  .meta({ id: 'RetentionPolicy' });

export const retentionPolicies = z
  .object({ policies: z.array(retentionPolicy).readonly() })
  .meta({ id: 'RetentionPolicies' });

export const transactionRetentionVersion = z
  .object({
    version: z.number().int(),
    days: z.number().int(),
    amlYears: z.number().int().describe('years a former customer is kept after the relationship ended'),
    subject: z.enum(['transactions', 'aml']).describe('which of the two periods this version changes'),
    status: z.enum(['proposed', 'active', 'superseded', 'rejected']),
    reason: z.string(),
    proposedBy: z.string(),
    decidedBy: z.string().nullable(),
  })
  .meta({ id: 'TransactionRetentionVersion' });

export const transactionRetention = z
  .object({ active: transactionRetentionVersion, versions: z.array(transactionRetentionVersion).readonly() })
  .meta({ id: 'TransactionRetention' });

export const retentionChange = z
  .object({
    version: transactionRetentionVersion,
    rowsToRemove: z
      .number()
      .int()
      .optional()
      .describe('for a shorter period: stored transactions booked before its window'),
    customersToErase: z
      .number()
      .int()
      .optional()
      .describe('for a shorter AML period: former customers past it, erased by the next retention run'),
  })
  .meta({ id: 'RetentionChange' });

/** Rows removed by kind of data; kinds whose rows customers' selection made are never counted out loud. */
const removedRows = z.record(z.string(), z.number().int().min(0));

export const retentionReport = z
  .object({
    runId: z.number().int(),
    asOf: z.string(),
    removed: removedRows,
    policies: z.array(retentionPolicy).readonly(),
  })
  .meta({ id: 'RetentionReport' });

export const retentionRun = z
  .object({
    id: z.number().int(),
    startedAt: z.date().describe('ISO 8601 date and time'),
    asOf: z.string(),
    removed: removedRows,
  })
  .meta({ id: 'RetentionRun' });

export const retentionRuns = z
  .object({ runs: z.array(retentionRun).readonly() })
  .meta({ id: 'RetentionRuns' });
