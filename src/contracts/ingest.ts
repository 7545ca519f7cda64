// The vault's ingest and import contracts: the query strings of uploads, their summaries, batches and quarantine.
import { z } from 'zod';

const count = z.number().int().min(0);

/** A positive id in a path or a query string (Fastify hands them over as text). */
export const positiveId = z.coerce.number().int().min(1);

const sourceName = z.string().min(1).max(300).describe('file name, recorded with the batch');

export const statementFormats = ['csv', 'camt053', 'ofx', 'fdx'] as const;

export const ingestQuery = z.strictObject({
  source: sourceName,
  format: z.enum(statementFormats).optional().describe('skip detection'),
  mapping: z.string().optional().describe('CSV column mapping as JSON (docs/ingest.md)'),
  customer: z.string().optional().describe('external id of the customer new accounts belong to'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR')
    .optional()
    .describe('currency when the file has none'),
  resume: positiveId
    .optional()
    .describe('an interrupted batch to take up again with the same file (docs/ingest.md)'),
});

export const fileNotice = z
  .object({
    kind: z.enum(['not-a-statement', 'investment-statement', 'invalid-file', 'empty-statement']),
    message: z.string(),
  })
  .meta({ id: 'FileNotice' });

export const ingestSummary = z
  .object({
    batchId: count,
    sourceName: z.string(),
    format: z.string(),
    status: z.enum(['done', 'partial', 'failed']),
    read: count,
    stored: count,
    duplicates: count,
    quarantined: count,
    pastRetention: count,
    retention: z.string().optional(),
    uncategorised: count,
    accountsCreated: count,
    accountsUnlinked: count,
    notices: z.array(fileNotice).readonly(),
  })
  .meta({ id: 'IngestSummary' });

export const importKinds = ['customers', 'accounts', 'products', 'consents', 'fdx'] as const;

export const importParams = z.strictObject({ kind: z.enum(importKinds) });

export const importQuery = z.strictObject({
  source: sourceName,
  mapping: z.string().optional().describe('CSV column mapping as JSON (docs/onboarding.md); not for fdx'),
  resume: positiveId.optional().describe('an interrupted import batch of the same kind to resume'),
});

export const importQuarantineRow = z
  .object({ line: count, field: z.string(), code: z.string(), reason: z.string() })
  .meta({ id: 'ImportQuarantineRow' });

export const importSummary = z
  .object({
    batchId: count,
    kind: z.string(),
    sourceName: z.string(),
    status: z.enum(['done', 'partial', 'failed']),
    rowsRead: count,
    rowsStored: count,
    rowsUnchanged: count,
    rowsQuarantined: count,
    quarantine: z.array(importQuarantineRow).readonly(),
  })
  .meta({ id: 'ImportSummary' });

const instant = z.date().describe('ISO 8601 date and time');

export const batch = z
  .object({
    id: count,
    source_name: z.string(),
    format: z.string(),
    status: z.enum(['received', 'running', 'done', 'partial', 'failed', 'interrupted']),
    taxonomy_version: z.string(),
    started_at: instant,
    finished_at: instant.nullable(),
    rows_read: count,
    rows_stored: count,
    rows_duplicate: count,
    rows_quarantined: count,
    rows_uncategorised: count,
    rows_past_retention: count,
    notice: z.string().nullable(),
  })
  .meta({ id: 'Batch' });

export const quarantineRow = z
  .object({
    location: z.string(),
    field: z.string(),
    reason_code: z.string(),
    reason: z.string(),
    excerpt: z.string().nullable(),
  })
  .meta({ id: 'QuarantineRow' });

export const batchDetail = batch
  .extend({
    fileSha256: z.string().nullable().describe('SHA-256 of the file, hex'),
    quarantine: z.array(quarantineRow).readonly(),
  })
  .meta({ id: 'BatchDetail' });

export const batchParams = z.strictObject({ id: positiveId });

export type IngestQuery = z.output<typeof ingestQuery>;
export type ImportQuery = z.output<typeof importQuery>;
export type ImportKindParam = z.output<typeof importParams>['kind'];
