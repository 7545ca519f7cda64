// The vault-wide (ε, δ) budget: spends of approximate-DP mechanisms, composed with the pure-ε ledger by RDP.
import type { TransactionalAuditSink } from '../../core/audit-event.ts';
import { CurtainError } from '../../core/errors.ts';
import { questionPurpose } from '../../core/question-purposes.ts';
import { err, ok, type Result } from '../../core/result.ts';
import type { SqlExecutor, Storage } from '../../storage/ports.ts';
import {
  checkCurve,
  compose,
  pureDpCurve,
  rdpOrders,
  toApproximateDp,
  type RdpCurve,
} from '../accounting/rdp.ts';
import type { Rational } from '../dp/rational.ts';
import {
  pureChargesInPeriod,
  rdpSpentInPeriod,
  recordSpend,
  spendRecorded,
} from './approximate-ledger-store.ts';
import { lockLedger } from './guard-ledger-store.ts';
import { periodOf } from './policy.ts';
import type { PolicyStore } from './policy-store.ts';
import { checkAsker, unknownPurpose } from './privacy-guard.ts';
import {
  defaultApproximateBudget,
  type ApproximateBudget,
  type ApproximateBudgetState,
  type SpendRefusal,
  type SpendRequest,
} from './approximate-budget.ts';

export {
  defaultApproximateBudget,
  type ApproximateBudget,
  type ApproximateBudgetState,
  type SpendRefusal,
  type SpendRequest,
} from './approximate-budget.ts';

/** What the period has committed to: every spend, and the pure-ε ledger at the most it may still reach. */
function committed(spends: RdpCurve, pure: readonly Rational[], pureBudget: Rational): RdpCurve {
  const toNumber = (r: Rational) => Number(r.numerator) / Number(r.denominator);
  const spentPure = pure.reduce((sum, e) => sum + toNumber(e), 0);
  const remaining = Math.max(0, toNumber(pureBudget) - spentPure);
  // The pure charges compose to (Σε)-DP, and to the sum of their curves; what is left may be spent later.
  const pureSoFar = compose(...pure.map((e) => pureDpCurve(toNumber(e))));
  const future = pureDpCurve(remaining);
  const cap = Math.max(toNumber(pureBudget), spentPure);
  const reserved = rdpOrders.map((_, i) => Math.min(cap, pureSoFar[i]! + future[i]!));
  return compose(spends, reserved);
}

/** Up to the next 0.01: what the transparency log is told of an ε, so no fine figure of a run leaves. */
const coarse = (epsilon: number) => Math.ceil(epsilon * 100) / 100;

/** The (ε, δ) ledger; the guard runs its charges in the same queue and under the same lock as the pure ones. */
export class ApproximateLedger {
  readonly #storage: Storage;
  readonly #policies: Pick<PolicyStore, 'active'>;
  readonly #audit: TransactionalAuditSink<SqlExecutor>;
  readonly #budget: ApproximateBudget;
  readonly #now: () => Date;

  constructor(
    storage: Storage,
    policies: Pick<PolicyStore, 'active'>,
    audit: TransactionalAuditSink<SqlExecutor>,
    options: { readonly budget?: ApproximateBudget; readonly now?: () => Date } = {},
  ) {
    this.#storage = storage;
    this.#policies = policies;
    this.#audit = audit;
    this.#budget = options.budget ?? defaultApproximateBudget;
    this.#now = options.now ?? (() => new Date());
  }

  async status(): Promise<ApproximateBudgetState> {
    const { policy } = await this.#policies.active();
    const period = periodOf(policy.period, this.#now());
    const spent = committed(
      await rdpSpentInPeriod(this.#storage, period.start),
      await pureChargesInPeriod(this.#storage, period.start),
      policy.vaultBudget,
    );
    return this.#state(spent, 0, period.end);
  }

  /** Charges `request` if the period's (ε, δ) stays within budget; refuses, charging nothing, otherwise. */
  async spend(request: SpendRequest): Promise<Result<ApproximateBudgetState, SpendRefusal>> {
    checkAsker(request.asker);
    if (!/^[a-z0-9][a-z0-9:._-]{0,127}$/i.test(request.label)) {
      throw new CurtainError('USAGE', 'label: letters, digits, ":", ".", "_" or "-" (at most 128)');
    }
    if (!/^[a-z][a-z0-9-]{0,31}$/.test(request.mechanism)) {
      throw new CurtainError('USAGE', 'mechanism: a lowercase name of at most 32, e.g. "dp-sgd"');
    }
    const rdp = checkCurve(request.rdp, 'rdp');
    const purpose = questionPurpose(request.purpose);
    if (purpose === undefined) return err(unknownPurpose(request.purpose));
    const { policy } = await this.#policies.active();
    const period = periodOf(policy.period, this.#now());
    const cost = toApproximateDp(rdp, this.#budget.delta).epsilon;
    return this.#storage
      .transaction(async (tx) => {
        await lockLedger(tx);
        if (await spendRecorded(tx, period.start, request.label)) {
          throw new CurtainError('USAGE', `label: "${request.label}" was already charged this period`);
        }
        const before = committed(
          await rdpSpentInPeriod(tx, period.start),
          await pureChargesInPeriod(tx, period.start),
          policy.vaultBudget,
        );
        const after = compose(before, rdp);
        if (toApproximateDp(after, this.#budget.delta).epsilon > this.#budget.epsilon) {
          const budget = this.#state(before, 0, period.end);
          return err({
            code: 'PRIVACY_BUDGET_EXHAUSTED' as const,
            message:
              `the vault-wide (ε, δ) budget for this period would be exceeded (this costs ε ≈ ${coarse(cost)} ` +
              `at δ = ${this.#budget.delta}); it resets at ${budget.resetsAt}`,
            budget,
          });
        }
        await recordSpend(tx, { periodStart: period.start, ...request, purpose: purpose.code, rdp });
        await this.#audit.enqueue(tx, [
          {
            type: 'privacy.spent',
            details: {
              asker: request.asker,
              purpose: purpose.code,
              label: request.label,
              mechanism: request.mechanism,
              epsilon: coarse(cost),
              delta: this.#budget.delta,
            },
          },
        ]);
        return ok(this.#state(after, cost, period.end));
      })
      .finally(() => this.#audit.flush());
  }

  #state(spent: RdpCurve, charged: number, end: Date): ApproximateBudgetState {
    return {
      charged,
      spent: toApproximateDp(spent, this.#budget.delta),
      budget: this.#budget,
      resetsAt: end.toISOString(),
    };
  }
}
