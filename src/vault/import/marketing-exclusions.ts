// Who the bank must not market to, whatever their consent says: minors and customers its records flag.
import type { SqlExecutor } from '../../storage/ports.ts';
import { CustomerSet } from '../consent/customer-set.ts';

/** The condition on a customer_flags row that excludes its customer on the day bound to `asOf` ('$1'). */
export const marketingExclusion = (asOf: `$${number}`) =>
  `(deceased OR vulnerable OR do_not_market OR collections OR insolvency
    OR kyc_status IN ('failed', 'expired') OR adult_from > ${asOf}::date)`;

/**
 * Customers excluded from every marketing purpose on `asOf` (YYYY-MM-DD): deceased, vulnerable, do not
 * market, in collections or insolvency, KYC failed or expired, or not yet 18. Questions and delivery both
 * take them out of an audience before anything is counted or sent.
 */
export async function excludedFromMarketing(db: SqlExecutor, asOf: string): Promise<CustomerSet> {
  const { rows } = await db.query<{ customer_id: number }>(
    `SELECT customer_id FROM customer_flags WHERE ${marketingExclusion('$1')}`,
    [asOf],
  );
  return CustomerSet.fromIds(rows.map((r) => Number(r.customer_id)));
}
