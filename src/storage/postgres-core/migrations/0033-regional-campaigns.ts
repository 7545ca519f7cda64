// Migration 33 (regional-campaigns): a campaign that names its regions, and where each region's part stands.
import { hubRole } from './0007-hub.ts';

export const regionalCampaignsSchema = `
-- The regions a campaign runs in, fixed when it is drafted ("all" is resolved then, so an approver sees the
-- list); NULL for a campaign of the hub's own vault.
ALTER TABLE hub.campaigns ADD COLUMN regions text[];

-- Each region's part of a regional campaign: held (its vault holds the budget), delivered, suppressed (under
-- that vault's noised k), refused (its guard said no) or unreachable (not answered: run again to resume).
-- Never a count: the hub learns where a part stands, not how many people it reached.
CREATE TABLE hub.campaign_regions (
  campaign_id uuid NOT NULL REFERENCES hub.campaigns (id),
  region text NOT NULL,
  state text NOT NULL CHECK (state IN ('held', 'delivered', 'suppressed', 'refused', 'unreachable')),
  code text,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (campaign_id, region)
);
GRANT SELECT, INSERT, UPDATE, DELETE ON hub.campaign_regions TO ${hubRole};
`;
