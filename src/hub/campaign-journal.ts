// Each campaign lifecycle step goes to hub.campaign_events, then (after the commit) to the transparency log.
import type { JsonValue } from '../core/audit-event.ts';
import type { HubAuditEvent } from '../core/vault-door.ts';
import type { HubExecutor } from './hub-storage.ts';

export type CampaignStep =
  | 'drafted'
  | 'approved'
  | 'started'
  | 'resumed'
  | 'finished'
  | 'refused'
  | 'cancelled'
  | 'stopping'
  | 'stopped';

const auditTypes = {
  drafted: 'campaign.drafted',
  approved: 'campaign.approved',
  started: 'campaign.started',
  resumed: 'campaign.started',
  finished: 'campaign.finished',
  refused: 'campaign.finished',
  cancelled: 'campaign.cancelled',
  stopping: 'campaign.stopping',
  stopped: 'campaign.stopped',
} as const satisfies Record<CampaignStep, HubAuditEvent['type']>;

/**
 * Writes the step in the caller's transaction and returns the event for the transparency log, which the
 * caller sends through the door once the transaction has committed (the door may share the database, so
 * it cannot be called inside a hub transaction). Details hold ids and codes, never anything about a customer.
 */
export async function journalStep(
  tx: HubExecutor,
  step: CampaignStep,
  campaignId: string,
  actor: string,
  at: Date,
  extra: { readonly [key: string]: JsonValue } = {},
): Promise<HubAuditEvent> {
  const details = { campaign: campaignId, actor, step, ...extra };
  await tx.query(
    'INSERT INTO hub.campaign_events (campaign_id, event, actor, at, detail) VALUES ($1, $2, $3, $4, $5)',
    [campaignId, step, actor, at, Object.keys(extra).length === 0 ? null : JSON.stringify(extra)],
  );
  return { type: auditTypes[step], details };
}
