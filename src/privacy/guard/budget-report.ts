// What a request to the guard cost and what is left, as every answer and refusal reports it (API, CLI, door).
import type { PrivacyCost } from '../../core/vault-door.ts';
import type { Rational } from '../dp/rational.ts';
import type { BudgetState } from './privacy-guard.ts';

/** A budget state as exact rationals in text ("3/8"), for JSON and the door. */
export function budgetReport(budget: BudgetState): PrivacyCost {
  return {
    charged: budget.charged.toString(),
    askerRemaining: budget.askerRemaining.toString(),
    vaultRemaining: budget.vaultRemaining.toString(),
    ...(budget.vaultReserved === undefined ? {} : { vaultReserved: budget.vaultReserved.toString() }),
    resetsAt: budget.resetsAt,
  };
}

/** Several charges of one request (one admission per offer) as one: their sum, and the last state's remainders. */
export function combinedBudget(first: BudgetState, later: BudgetState): BudgetState {
  const charged: Rational = first.charged.add(later.charged);
  return { ...later, charged };
}

/** The cost in words, for messages: a refusal that was charged says so. */
export function costSentence(cost: PrivacyCost): string {
  return (
    `ε charged ${cost.charged}; left ${cost.askerRemaining} for the asker and ${cost.vaultRemaining} ` +
    `for the vault until ${cost.resetsAt}`
  );
}
