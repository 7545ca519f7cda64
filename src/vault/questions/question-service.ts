// Questions: parse → check → evaluate inside the vault → the privacy guard, the only door out.
import { consentChannels } from '../../core/consent.ts';
import { questionPurpose, type QuestionPurpose } from '../../core/question-purposes.ts';
import { err, ok, type Result } from '../../core/result.ts';
import type { CheckedQuestion } from '../../language/checker.ts';
import { normalisePlan, planKey } from '../../language/normalise.ts';
import type { CustomerIds, Plan, QuestionEngine } from '../../language/plan.ts';
import { questionEpsilon, type GuardPolicy } from '../../privacy/guard/policy.ts';
import type { Rational } from '../../privacy/dp/rational.ts';
import type { PolicyStore } from '../../privacy/guard/policy-store.ts';
import {
  checkAsker,
  unknownPurpose,
  type BudgetState,
  type GuardAnswer,
  type PrivacyGuard,
  type QuestionRefusal,
} from '../../privacy/guard/privacy-guard.ts';
import type { ConsentLedger } from '../consent/consent-ledger.ts';
import { checkQuestion, type InvalidQuestion } from './question-check.ts';

export type { BudgetState };

export interface AskRequest {
  readonly expression: string;
  readonly purpose: string;
  /** Who asks: a staff handle (letters, digits, `.`, `_`, `-`), charged for the question. */
  readonly asker: string;
  /** "local-cli" when the local CLI asks as the named staff member; the log entry says so. */
  readonly via?: 'local-cli';
}

export type Answer = GuardAnswer;

/**
 * Where a question's exact audience comes from: one vault's engine and consent ledger (`vaultAudience`), or
 * the shards of a group, each answering for its own customers (`ShardGroupAudience`). It never leaves the guard.
 */
export interface AudienceSource {
  /** The engine that evaluates the audience, recorded with the question. */
  readonly name: string;
  /** Active customers matching `plan` on `asOf` who gave the purpose's consent on some channel, ascending. */
  audience(plan: Plan, asOf: string, purpose: QuestionPurpose): Promise<CustomerIds>;
}

/** One vault's audience: its engine's matches, less those without the purpose's consent on any channel. */
export function vaultAudience(
  engine: QuestionEngine,
  consent: Pick<ConsentLedger, 'allowed'>,
): AudienceSource {
  return {
    get name() {
      return engine.name;
    },
    async audience(plan, asOf, purpose) {
      const [ids, ...allowed] = await Promise.all([
        engine.evaluate(plan, asOf),
        ...consentChannels.map((channel) => consent.allowed(purpose.consent, channel)),
      ]);
      return ids.filter((id) => allowed.some((set) => set.has(id)));
    },
  };
}

export type Refusal =
  InvalidQuestion | { readonly code: 'QUESTION_PURPOSE_UNKNOWN'; readonly message: string } | QuestionRefusal;

export interface QuestionServiceOptions {
  /** The vault's currency: amounts in questions are in it. */
  readonly currency: string;
  /** How long transactions are kept, in days (the one retention policy, read per question): windows stay inside. */
  readonly retentionDays: () => Promise<number>;
  /** The day questions are asked on (their `asOf`); tests pin it. */
  readonly now?: () => Date;
  /** The approved model version per product (the model registry), for `propensity(…)`. */
  readonly approvedModels?: () => Promise<ReadonlyMap<string, string>>;
}

export class QuestionService {
  readonly #audience: AudienceSource;
  readonly #policies: Pick<PolicyStore, 'active'>;
  readonly #guard: Pick<PrivacyGuard, 'answer' | 'budget'>;
  readonly #options: QuestionServiceOptions;

  constructor(
    audience: AudienceSource,
    policies: Pick<PolicyStore, 'active'>,
    guard: Pick<PrivacyGuard, 'answer' | 'budget'>,
    options: QuestionServiceOptions,
  ) {
    this.#audience = audience;
    this.#policies = policies;
    this.#guard = guard;
    this.#options = options;
  }

  /** Parses and checks without touching the data or the budget: for editors, as the marketer types. */
  async check(
    expression: string,
    purposeCode: string,
  ): Promise<Result<CheckedQuestion & { readonly cost: Rational }, Refusal>> {
    const purpose = questionPurpose(purposeCode);
    if (purpose === undefined) return err(unknownPurpose(purposeCode));
    const { policy } = await this.#policies.active();
    const checked = this.#check(
      expression,
      purpose,
      policy,
      this.#today(),
      await this.#options.retentionDays(),
      await this.#models(),
    );
    // What a new count of it would charge, so that an editor can show the price before the click.
    return checked.ok ? ok({ ...checked.value, cost: questionEpsilon(policy) }) : checked;
  }

  /**
   * Asks a question: parsed and checked (free), then its exact audience evaluated and handed to the guard,
   * which answers one question at a time so that each sees the previous one's charge.
   */
  async ask(request: AskRequest): Promise<Result<Answer, Refusal>> {
    checkAsker(request.asker);
    const purpose = questionPurpose(request.purpose);
    if (purpose === undefined) return err(unknownPurpose(request.purpose));
    const { policy } = await this.#policies.active();
    const asOf = this.#today();
    const checked = this.#check(
      request.expression,
      purpose,
      policy,
      asOf,
      await this.#options.retentionDays(),
      await this.#models(),
    );
    if (!checked.ok) return checked;
    const plan = normalisePlan(checked.value.plan, { asOf });
    return this.#guard.answer({
      asker: request.asker,
      ...(request.via === undefined ? {} : { via: request.via }),
      purpose,
      expression: request.expression,
      planKey: planKey(plan),
      engine: this.#audience.name,
      audience: () => this.#audience.audience(plan, asOf, purpose),
    });
  }

  /** What is left of an asker's budget in the current period. */
  budget(asker: string): Promise<BudgetState> {
    return this.#guard.budget(asker);
  }

  #check(
    expression: string,
    purpose: QuestionPurpose,
    policy: GuardPolicy,
    asOf: string,
    retentionDays: number,
    models: ReadonlyMap<string, string>,
  ): Result<CheckedQuestion, Refusal> {
    return checkQuestion(expression, purpose, {
      currency: this.#options.currency,
      retentionDays,
      maxAttributes: policy.maxAttributes,
      asOf,
      models,
    });
  }

  async #models(): Promise<ReadonlyMap<string, string>> {
    return (await this.#options.approvedModels?.()) ?? new Map<string, string>();
  }

  #today(): string {
    return (this.#options.now?.() ?? new Date()).toISOString().slice(0, 10);
  }
}
