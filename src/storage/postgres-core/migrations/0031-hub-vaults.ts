// Migration 31 (hub-vaults): the vaults one hub serves, one per region, each with the log key pinned at registration.
import { hubRole } from './0007-hub.ts';

export const hubVaultsSchema = `
-- A registered vault: where its door is and the log-signing key it must prove at every use. No secret here
-- (door keys are configuration), so a dump of schema hub stays safe to leak.
CREATE TABLE hub.vaults (
  region text PRIMARY KEY CHECK (region ~ '^[a-z][a-z0-9_-]{0,31}$'),
  url text NOT NULL CHECK (url ~ '^https?://'),
  -- The vault log's verifier key, <origin>/<key id>+<key hash>+<key>: a proof under another key is refused.
  public_key text NOT NULL,
  added_by text NOT NULL REFERENCES hub.staff (handle),
  added_at timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT, INSERT, UPDATE, DELETE ON hub.vaults TO ${hubRole};
`;
