// Migration 14: staff credentials under the hub's role — the hub owns its staff, so it keeps their keys and sessions.
import { hubRole } from './0007-hub.ts';

export const staffCredentialsSchema = `
-- The hub's role reads and writes the credentials of the staff it owns (schema access), nothing else there:
-- the tables stay outside schema hub, so a dump of the hub's work still holds no credential, and customer
-- sessions (the vault's, in public) stay out of its reach like every other vault table.
GRANT USAGE ON SCHEMA access TO ${hubRole};
GRANT SELECT, INSERT, UPDATE, DELETE ON access.api_keys, access.staff_sessions TO ${hubRole};
`;
