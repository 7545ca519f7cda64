// Migration 6: avatars — random ids per customer and epoch, per-campaign tokens, and what each epoch released.

export const avatarsSchema = `
-- One random 16-byte id per customer and epoch (e.g. '2026-11'), created when an audience first needs it.
-- The id never leaves the vault; the hub sees only tokens derived from it.
CREATE TABLE avatars (
  epoch text NOT NULL,
  customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  avatar_id bytea NOT NULL UNIQUE CHECK (length(avatar_id) = 16),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (epoch, customer_id)
);
CREATE INDEX avatars_customer ON avatars (customer_id);

-- Tokens issued to the hub: HMAC(avatar-token secret, campaign || 0x00 || avatar_id), truncated to 16 bytes.
-- Kept so that the vault resolves a token with one index lookup instead of recomputing a whole epoch.
CREATE TABLE campaign_tokens (
  token bytea PRIMARY KEY CHECK (length(token) = 16),
  campaign text NOT NULL,
  epoch text NOT NULL,
  avatar_id bytea NOT NULL REFERENCES avatars (avatar_id) ON DELETE CASCADE
);
CREATE INDEX campaign_tokens_avatar ON campaign_tokens (avatar_id);

-- Which attribute vector each avatar was released with in an epoch, across every campaign: the counts that
-- keep every released vector shared by at least k avatars of the epoch. Keys are canonical (sorted,
-- comma-separated categories; '' is the empty vector).
CREATE TABLE avatar_release_vectors (
  epoch text NOT NULL,
  attribute_vector text NOT NULL,
  avatar_id bytea NOT NULL REFERENCES avatars (avatar_id) ON DELETE CASCADE,
  PRIMARY KEY (epoch, attribute_vector, avatar_id)
);
CREATE INDEX avatar_release_vectors_avatar ON avatar_release_vectors (avatar_id);

-- One row per release: what was asked and how much was generalised or suppressed. No avatar, no token.
CREATE TABLE avatar_releases (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  epoch text NOT NULL,
  campaign text NOT NULL,
  k integer NOT NULL CHECK (k >= 1),
  released integer NOT NULL,
  generalised integer NOT NULL,
  suppressed integer NOT NULL,
  released_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX avatar_releases_epoch ON avatar_releases (epoch, campaign);

-- Erasure forgets avatars: customers are never deleted but marked 'erased', so this trigger deletes their
-- avatars (and, by cascade, their tokens and release memberships) in the erasing transaction.
-- AvatarService.forgetCustomers does the same explicitly.
CREATE FUNCTION avatars_forget_erased() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM avatars a USING changed c WHERE a.customer_id = c.id AND c.status = 'erased';
  RETURN NULL;
END;
$$;
CREATE TRIGGER avatars_forget_erased AFTER UPDATE ON customers
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION avatars_forget_erased();
`;
