// Narrows an evaluated audience to the customers who may receive an offer now: consent, preferences, caps.
import { capDays, type ConsentPurpose } from '../../core/consent.ts';
import type { CustomerIds } from '../../language/plan.ts';
import type { SqlExecutor } from '../../storage/ports.ts';
import type { ConsentLedger } from '../consent/consent-ledger.ts';
import { CustomerSet } from '../consent/customer-set.ts';
import type { PreferenceStore } from '../consent/preference-store.ts';
import { restrictedCustomers } from '../compliance/restrictions.ts';
import { excludedFromMarketing } from '../import/marketing-exclusions.ts';

export { capDays };

export interface AudienceFilterInput {
  readonly ids: CustomerIds | Uint32Array;
  readonly consentPurpose: ConsentPurpose;
  /** The offer's category; absent when no offer is chosen yet (an audience released for choosing). */
  readonly category: string | undefined;
  readonly partner: string | undefined;
  readonly campaignCap: { readonly messages: number; readonly days: number };
  readonly now: Date;
}

const dayMs = 86_400_000;

/**
 * Keeps the customers with consent for the purpose on the inbox, and drops those who restricted processing,
 * stopped everything, are not interested in the category, blocked the partner, or reached their own or the
 * campaign's cap.
 * Every rule is one query over all customers, applied as a set: no per-customer round trip.
 */
export async function filterAudience(
  db: SqlExecutor,
  consent: ConsentLedger,
  preferences: PreferenceStore,
  input: AudienceFilterInput,
): Promise<Uint32Array> {
  const [allowed, restricted, flagged, stopped, category, partner, ownCap, campaignCap] = await Promise.all([
    consent.allowed(input.consentPurpose, 'inbox'),
    restrictedCustomers(db),
    excludedFromMarketing(db, input.now.toISOString().slice(0, 10)),
    preferences.stoppedEverything(),
    input.category === undefined ? CustomerSet.empty() : preferences.suppressed('category', input.category),
    input.partner === undefined ? CustomerSet.empty() : preferences.suppressed('partner', input.partner),
    reachedOwnCap(db, input.now),
    reachedCampaignCap(db, input.campaignCap, input.now),
  ]);
  const excluded = [restricted, flagged, stopped, category, partner, ownCap, campaignCap];
  const kept = allowed.filter(input.ids);
  let k = 0;
  for (let i = 0; i < kept.length; i++) {
    const id = kept[i]!;
    if (!excluded.some((set) => set.has(id))) kept[k++] = id;
  }
  return kept.slice(0, k);
}

/** Customers whose own cap forbids another offer now: "never", or one offer already inside their period. */
async function reachedOwnCap(db: SqlExecutor, now: Date): Promise<CustomerSet> {
  const caps = Object.entries(capDays);
  const { rows } = await db.query<{ customer_id: number }>(
    `SELECT p.customer_id FROM customer_preferences p
      WHERE p.frequency_cap = 'never'
         OR EXISTS (
              SELECT 1 FROM inbox_messages m
                JOIN unnest($1::text[], $2::int[]) AS cap(name, days) ON cap.name = p.frequency_cap
               WHERE m.customer_id = p.customer_id
                 AND m.delivered_at > $3::timestamptz - make_interval(days => cap.days))`,
    [caps.map(([name]) => name), caps.map(([, days]) => days), now],
  );
  return CustomerSet.fromIds(rows.map((r) => Number(r.customer_id)));
}

/** Customers who had the campaign's number of messages in its window already. */
async function reachedCampaignCap(
  db: SqlExecutor,
  cap: { readonly messages: number; readonly days: number },
  now: Date,
): Promise<CustomerSet> {
  const { rows } = await db.query<{ customer_id: number }>(
    `SELECT customer_id FROM inbox_messages WHERE delivered_at > $1
      GROUP BY customer_id HAVING count(*) >= $2`,
    [new Date(now.getTime() - cap.days * dayMs), cap.messages],
  );
  return CustomerSet.fromIds(rows.map((r) => Number(r.customer_id)));
}
