// Migration 9: offers chosen by interest — tokens released to the hub, and runs that carry several offers.

export const offerChoiceSchema = `
-- An audience released to the hub as tokens with coarse interests, so that it can choose an offer per token.
-- One per campaign: asking again returns the same tokens. released is the noised count ñ, the list's length.
CREATE TABLE audience_releases (
  campaign_id text PRIMARY KEY,
  epoch text NOT NULL,
  requested_by text NOT NULL,
  purpose text NOT NULL,
  audience text NOT NULL,
  k integer NOT NULL CHECK (k >= 1),
  state text NOT NULL CHECK (state IN ('released', 'too_small')),
  released integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Every token handed over, real or decoy. Real tokens resolve through campaign_tokens (and stop resolving when
-- the customer is erased); decoys pad the list to ñ and resolve to no one. The flag never leaves the vault.
CREATE TABLE audience_release_tokens (
  campaign_id text NOT NULL REFERENCES audience_releases (campaign_id),
  token bytea NOT NULL CHECK (length(token) = 16),
  attribute_vector text NOT NULL,
  decoy boolean NOT NULL,
  PRIMARY KEY (campaign_id, token)
);

-- A run with offers chosen per token: offers[i] is the offer of recipients with offer_index i (0: the
-- campaign's own offer, also in delivery_runs.offer).
ALTER TABLE delivery_runs ADD COLUMN offers jsonb;
ALTER TABLE delivery_recipients ADD COLUMN offer_index smallint NOT NULL DEFAULT 0;

-- Delivery writes these tables by the hundred thousand, and a foreign key costs a check per row (it more than
-- tripled the time to freeze an audience). Every insert takes its customers from the customers table (the
-- inbox's joins it for active ones), the run is written first in the same transaction, and erasure deletes by
-- customer (migration 8's trigger): the keys guarded nothing the writes do not.
ALTER TABLE delivery_recipients DROP CONSTRAINT delivery_recipients_customer_id_fkey;
ALTER TABLE delivery_recipients DROP CONSTRAINT delivery_recipients_campaign_id_fkey;
ALTER TABLE inbox_messages DROP CONSTRAINT inbox_messages_customer_id_fkey;
ALTER TABLE outbound_notices DROP CONSTRAINT outbound_notices_customer_id_fkey;

-- The hub: which interests an offer suits, and a campaign's alternative offers, tried in order.
ALTER TABLE hub.offers ADD COLUMN interests text[] NOT NULL DEFAULT '{}';
CREATE TABLE hub.campaign_offers (
  campaign_id uuid NOT NULL REFERENCES hub.campaigns (id),
  offer_id uuid NOT NULL REFERENCES hub.offers (id),
  position integer NOT NULL,
  PRIMARY KEY (campaign_id, offer_id),
  UNIQUE (campaign_id, position)
);
`;
