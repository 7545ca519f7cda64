// delivery_runs and delivery_recipients: a campaign's run, and its audience frozen in a random order.
import type { NoticeChannel, OfferContent } from '../../core/vault-door.ts';
import type { SqlExecutor } from '../../storage/ports.ts';
import { copyRow } from '../../storage/postgres-core/copy-text.ts';

export type RunState = 'sending' | 'finished' | 'too_small' | 'stopped';

/** An offer of a run and the "why am I seeing this" its recipients read. */
export interface RunOffer {
  readonly offer: OfferContent;
  readonly explanation: string;
}

export interface DeliveryRun {
  readonly campaignId: string;
  readonly requestedBy: string;
  readonly purpose: string;
  readonly explanation: string;
  readonly offer: OfferContent;
  /** The offers recipients get by their offer index: one, or several chosen per token. */
  readonly offers: readonly RunOffer[];
  readonly channels: readonly NoticeChannel[];
  readonly state: RunState;
  /** The exact audience size: it never leaves the vault. */
  readonly planned: number;
}

export interface NewRun {
  readonly campaignId: string;
  readonly requestedBy: string;
  readonly purpose: string;
  readonly audience: string;
  readonly explanation: string;
  readonly offer: OfferContent;
  /** Several offers chosen per token; absent for a run of one offer. */
  readonly offers?: readonly RunOffer[];
  readonly channels: readonly NoticeChannel[];
  readonly state: 'sending' | 'too_small';
  readonly planned: number;
}

interface RunRow {
  campaign_id: string;
  requested_by: string;
  purpose: string;
  explanation: string;
  offer: OfferContent;
  offers: RunOffer[] | null;
  channels: NoticeChannel[];
  state: RunState;
  planned: number;
}

export async function readRun(db: SqlExecutor, campaignId: string): Promise<DeliveryRun | undefined> {
  const { rows } = await db.query<RunRow>(
    `SELECT campaign_id, requested_by, purpose, explanation, offer, offers, channels, state, planned
       FROM delivery_runs WHERE campaign_id = $1`,
    [campaignId],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  return {
    campaignId: row.campaign_id,
    requestedBy: row.requested_by,
    purpose: row.purpose,
    explanation: row.explanation,
    offer: row.offer,
    offers: row.offers ?? [{ offer: row.offer, explanation: row.explanation }],
    channels: row.channels,
    state: row.state,
    planned: Number(row.planned),
  };
}

/** Inserts the run; false when the campaign already has one (another process got there first). */
export async function insertRun(db: SqlExecutor, run: NewRun): Promise<boolean> {
  const { rows } = await db.query(
    `INSERT INTO delivery_runs (campaign_id, requested_by, purpose, audience, explanation, offer, channels,
                                state, planned, offers)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::text[], $8, $9, $10::jsonb)
     ON CONFLICT (campaign_id) DO NOTHING RETURNING campaign_id`,
    [
      run.campaignId,
      run.requestedBy,
      run.purpose,
      run.audience,
      run.explanation,
      JSON.stringify(run.offer),
      [...run.channels],
      run.state,
      run.planned,
      run.offers === undefined ? null : JSON.stringify(run.offers),
    ],
  );
  return rows.length === 1;
}

/** Writes the audience in its frozen order: position i holds `ids[i]`, with offer `offerIndexes[i]` (or 0). */
export async function freezeRecipients(
  db: SqlExecutor,
  campaignId: string,
  ids: ArrayLike<number>,
  offerIndexes?: ArrayLike<number>,
): Promise<void> {
  function* rows(): Generator<string> {
    const chunk = 10_000;
    for (let start = 0; start < ids.length; start += chunk) {
      let text = '';
      const end = Math.min(ids.length, start + chunk);
      for (let i = start; i < end; i++) text += copyRow([campaignId, i, ids[i]!, offerIndexes?.[i] ?? 0]);
      yield text;
    }
  }
  await db.copyFrom('delivery_recipients', ['campaign_id', 'position', 'customer_id', 'offer_index'], rows());
}

/** Offer indexes of a run that have no recipient: offers whose audience was too small. */
export async function offersWithoutRecipients(db: SqlExecutor, run: DeliveryRun): Promise<string[]> {
  if (run.offers.length < 2) return [];
  const { rows } = await db.query<{ offer_index: number }>(
    'SELECT DISTINCT offer_index FROM delivery_recipients WHERE campaign_id = $1',
    [run.campaignId],
  );
  const used = new Set(rows.map((r) => Number(r.offer_index)));
  return run.offers.flatMap((o, i) => (used.has(i) ? [] : [o.offer.offerId]));
}

/** The first position still without an inbox message: where a resumed run starts. */
export async function resumePosition(db: SqlExecutor, campaignId: string): Promise<number | undefined> {
  const { rows } = await db.query<{ position: number | null }>(
    `SELECT min(r.position) AS position FROM delivery_recipients r
      WHERE r.campaign_id = $1
        AND NOT EXISTS (SELECT 1 FROM inbox_messages m
                         WHERE m.campaign_id = r.campaign_id AND m.customer_id = r.customer_id)`,
    [campaignId],
  );
  const position = rows[0]?.position;
  return position === null || position === undefined ? undefined : Number(position);
}

export async function markFinished(db: SqlExecutor, campaignId: string, at: Date): Promise<void> {
  await db.query(
    `UPDATE delivery_runs SET state = 'finished', finished_at = $2 WHERE campaign_id = $1 AND state = 'sending'`,
    [campaignId, at],
  );
}

// An arbitrary constant: with the campaign id's hash, the advisory lock a stop and a batch take in turn.
const stopLockKey = 0x5709;

/**
 * The per-campaign lock that makes a stop and a batch of its run take turns: each batch takes it shared
 * before it writes, a stop exclusive, so a stop waits for the batch in flight and a later batch sees the stop.
 */
export async function stopLock(
  tx: SqlExecutor,
  campaignId: string,
  mode: 'shared' | 'exclusive',
): Promise<void> {
  const lock = mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
  await tx.query(`SELECT ${lock}($1, hashtext($2))`, [stopLockKey, campaignId]);
}

/** Whether the hub stopped the campaign; read under `stopLock` so the answer holds until the commit. */
export async function isStopped(db: SqlExecutor, campaignId: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM delivery_stops WHERE campaign_id = $1', [campaignId]);
  return rows.length > 0;
}
