// Migration 30 (edge): edge mode's keys, published campaign definitions, token issuance and redemptions.
export const edgeSchema = `
-- The vault's edge keys: one Ed25519 key that signs campaign definitions, and one blind-RSA issuer key per
-- epoch. The private half is wrapped by the key provider's key-encryption key, like customers' data keys;
-- the public half's fingerprint is in the transparency log at log_index.
CREATE TABLE edge_keys (
  id text PRIMARY KEY,
  use text NOT NULL CHECK (use IN ('definitions', 'tokens')),
  -- The epoch (its first day) of an issuer key; '' for the definitions key.
  epoch text NOT NULL,
  public_key bytea NOT NULL,
  kek_id text NOT NULL,
  wrapped_private bytea NOT NULL,
  log_index bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (use, epoch)
);

-- Campaign definitions admitted (noised audience ≥ k, charged; fair lending; no sensitive category) and
-- published to every device, signed. Nothing here is about a customer.
CREATE TABLE edge_campaigns (
  id text PRIMARY KEY,
  definition jsonb NOT NULL,
  jws text NOT NULL,
  published_by text NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now()
);

-- How many tokens a customer was issued in an epoch: the same number for everyone who asks. No blinded
-- message, no signature and no time is kept, so nothing here can be matched to a redemption.
CREATE TABLE edge_token_issuance (
  customer_id bigint NOT NULL REFERENCES customers (id),
  epoch text NOT NULL,
  tokens integer NOT NULL CHECK (tokens > 0),
  PRIMARY KEY (customer_id, epoch)
);

-- Redeemed tokens (spent once) with the report each carried. No customer, no address, no time: the epoch
-- is the only clock. The nonce was chosen by the device and never seen at issuance (it was blinded).
CREATE TABLE edge_redemptions (
  nonce bytea PRIMARY KEY,
  epoch text NOT NULL,
  campaign text NOT NULL,
  event text NOT NULL CHECK (event IN ('shown', 'dummy'))
);
CREATE INDEX edge_redemptions_campaign ON edge_redemptions (campaign, epoch);

-- Released report counts of an ended epoch: noised (discrete Laplace sized for one device's reports), null when
-- under the noised k, charged once; asking again returns the stored release.
CREATE TABLE edge_releases (
  campaign text NOT NULL REFERENCES edge_campaigns (id),
  epoch text NOT NULL,
  shown integer,
  released_by text NOT NULL,
  released_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (campaign, epoch)
);
`;
