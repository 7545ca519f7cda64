// Migrations 19 and 20 (import): import batches with the ingest batches' states, and the anti-money-laundering
// period of former customers inside the one versioned retention policy.

/** received → running → done | partial | failed | interrupted; who runs each one, so the next open finds a dead one. */
export const importBatchStatesSchema = `
ALTER TABLE import_batches DROP CONSTRAINT import_batches_status_check;
ALTER TABLE import_batches ADD CONSTRAINT import_batches_status_check
  CHECK (status IN ('received', 'running', 'done', 'partial', 'failed', 'interrupted'));
ALTER TABLE import_batches ALTER COLUMN status SET DEFAULT 'received';
-- host:pid of the process running the batch; cleared when it ends. A batch left running before this migration
-- has none, and is found interrupted at the next open.
ALTER TABLE import_batches ADD COLUMN runner text;
ALTER TABLE import_batches ADD COLUMN resumed_at timestamptz;
ALTER TABLE import_batches ADD COLUMN notice text;
`;

/**
 * Each version of the retention policy also states how many years a former customer is kept after the relationship
 * ended (AML record keeping); \`subject\` says which period a version changes, so that approving a proposal keeps
 * the other period as it is then. Versions written before this migration get the configured years at next open.
 */
export const amlRetentionSchema = `
ALTER TABLE transaction_retention ADD COLUMN aml_years integer CHECK (aml_years BETWEEN 1 AND 100);
ALTER TABLE transaction_retention ADD COLUMN subject text NOT NULL DEFAULT 'transactions'
  CHECK (subject IN ('transactions', 'aml'));
`;
