// The privacy guard's policy: k, ε per question, budgets and period (docs/privacy-model.md), validated.
import { z } from 'zod';
import { guardPolicy, minimumK, type GuardPolicyJson } from '../../contracts/questions.ts';
import { err, ok, type Result } from '../../core/result.ts';
import { Rational } from '../dp/rational.ts';

export { minimumK, type GuardPolicyJson };

export type BudgetPeriod = 'day' | 'week' | 'month';

export interface GuardPolicy {
  readonly k: number;
  /** ε of the noised count. */
  readonly countEpsilon: Rational;
  /** ε of the noised suppression threshold. */
  readonly thresholdEpsilon: Rational;
  /** ε of the differencing check (sparse vector). */
  readonly differencingEpsilon: Rational;
  readonly askerBudget: Rational;
  readonly vaultBudget: Rational;
  readonly period: BudgetPeriod;
  readonly maxAttributes: number;
}

export const defaultGuardPolicy: GuardPolicy = Object.freeze({
  k: 50,
  countEpsilon: Rational.of(1n, 4n),
  thresholdEpsilon: Rational.of(1n, 8n),
  differencingEpsilon: Rational.of(1n, 4n),
  askerBudget: Rational.of(5n),
  vaultBudget: Rational.of(20n),
  period: 'month',
  maxAttributes: 5,
});

/** ε one new question costs. */
export function questionEpsilon(policy: GuardPolicy): Rational {
  return policy.countEpsilon.add(policy.thresholdEpsilon).add(policy.differencingEpsilon);
}

const positiveRational = z.string().transform((text, ctx) => {
  try {
    return Rational.parsePositive(text);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});

/** The policy's contract (its JSON form, rationals as strings), with each ε parsed exactly. */
export const guardPolicySchema = guardPolicy.extend({
  countEpsilon: positiveRational,
  thresholdEpsilon: positiveRational,
  differencingEpsilon: positiveRational,
  askerBudget: positiveRational,
  vaultBudget: positiveRational,
});

export function policyToJson(policy: GuardPolicy): GuardPolicyJson {
  return {
    k: policy.k,
    countEpsilon: policy.countEpsilon.toString(),
    thresholdEpsilon: policy.thresholdEpsilon.toString(),
    differencingEpsilon: policy.differencingEpsilon.toString(),
    askerBudget: policy.askerBudget.toString(),
    vaultBudget: policy.vaultBudget.toString(),
    period: policy.period,
    maxAttributes: policy.maxAttributes,
  };
}

/** Parses and validates a policy; the vault budget must cover at least one asker's. */
export function parseGuardPolicy(value: unknown): Result<GuardPolicy, string> {
  const parsed = guardPolicySchema.safeParse(value);
  if (!parsed.success) {
    return err(parsed.error.issues.map((i) => `${i.path.join('.') || 'policy'}: ${i.message}`).join('; '));
  }
  const policy: GuardPolicy = Object.freeze(parsed.data);
  if (policy.vaultBudget.lessThan(policy.askerBudget)) {
    return err('vaultBudget: must be at least the askerBudget');
  }
  if (policy.askerBudget.lessThan(questionEpsilon(policy))) {
    return err('askerBudget: must cover at least one question');
  }
  return ok(policy);
}

/** The period containing `at`, as [start, end) instants (UTC). Weeks start on Monday. */
export function periodOf(period: BudgetPeriod, at: Date): { start: Date; end: Date } {
  const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  switch (period) {
    case 'day':
      return { start: new Date(day), end: new Date(day + 86_400_000) };
    case 'week': {
      const start = day - ((at.getUTCDay() + 6) % 7) * 86_400_000;
      return { start: new Date(start), end: new Date(start + 7 * 86_400_000) };
    }
    case 'month':
      return {
        start: new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1)),
        end: new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1)),
      };
    default: {
      const unexpected: never = period;
      throw new Error(`unknown period ${String(unexpected)}`);
    }
  }
}
