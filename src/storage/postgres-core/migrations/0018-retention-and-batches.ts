// Migration 15 (ingest): the one transaction retention policy, versioned; and ingest batches that reconcile — received → running → done | partial | failed | interrupted, who runs
// each one (so that the next open finds a dead runner's batch interrupted), and rows refused for retention.
export const ingestBatchStatesSchema = `
ALTER TABLE ingest_batches DROP CONSTRAINT ingest_batches_status_check;
UPDATE ingest_batches SET status = 'failed' WHERE status = 'not_a_statement';
ALTER TABLE ingest_batches ADD CONSTRAINT ingest_batches_status_check
  CHECK (status IN ('received', 'running', 'done', 'partial', 'failed', 'interrupted'));
ALTER TABLE ingest_batches ALTER COLUMN status SET DEFAULT 'received';
-- host:pid of the process running the batch; cleared when it ends.
ALTER TABLE ingest_batches ADD COLUMN runner text;
-- Rows older than the transaction retention: refused (and quarantined with their reason), never stored.
ALTER TABLE ingest_batches ADD COLUMN rows_past_retention bigint NOT NULL DEFAULT 0;
ALTER TABLE ingest_batches ADD COLUMN resumed_at timestamptz;
`;

/**
 * The one transaction retention policy, versioned: configuration seeds version 1; a longer period takes effect
 * at once, a shorter one is proposed with the rows it would remove and needs a second person's approval.
 */
export const transactionRetentionSchema = `
CREATE TABLE transaction_retention (
  version integer PRIMARY KEY,
  days integer NOT NULL CHECK (days >= 1),
  status text NOT NULL CHECK (status IN ('proposed', 'active', 'superseded', 'rejected')),
  reason text NOT NULL,
  proposed_by text NOT NULL,
  proposed_at timestamptz NOT NULL DEFAULT now(),
  decided_by text,
  decided_at timestamptz
);
CREATE UNIQUE INDEX transaction_retention_one_active ON transaction_retention ((true)) WHERE status = 'active';
`;

export const ingestMigrationSchema = transactionRetentionSchema + ingestBatchStatesSchema;
