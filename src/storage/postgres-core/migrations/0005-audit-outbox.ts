// Migration 5: the audit outbox (events written in the same transaction as the change they record), and no
// index on audit_entries.subject_ref — nothing reads entries by it (references are unlinkable; a customer's
// entries are found by scanning references in idx order), and every append paid for it.

export const auditOutboxSchema = `
DROP INDEX IF EXISTS audit_entries_subject;

-- Events of committed changes not yet in the log. A change and its events commit together; the log moves
-- them into entries and deletes them here in one transaction, so none is lost or logged twice.
CREATE TABLE audit_outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
`;
