// "Ask for more": a person asks the policy's approvers for more ε this period; an approver grants or refuses it
// with a reason. A grant only moves vault-wide ε that is unspent and not yet granted to that person — the
// vault-wide budget of the period never rises, and the guard still checks every charge against it.
import { randomUUID } from 'node:crypto';
import type { AuditEvent, TransactionalAuditSink } from '../../core/audit-event.ts';
import { CurtainError } from '../../core/errors.ts';
import { openOnce } from '../../core/one-open.ts';
import type { SqlExecutor, Storage } from '../../storage/ports.ts';
import { Rational } from '../dp/rational.ts';
import {
  budgetRequestForUpdate,
  budgetRequestsOf,
  insertBudgetRequest,
  oneOpenBudgetRequest,
  recordDecision,
  spendAndGrantsInPeriod,
  type BudgetRequest,
  type BudgetRequestStatus,
} from './budget-request-store.ts';
import { lockLedger } from './guard-ledger-store.ts';
import { periodOf, type GuardPolicy } from './policy.ts';
import { heldInPeriod } from './reservation-store.ts';
import type { PolicyStore } from './policy-store.ts';

export type { BudgetRequest, BudgetRequestStatus };

export interface BudgetRequestsOptions {
  readonly now?: () => Date;
}

/** What is left of the period's vault-wide ε once spends and grants not spent yet are taken out. */
export interface Grantable {
  readonly vaultBudget: Rational;
  readonly vaultSpent: Rational;
  /** Granted to people this period and not spent yet: already promised, so not grantable again. */
  readonly grantedUnspent: Rational;
  /** Held by approved campaigns for their sending and results: the guard keeps it from everyone else. */
  readonly reserved: Rational;
  readonly available: Rational;
}

export class BudgetRequests {
  readonly #storage: Storage;
  readonly #policies: PolicyStore;
  readonly #audit: TransactionalAuditSink<SqlExecutor>;
  readonly #now: () => Date;

  constructor(
    storage: Storage,
    policies: PolicyStore,
    audit: TransactionalAuditSink<SqlExecutor>,
    options: BudgetRequestsOptions = {},
  ) {
    this.#storage = storage;
    this.#policies = policies;
    this.#audit = audit;
    this.#now = options.now ?? (() => new Date());
  }

  /** The active policy and the current period, read before any transaction (PGlite has one connection). */
  async #period(): Promise<{ start: Date; end: Date; policy: GuardPolicy }> {
    const { policy } = await this.#policies.active();
    return { ...periodOf(policy.period, this.#now()), policy };
  }

  /** Asks for `epsilon` more this period; one open request per person and period. */
  async ask(asker: string, epsilon: Rational, reason: string): Promise<BudgetRequest> {
    if (!epsilon.isPositive()) throw new CurtainError('INPUT_INVALID', 'epsilon: must be more than 0');
    const request: BudgetRequest = {
      id: randomUUID(),
      asker,
      periodStart: (await this.#period()).start,
      epsilon,
      reason,
      status: 'requested',
      granted: null,
      decidedBy: null,
      decisionReason: null,
      requestedAt: this.#now(),
      decidedAt: null,
    };
    await this.#storage.transaction(async (tx) => {
      await openOnce(
        oneOpenBudgetRequest,
        () => insertBudgetRequest(tx, request),
        () =>
          new CurtainError(
            'BUDGET_REQUEST_STATE',
            'you already have a request for more ε open this period; wait for its decision',
          ),
      );
      await this.#audit.enqueue(tx, [step('budget.requested', request, asker)]);
    });
    await this.#audit.flush();
    return request;
  }

  list(
    filter: { readonly asker?: string; readonly status?: BudgetRequestStatus } = {},
  ): Promise<BudgetRequest[]> {
    return budgetRequestsOf(this.#storage, filter);
  }

  /** ε granted to `asker` this period (already part of their budget: the guard adds it). */
  async grantedTo(asker: string): Promise<Rational> {
    const { start } = await this.#period();
    const granted = await budgetRequestsOf(this.#storage, { asker, status: 'granted' });
    return granted
      .filter((r) => r.periodStart.getTime() === start.getTime())
      .reduce((sum, r) => sum.add(r.granted!), Rational.zero);
  }

  /** What an approver could grant now. */
  async grantable(): Promise<Grantable> {
    return this.#grantable(this.#storage, await this.#period());
  }

  async #grantable(db: SqlExecutor, period: { start: Date; policy: GuardPolicy }): Promise<Grantable> {
    const { policy } = period;
    const { spent, granted } = await spendAndGrantsInPeriod(db, period.start);
    let vaultSpent = Rational.zero;
    for (const e of spent.values()) vaultSpent = vaultSpent.add(e);
    let grantedUnspent = Rational.zero;
    for (const [asker, grant] of granted) {
      // A person spends their own budget first; what they spent beyond it came out of their grants.
      const beyondOwn = Rational.zero.max((spent.get(asker) ?? Rational.zero).sub(policy.askerBudget));
      grantedUnspent = grantedUnspent.add(Rational.zero.max(grant.sub(beyondOwn)));
    }
    let reserved = Rational.zero;
    for (const held of (await heldInPeriod(db, period.start, this.#now())).values())
      reserved = reserved.add(held);
    const available = Rational.zero.max(policy.vaultBudget.sub(vaultSpent).sub(grantedUnspent).sub(reserved));
    return { vaultBudget: policy.vaultBudget, vaultSpent, grantedUnspent, reserved, available };
  }

  /** Grants a request, all of it or `epsilon` of it, from unspent vault-wide ε; never the decider's own. */
  async grant(id: string, by: string, reason: string, epsilon?: Rational): Promise<BudgetRequest> {
    const period = await this.#period();
    const decided = await this.#storage.transaction(async (tx) => {
      await lockLedger(tx);
      const request = await this.#open(tx, id, by, period.start);
      const amount = epsilon ?? request.epsilon;
      if (!amount.isPositive() || request.epsilon.lessThan(amount)) {
        throw new CurtainError(
          'INPUT_INVALID',
          `epsilon: grant more than 0 and at most the ${request.epsilon.toString()} asked`,
        );
      }
      const { available } = await this.#grantable(tx, period);
      if (available.lessThan(amount)) {
        throw new CurtainError(
          'BUDGET_GRANT_EXCEEDS_VAULT',
          `only ε ${available.toString()} of the vault-wide budget is unspent, not granted and not held by ` +
            `approved campaigns this period; ` +
            `a grant cannot raise the vault-wide budget`,
        );
      }
      return this.#decide(tx, request, { status: 'granted', granted: amount, by, reason });
    });
    await this.#audit.flush();
    return decided;
  }

  async refuse(id: string, by: string, reason: string): Promise<BudgetRequest> {
    const period = await this.#period();
    const decided = await this.#storage.transaction(async (tx) => {
      const request = await this.#open(tx, id, by, period.start);
      return this.#decide(tx, request, { status: 'refused', granted: null, by, reason });
    });
    await this.#audit.flush();
    return decided;
  }

  async #open(tx: SqlExecutor, id: string, by: string, periodStart: Date): Promise<BudgetRequest> {
    const request = await budgetRequestForUpdate(tx, id);
    if (request === undefined) throw new CurtainError('NOT_FOUND', `no request for more ε ${id}`);
    const refuse = (why: string) => new CurtainError('BUDGET_REQUEST_STATE', why);
    if (request.status !== 'requested') throw refuse(`this request was already ${request.status}`);
    if (request.asker === by) throw refuse('another approver must decide on your own request');
    if (request.periodStart.getTime() !== periodStart.getTime()) {
      throw refuse('this request was for a period that has ended; ask again in this one');
    }
    return request;
  }

  async #decide(
    tx: SqlExecutor,
    request: BudgetRequest,
    decision: { status: 'granted' | 'refused'; granted: Rational | null; by: string; reason: string },
  ): Promise<BudgetRequest> {
    const at = this.#now();
    await recordDecision(tx, { id: request.id, ...decision, at });
    const decided: BudgetRequest = {
      ...request,
      status: decision.status,
      granted: decision.granted,
      decidedBy: decision.by,
      decisionReason: decision.reason,
      decidedAt: at,
    };
    await this.#audit.enqueue(tx, [step(`budget.${decision.status}`, decided, decision.by)]);
    return decided;
  }
}

/** A step in the log: who, for whom, how much; never the reasons' free text (kept in the vault's table). */
function step(action: string, request: BudgetRequest, by: string): AuditEvent {
  return {
    type: 'admin.action',
    details: {
      action,
      request: request.id,
      asker: request.asker,
      by,
      epsilon: request.epsilon.toString(),
      ...(request.granted === null ? {} : { granted: request.granted.toString() }),
    },
  };
}
