// Coarse interests for attribute release: each customer's top spending category groups, sensitive ones left out.
import { categories, releasableGroups, type CategoryGroup } from '../../core/taxonomy.ts';
import type { SqlExecutor } from '../../storage/ports.ts';

export { releasableGroups };

export interface InterestOptions {
  /** Spending booked on or after this day ('YYYY-MM-DD') counts. */
  readonly since: string;
  /** The vault's currency: spending in others is ignored. */
  readonly currency: string;
  /** Groups per customer, most spent first; 3 by default. */
  readonly top?: number;
}

const groupOf = new Map<string, CategoryGroup>(categories.map((c) => [c.code, c.group]));

/** Each customer's top releasable groups by debit spending; customers without any get an empty list. */
export async function topSpendingGroups(
  db: SqlExecutor,
  customerIds: readonly number[],
  options: InterestOptions,
): Promise<Map<number, CategoryGroup[]>> {
  const releasable = new Set(releasableGroups);
  const spent = new Map<number, Map<CategoryGroup, number>>(customerIds.map((id) => [id, new Map()]));
  const rows = await db.query<{ customer_id: number; category: string; spent: number }>(
    `SELECT customer_id, category, sum(amount_minor)::bigint AS spent FROM transactions
      WHERE customer_id = ANY($1::bigint[]) AND direction = 'D' AND currency = $2 AND booking_date >= $3::date
      GROUP BY customer_id, category`,
    [customerIds, options.currency, options.since],
  );
  for (const row of rows.rows) {
    const group = groupOf.get(row.category);
    const byGroup = spent.get(row.customer_id);
    if (group === undefined || !releasable.has(group) || byGroup === undefined) continue;
    byGroup.set(group, (byGroup.get(group) ?? 0) + Number(row.spent));
  }
  const top = options.top ?? 3;
  const interests = new Map<number, CategoryGroup[]>();
  for (const [customerId, byGroup] of spent) {
    const ranked = [...byGroup].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
    interests.set(
      customerId,
      ranked.slice(0, top).map(([group]) => group),
    );
  }
  return interests;
}
