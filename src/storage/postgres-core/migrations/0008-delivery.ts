// Migration 8: delivery — runs, the frozen audience, the in-app inbox, outbound notices — and leads.

export const deliverySchema = `
-- One run per campaign. The exact audience size (planned) never leaves the vault.
CREATE TABLE delivery_runs (
  campaign_id text PRIMARY KEY,
  requested_by text NOT NULL,
  purpose text NOT NULL,
  audience text NOT NULL,
  explanation text NOT NULL,
  offer jsonb NOT NULL,
  channels text[] NOT NULL,
  state text NOT NULL CHECK (state IN ('sending', 'finished', 'too_small')),
  planned integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);

-- The audience as admitted, frozen in a fixed order: batches go by position, so a restart resumes exactly.
CREATE TABLE delivery_recipients (
  campaign_id text NOT NULL REFERENCES delivery_runs (campaign_id),
  position integer NOT NULL,
  customer_id bigint NOT NULL REFERENCES customers (id),
  PRIMARY KEY (campaign_id, position)
);

-- The in-app inbox: the offer itself, exactly once per campaign and customer. public_id is what the
-- customer's screens use; it is random, so it says nothing about volumes or order.
CREATE TABLE inbox_messages (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  public_id text NOT NULL UNIQUE,
  campaign_id text NOT NULL,
  customer_id bigint NOT NULL REFERENCES customers (id),
  offer jsonb NOT NULL,
  explanation text NOT NULL,
  delivered_at timestamptz NOT NULL DEFAULT now(),
  opened_at timestamptz,
  response text CHECK (response IN ('interested', 'not_now', 'not_interested', 'stop_all')),
  responded_at timestamptz,
  UNIQUE (campaign_id, customer_id)
);
CREATE INDEX inbox_messages_customer ON inbox_messages (customer_id, delivered_at);

-- Notices on other channels, written with the inbox message and sent after: at least once, under a stable id.
CREATE TABLE outbound_notices (
  campaign_id text NOT NULL,
  customer_id bigint NOT NULL REFERENCES customers (id),
  channel text NOT NULL CHECK (channel IN ('email', 'push', 'webhook')),
  message_id text NOT NULL UNIQUE,
  not_before timestamptz NOT NULL,
  state text NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  sent_at timestamptz,
  PRIMARY KEY (campaign_id, customer_id, channel)
);
CREATE INDEX outbound_notices_pending ON outbound_notices (not_before) WHERE state = 'pending';

-- Leads: a customer asked to be introduced, and consented to reveal who they are, for this offer only.
CREATE TABLE leads (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  public_id text NOT NULL UNIQUE,
  inbox_message_id bigint NOT NULL UNIQUE REFERENCES inbox_messages (id) ON DELETE CASCADE,
  campaign_id text NOT NULL,
  customer_id bigint NOT NULL REFERENCES customers (id),
  recipient text NOT NULL,
  receipt text NOT NULL,
  state text NOT NULL CHECK (state IN ('open', 'withdrawn', 'claimed')),
  created_at timestamptz NOT NULL DEFAULT now(),
  withdrawn_at timestamptz,
  claimed_by text,
  claimed_at timestamptz
);
CREATE INDEX leads_state ON leads (state, created_at);

-- Erasure: messages, notices and leads of an erased customer go in the erasing transaction.
CREATE FUNCTION delivery_forget_erased() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM leads l USING changed c WHERE l.customer_id = c.id AND c.status = 'erased';
  DELETE FROM outbound_notices n USING changed c WHERE n.customer_id = c.id AND c.status = 'erased';
  DELETE FROM inbox_messages m USING changed c WHERE m.customer_id = c.id AND c.status = 'erased';
  DELETE FROM delivery_recipients r USING changed c WHERE r.customer_id = c.id AND c.status = 'erased';
  RETURN NULL;
END;
$$;
CREATE TRIGGER delivery_forget_erased AFTER UPDATE ON customers
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION delivery_forget_erased();
`;
