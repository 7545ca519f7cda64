// Migration 15: ingest batches that reconcile — received → running → done | partial | failed | interrupted, who runs
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
