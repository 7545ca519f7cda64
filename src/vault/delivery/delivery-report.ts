// Small pieces of what a delivery answers: its cost on a report or refusal, and the words of a chosen offer.
import { err, ok, type Result } from '../../core/result.ts';
import type { DeliveryRefusal, DeliveryReport } from '../../core/vault-door.ts';
import { budgetReport } from '../../privacy/guard/budget-report.ts';
import type { BudgetState } from '../../privacy/guard/privacy-guard.ts';

/** The admission's cost on the report or refusal that followed it. */
export function withCost(
  report: Result<DeliveryReport, DeliveryRefusal>,
  budget: BudgetState,
): Result<DeliveryReport, DeliveryRefusal> {
  const cost = budgetReport(budget);
  return report.ok ? ok({ ...report.value, budget: cost }) : err({ ...report.error, budget: cost });
}

/**
 * Added to "why am I seeing this" when the hub chose the offer among several by interest: names the interests
 * the offer's recipients were released with (a group's, not a person's own: they share the explanation).
 */
export function chosenByInterest(interests: ReadonlySet<string>): string {
  const named = [...interests].sort();
  const which = named.length === 0 ? '' : `: ${named.join(' or ')}`;
  return `Among several offers, this one was chosen for a broad interest in your recent spending${which}, never for a single payment.`;
}
