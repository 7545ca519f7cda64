// Budget reservations in the vault's database: ε an approved campaign holds back until it ends, and its draws.
import type { SqlExecutor } from '../../storage/ports.ts';
import { Rational } from '../dp/rational.ts';

/** The ledger labels a campaign's own charges carry: its admission, its audience release and its results. */
const campaignLabel = /^(?:delivery|audience|results):([^#@]+)/;

/** The campaign whose reservation a charge labelled `label` draws from, if it is one of a campaign's own. */
export function campaignOfLabel(label: string): string | undefined {
  return campaignLabel.exec(label)?.[1];
}

export interface NewReservation {
  readonly campaignId: string;
  readonly periodStart: Date;
  readonly holder: string;
  readonly purpose: string;
  readonly epsilon: Rational;
  readonly reservedAt: Date;
  readonly endsAt: Date | null;
}

/** Records a holding; false when the campaign already holds one in the period (nothing changes). */
export async function insertReservation(tx: SqlExecutor, r: NewReservation): Promise<boolean> {
  const { rows } = await tx.query<{ campaign_id: string }>(
    `INSERT INTO budget_reservations (campaign_id, period_start, holder, purpose, epsilon, reserved_at, ends_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (campaign_id, period_start) DO NOTHING
     RETURNING campaign_id`,
    [r.campaignId, r.periodStart, r.holder, r.purpose, r.epsilon.toString(), r.reservedAt, r.endsAt],
  );
  return rows.length === 1;
}

/** Gives a campaign's holdings back early; true when one was still held. */
export async function endReservation(
  tx: SqlExecutor,
  campaignId: string,
  reason: string,
  now: Date,
): Promise<boolean> {
  const { rows } = await tx.query<{ campaign_id: string }>(
    `UPDATE budget_reservations SET ended_at = $2, ended_reason = $3
      WHERE campaign_id = $1 AND ended_at IS NULL RETURNING campaign_id`,
    [campaignId, now, reason],
  );
  return rows.length > 0;
}

/**
 * What each campaign still holds in the period at `now`, by campaign id: its reservation less what its own
 * charges have drawn, never below zero; holdings given back or past their campaign's end hold nothing.
 */
export async function heldInPeriod(
  db: SqlExecutor,
  periodStart: Date,
  now: Date,
): Promise<Map<string, Rational>> {
  const { rows } = await db.query<{ campaign_id: string; epsilon: string; drawn: string[] | null }>(
    `SELECT r.campaign_id, r.epsilon,
            array_agg(q.epsilon) FILTER (WHERE q.id IS NOT NULL) AS drawn
       FROM budget_reservations r
       LEFT JOIN questions q
         ON q.period_start = r.period_start AND q.engine IN ('admission', 'release')
        AND split_part(q.expression, ':', 1) IN ('delivery', 'audience', 'results')
        AND split_part(split_part(split_part(q.expression, ':', 2), '#', 1), '@', 1) = r.campaign_id
      WHERE r.period_start = $1 AND r.ended_at IS NULL AND (r.ends_at IS NULL OR r.ends_at > $2)
      GROUP BY r.campaign_id, r.epsilon`,
    [periodStart, now],
  );
  const held = new Map<string, Rational>();
  for (const row of rows) {
    const drawn = (row.drawn ?? []).reduce((sum, e) => sum.add(Rational.parse(e)), Rational.zero);
    const left = Rational.zero.max(Rational.parse(row.epsilon).sub(drawn));
    if (left.greaterThan(Rational.zero)) held.set(row.campaign_id, left);
  }
  return held;
}
