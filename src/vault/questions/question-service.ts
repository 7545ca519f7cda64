// Questions: parse, check, evaluate inside the vault, and release through the privacy guard — the only door out.
import { createHash } from 'node:crypto';
import type { TransactionalAuditSink } from '../../core/audit-event.ts';
import { consentChannels } from '../../core/consent.ts';
import { CurtainError } from '../../core/errors.ts';
import { questionPurpose, type QuestionPurpose } from '../../core/question-purposes.ts';
import { err, ok, type Result } from '../../core/result.ts';
import { checkExpression, type CheckedQuestion } from '../../language/checker.ts';
import { renderDiagnostic, type LanguageDiagnostic } from '../../language/diagnostics.ts';
import { normalisePlan, planKey } from '../../language/normalise.ts';
import { parseExpression } from '../../language/parser.ts';
import type { CustomerIds, QuestionEngine } from '../../language/plan.ts';
import { decide, symmetricDifferenceSize, type GuardDecision } from '../../privacy/guard/mechanism.ts';
import { periodOf, questionEpsilon, type GuardPolicy } from '../../privacy/guard/policy.ts';
import type { RandomSource } from '../../privacy/dp/random-source.ts';
import { Rational } from '../../privacy/dp/rational.ts';
import type { SqlExecutor, Storage } from '../../storage/ports.ts';
import type { ConsentLedger } from '../consent/consent-ledger.ts';
import type { PolicyStore } from './policy-store.ts';
import type { AdmitRequest, AudienceGuard, GuardRefusal, Release, ReleaseRequest } from './audience-guard.ts';

export interface AskRequest {
  readonly expression: string;
  readonly purpose: string;
  /** Who asks: a staff handle (letters, digits, `.`, `_`, `-`), charged for the question. */
  readonly asker: string;
}

export interface BudgetState {
  /** ε this question charged: 0 when it repeated an earlier answer or was refused before the data. */
  readonly charged: Rational;
  readonly askerRemaining: Rational;
  readonly vaultRemaining: Rational;
  /** When the period's budgets reset (ISO 8601). */
  readonly resetsAt: string;
}

export interface Answer {
  readonly questionId: number;
  /** The protected count: noised, never exact. */
  readonly count: number;
  /** True when this is the stored answer of the same question earlier in the period. */
  readonly repeated: boolean;
  readonly budget: BudgetState;
}

export type Refusal =
  | {
      readonly code: 'QUESTION_INVALID';
      readonly message: string;
      readonly diagnostics: readonly LanguageDiagnostic[];
      /** The diagnostics rendered with line, column and caret. */
      readonly rendered: string;
    }
  | { readonly code: 'QUESTION_PURPOSE_UNKNOWN'; readonly message: string }
  | {
      readonly code: 'PRIVACY_TOO_FEW' | 'PRIVACY_DIFFERENCING' | 'PRIVACY_BUDGET_EXHAUSTED';
      readonly message: string;
      readonly questionId?: number;
      readonly budget: BudgetState;
    };

export interface QuestionServiceOptions {
  /** The vault's currency: amounts in questions are in it. */
  readonly currency: string;
  /** How long transactions are kept, in days: windows must stay inside. */
  readonly retentionDays: number;
  readonly random: RandomSource;
  readonly now?: () => Date;
}

interface StoredQuestion {
  id: number;
  outcome: 'answered' | 'too_few' | 'differencing' | 'repeated';
  noisy_count: number | null;
  repeats: number | null;
}

const askerPattern = /^[a-z0-9][a-z0-9._-]{0,63}$/i;
// An arbitrary constant: serialises the charge of questions across vault processes.
const questionLockKey = 727_004;

export class QuestionService implements AudienceGuard {
  readonly #storage: Storage;
  readonly #engine: QuestionEngine;
  readonly #consent: ConsentLedger;
  readonly #policies: PolicyStore;
  readonly #audit: TransactionalAuditSink<SqlExecutor>;
  readonly #options: QuestionServiceOptions;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    storage: Storage,
    engine: QuestionEngine,
    consent: ConsentLedger,
    policies: PolicyStore,
    audit: TransactionalAuditSink<SqlExecutor>,
    options: QuestionServiceOptions,
  ) {
    this.#storage = storage;
    this.#engine = engine;
    this.#consent = consent;
    this.#policies = policies;
    this.#audit = audit;
    this.#options = options;
  }

  /** Parses and checks without touching the data or the budget: for editors, as the marketer types. */
  async check(expression: string, purposeCode: string): Promise<Result<CheckedQuestion, Refusal>> {
    const purpose = questionPurpose(purposeCode);
    if (purpose === undefined) return err(unknownPurpose(purposeCode));
    const { policy } = await this.#policies.active();
    return this.#check(expression, purpose, policy, this.#today());
  }

  /** Asks a question; questions are answered one at a time so that each sees the previous one's charge. */
  ask(request: AskRequest): Promise<Result<Answer, Refusal>> {
    return this.#serialised(() => this.#ask(request));
  }

  /** Whether an engaged audience clears the noised minimum; see AudienceGuard. Serialised with questions. */
  admit(request: AdmitRequest): Promise<Result<{ readonly budget: BudgetState }, GuardRefusal>> {
    return this.#serialised(() => this.#admit(request));
  }

  /** Noised counts, once a day per label; see AudienceGuard. Serialised with questions. */
  release(request: ReleaseRequest): Promise<Result<Release, GuardRefusal>> {
    return this.#serialised(() => this.#release(request));
  }

  /** Runs charges one at a time, so that each sees the previous one's. */
  #serialised<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(work);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /** What is left of an asker's budget in the current period. */
  async budget(asker: string): Promise<BudgetState> {
    const { policy } = await this.#policies.active();
    return this.#budgetState(this.#storage, asker, policy, Rational.zero);
  }

  async #ask(request: AskRequest): Promise<Result<Answer, Refusal>> {
    if (!askerPattern.test(request.asker)) {
      throw new CurtainError('USAGE', 'asker: a handle of letters, digits, ".", "_" or "-" (at most 64)');
    }
    const purpose = questionPurpose(request.purpose);
    if (purpose === undefined) return err(unknownPurpose(request.purpose));
    const { version: policyVersion, policy } = await this.#policies.active();
    const asOf = this.#today();
    const checked = this.#check(request.expression, purpose, policy, asOf);
    if (!checked.ok) return checked;
    const plan = normalisePlan(checked.value.plan);
    const key = planKey(plan);
    const planHash = createHash('sha256').update(key).digest('base64url');
    const period = periodOf(policy.period, this.#now());
    const epsilon = questionEpsilon(policy);
    const base = { asker: request.asker, purpose: purpose.code, planHash, policyVersion };

    // Evaluated before the charge's transaction: the engine may need the connection the transaction holds.
    const before = await this.#earlier(this.#storage, request.asker, purpose.code, key, period.start);
    const budgetBefore = await this.#budgetState(this.#storage, request.asker, policy, Rational.zero);
    const audience =
      before.reusable === undefined && budgetAllows(budgetBefore, epsilon)
        ? await this.#audience(plan, asOf, purpose)
        : undefined;

    const decideAndCharge = async (tx: SqlExecutor) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [questionLockKey]);
      const earlier = await this.#earlier(tx, request.asker, purpose.code, key, period.start);
      const insert = (row: {
        outcome: StoredQuestion['outcome'];
        noisyCount: number | null;
        charged: Rational;
        audience: CustomerIds | undefined;
        repeats?: number;
      }) =>
        tx
          .query<{ id: number }>(
            `INSERT INTO questions (asker, purpose, expression, plan_key, period_start, outcome, noisy_count,
                                    epsilon, policy_version, engine, audience, repeats)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
            [
              request.asker,
              purpose.code,
              request.expression,
              key,
              period.start,
              row.outcome,
              row.noisyCount,
              row.charged.toString(),
              policyVersion,
              this.#engine.name,
              row.audience === undefined ? null : audienceBytes(row.audience),
              row.repeats ?? null,
            ],
          )
          .then((r) => r.rows[0]!.id);

      if (earlier.reusable !== undefined) {
        const original = earlier.reusable;
        // The audience stays with the original: #distances reads it through `repeats`.
        const id = await insert({
          outcome: 'repeated',
          noisyCount: original.noisy_count,
          charged: Rational.zero,
          audience: undefined,
          repeats: original.id,
        });
        return { id, decision: toDecision(original), charged: Rational.zero, repeated: true };
      }
      const budget = await this.#budgetState(tx, request.asker, policy, Rational.zero);
      if (!budgetAllows(budget, epsilon) || audience === undefined) {
        return { id: undefined, decision: undefined, charged: Rational.zero, repeated: false };
      }
      const distances = await this.#distances(tx, request.asker, period.start, audience);
      const decision = decide(audience.length, distances, policy, this.#options.random);
      const id = await insert({
        outcome: decision.outcome,
        noisyCount: decision.outcome === 'answered' ? decision.noisyCount : null,
        charged: epsilon,
        audience,
      });
      return { id, decision, charged: epsilon, repeated: false };
    };

    const outcome = await this.#storage.transaction(async (tx) => {
      const result = await decideAndCharge(tx);
      // The question and what the guard did commit together with the charge, or not at all.
      await this.#audit.enqueue(tx, [
        { type: 'question.asked', details: { ...base, engine: this.#engine.name } },
        {
          type: 'question.answered',
          details:
            result.decision === undefined
              ? { ...base, outcome: 'budget_exhausted', epsilon: '0' }
              : {
                  ...base,
                  question: result.id,
                  outcome: result.decision.outcome,
                  ...(result.decision.outcome === 'answered' ? { count: result.decision.noisyCount } : {}),
                  repeated: result.repeated,
                  epsilon: result.charged.toString(),
                },
        },
      ]);
      return result;
    });
    await this.#audit.flush();

    const budget = await this.#budgetState(this.#storage, request.asker, policy, outcome.charged);
    if (outcome.decision === undefined) return err(budgetRefusal(budget, epsilon));
    return release(outcome.decision, outcome.id, outcome.repeated, budget, policy);
  }

  #check(
    expression: string,
    purpose: QuestionPurpose,
    policy: GuardPolicy,
    asOf: string,
  ): Result<CheckedQuestion, Refusal> {
    const parsed = parseExpression(expression);
    const checked = parsed.ok
      ? checkExpression(parsed.ast, {
          purpose,
          currency: this.#options.currency,
          retentionDays: this.#options.retentionDays,
          maxAttributes: policy.maxAttributes,
          asOf,
        })
      : err(parsed.diagnostics);
    if (checked.ok) return ok(checked.value);
    const diagnostics = checked.error;
    return err({
      code: 'QUESTION_INVALID',
      message: diagnostics.map((d) => `${d.span.line}:${d.span.column}: ${d.message}`).join('; '),
      diagnostics,
      rendered: diagnostics.map((d) => renderDiagnostic(expression, d)).join('\n'),
    });
  }

  /** The exact audience: active customers matching the plan who gave the purpose's consent on some channel. */
  async #audience(
    plan: CheckedQuestion['plan'],
    asOf: string,
    purpose: QuestionPurpose,
  ): Promise<CustomerIds> {
    const [ids, ...allowed] = await Promise.all([
      this.#engine.evaluate(plan, asOf),
      ...consentChannels.map((channel) => this.#consent.allowed(purpose.consent, channel)),
    ]);
    return ids.filter((id) => allowed.some((set) => set.has(id)));
  }

  async #earlier(
    db: SqlExecutor,
    asker: string,
    purpose: string,
    key: string,
    periodStart: Date,
  ): Promise<{ reusable: StoredQuestion | undefined }> {
    // Anyone's answer to the same question in the period is reused; a differencing refusal only for its asker.
    const { rows } = await db.query<StoredQuestion>(
      `SELECT id, outcome, noisy_count, repeats FROM questions
        WHERE purpose = $1 AND plan_key = $2 AND period_start = $3 AND outcome <> 'repeated'
          AND (outcome IN ('answered', 'too_few') OR (outcome = 'differencing' AND asker = $4))
        ORDER BY id LIMIT 1`,
      [purpose, key, periodStart, asker],
    );
    return { reusable: rows[0] };
  }

  async #admit(request: AdmitRequest): Promise<Result<{ readonly budget: BudgetState }, GuardRefusal>> {
    checkAsker(request.asker);
    const purpose = questionPurpose(request.purpose);
    if (purpose === undefined) return err(unknownPurpose(request.purpose));
    const { version: policyVersion, policy } = await this.#policies.active();
    // No differencing check: nothing about the audience is released, only whether it is engaged.
    const epsilon = policy.countEpsilon.add(policy.thresholdEpsilon);
    const period = periodOf(policy.period, this.#now());
    const outcome = await this.#storage.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [questionLockKey]);
      const budget = await this.#budgetState(tx, request.asker, policy, Rational.zero);
      if (!budgetAllows(budget, epsilon)) return 'budget_exhausted' as const;
      const decision = decide(request.size, [], policy, this.#options.random);
      const admitted = decision.outcome === 'answered';
      await insertGuardRow(tx, {
        asker: request.asker,
        purpose: purpose.code,
        label: request.label,
        planKey: request.label,
        periodStart: period.start,
        outcome: decision.outcome,
        noisyCount: admitted ? decision.noisyCount : null,
        epsilon,
        policyVersion,
        engine: 'admission',
      });
      await this.#audit.enqueue(tx, [
        {
          type: 'question.answered',
          details: {
            asker: request.asker,
            purpose: purpose.code,
            admission: request.label,
            outcome: admitted ? 'admitted' : 'too_few',
            epsilon: epsilon.toString(),
            policyVersion,
          },
        },
      ]);
      return admitted ? ('admitted' as const) : ('too_few' as const);
    });
    await this.#audit.flush();
    const budget = await this.#budgetState(
      this.#storage,
      request.asker,
      policy,
      outcome === 'budget_exhausted' ? Rational.zero : epsilon,
    );
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
    const names = Object.keys(request.counts).sort();
    for (const name of names) {
      const count = request.counts[name]!;
      if (!/^[a-z][a-z0-9_]{0,31}$/.test(name) || !Number.isSafeInteger(count) || count < 0) {
        throw new CurtainError('USAGE', `release counts: "${name}" must be a non-negative integer`);
      }
    }
    const { version: policyVersion, policy } = await this.#policies.active();
    const perCount = policy.countEpsilon.add(policy.thresholdEpsilon);
    const epsilon = names.reduce((sum) => sum.add(perCount), Rational.zero);
    const period = periodOf(policy.period, this.#now());
    const releasedOn = this.#today();
    const keyOf = (name: string) => `${request.label}@${releasedOn}#${name}`;
    const outcome = await this.#storage.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [questionLockKey]);
      const { rows } = await tx.query<{ plan_key: string; noisy_count: number | null }>(
        `SELECT plan_key, noisy_count FROM questions
          WHERE purpose = $1 AND plan_key = ANY($2::text[]) AND period_start = $3 AND engine = 'release'`,
        [purpose.code, names.map(keyOf), period.start],
      );
      if (rows.length === names.length && names.length > 0) {
        const stored = new Map(rows.map((r) => [r.plan_key, r.noisy_count]));
        return { repeated: true, counts: Object.fromEntries(names.map((n) => [n, stored.get(keyOf(n))!])) };
      }
      const budget = await this.#budgetState(tx, request.asker, policy, Rational.zero);
      if (!budgetAllows(budget, epsilon)) return undefined;
      const counts: { [name: string]: number | null } = {};
      for (const name of names) {
        const decision = decide(request.counts[name]!, [], policy, this.#options.random);
        counts[name] = decision.outcome === 'answered' ? decision.noisyCount : null;
        await insertGuardRow(tx, {
          asker: request.asker,
          purpose: purpose.code,
          label: request.label,
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
            asker: request.asker,
            purpose: purpose.code,
            release: request.label,
            counts,
            epsilon: epsilon.toString(),
            policyVersion,
          },
        },
      ]);
      return { repeated: false, counts };
    });
    await this.#audit.flush();
    const charged = outcome === undefined || outcome.repeated ? Rational.zero : epsilon;
    const budget = await this.#budgetState(this.#storage, request.asker, policy, charged);
    if (outcome === undefined) return err(budgetRefusal(budget, epsilon));
    return ok({ counts: outcome.counts, repeated: outcome.repeated, releasedOn, budget });
  }

  async #distances(
    db: SqlExecutor,
    asker: string,
    periodStart: Date,
    audience: CustomerIds,
  ): Promise<number[]> {
    // A repeat stores no audience of its own (it would copy the original's, which can be megabytes): it
    // counts with the original's, once per asking, as if stored.
    const { rows } = await db.query<{ audience: Uint8Array }>(
      `SELECT coalesce(q.audience, o.audience) AS audience FROM questions q
         LEFT JOIN questions o ON o.id = q.repeats AND q.audience IS NULL
        WHERE q.asker = $1 AND q.period_start = $2 AND coalesce(q.audience, o.audience) IS NOT NULL
        ORDER BY q.id`,
      [asker, periodStart],
    );
    return rows.map((r) => symmetricDifferenceSize(audience, audienceFromBytes(r.audience)));
  }

  async #budgetState(
    db: SqlExecutor,
    asker: string,
    policy: GuardPolicy,
    charged: Rational,
  ): Promise<BudgetState> {
    const period = periodOf(policy.period, this.#now());
    const { rows } = await db.query<{ asker: string; epsilon: string }>(
      "SELECT asker, epsilon FROM questions WHERE period_start = $1 AND epsilon <> '0'",
      [period.start],
    );
    let mine = Rational.zero;
    let all = Rational.zero;
    for (const row of rows) {
      const e = Rational.parse(row.epsilon);
      all = all.add(e);
      if (row.asker === asker) mine = mine.add(e);
    }
    return {
      charged,
      askerRemaining: Rational.zero.max(policy.askerBudget.sub(mine)),
      vaultRemaining: Rational.zero.max(policy.vaultBudget.sub(all)),
      resetsAt: period.end.toISOString(),
    };
  }

  #now(): Date {
    return this.#options.now?.() ?? new Date();
  }

  #today(): string {
    return this.#now().toISOString().slice(0, 10);
  }
}

/** One decision of the guard about an engaged audience, recorded with the questions so that budgets count it. */
interface GuardRow {
  readonly asker: string;
  readonly purpose: string;
  readonly label: string;
  readonly planKey: string;
  readonly periodStart: Date;
  readonly outcome: GuardDecision['outcome'];
  readonly noisyCount: number | null;
  readonly epsilon: Rational;
  readonly policyVersion: number;
  readonly engine: 'admission' | 'release';
}

async function insertGuardRow(tx: SqlExecutor, row: GuardRow): Promise<void> {
  await tx.query(
    `INSERT INTO questions (asker, purpose, expression, plan_key, period_start, outcome, noisy_count,
                            epsilon, policy_version, engine)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      row.asker,
      row.purpose,
      row.label,
      row.planKey,
      row.periodStart,
      row.outcome,
      row.noisyCount,
      row.epsilon.toString(),
      row.policyVersion,
      row.engine,
    ],
  );
}

function checkAsker(asker: string): void {
  if (!askerPattern.test(asker)) {
    throw new CurtainError('USAGE', 'asker: a handle of letters, digits, ".", "_" or "-" (at most 64)');
  }
}

function budgetRefusal(budget: BudgetState, epsilon: Rational) {
  const which = budget.askerRemaining.lessThan(epsilon) ? 'your budget' : 'the vault-wide budget';
  return {
    code: 'PRIVACY_BUDGET_EXHAUSTED' as const,
    message: `${which} for this period is spent (this costs ε = ${epsilon.toString()}); it resets at ${budget.resetsAt}`,
    budget,
  };
}

function budgetAllows(budget: BudgetState, epsilon: Rational): boolean {
  return epsilon.lessThanOrEqual(budget.askerRemaining) && epsilon.lessThanOrEqual(budget.vaultRemaining);
}

function toDecision(stored: StoredQuestion): GuardDecision {
  switch (stored.outcome) {
    case 'answered':
      return { outcome: 'answered', noisyCount: stored.noisy_count! };
    case 'too_few':
      return { outcome: 'too_few' };
    case 'differencing':
      return { outcome: 'differencing' };
    case 'repeated':
      throw new Error('a repeat is never reused itself');
  }
}

function release(
  decision: GuardDecision,
  questionId: number,
  repeated: boolean,
  budget: BudgetState,
  policy: GuardPolicy,
): Result<Answer, Refusal> {
  switch (decision.outcome) {
    case 'answered':
      return ok({ questionId, count: decision.noisyCount, repeated, budget });
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

function unknownPurpose(code: string): {
  readonly code: 'QUESTION_PURPOSE_UNKNOWN';
  readonly message: string;
} {
  return { code: 'QUESTION_PURPOSE_UNKNOWN', message: `unknown purpose "${code}"` };
}

// Audiences are stored as the raw bytes of an Int32Array (little-endian on every platform Node supports).
function audienceBytes(ids: CustomerIds): Uint8Array {
  return new Uint8Array(ids.buffer, ids.byteOffset, ids.byteLength);
}

function audienceFromBytes(bytes: Uint8Array): CustomerIds {
  return new Int32Array(Uint8Array.from(bytes).buffer);
}
