// The privacy guard over the vault's ledger: budgets, reuse, differencing, admission and release, one at a time.
import { createHash } from 'node:crypto';
import type { AuditEvent, TransactionalAuditSink } from '../../core/audit-event.ts';
import { CurtainError } from '../../core/errors.ts';
import { questionPurpose } from '../../core/question-purposes.ts';
import { err, ok, type Result } from '../../core/result.ts';
import type { SqlExecutor, Storage } from '../../storage/ports.ts';
import { Rational } from '../dp/rational.ts';
import {
  earlierAudiences,
  lockLedger,
  recordInLedger,
  reusableAnswer,
  spentInPeriod,
  storedReleases,
  type QuestionLookup,
  type ReusableAnswer,
  type Spent,
} from './guard-ledger-store.ts';
import { decide, symmetricDifferenceSize, type GuardDecision } from './mechanism.ts';
import type { NoiseSampler } from './noise.ts';
import { periodOf, questionEpsilon, type GuardPolicy } from './policy.ts';
import type { PolicyStore } from './policy-store.ts';
import {
  checkAsker,
  unknownPurpose,
  type AdmitRequest,
  type BudgetState,
  type GuardAnswer,
  type GuardedQuestion,
  type GuardRefusal,
  type PrivacyGuard,
  type QuestionRefusal,
  type Release,
  type ReleaseRequest,
} from './privacy-guard.ts';

export interface LedgerGuardOptions {
  /** Where every noise draw comes from: exact discrete Laplace in production, a recording sampler in tests. */
  readonly noise: NoiseSampler;
  /** The clock of the budget period and of a release's day; tests pin it. */
  readonly now?: () => Date;
}

type Period = { readonly start: Date; readonly end: Date };

/** What the guard did with a question inside the ledger's lock; no decision when the budget refused it. */
interface QuestionCharge {
  readonly id?: number;
  readonly decision?: GuardDecision;
  readonly charged: Rational;
  readonly repeated: boolean;
  readonly spent: Spent;
}

/** The privacy guard, on the ledger of questions in the vault's database; see `PrivacyGuard`. */
export class LedgerGuard implements PrivacyGuard {
  readonly #storage: Storage;
  readonly #policies: Pick<PolicyStore, 'active'>;
  readonly #audit: TransactionalAuditSink<SqlExecutor>;
  readonly #noise: NoiseSampler;
  readonly #now: () => Date;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    storage: Storage,
    policies: Pick<PolicyStore, 'active'>,
    audit: TransactionalAuditSink<SqlExecutor>,
    options: LedgerGuardOptions,
  ) {
    this.#storage = storage;
    this.#policies = policies;
    this.#audit = audit;
    this.#noise = options.noise;
    this.#now = options.now ?? (() => new Date());
  }

  async budget(asker: string): Promise<BudgetState> {
    const { policy } = await this.#policies.active();
    const period = periodOf(policy.period, this.#now());
    return budgetState(
      policy,
      period,
      await spentInPeriod(this.#storage, asker, period.start),
      Rational.zero,
    );
  }

  answer(question: GuardedQuestion): Promise<Result<GuardAnswer, QuestionRefusal>> {
    return this.#serialised(() => this.#answer(question));
  }

  admit(request: AdmitRequest): Promise<Result<{ readonly budget: BudgetState }, GuardRefusal>> {
    return this.#serialised(() => this.#admit(request));
  }

  release(request: ReleaseRequest): Promise<Result<Release, GuardRefusal>> {
    return this.#serialised(() => this.#release(request));
  }

  /** Runs charges one at a time in this process, so that each sees the previous one's. */
  #serialised<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(work);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #answer(question: GuardedQuestion): Promise<Result<GuardAnswer, QuestionRefusal>> {
    checkAsker(question.asker);
    const { version: policyVersion, policy } = await this.#policies.active();
    const period = periodOf(policy.period, this.#now());
    const lookup: QuestionLookup = {
      asker: question.asker,
      purpose: question.purpose.code,
      planKey: question.planKey,
      periodStart: period.start,
    };
    // Evaluated before the charge's transaction: the engine may need the connection the transaction holds.
    const reusable = await reusableAnswer(this.#storage, lookup);
    const audience = reusable === undefined ? await question.audience() : undefined;
    const base = {
      asker: question.asker,
      ...(question.via === undefined ? {} : { via: question.via }),
      purpose: question.purpose.code,
      planHash: createHash('sha256').update(question.planKey).digest('base64url'),
      policyVersion,
    };
    const charge = await this.#storage.transaction(async (tx) => {
      await lockLedger(tx);
      const charge = await this.#chargeQuestion(tx, question, lookup, audience, policy, policyVersion);
      // The question and what the guard did commit together with the charge, or not at all.
      await this.#audit.enqueue(tx, questionEvents(base, question.engine, charge));
      return charge;
    });
    await this.#audit.flush();
    return questionOutcome(charge, policy, budgetState(policy, period, charge.spent, charge.charged));
  }

  /** Inside the ledger's lock: the earlier answer, or the budget, the differencing check and the decision. */
  async #chargeQuestion(
    tx: SqlExecutor,
    question: GuardedQuestion,
    lookup: QuestionLookup,
    audience: Int32Array | undefined,
    policy: GuardPolicy,
    policyVersion: number,
  ): Promise<QuestionCharge> {
    const earlier = await reusableAnswer(tx, lookup);
    const spent = await spentInPeriod(tx, lookup.asker, lookup.periodStart);
    const row = { ...lookup, expression: question.expression, policyVersion, engine: question.engine };
    if (earlier !== undefined) {
      // The audience stays with the original: earlierAudiences reads it through `repeats`.
      const id = await recordInLedger(tx, {
        ...row,
        outcome: 'repeated',
        noisyCount: earlier.noisyCount,
        epsilon: Rational.zero,
        repeats: earlier.id,
      });
      return { id, decision: storedDecision(earlier), charged: Rational.zero, repeated: true, spent };
    }
    const epsilon = questionEpsilon(policy);
    if (!budgetAllows(policy, spent, epsilon)) return { charged: Rational.zero, repeated: false, spent };
    if (audience === undefined) throw new Error('an answer the guard found before its lock is gone');
    const distances = (await earlierAudiences(tx, lookup.asker, lookup.periodStart)).map((earlierAudience) =>
      symmetricDifferenceSize(audience, earlierAudience),
    );
    const decision = decide(audience.length, distances, policy, this.#noise);
    const id = await recordInLedger(tx, {
      ...row,
      outcome: decision.outcome,
      noisyCount: decision.outcome === 'answered' ? decision.noisyCount : null,
      epsilon,
      audience,
    });
    return { id, decision, charged: epsilon, repeated: false, spent };
  }

  async #admit(request: AdmitRequest): Promise<Result<{ readonly budget: BudgetState }, GuardRefusal>> {
    checkAsker(request.asker);
    const purpose = questionPurpose(request.purpose);
    if (purpose === undefined) return err(unknownPurpose(request.purpose));
    const { version: policyVersion, policy } = await this.#policies.active();
    // No differencing check: nothing about the audience is released, only whether it is engaged.
    const epsilon = policy.countEpsilon.add(policy.thresholdEpsilon);
    const period = periodOf(policy.period, this.#now());
    const { outcome, spent } = await this.#storage.transaction(async (tx) => {
      await lockLedger(tx);
      const spent = await spentInPeriod(tx, request.asker, period.start);
      if (!budgetAllows(policy, spent, epsilon)) return { outcome: 'budget_exhausted' as const, spent };
      const decision = decide(request.size, [], policy, this.#noise);
      const admitted = decision.outcome === 'answered';
      await recordInLedger(tx, {
        asker: request.asker,
        purpose: purpose.code,
        expression: request.label,
        planKey: request.label,
        periodStart: period.start,
        outcome: decision.outcome,
        noisyCount: admitted ? decision.noisyCount : null,
        epsilon,
        policyVersion,
        engine: 'admission',
      });
      const details = { asker: request.asker, purpose: purpose.code, admission: request.label };
      await this.#audit.enqueue(tx, [
        {
          type: 'question.answered',
          details: {
            ...details,
            outcome: admitted ? 'admitted' : 'too_few',
            epsilon: epsilon.toString(),
            policyVersion,
          },
        },
      ]);
      return { outcome: admitted ? ('admitted' as const) : ('too_few' as const), spent };
    });
    await this.#audit.flush();
    const charged = outcome === 'budget_exhausted' ? Rational.zero : epsilon;
    const budget = budgetState(policy, period, spent, charged);
    if (outcome === 'admitted') return ok({ budget });
    if (outcome === 'too_few') {
      return err({ code: 'PRIVACY_TOO_FEW', message: 'the audience is too small to engage', budget });
    }
    return err(budgetRefusal(budget, epsilon));
  }

  async #release(request: ReleaseRequest): Promise<Result<Release, GuardRefusal>> {
    checkAsker(request.asker);
    const purpose = questionPurpose(request.purpose);
    if (purpose === undefined) return err(unknownPurpose(request.purpose));
    const names = releaseNames(request);
    const { version: policyVersion, policy } = await this.#policies.active();
    const perCount = policy.countEpsilon.add(policy.thresholdEpsilon);
    const epsilon = names.reduce((sum) => sum.add(perCount), Rational.zero);
    const period = periodOf(policy.period, this.#now());
    const releasedOn = this.#now().toISOString().slice(0, 10);
    const keyOf = (name: string) => `${request.label}@${releasedOn}#${name}`;
    const ledgerRow = { asker: request.asker, purpose: purpose.code, expression: request.label };
    const outcome = await this.#storage.transaction(async (tx) => {
      await lockLedger(tx);
      const stored = await storedReleases(tx, purpose.code, names.map(keyOf), period.start);
      const spent = await spentInPeriod(tx, request.asker, period.start);
      if (stored.size === names.length && names.length > 0) {
        const counts = Object.fromEntries(names.map((n) => [n, stored.get(keyOf(n))!]));
        return { repeated: true, counts, spent };
      }
      if (!budgetAllows(policy, spent, epsilon)) return { spent };
      const counts: { [name: string]: number | null } = {};
      for (const name of names) {
        const decision = decide(request.counts[name]!, [], policy, this.#noise);
        counts[name] = decision.outcome === 'answered' ? decision.noisyCount : null;
        await recordInLedger(tx, {
          ...ledgerRow,
          planKey: keyOf(name),
          periodStart: period.start,
          outcome: decision.outcome,
          noisyCount: counts[name]!,
          epsilon: perCount,
          policyVersion,
          engine: 'release',
        });
      }
      await this.#audit.enqueue(tx, [
        {
          type: 'question.answered',
          details: {
            ...ledgerRow,
            release: request.label,
            counts,
            epsilon: epsilon.toString(),
            policyVersion,
          },
        },
      ]);
      return { repeated: false, counts, spent };
    });
    await this.#audit.flush();
    const charged = outcome.counts === undefined || outcome.repeated ? Rational.zero : epsilon;
    const budget = budgetState(policy, period, outcome.spent, charged);
    if (outcome.counts === undefined) return err(budgetRefusal(budget, epsilon));
    return ok({ counts: outcome.counts, repeated: outcome.repeated, releasedOn, budget });
  }
}

/** The names of a release's counts, sorted; a USAGE error for a bad name or count. */
function releaseNames(request: ReleaseRequest): string[] {
  const names = Object.keys(request.counts).sort();
  for (const name of names) {
    const count = request.counts[name]!;
    if (!/^[a-z][a-z0-9_]{0,31}$/.test(name) || !Number.isSafeInteger(count) || count < 0) {
      throw new CurtainError('USAGE', `release counts: "${name}" must be a non-negative integer`);
    }
  }
  return names;
}

/** The budgets left in `period` once `charged` is added to what was spent before. */
function budgetState(policy: GuardPolicy, period: Period, spent: Spent, charged: Rational): BudgetState {
  return {
    charged,
    askerRemaining: Rational.zero.max(policy.askerBudget.sub(spent.asker).sub(charged)),
    vaultRemaining: Rational.zero.max(policy.vaultBudget.sub(spent.vault).sub(charged)),
    resetsAt: period.end.toISOString(),
  };
}

/** Whether ε fits in what is left of both the asker's and the vault's budget. */
function budgetAllows(policy: GuardPolicy, spent: Spent, epsilon: Rational): boolean {
  return (
    epsilon.lessThanOrEqual(policy.askerBudget.sub(spent.asker)) &&
    epsilon.lessThanOrEqual(policy.vaultBudget.sub(spent.vault))
  );
}

function budgetRefusal(budget: BudgetState, epsilon: Rational) {
  const which = budget.askerRemaining.lessThan(epsilon) ? 'your budget' : 'the vault-wide budget';
  return {
    code: 'PRIVACY_BUDGET_EXHAUSTED' as const,
    message: `${which} for this period is spent (this costs ε = ${epsilon.toString()}); it resets at ${budget.resetsAt}`,
    budget,
  };
}

function storedDecision(stored: ReusableAnswer): GuardDecision {
  switch (stored.outcome) {
    case 'answered':
      return { outcome: 'answered', noisyCount: stored.noisyCount! };
    case 'too_few':
      return { outcome: 'too_few' };
    case 'differencing':
      return { outcome: 'differencing' };
  }
}

function questionEvents(
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
function questionOutcome(
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
        message:
          `the audience differs from one of your earlier questions this period by fewer than about ` +
          `${policy.k} people; ask that question again instead`,
        questionId,
        budget,
      });
  }
}
