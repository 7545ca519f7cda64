// Migration 15: the vault's kind (demo or real), decided once; staff who can be disabled; sessions tied to their key.

export const vaultKindSchema = `
-- One row, written once: a vault is a demo vault (a generated bank, demo sign-in) or a real one. Nothing in
-- the program updates or deletes it; an operator who wants the other kind starts a new vault.
CREATE TABLE vault_kind (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  kind text NOT NULL CHECK (kind IN ('demo', 'real')),
  decided_by text NOT NULL,
  decided_at timestamptz NOT NULL DEFAULT now()
);

-- A vault that existed before this migration is decided by what it holds: anything loaded from a file or an
-- upload makes it real; a vault holding only generated batches is a demo vault; an empty one stays undecided.
INSERT INTO vault_kind (kind, decided_by)
SELECT CASE WHEN EXISTS (SELECT 1 FROM ingest_batches WHERE format <> 'generated') THEN 'real' ELSE 'demo' END,
       'migration 15, from what the vault held'
 WHERE EXISTS (SELECT 1 FROM ingest_batches) OR EXISTS (SELECT 1 FROM customers);

-- Disabled staff keep their history (campaigns name them) but authenticate no more.
ALTER TABLE hub.staff ADD COLUMN disabled_at timestamptz;

-- A console session opened with an API key ends when that key is revoked.
ALTER TABLE access.staff_sessions ADD COLUMN api_key_id text REFERENCES access.api_keys (id);
CREATE INDEX staff_sessions_api_key ON access.staff_sessions (api_key_id);
CREATE INDEX staff_sessions_handle ON access.staff_sessions (handle);
`;
