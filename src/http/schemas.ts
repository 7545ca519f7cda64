// JSON schemas of the HTTP API: validate requests, shape responses, and generate the OpenAPI document.

export const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' } },
    },
  },
} as const;

const count = { type: 'integer', minimum: 0 } as const;

export const noticeSchema = {
  type: 'object',
  properties: {
    kind: {
      type: 'string',
      enum: ['not-a-statement', 'investment-statement', 'invalid-file', 'empty-statement'],
    },
    message: { type: 'string' },
  },
} as const;

export const ingestSummarySchema = {
  type: 'object',
  properties: {
    batchId: count,
    sourceName: { type: 'string' },
    format: { type: 'string' },
    status: { type: 'string', enum: ['done', 'partial', 'failed'] },
    read: count,
    stored: count,
    duplicates: count,
    quarantined: count,
    pastRetention: count,
    retention: { type: 'string' },
    uncategorised: count,
    accountsCreated: count,
    accountsUnlinked: count,
    notices: { type: 'array', items: noticeSchema },
  },
} as const;

export const batchSchema = {
  type: 'object',
  properties: {
    id: count,
    source_name: { type: 'string' },
    format: { type: 'string' },
    status: { type: 'string', enum: ['received', 'running', 'done', 'partial', 'failed', 'interrupted'] },
    taxonomy_version: { type: 'string' },
    started_at: { type: 'string', format: 'date-time' },
    finished_at: { type: ['string', 'null'], format: 'date-time' },
    rows_read: count,
    rows_stored: count,
    rows_duplicate: count,
    rows_quarantined: count,
    rows_uncategorised: count,
    rows_past_retention: count,
    notice: { type: ['string', 'null'] },
  },
} as const;

export const quarantineRowSchema = {
  type: 'object',
  properties: {
    location: { type: 'string' },
    field: { type: 'string' },
    reason_code: { type: 'string' },
    reason: { type: 'string' },
    excerpt: { type: ['string', 'null'] },
  },
} as const;

export const databaseStatusSchema = {
  type: 'object',
  properties: {
    engine: { type: 'string' },
    schemaVersion: count,
    pendingMigrations: { type: 'array', items: count },
    customers: count,
    accounts: count,
    transactions: count,
    quarantined: count,
  },
} as const;
