// Migration 35 (federation): peers a vault pins for federated rounds, the hub's rounds, and federated model versions.
import { hubRole } from './0007-hub.ts';

export const federationSchema = `
-- The vaults this vault takes part in federated rounds with, each with the log key its operator pinned (its
-- own key among them: that row names this vault's region). Peers' key bundles are checked against these
-- keys, never against a key the hub relays.
CREATE TABLE federation_peers (
  region text PRIMARY KEY CHECK (region ~ '^[a-z][a-z0-9_-]{0,31}$'),
  public_key text NOT NULL,
  pinned_by text NOT NULL,
  pinned_at timestamptz NOT NULL DEFAULT now()
);

-- A model version trained in a federated round: the round, its regions, the (ε, δ) each vault charged and
-- the variance of the discrete Gaussian noise each vault added. NULL for a model trained in this vault alone.
ALTER TABLE model_versions ADD COLUMN federated jsonb;

-- A federated round as the hub runs it: proposed by one person, approved by another, then its stage as it
-- goes (keys → shares → masked → unmasked → stored, or aborted with the reason). Never a count: what the
-- vaults stored is named by model id and version only.
CREATE TABLE hub.federated_rounds (
  id uuid PRIMARY KEY,
  product text NOT NULL,
  epsilon double precision NOT NULL CHECK (epsilon > 0),
  regions text[] NOT NULL,
  as_of date NOT NULL,
  purpose text NOT NULL,
  proposed_by text NOT NULL REFERENCES hub.staff (handle),
  proposed_at timestamptz NOT NULL,
  approved_by text REFERENCES hub.staff (handle),
  approved_at timestamptz,
  stage text NOT NULL CHECK (stage IN ('proposed', 'approved', 'keys', 'shares', 'masked', 'unmasked', 'stored', 'aborted')),
  reason text,
  models jsonb,
  updated_at timestamptz NOT NULL,
  -- Two people: whoever proposed a round may not approve it.
  CHECK (approved_by IS NULL OR approved_by <> proposed_by)
);
GRANT SELECT, INSERT, UPDATE ON hub.federated_rounds TO ${hubRole};
`;
