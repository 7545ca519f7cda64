// The privacy guard's one interface: every count that leaves the vault is noised, charged and logged here.
import { CurtainError } from '../../core/errors.ts';
import type { QuestionPurpose } from '../../core/question-purposes.ts';
import type { Result } from '../../core/result.ts';
import type { Rational } from '../dp/rational.ts';
import type { ApproximateBudgetState, SpendRefusal, SpendRequest } from './approximate-budget.ts';

/** What is left of an asker's privacy budget, and of the vault's, after a request. */
export interface BudgetState {
  /** ε this request charged: 0 when it repeated an earlier answer or was refused before the data. */
  readonly charged: Rational;
  readonly askerRemaining: Rational;
  /** What the vault has left for anyone: its budget less what was spent and what campaigns hold back. */
  readonly vaultRemaining: Rational;
  /** ε approved campaigns hold back from the vault-wide budget for their admission and results. */
  readonly vaultReserved?: Rational;
  /** When the period's budgets reset (ISO 8601). */
  readonly resetsAt: string;
}

/** A checked question as the guard sees it: who asks, why, its normal form, and its exact audience on demand. */
export interface GuardedQuestion {
  /** A staff handle (letters, digits, `.`, `_`, `-`), charged for the question. */
  readonly asker: string;
  /** How the asker asked, when not in person: "local-cli" (the CLI acting as the named staff member). */
  readonly via?: 'local-cli';
  readonly purpose: QuestionPurpose;
  /** The expression as asked: recorded in the vault's ledger, never in the transparency log. */
  readonly expression: string;
  /** The question's normal form: equivalent questions share one key, and so one answer per period. */
  readonly planKey: string;
  /** The engine that evaluates the audience, recorded with the question. */
  readonly engine: string;
  /**
   * The exact audience, ascending customer ids; it never leaves the guard. Called at most once, before the
   * charge's transaction (an engine may need the connection that transaction would hold), and not at all
   * when an earlier answer is reused.
   */
  audience(): Promise<Int32Array>;
}

export interface GuardAnswer {
  readonly questionId: number;
  /** The protected count: noised, never exact. */
  readonly count: number;
  /** True when this is the stored answer of the same question earlier in the period. */
  readonly repeated: boolean;
  readonly budget: BudgetState;
}

/** Why the guard released nothing about a question; never an exact figure. */
export interface QuestionRefusal {
  readonly code: 'PRIVACY_TOO_FEW' | 'PRIVACY_DIFFERENCING' | 'PRIVACY_BUDGET_EXHAUSTED';
  readonly message: string;
  /** The recorded question, absent when the budget refused it before the data. */
  readonly questionId?: number;
  readonly budget: BudgetState;
}

export interface AdmitRequest {
  /** The staff handle charged, as for a question. */
  readonly asker: string;
  /** A question purpose code, e.g. "credit_offers". */
  readonly purpose: string;
  /** What is being admitted, unique per use, e.g. "delivery:<campaign id>"; recorded, never reused. */
  readonly label: string;
  /** The exact audience that would actually be delivered, after every filter: customer ids, any order. */
  readonly audience: ArrayLike<number>;
  /**
   * What the audience is about, e.g. its campaign and its question (`releaseSubjects`); it is not compared
   * with earlier releases about any of the same subjects.
   */
  readonly subjects: readonly string[];
}

export interface ReleaseRequest {
  readonly asker: string;
  readonly purpose: string;
  /** Names the release, e.g. "results:<campaign id>"; the same label on the same day returns the same numbers. */
  readonly label: string;
  /**
   * The exact audiences whose sizes are released, by name (customer ids, any order); each size has
   * sensitivity 1 (one customer changes each by at most one).
   */
  readonly audiences: { readonly [name: string]: ArrayLike<number> };
  /**
   * More audiences, no two of which share a customer (a partition, e.g. a campaign's leads by their current
   * status; the guard checks it, a USAGE error otherwise). Adding or removing one customer changes at most
   * one of their sizes, so together they cost one count's and one threshold's ε (parallel composition).
   */
  readonly disjoint?: { readonly [name: string]: ArrayLike<number> };
  /** What the audiences are about, as for an admission (e.g. the campaign). */
  readonly subjects: readonly string[];
}

export interface Release {
  /** Noised counts; null where the noised count fell under the noised k. */
  readonly counts: { readonly [name: string]: number | null };
  /** True when this repeats the day's earlier release under the same label (charged nothing). */
  readonly repeated: boolean;
  readonly releasedOn: string;
  readonly budget: BudgetState;
}

/** An approved campaign's holding of the vault-wide budget (see `PrivacyGuard.reserve`). */
export interface ReservationRequest {
  readonly campaignId: string;
  /** The staff handle that approved the campaign: recorded, and charged nothing. */
  readonly holder: string;
  /** A question purpose code, e.g. "credit_offers". */
  readonly purpose: string;
  /** The campaign's end: the holding lapses then by itself. */
  readonly endsAt?: Date;
}

export type GuardRefusal =
  | { readonly code: 'QUESTION_PURPOSE_UNKNOWN'; readonly message: string }
  | {
      readonly code: 'PRIVACY_TOO_FEW' | 'PRIVACY_DIFFERENCING' | 'PRIVACY_BUDGET_EXHAUSTED';
      readonly message: string;
      readonly budget: BudgetState;
    };

/**
 * The vault's privacy guard (docs/privacy-model.md). It owns the ledger of everything released in a budget
 * period, and so the budgets, the reuse of answers and the differencing check against earlier audiences.
 *
 * Every request that looks at the data is charged to the asker (always an authenticated person) and to the
 * vault, whatever its outcome. Every audience it releases (a question's, an admitted campaign's, a released
 * count's) is compared with every audience released in the period, whoever asked, in one sparse-vector check
 * per request; it is it is recorded in the ledger and written to the transparency log in the
 * transaction of its charge. Charges are made one at a time — in one process by a queue, across processes by
 * a database lock — so each sees the previous one's. An asker handle that is not a handle throws a USAGE
 * error; every other failure is a refusal value.
 */
export interface PrivacyGuard {
  /** What is left of an asker's budget in the current period; charges nothing. */
  budget(asker: string): Promise<BudgetState>;
  /**
   * A noised count of a question's audience (invariants 2 and 5): the stored answer when the same question
   * was answered in the period (by anyone; free); otherwise, if the budget allows, the differencing check
   * against every audience released in the period (sparse vector), then the noised count against a noised k.
   * Costs the policy's three ε parts.
   */
  answer(question: GuardedQuestion): Promise<Result<GuardAnswer, QuestionRefusal>>;
  /**
   * Whether an audience may be engaged: its noised size against a noised k (invariant 5), then, if large
   * enough, the differencing check against the period's releases. A refusal says only "too small"
   * (PRIVACY_TOO_FEW) or "too close" (PRIVACY_DIFFERENCING), never by how much. Costs the policy's three ε parts.
   */
  admit(request: AdmitRequest): Promise<Result<{ readonly budget: BudgetState }, GuardRefusal>>;
  /**
   * Noised counts for the hub (invariant 2), each suppressed under a noised k, stored so that asking again
   * under the same label the same day returns them again at no cost. The counts not suppressed go through
   * one differencing check together; if one is too close nothing is released (PRIVACY_DIFFERENCING). Costs
   * the count's and the threshold's ε per count (once for all the disjoint ones), and the differencing
   * check's ε once (`releaseEpsilon`).
   */
  release(request: ReleaseRequest): Promise<Result<Release, GuardRefusal>>;
  /**
   * Charges an approximate-DP mechanism (a DP training run, a federated round) by its RDP curve to the
   * vault-wide (ε, δ) budget of the period, which also holds the pure-ε budget (docs/privacy-model.md):
   * refused with PRIVACY_BUDGET_EXHAUSTED, charging nothing, when the period's (ε, δ) would exceed it.
   * Recorded in the ledger and in the transparency log (label, mechanism, ε rounded up), one at a time with
   * every other charge. A label already charged in the period, a bad label or curve, is a USAGE error.
   */
  spend(request: SpendRequest): Promise<Result<ApproximateBudgetState, SpendRefusal>>;
  /**
   * Holds back from the vault-wide budget of the period what an approved campaign's admission and one release
   * of its results cost, so that later spending by anyone cannot starve it: other charges see the vault's
   * budget less every holding, and the campaign's own charges (labelled `delivery:`, `audience:` or
   * `results:` with its id) draw from its holding, even past their asker's own budget. Refused with
   * PRIVACY_BUDGET_EXHAUSTED when what is left unheld is too little; holding again is a no-op. Logged.
   */
  reserve(request: ReservationRequest): Promise<Result<BudgetState, GuardRefusal>>;
  /** Gives a campaign's holding back (cancelled, refused); it also lapses at the campaign's end. Logged. */
  endReservation(
    campaignId: string,
    reason: 'cancelled' | 'refused' | 'stopped',
    actor: string,
  ): Promise<void>;
  /** Where the period's (ε, δ) budget stands; charges nothing. */
  approximateBudget(): Promise<ApproximateBudgetState>;
}

const askerPattern = /^[a-z0-9][a-z0-9._-]{0,63}$/i;

/** Throws a USAGE error unless `asker` is a staff handle: letters, digits, `.`, `_`, `-`, at most 64. */
export function checkAsker(asker: string): void {
  if (!askerPattern.test(asker)) {
    throw new CurtainError('USAGE', 'asker: a handle of letters, digits, ".", "_" or "-" (at most 64)');
  }
}

/** The subjects of a campaign's releases: the campaign, and the question its audience was chosen by, if any. */
export function releaseSubjects(
  campaignId: string,
  question?: { purpose: string; planKey: string },
): string[] {
  const campaign = `campaign:${campaignId}`;
  return question === undefined
    ? [campaign]
    : [campaign, questionSubject(question.purpose, question.planKey)];
}

/** What a question is about: its purpose and normal form (the same question under another purpose is not). */
export function questionSubject(purpose: string, planKey: string): string {
  return `question:${purpose}:${planKey}`;
}

export function unknownPurpose(code: string): {
  readonly code: 'QUESTION_PURPOSE_UNKNOWN';
  readonly message: string;
} {
  return { code: 'QUESTION_PURPOSE_UNKNOWN', message: `unknown purpose "${code}"` };
}
