// A campaign as the hub stores it, and reading it back from hub.campaigns.
import { CurtainError } from '../core/errors.ts';
import type { NoticeChannel } from '../core/vault-door.ts';
import type { HubExecutor } from './hub-storage.ts';

export const campaignStatuses = ['draft', 'approved', 'running', 'finished', 'refused', 'cancelled'] as const;

export type CampaignStatus = (typeof campaignStatuses)[number];

export interface Campaign {
  readonly id: string;
  readonly name: string;
  readonly segmentId: string | null;
  /** The segment expression, fixed when the campaign was drafted. */
  readonly audience: string;
  readonly offerId: string;
  readonly channels: readonly NoticeChannel[];
  readonly startsAt: Date;
  readonly endsAt: Date | null;
  readonly frequencyCap: { readonly messages: number; readonly days: number };
  readonly maxMessages: number | null;
  readonly status: CampaignStatus;
  /** The vault's refusal code when status is 'refused', e.g. DELIVERY_AUDIENCE_TOO_SMALL. */
  readonly refusal: string | null;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly approvedBy: string | null;
  readonly approvedAt: Date | null;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
}

export interface CampaignEvent {
  readonly event: string;
  readonly actor: string;
  readonly at: Date;
  readonly detail: string | null;
}

export const campaignColumns = `id, name, segment_id AS "segmentId", audience, offer_id AS "offerId", channels,
  starts_at AS "startsAt", ends_at AS "endsAt", cap_messages, cap_days, max_messages AS "maxMessages", status,
  refusal, created_by AS "createdBy", created_at AS "createdAt", approved_by AS "approvedBy",
  approved_at AS "approvedAt", started_at AS "startedAt", finished_at AS "finishedAt"`;

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
