// Restriction of processing and objection to profiling: the customers every question and delivery leaves out.
import type { SqlExecutor } from '../../storage/ports.ts';
import { CustomerSet } from '../consent/customer-set.ts';

export type RestrictionReason = 'restriction' | 'objection';

/** Customers under a restriction or an objection that is not lifted, as a set. */
export async function restrictedCustomers(db: SqlExecutor): Promise<CustomerSet> {
  const { rows } = await db.query<{ customer_id: number }>(
    'SELECT DISTINCT customer_id FROM processing_restrictions WHERE lifted_at IS NULL',
  );
  return CustomerSet.fromIds(rows.map((r) => Number(r.customer_id)));
}

/** Starts (or restarts) a restriction for one reason. */
export async function restrict(
  db: SqlExecutor,
  customerId: number,
  reason: RestrictionReason,
  requestId: string | undefined,
  at: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO processing_restrictions (customer_id, reason, request_id, since) VALUES ($1, $2, $3, $4)
     ON CONFLICT (customer_id, reason) DO UPDATE
       SET request_id = excluded.request_id, since = excluded.since, lifted_at = NULL`,
    [customerId, reason, requestId ?? null, at],
  );
}

/** Lifts a restriction; true when one was in force. */
export async function liftRestriction(
  db: SqlExecutor,
  customerId: number,
  reason: RestrictionReason,
  at: Date,
): Promise<boolean> {
  const { affectedRows } = await db.query(
    `UPDATE processing_restrictions SET lifted_at = $3
      WHERE customer_id = $1 AND reason = $2 AND lifted_at IS NULL`,
    [customerId, reason, at],
  );
  return affectedRows > 0;
}

/** Drops restricted customers from an audience, keeping its order. */
export function withoutRestricted<T extends Int32Array | Uint32Array>(ids: T, restricted: CustomerSet): T {
  if (restricted.size === 0) return ids;
  return ids.filter((id) => !restricted.has(id)) as T;
}
