// Migration 7: the hub — products, offers, segments, campaigns — in a schema of its own, under a role with no vault grant.

export const hubRole = 'curtain_hub';

export const hubSchema = `
-- The hub's role owns nothing in the vault and is granted nothing there: every hub statement runs under it
-- (SET LOCAL ROLE), so a hub bug cannot read a vault table, and a dump of schema hub is safe to leak.
-- Roles belong to the whole server: created once, tolerating a concurrent migration of another database.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${hubRole}') THEN
    BEGIN
      CREATE ROLE ${hubRole} NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
  END IF;
END
$$;

CREATE SCHEMA hub;
GRANT USAGE ON SCHEMA hub TO ${hubRole};

-- Staff of the hub and their roles; handles only (no names, no addresses).
CREATE TABLE hub.staff (
  handle text PRIMARY KEY CHECK (handle ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
  roles text[] NOT NULL CHECK (roles <@ ARRAY['marketer', 'approver', 'partner', 'advisor', 'compliance', 'operator']::text[]),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Products of the bank ('bank') and of partners (the partner's code).
CREATE TABLE hub.products (
  code text PRIMARY KEY CHECK (code ~ '^[a-z0-9][a-z0-9_.-]{0,63}$'),
  name text NOT NULL,
  provider text NOT NULL CHECK (provider ~ '^[a-z0-9][a-z0-9_.-]{0,63}$'),
  credit boolean NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE hub.offers (
  id uuid PRIMARY KEY,
  product_code text NOT NULL REFERENCES hub.products (code),
  title text NOT NULL,
  body text NOT NULL,
  call_to_action text NOT NULL,
  category text NOT NULL,
  purpose text NOT NULL,
  valid_from date NOT NULL,
  valid_until date NOT NULL CHECK (valid_until >= valid_from),
  created_by text NOT NULL REFERENCES hub.staff (handle),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Named segment expressions, and which offers suit each segment.
CREATE TABLE hub.segments (
  id uuid PRIMARY KEY,
  name text NOT NULL UNIQUE,
  expression text NOT NULL,
  purpose text NOT NULL,
  created_by text NOT NULL REFERENCES hub.staff (handle),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE hub.segment_offers (
  segment_id uuid NOT NULL REFERENCES hub.segments (id),
  offer_id uuid NOT NULL REFERENCES hub.offers (id),
  PRIMARY KEY (segment_id, offer_id)
);

-- Campaigns: draft -> approved (by a second person holding the approver role) -> running -> finished.
CREATE TABLE hub.campaigns (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  segment_id uuid REFERENCES hub.segments (id),
  audience text NOT NULL,
  offer_id uuid NOT NULL REFERENCES hub.offers (id),
  channels text[] NOT NULL CHECK (channels <@ ARRAY['email', 'push', 'webhook']::text[]),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz,
  cap_messages integer NOT NULL CHECK (cap_messages >= 1),
  cap_days integer NOT NULL CHECK (cap_days >= 1),
  max_messages integer CHECK (max_messages >= 1),
  status text NOT NULL CHECK (status IN ('draft', 'approved', 'running', 'finished', 'refused', 'cancelled')),
  refusal text,
  created_by text NOT NULL REFERENCES hub.staff (handle),
  created_at timestamptz NOT NULL DEFAULT now(),
  approved_by text REFERENCES hub.staff (handle),
  approved_at timestamptz,
  started_at timestamptz,
  finished_at timestamptz,
  CHECK (approved_by IS NULL OR approved_by <> created_by)
);
CREATE INDEX campaigns_status ON hub.campaigns (status, starts_at);

-- Every lifecycle step, as the hub saw it (the transparency log holds the proof).
CREATE TABLE hub.campaign_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  campaign_id uuid NOT NULL REFERENCES hub.campaigns (id),
  event text NOT NULL,
  actor text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  detail text
);

-- Protected aggregates released by the vault: noised, null where suppressed.
CREATE TABLE hub.campaign_results (
  campaign_id uuid NOT NULL REFERENCES hub.campaigns (id),
  released_on date NOT NULL,
  delivered integer,
  opened integer,
  interested integer,
  epsilon text NOT NULL,
  PRIMARY KEY (campaign_id, released_on)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA hub TO ${hubRole};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA hub TO ${hubRole};
-- Tables that later migrations add to the schema are the hub's too.
ALTER DEFAULT PRIVILEGES IN SCHEMA hub GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${hubRole};
ALTER DEFAULT PRIVILEGES IN SCHEMA hub GRANT USAGE, SELECT ON SEQUENCES TO ${hubRole};
`;
