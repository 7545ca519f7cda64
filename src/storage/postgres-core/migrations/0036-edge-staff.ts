// Migration 36 (edge-staff): a published edge definition can be withdrawn, and "Connect me" counts are released.
export const edgeStaffSchema = `
-- A withdrawn definition leaves the bundle at once (devices stop matching it on their next visit) and "Connect me"
-- on it is refused; the row stays, signed as published, for the log and the results.
ALTER TABLE edge_campaigns ADD COLUMN withdrawn_at timestamptz;
ALTER TABLE edge_campaigns ADD COLUMN withdrawn_by text;

-- Released counts of customers who asked "Connect me" on an edge offer in an ended epoch: noised (discrete
-- Laplace, one request per customer and campaign), null when under the noised k, charged once; asking again
-- returns the stored release. The exact counts stay in inbox_messages.
CREATE TABLE edge_connect_releases (
  campaign text NOT NULL REFERENCES edge_campaigns (id),
  epoch text NOT NULL,
  connects integer,
  released_by text NOT NULL,
  released_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (campaign, epoch)
);
`;
