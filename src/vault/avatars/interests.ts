// Coarse interests for attribute release: the spending groups that set a customer apart, sensitive ones left out.
import { categories, releasableGroups, type CategoryGroup } from '../../core/taxonomy.ts';
import type { SqlExecutor } from '../../storage/ports.ts';

export { releasableGroups };

export interface InterestOptions {
  /** Spending booked on or after this day ('YYYY-MM-DD') counts. */
  readonly since: string;
  /** The vault's currency: spending in others is ignored. */
  readonly currency: string;
  /** Groups per customer, most distinctive first; 3 by default. */
  readonly top?: number;
  /** How far above the crowd's share a group's share must be to count as an interest; 1.25 by default. */
  readonly minLift?: number;
  /** The smallest share of the customer's own spending a group needs to count; 5% by default. */
  readonly minShare?: number;
}

const groupOf = new Map<string, CategoryGroup>(categories.map((c) => [c.code, c.group]));

/**
 * Each customer's interests: the releasable groups where their share of spending stands out from the crowd
 * given (the audience), as Topics ranks by interest rather than volume. Ranking by amount alone would give
 * nearly everyone housing and food, since rent and groceries are everyone's largest costs. A group counts
 * when its share of the customer's releasable spending is at least `minShare` and at least `minLift` times
 * the crowd's share (spending of all given customers pooled); the most distinctive `top` are kept. Customers
 * without spending, or spending like everyone else, get an empty list.
 */
export async function distinctiveInterests(
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
  const crowd = new Map<CategoryGroup, number>();
  let crowdTotal = 0;
  for (const row of rows.rows) {
    const group = groupOf.get(row.category);
    const byGroup = spent.get(Number(row.customer_id));
    if (group === undefined || !releasable.has(group) || byGroup === undefined) continue;
    const amount = Number(row.spent);
    byGroup.set(group, (byGroup.get(group) ?? 0) + amount);
    crowd.set(group, (crowd.get(group) ?? 0) + amount);
    crowdTotal += amount;
  }
  const top = options.top ?? 3;
  const minLift = options.minLift ?? 1.25;
  const minShare = options.minShare ?? 0.05;
  const interests = new Map<number, CategoryGroup[]>();
  for (const [customerId, byGroup] of spent) {
    let total = 0;
    for (const amount of byGroup.values()) total += amount;
    const scored: [CategoryGroup, number][] = [];
    for (const [group, amount] of byGroup) {
      const share = amount / total;
      const lift = share / (crowd.get(group)! / crowdTotal);
      if (share >= minShare && lift >= minLift) scored.push([group, lift]);
    }
    scored.sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
    interests.set(
      customerId,
      scored.slice(0, top).map(([group]) => group),
    );
  }
  return interests;
}
