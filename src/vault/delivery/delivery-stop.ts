// Stopping a campaign's delivery: a stop marker, the run set to stopped, pending notices withdrawn.
import type { TransactionalAuditSink } from '../../core/audit-event.ts';
import type { DeliveryStop } from '../../core/vault-door.ts';
import type { SqlExecutor, Storage } from '../../storage/ports.ts';
import { runParts } from './inbox-writer.ts';
import { stopLock } from './run-store.ts';

/** The share of the run written, in tenths as its progress is reported: nothing of the audience's size. */
export async function fractionWritten(db: SqlExecutor, campaignId: string): Promise<number> {
  // The furthest position written: recipients skipped at send time (consent withdrawn) leave no message.
  const { rows } = await db.query<{ planned: number; state: string; written: number | null }>(
    `SELECT d.planned, d.state,
            (SELECT max(r.position) + 1 FROM delivery_recipients r
               JOIN inbox_messages m ON m.campaign_id = r.campaign_id AND m.customer_id = r.customer_id
              WHERE r.campaign_id = d.campaign_id) AS written
       FROM delivery_runs d WHERE d.campaign_id = $1`,
    [campaignId],
  );
  const row = rows[0];
  if (row === undefined || Number(row.planned) === 0) return 0;
  if (row.state === 'finished') return 1;
  // The parts wholly written, as the run reported them: part p ends at floor(p × planned / parts).
  const planned = Number(row.planned);
  const written = Number(row.written ?? 0);
  let parts = 0;
  while (parts < runParts && Math.floor(((parts + 1) * planned) / runParts) <= written) parts++;
  return parts / runParts;
}

/**
 * Marks the campaign stopped (once), sets a run still sending to stopped and withdraws its notices not yet
 * sent. Waits for a batch being written; after it returns, no batch of the campaign writes anything.
 */
export async function stopDelivery(
  storage: Storage,
  audit: TransactionalAuditSink<SqlExecutor>,
  request: { readonly campaignId: string; readonly actor: string },
  now: Date,
): Promise<DeliveryStop> {
  const { campaignId, actor } = request;
  const run = await storage.transaction(async (tx) => {
    await stopLock(tx, campaignId, 'exclusive');
    const first = await tx.query(
      `INSERT INTO delivery_stops (campaign_id, stopped_by, stopped_at) VALUES ($1, $2, $3)
       ON CONFLICT (campaign_id) DO NOTHING RETURNING campaign_id`,
      [campaignId, actor, now],
    );
    const { rows } = await tx.query<{ state: DeliveryStop['run'] }>(
      'SELECT state FROM delivery_runs WHERE campaign_id = $1 FOR UPDATE',
      [campaignId],
    );
    const was = rows[0]?.state ?? 'not_started';
    if (was === 'sending') {
      await tx.query(`UPDATE delivery_runs SET state = 'stopped', finished_at = $2 WHERE campaign_id = $1`, [
        campaignId,
        now,
      ]);
    }
    await tx.query(
      `UPDATE outbound_notices SET state = 'withdrawn' WHERE campaign_id = $1 AND state = 'pending'`,
      [campaignId],
    );
    if (first.rows.length === 1) {
      // Where the run stood, never how many it reached: the log says as much as the hub learns.
      await audit.enqueue(tx, [
        { type: 'delivery.stopped', details: { campaign: campaignId, by: actor, run: was } },
      ]);
    }
    return was;
  });
  await audit.flush();
  return { campaignId, run, fractionDone: await fractionWritten(storage, campaignId) };
}
