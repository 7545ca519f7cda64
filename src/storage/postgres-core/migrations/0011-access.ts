// Migration 11: who may call the HTTP API — staff API keys and console sessions, customer sessions (vault).

export const accessSchema = `
-- Staff credentials sit beside schema hub, not in it: the hub's own role never reads them, and a dump of
-- schema hub stays a dump of the hub's work. Whichever process serves staff (hub or vault) reads them.
CREATE SCHEMA access;

-- Staff API keys: only the SHA-256 of the key is kept, so a dump of this table cannot be used to sign in.
CREATE TABLE access.api_keys (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9]{8,32}$'),
  handle text NOT NULL REFERENCES hub.staff (handle),
  key_hash bytea NOT NULL UNIQUE CHECK (length(key_hash) = 32),
  label text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

-- Console sessions of staff: the cookie's token hashed, and the CSRF token the console echoes in a header.
CREATE TABLE access.staff_sessions (
  token_hash bytea PRIMARY KEY CHECK (length(token_hash) = 32),
  handle text NOT NULL REFERENCES hub.staff (handle),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);

-- Customer sessions live in the vault: they name an internal customer id, which never leaves it.
CREATE TABLE customer_sessions (
  token_hash bytea PRIMARY KEY CHECK (length(token_hash) = 32),
  customer_id bigint NOT NULL REFERENCES customers (id),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX customer_sessions_customer ON customer_sessions (customer_id);
`;
