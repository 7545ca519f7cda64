// Migration 3: the consent ledger (append-only history, current state, set-based bitsets) and preferences.

export const consentSchema = `
-- Every decision ever recorded, in order. Append-only: updates and deletes are refused.
CREATE TABLE consent_history (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers (id),
  purpose text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('inbox', 'email', 'push', 'webhook', 'all')),
  granted boolean NOT NULL,
  source text NOT NULL CHECK (source IN ('console', 'api', 'gpc', 'import')),
  notice_version text NOT NULL,
  decided_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX consent_history_customer ON consent_history (customer_id, id);

CREATE FUNCTION consent_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'consent_history is append-only';
END;
$$;
CREATE TRIGGER consent_history_append_only BEFORE UPDATE OR DELETE ON consent_history
  FOR EACH ROW EXECUTE FUNCTION consent_history_append_only();

-- The latest decision per customer, purpose and channel ('all' is expanded). No row: not allowed.
CREATE TABLE consent_current (
  customer_id bigint NOT NULL REFERENCES customers (id),
  purpose text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('inbox', 'email', 'push', 'webhook')),
  granted boolean NOT NULL,
  source text NOT NULL,
  notice_version text NOT NULL,
  decided_at timestamptz NOT NULL,
  PRIMARY KEY (customer_id, purpose, channel)
);

-- The same state as one bitmap per purpose and channel: bit n (get_bit order) set = customer n allowed.
-- Kept in step with consent_current in the same transaction; read in one query by the delivery path.
CREATE TABLE consent_bitsets (
  purpose text NOT NULL,
  channel text NOT NULL,
  bits bytea NOT NULL DEFAULT '\\x'::bytea,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (purpose, channel)
);

-- The customer's own limits: channel choices, frequency cap, quiet hours, stop everything.
CREATE TABLE customer_preferences (
  customer_id bigint PRIMARY KEY REFERENCES customers (id),
  channels text[],
  frequency_cap text CHECK (frequency_cap IN ('never', 'monthly', 'fortnightly', 'weekly', 'daily')),
  quiet_start text,
  quiet_end text,
  quiet_time_zone text,
  stop_everything boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX customer_preferences_stopped ON customer_preferences (customer_id) WHERE stop_everything;

-- Feedback: "not interested in this category", "never from this partner".
CREATE TABLE preference_suppressions (
  customer_id bigint NOT NULL REFERENCES customers (id),
  kind text NOT NULL CHECK (kind IN ('category', 'partner')),
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (customer_id, kind, value)
);
CREATE INDEX preference_suppressions_value ON preference_suppressions (kind, value);
`;
