// The next best offer: each customer gets, among the offers they are eligible and consented for, the one whose
// product's approved propensity model scores them highest. Customers without a stored score (no profiling
// consent) get the first offer they are eligible for, in the campaign's order.
import type { OfferContent } from '../../core/vault-door.ts';
import type { SqlExecutor } from '../../storage/ports.ts';
import { approvedScoresOf } from '../questions/stored-scores-store.ts';

/** Said to the customer ("why am I seeing this") about an offer picked among several. */
export const pickedByPropensity =
  'Among several offers, this one was picked for you inside the bank: if you agreed to profiling, as the one ' +
  'a model estimates suits you best; otherwise in the order the bank set.';

/**
 * Picks each customer's offer: `eligible[i]` holds the customers offer i may go to (consent, preferences and
 * caps already checked for that offer). Returns the customers of each offer, in `offers` order; a customer
 * eligible for none is in no group.
 */
export async function pickOffers(
  db: SqlExecutor,
  offers: readonly OfferContent[],
  eligible: readonly ArrayLike<number>[],
): Promise<number[][]> {
  const candidates = new Set<number>();
  for (const ids of eligible) for (let k = 0; k < ids.length; k++) candidates.add(ids[k]!);
  const products = offers.flatMap((o) => (o.productCode === undefined ? [] : [o.productCode]));
  const scores =
    products.length === 0
      ? new Map<string, Map<number, number>>()
      : await approvedScoresOf(db, products, [...candidates]);
  const sets = eligible.map((ids) => new Set(Array.from(ids)));
  const groups: number[][] = offers.map(() => []);
  for (const id of [...candidates].sort((a, b) => a - b)) {
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    offers.forEach((offer, i) => {
      if (!sets[i]!.has(id)) return;
      const score = offer.productCode === undefined ? undefined : scores.get(offer.productCode)?.get(id);
      const value = score ?? Number.NEGATIVE_INFINITY;
      if (best < 0 || value > bestScore) [best, bestScore] = [i, value];
    });
    if (best >= 0) groups[best]!.push(id);
  }
  return groups;
}
