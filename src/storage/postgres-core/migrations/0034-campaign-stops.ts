// Migration 34 (campaign-stops): a running campaign can be stopped — the hub's stopping and stopped states, the
// vault's stop of a delivery run (and of notices not yet sent), and each region's part stopped.
export const campaignStopsSchema = `
-- stopping: the hub asked its vault(s) to stop and has not heard back from all of them; stopped: they did.
ALTER TABLE hub.campaigns DROP CONSTRAINT campaigns_status_check;
ALTER TABLE hub.campaigns ADD CONSTRAINT campaigns_status_check CHECK (status IN
  ('draft', 'approved', 'running', 'stopping', 'stopped', 'finished', 'refused', 'cancelled'));

ALTER TABLE hub.campaign_regions DROP CONSTRAINT campaign_regions_state_check;
ALTER TABLE hub.campaign_regions ADD CONSTRAINT campaign_regions_state_check CHECK (state IN
  ('held', 'delivered', 'suppressed', 'refused', 'unreachable', 'stopped'));

-- A run stopped part-way: what was written stays in the inbox, no further batch is written.
ALTER TABLE delivery_runs DROP CONSTRAINT delivery_runs_state_check;
ALTER TABLE delivery_runs ADD CONSTRAINT delivery_runs_state_check CHECK (state IN
  ('sending', 'finished', 'too_small', 'stopped'));

-- A campaign the hub stopped, whether or not its run had begun: a later deliver for it sends nothing.
CREATE TABLE delivery_stops (
  campaign_id text PRIMARY KEY,
  stopped_by text NOT NULL,
  stopped_at timestamptz NOT NULL
);

-- A notice still pending when its campaign stopped is withdrawn, never sent.
ALTER TABLE outbound_notices DROP CONSTRAINT outbound_notices_state_check;
ALTER TABLE outbound_notices ADD CONSTRAINT outbound_notices_state_check CHECK (state IN
  ('pending', 'sent', 'failed', 'withdrawn'));
`;
