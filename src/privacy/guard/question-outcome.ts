// What a guarded question leaves behind once the ledger has charged it: the events for the transparency log and
// what its asker learns (the noised count, or a refusal that names no exact figure).
import type { AuditEvent } from '../../core/audit-event.ts';
import { err, ok, type Result } from '../../core/result.ts';
import type { Rational } from '../dp/rational.ts';
import { budgetRefusal, type Holdings } from './budget-check.ts';
import type { ReusableAnswer, Spent, StoredRelease } from './guard-ledger-store.ts';
import type { GuardDecision } from './mechanism.ts';
import { questionEpsilon, type GuardPolicy } from './policy.ts';
import type { BudgetState, GuardAnswer, QuestionRefusal } from './privacy-guard.ts';

/** What the guard did with a question inside the ledger's lock; no decision when the budget refused it. */
export interface QuestionCharge {
  readonly id?: number;
  readonly decision?: GuardDecision;
  readonly charged: Rational;
  readonly repeated: boolean;
  readonly spent: Spent;
  readonly held: Holdings;
  /** The audience it released, to add to the period's once the charge commits. */
  readonly released?: StoredRelease;
}

export function tooCloseMessage(policy: GuardPolicy): string {
  return (
    `the audience differs from one released earlier this period (to anyone) by fewer than about ` +
    `${policy.k} people`
  );
}

export function storedDecision(stored: ReusableAnswer): GuardDecision {
  switch (stored.outcome) {
    case 'answered':
      return { outcome: 'answered', noisyCount: stored.noisyCount! };
    case 'too_few':
      return { outcome: 'too_few' };
    case 'differencing':
      return { outcome: 'differencing' };
  }
}

export function questionEvents(
  base: {
    readonly asker: string;
    readonly via?: string;
    readonly purpose: string;
    readonly planHash: string;
    readonly policyVersion: number;
  },
  engine: string,
  charge: QuestionCharge,
): AuditEvent[] {
  const { decision } = charge;
  return [
    { type: 'question.asked', details: { ...base, engine } },
    {
      type: 'question.answered',
      details:
        decision === undefined
          ? { ...base, outcome: 'budget_exhausted', epsilon: '0' }
          : {
              ...base,
              question: charge.id!,
              outcome: decision.outcome,
              ...(decision.outcome === 'answered' ? { count: decision.noisyCount } : {}),
              repeated: charge.repeated,
              epsilon: charge.charged.toString(),
            },
    },
  ];
}

/** What a question's asker learns: the noised count, or a refusal that names no exact figure. */
export function questionOutcome(
  charge: QuestionCharge,
  policy: GuardPolicy,
  budget: BudgetState,
): Result<GuardAnswer, QuestionRefusal> {
  const { decision, id: questionId } = charge;
  if (decision === undefined || questionId === undefined) {
    return err(budgetRefusal(budget, questionEpsilon(policy)));
  }
  switch (decision.outcome) {
    case 'answered':
      return ok({ questionId, count: decision.noisyCount, repeated: charge.repeated, budget });
    case 'too_few':
      return err({
        code: 'PRIVACY_TOO_FEW',
        message: `the audience is too small to report (fewer than about ${policy.k} people)`,
        questionId,
        budget,
      });
    case 'differencing':
      return err({
        code: 'PRIVACY_DIFFERENCING',
        message: `${tooCloseMessage(policy)}; ask that question again instead`,
        questionId,
        budget,
      });
  }
}
