// Whether a charge fits the period's budgets, counting the ε approved campaigns hold back, and what is left.
import { Rational } from '../dp/rational.ts';
import type { Spent } from './guard-ledger-store.ts';
import { questionEpsilon, type GuardPolicy } from './policy.ts';
import type { BudgetState } from './privacy-guard.ts';

type Period = { readonly start: Date; readonly end: Date };

/** Campaigns' holdings as one charge sees them: those of other campaigns, and the one it draws from. */
export interface Holdings {
  readonly others: Rational;
  readonly own: Rational;
}

/**
 * Splits the period's holdings for a charge: `campaignId` is the campaign the charge belongs to (its
 * admission, audience or results), whose holding it may draw from; every other holding is out of its reach.
 */
export function holdingsFor(held: ReadonlyMap<string, Rational>, campaignId?: string): Holdings {
  let others = Rational.zero;
  for (const [id, epsilon] of held) if (id !== campaignId) others = others.add(epsilon);
  const own = campaignId === undefined ? Rational.zero : (held.get(campaignId) ?? Rational.zero);
  return { others, own };
}

export const noHoldings: Holdings = Object.freeze({ others: Rational.zero, own: Rational.zero });

/**
 * ε one release costs: a count's and a threshold's ε for each separate count and once for all the disjoint
 * ones (parallel composition), and the differencing check's ε once.
 */
export function releaseEpsilon(policy: GuardPolicy, separate: number, disjoint: number): Rational {
  const perCount = policy.countEpsilon.add(policy.thresholdEpsilon);
  return perCount.mul(separate + (disjoint > 0 ? 1 : 0)).add(policy.differencingEpsilon);
}

/** The counts of a campaign's results: delivered, opened, interested; then its leads by outcome (disjoint). */
export const campaignResultCounts = { separate: 3, disjoint: 4 } as const;

/** ε an approved campaign holds back: one admission, and one release of its results and its leads' outcomes. */
export function campaignReservation(policy: GuardPolicy): Rational {
  const { separate, disjoint } = campaignResultCounts;
  return questionEpsilon(policy).add(releaseEpsilon(policy, separate, disjoint));
}

/**
 * Whether ε fits. The vault-wide budget less other campaigns' holdings must cover it; the asker's budget must
 * too, unless the charge draws on its campaign's holding (the approval authorised that ε, charged to the
 * asker all the same), so a campaign approved in time is never refused for budget.
 */
export function budgetAllows(
  policy: GuardPolicy,
  spent: Spent,
  epsilon: Rational,
  holdings: Holdings = noHoldings,
): boolean {
  const askerOk =
    epsilon.lessThanOrEqual(policy.askerBudget.add(spent.granted).sub(spent.asker)) ||
    epsilon.lessThanOrEqual(holdings.own);
  return askerOk && epsilon.lessThanOrEqual(policy.vaultBudget.sub(spent.vault).sub(holdings.others));
}

/** The budgets left in `period` once `charged` is added to what was spent before; holdings are not left. */
export function budgetState(
  policy: GuardPolicy,
  period: Period,
  spent: Spent,
  charged: Rational,
  holdings: Holdings = noHoldings,
): BudgetState {
  const held = holdings.others.add(Rational.zero.max(holdings.own.sub(charged)));
  return {
    charged,
    askerRemaining: Rational.zero.max(policy.askerBudget.add(spent.granted).sub(spent.asker).sub(charged)),
    vaultRemaining: Rational.zero.max(policy.vaultBudget.sub(spent.vault).sub(charged).sub(held)),
    vaultReserved: held,
    resetsAt: period.end.toISOString(),
  };
}

export function budgetRefusal(budget: BudgetState, epsilon: Rational) {
  const which = budget.askerRemaining.lessThan(epsilon) ? 'your budget' : 'the vault-wide budget';
  return {
    code: 'PRIVACY_BUDGET_EXHAUSTED' as const,
    message: `${which} for this period is spent (this costs ε = ${epsilon.toString()}); it resets at ${budget.resetsAt}`,
    budget,
  };
}
