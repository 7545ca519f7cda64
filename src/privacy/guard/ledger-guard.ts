// The privacy guard over the vault's ledger: budgets, reuse, differencing, admission and release, one at a time.
import { createHash } from 'node:crypto';
import type { TransactionalAuditSink } from '../../core/audit-event.ts';
import { questionPurpose } from '../../core/question-purposes.ts';
import { err, ok, type Result } from '../../core/result.ts';
import type { SqlExecutor, Storage } from '../../storage/ports.ts';
import { Rational } from '../dp/rational.ts';
import {
  ApproximateLedger,
  type ApproximateBudget,
  type ApproximateBudgetState,
  type SpendRefusal,
  type SpendRequest,
} from './approximate-ledger.ts';
import { AudienceBitset } from './audience-bitset.ts';
import {
  budgetAllows,
  budgetRefusal,
  budgetState,
  campaignReservation,
  releaseEpsilon,
  holdingsFor,
} from './budget-check.ts';
import {
  lockLedger,
  recordInLedger,
  reusableAnswer,
  spentInPeriod,
  storedReleases,
  type QuestionLookup,
  type StoredRelease,
} from './guard-ledger-store.ts';
import { anyTooClose, decide, suppressOrCount, type GuardDecision } from './mechanism.ts';
import type { NoiseSampler } from './noise.ts';
import { PeriodReleases } from './period-releases.ts';
import {
  questionEvents,
  questionOutcome,
  storedDecision,
  tooCloseMessage,
  type QuestionCharge,
} from './question-outcome.ts';
import { releaseAudiences, releasedCounts } from './release-counts.ts';
import { periodOf, questionEpsilon, type GuardPolicy } from './policy.ts';
import type { PolicyStore } from './policy-store.ts';
import { campaignOfLabel, endReservation, heldInPeriod, insertReservation } from './reservation-store.ts';
import {
  checkAsker,
  questionSubject,
  unknownPurpose,
  type AdmitRequest,
  type BudgetState,
  type GuardAnswer,
  type GuardedQuestion,
  type GuardRefusal,
  type PrivacyGuard,
  type QuestionRefusal,
  type Release,
  type ReservationRequest,
  type ReleaseRequest,
} from './privacy-guard.ts';

export interface LedgerGuardOptions {
  /** Where every noise draw comes from: exact discrete Laplace in production, a recording sampler in tests. */
  readonly noise: NoiseSampler;
  /** The clock of the budget period and of a release's day; tests pin it. */
  readonly now?: () => Date;
  /** The vault-wide (ε, δ) budget per period; `defaultApproximateBudget` unless given. */
  readonly approximateBudget?: ApproximateBudget;
}

/** The privacy guard, on the ledger of questions in the vault's database; see `PrivacyGuard`. */
export class LedgerGuard implements PrivacyGuard {
  readonly #storage: Storage;
  readonly #policies: Pick<PolicyStore, 'active'>;
  readonly #audit: TransactionalAuditSink<SqlExecutor>;
  readonly #noise: NoiseSampler;
  readonly #now: () => Date;
  /** The period's released audiences, in memory: loaded from the ledger once, then kept up to date. */
  readonly #releases = new PeriodReleases();
  readonly #approximate: ApproximateLedger;
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
    this.#approximate = new ApproximateLedger(storage, policies, audit, {
      now: this.#now,
      ...(options.approximateBudget === undefined ? {} : { budget: options.approximateBudget }),
    });
  }

  async budget(asker: string): Promise<BudgetState> {
    const { policy } = await this.#policies.active();
    const now = this.#now();
    const period = periodOf(policy.period, now);
    const spent = await spentInPeriod(this.#storage, asker, period.start);
    const held = holdingsFor(await heldInPeriod(this.#storage, period.start, now));
    return budgetState(policy, period, spent, Rational.zero, held);
  }

  reserve(request: ReservationRequest): Promise<Result<BudgetState, GuardRefusal>> {
    return this.#serialised(() => this.#reserve(request));
  }

  endReservation(
    campaignId: string,
    reason: 'cancelled' | 'refused' | 'stopped',
    actor: string,
  ): Promise<void> {
    return this.#serialised(async () => {
      const ended = await this.#storage.transaction(async (tx) => {
        await lockLedger(tx);
        if (!(await endReservation(tx, campaignId, reason, this.#now()))) return false;
        const details = { campaign: campaignId, reason, by: actor };
        await this.#audit.enqueue(tx, [{ type: 'privacy.unreserved', details }]);
        return true;
      });
      if (ended) await this.#audit.flush();
    });
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

  spend(request: SpendRequest): Promise<Result<ApproximateBudgetState, SpendRefusal>> {
    return this.#serialised(() => this.#approximate.spend(request));
  }

  approximateBudget(): Promise<ApproximateBudgetState> {
    return this.#approximate.status();
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
    const audience = reusable === undefined ? AudienceBitset.fromIds(await question.audience()) : undefined;
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
    if (charge.released !== undefined) this.#releases.add(charge.released);
    await this.#audit.flush();
    const budget = budgetState(policy, period, charge.spent, charge.charged, charge.held);
    return questionOutcome(charge, policy, budget);
  }

  /** Inside the ledger's lock: the earlier answer, or the budget, the differencing check and the decision. */
  async #chargeQuestion(
    tx: SqlExecutor,
    question: GuardedQuestion,
    lookup: QuestionLookup,
    audience: AudienceBitset | undefined,
    policy: GuardPolicy,
    policyVersion: number,
  ): Promise<QuestionCharge> {
    const earlier = await reusableAnswer(tx, lookup);
    const spent = await spentInPeriod(tx, lookup.asker, lookup.periodStart);
    const held = holdingsFor(await heldInPeriod(tx, lookup.periodStart, this.#now()));
    const row = { ...lookup, expression: question.expression, policyVersion, engine: question.engine };
    if (earlier !== undefined) {
      // A repeat releases nothing new: the original's audience is already among the period's releases.
      const id = await recordInLedger(tx, {
        ...row,
        outcome: 'repeated',
        noisyCount: earlier.noisyCount,
        epsilon: Rational.zero,
        repeats: earlier.id,
      });
      return { id, decision: storedDecision(earlier), charged: Rational.zero, repeated: true, spent, held };
    }
    const epsilon = questionEpsilon(policy);
    if (!budgetAllows(policy, spent, epsilon, held)) {
      return { charged: Rational.zero, repeated: false, spent, held };
    }
    if (audience === undefined) throw new Error('an answer the guard found before its lock is gone');
    await this.#releases.sync(tx, lookup.periodStart);
    const subjects = [questionSubject(lookup.purpose, lookup.planKey)];
    const decision = decide(
      audience.size,
      this.#releases.comparisons(audience, subjects),
      policy,
      this.#noise,
    );
    const released = decision.outcome === 'answered' ? { subjects, audience } : undefined;
    const id = await recordInLedger(tx, {
      ...row,
      outcome: decision.outcome,
      noisyCount: decision.outcome === 'answered' ? decision.noisyCount : null,
      epsilon,
      ...(released === undefined ? {} : { released }),
    });
    return {
      id,
      decision,
      charged: epsilon,
      repeated: false,
      spent,
      held,
      ...(released === undefined ? {} : { released: { id, ...released } }),
    };
  }

  async #admit(request: AdmitRequest): Promise<Result<{ readonly budget: BudgetState }, GuardRefusal>> {
    checkAsker(request.asker);
    const purpose = questionPurpose(request.purpose);
    if (purpose === undefined) return err(unknownPurpose(request.purpose));
    const audience = AudienceBitset.fromIds(request.audience);
    const { version: policyVersion, policy } = await this.#policies.active();
    const epsilon = questionEpsilon(policy);
    const period = periodOf(policy.period, this.#now());
    const campaign = campaignOfLabel(request.label);
    const { outcome, spent, held, released } = await this.#storage.transaction(async (tx) => {
      await lockLedger(tx);
      const spent = await spentInPeriod(tx, request.asker, period.start);
      const held = holdingsFor(await heldInPeriod(tx, period.start, this.#now()), campaign);
      if (!budgetAllows(policy, spent, epsilon, held))
        return { outcome: 'budget_exhausted' as const, spent, held };
      await this.#releases.sync(tx, period.start);
      const decision = this.#admitted(audience, request.subjects, policy);
      const admitted = decision.outcome === 'answered';
      const id = await recordInLedger(tx, {
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
        ...(admitted ? { released: { subjects: request.subjects, audience } } : {}),
      });
      const said = admitted ? ('admitted' as const) : decision.outcome;
      const details = { asker: request.asker, purpose: purpose.code, admission: request.label };
      await this.#audit.enqueue(tx, [
        {
          type: 'question.answered',
          details: { ...details, outcome: said, epsilon: epsilon.toString(), policyVersion },
        },
      ]);
      const released = admitted ? { id, subjects: request.subjects, audience } : undefined;
      return { outcome: said, spent, held, released };
    });
    if (released !== undefined) this.#releases.add(released);
    await this.#audit.flush();
    const charged = outcome === 'budget_exhausted' ? Rational.zero : epsilon;
    const budget = budgetState(policy, period, spent, charged, held);
    switch (outcome) {
      case 'admitted':
        return ok({ budget });
      case 'too_few':
        return err({ code: 'PRIVACY_TOO_FEW', message: 'the audience is too small to engage', budget });
      case 'differencing':
        return err({ code: 'PRIVACY_DIFFERENCING', message: tooCloseMessage(policy), budget });
      case 'budget_exhausted':
        return err(budgetRefusal(budget, epsilon));
    }
  }

  async #reserve(request: ReservationRequest): Promise<Result<BudgetState, GuardRefusal>> {
    checkAsker(request.holder);
    const purpose = questionPurpose(request.purpose);
    if (purpose === undefined) return err(unknownPurpose(request.purpose));
    const { policy } = await this.#policies.active();
    const now = this.#now();
    const period = periodOf(policy.period, now);
    const epsilon = campaignReservation(policy);
    const outcome = await this.#storage.transaction(async (tx) => {
      await lockLedger(tx);
      const spent = await spentInPeriod(tx, request.holder, period.start);
      const held = holdingsFor(await heldInPeriod(tx, period.start, now), request.campaignId);
      if (held.own.greaterThan(Rational.zero)) return { spent, held, fits: true };
      // The holder's own budget is not touched: only what is left of the vault's, unheld, must cover it.
      const fits = epsilon.lessThanOrEqual(policy.vaultBudget.sub(spent.vault).sub(held.others));
      if (!fits) return { spent, held, fits };
      await insertReservation(tx, {
        ...request,
        periodStart: period.start,
        purpose: purpose.code,
        epsilon,
        reservedAt: now,
        endsAt: request.endsAt ?? null,
      });
      const details = { campaign: request.campaignId, by: request.holder, epsilon: epsilon.toString() };
      await this.#audit.enqueue(tx, [{ type: 'privacy.reserved', details }]);
      return { spent, held: { ...held, own: epsilon }, fits };
    });
    await this.#audit.flush();
    const budget = budgetState(policy, period, outcome.spent, Rational.zero, outcome.held);
    return outcome.fits ? ok(budget) : err(budgetRefusal(budget, epsilon));
  }

  /** An admission's decision: large enough (noised), then not too close to the period's releases. */
  #admitted(audience: AudienceBitset, subjects: readonly string[], policy: GuardPolicy): GuardDecision {
    const decision = suppressOrCount(audience.size, policy, this.#noise);
    if (decision.outcome !== 'answered') return decision;
    const comparisons = this.#releases.comparisons(audience, subjects);
    return anyTooClose(comparisons, policy, this.#noise) ? { outcome: 'differencing' } : decision;
  }

  async #release(request: ReleaseRequest): Promise<Result<Release, GuardRefusal>> {
    checkAsker(request.asker);
    const purpose = questionPurpose(request.purpose);
    if (purpose === undefined) return err(unknownPurpose(request.purpose));
    const { audiences, disjoint } = releaseAudiences(request);
    const names = [...audiences.keys()];
    const { version: policyVersion, policy } = await this.#policies.active();
    const perCount = policy.countEpsilon.add(policy.thresholdEpsilon);
    const epsilon = releaseEpsilon(policy, names.length - disjoint.length, disjoint.length);
    // Each row's share of the charge: the differencing check's with the first count, the disjoint counts'
    // one count's and threshold's with the first of them, nothing with the rest of them.
    const shareOf = (name: string) =>
      (disjoint.includes(name) && name !== disjoint[0] ? Rational.zero : perCount).add(
        name === names[0] ? policy.differencingEpsilon : Rational.zero,
      );
    const period = periodOf(policy.period, this.#now());
    const releasedOn = this.#now().toISOString().slice(0, 10);
    const keyOf = (name: string) => `${request.label}@${releasedOn}#${name}`;
    const campaign = campaignOfLabel(request.label);
    const ledgerRow = { asker: request.asker, purpose: purpose.code, expression: request.label };
    const outcome = await this.#storage.transaction(async (tx) => {
      await lockLedger(tx);
      const stored = await storedReleases(tx, purpose.code, names.map(keyOf), period.start);
      const spent = await spentInPeriod(tx, request.asker, period.start);
      const held = holdingsFor(await heldInPeriod(tx, period.start, this.#now()), campaign);
      if (stored.size === names.length && names.length > 0) {
        const counts = Object.fromEntries(names.map((n) => [n, stored.get(keyOf(n))!]));
        return { repeated: true, counts, spent, held, released: [] };
      }
      if (!budgetAllows(policy, spent, epsilon, held)) return { spent, held, released: [] };
      await this.#releases.sync(tx, period.start);
      const counts = releasedCounts(audiences, request.subjects, policy, this.#releases, this.#noise);
      const released: StoredRelease[] = [];
      for (const name of names) {
        const count = counts === undefined ? null : counts[name]!;
        const id = await recordInLedger(tx, {
          ...ledgerRow,
          planKey: keyOf(name),
          periodStart: period.start,
          outcome: counts === undefined ? 'differencing' : count === null ? 'too_few' : 'answered',
          noisyCount: count,
          epsilon: shareOf(name),
          policyVersion,
          engine: 'release',
          ...(count === null
            ? {}
            : { released: { subjects: request.subjects, audience: audiences.get(name)! } }),
        });
        if (count !== null) released.push({ id, subjects: request.subjects, audience: audiences.get(name)! });
      }
      await this.#audit.enqueue(tx, [
        {
          type: 'question.answered',
          details: {
            ...ledgerRow,
            release: request.label,
            ...(counts === undefined ? { outcome: 'differencing' } : { counts }),
            epsilon: epsilon.toString(),
            policyVersion,
          },
        },
      ]);
      return { repeated: false, counts, spent, held, released, differencing: counts === undefined };
    });
    for (const release of outcome.released) this.#releases.add(release);
    await this.#audit.flush();
    const charged = outcome.repeated === undefined || outcome.repeated ? Rational.zero : epsilon;
    const budget = budgetState(policy, period, outcome.spent, charged, outcome.held);
    if (outcome.repeated === undefined) return err(budgetRefusal(budget, epsilon));
    if (outcome.counts === undefined) {
      return err({ code: 'PRIVACY_DIFFERENCING', message: tooCloseMessage(policy), budget });
    }
    return ok({ counts: outcome.counts, repeated: outcome.repeated, releasedOn, budget });
  }
}
