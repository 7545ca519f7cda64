// A campaign as the hub stores it, and reading it back from hub.campaigns.
import { CurtainError } from '../core/errors.ts';
import type { Campaign, CampaignEvent, CampaignStatus } from '../contracts/hub-campaigns.ts';
import type { HubExecutor } from './hub-storage.ts';

export { campaignStatuses } from '../contracts/hub-campaigns.ts';
export type { Campaign, CampaignEvent, CampaignStatus } from '../contracts/hub-campaigns.ts';

export const campaignColumns = `id, name, segment_id AS "segmentId", audience, offer_id AS "offerId", channels,
  starts_at AS "startsAt", ends_at AS "endsAt", cap_messages, cap_days, max_messages AS "maxMessages",
  pick_offers_by AS "pickOffersBy", status,
  refusal, created_by AS "createdBy", created_at AS "createdAt", approved_by AS "approvedBy",
  approved_at AS "approvedAt", started_at AS "startedAt", finished_at AS "finishedAt", regions`;

type CampaignRow = Omit<Campaign, 'frequencyCap'> & { cap_messages: number; cap_days: number };

export function campaignOf(row: CampaignRow): Campaign {
  const { cap_messages, cap_days, ...rest } = row;
  return { ...rest, frequencyCap: { messages: cap_messages, days: cap_days } };
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads a campaign; `forUpdate` locks its row until the transaction ends (one state change at a time). */
export async function getCampaign(tx: HubExecutor, id: string, forUpdate = false): Promise<Campaign> {
  const { rows } = uuid.test(id)
    ? await tx.query<CampaignRow>(
        `SELECT ${campaignColumns} FROM hub.campaigns WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
        [id],
      )
    : { rows: [] };
  const row = rows[0];
  if (row === undefined) throw new CurtainError('NOT_FOUND', `no campaign ${id}`);
  return campaignOf(row);
}

export async function listCampaigns(tx: HubExecutor, status?: CampaignStatus): Promise<Campaign[]> {
  const { rows } = await tx.query<CampaignRow>(
    `SELECT ${campaignColumns} FROM hub.campaigns WHERE $1::text IS NULL OR status = $1
      ORDER BY starts_at, created_at, id`,
    [status ?? null],
  );
  return rows.map(campaignOf);
}

export async function campaignEvents(tx: HubExecutor, id: string): Promise<CampaignEvent[]> {
  const { rows } = await tx.query<CampaignEvent>(
    'SELECT event, actor, at, detail FROM hub.campaign_events WHERE campaign_id = $1 ORDER BY id',
    [id],
  );
  return rows;
}
