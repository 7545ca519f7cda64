// Leads as stored: the row, how it reads back, and the random public ids of leads.
import { randomInt } from 'node:crypto';
import type { LeadWorkStatus } from '../../contracts/advisor.ts';
import type { OfferContent } from '../../core/vault-door.ts';

export type LeadState = 'open' | 'withdrawn' | 'claimed';

/** A lead as its customer sees it: their own, with the receipt they may keep. */
export interface Lead {
  readonly id: string;
  readonly messageId: string;
  readonly campaignId: string;
  readonly offerId: string;
  readonly offerTitle: string;
  /** 'bank', or the partner's code. */
  readonly recipient: string;
  readonly state: LeadState;
  /** The signed consent receipt (compact JWS). */
  readonly receipt: string;
  readonly createdAt: Date;
  readonly withdrawnAt: Date | undefined;
  /** The advisor's handle, once one took up the lead. */
  readonly claimedBy: string | undefined;
  readonly claimedAt: Date | undefined;
  /** Where the advisor is with it: contacted, meeting, product opened, closed; undefined before any. */
  readonly status: LeadWorkStatus | undefined;
}

export interface LeadRow {
  id: number;
  public_id: string;
  message_id: string;
  campaign_id: string;
  customer_id: number;
  offer: OfferContent;
  recipient: string;
  receipt: string;
  state: LeadState;
  created_at: Date;
  withdrawn_at: Date | null;
  claimed_by: string | null;
  claimed_at: Date | null;
  work_status: LeadWorkStatus | null;
}

/** Every lead column plus its message's public id and offer; filter on `l.` and `m.`. */
export const selectLeads = `SELECT l.id, l.public_id, m.public_id AS message_id, l.campaign_id, l.customer_id,
    m.offer, l.recipient, l.receipt, l.state, l.created_at, l.withdrawn_at, l.claimed_by, l.claimed_at,
    l.work_status
  FROM leads l JOIN inbox_messages m ON m.id = l.inbox_message_id`;

export function leadOf(row: LeadRow): Lead {
  return {
    id: row.public_id,
    messageId: row.message_id,
    campaignId: row.campaign_id,
    offerId: row.offer.offerId,
    offerTitle: row.offer.title,
    recipient: row.recipient,
    state: row.state,
    receipt: row.receipt,
    createdAt: row.created_at,
    withdrawnAt: row.withdrawn_at ?? undefined,
    claimedBy: row.claimed_by ?? undefined,
    claimedAt: row.claimed_at ?? undefined,
    status: row.work_status ?? undefined,
  };
}

// Letters only: an id with digits in it could read as a phone number to the log's PII check.
const alphabet = 'abcdefghijkmnpqrstuvwxyz';

/** A random lead id, `lead-` and 20 letters (about 92 bits): says nothing of volumes or order. */
export function newLeadId(): string {
  let id = 'lead-';
  for (let i = 0; i < 20; i++) id += alphabet[randomInt(alphabet.length)];
  return id;
}

/** 'bank', or a partner code as offers carry it. */
export const isRecipient = (value: string): boolean => /^[a-z0-9][a-z0-9_.-]{0,63}$/.test(value);
