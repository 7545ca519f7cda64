// The privacy guard for audiences that are engaged rather than counted: a noised minimum, and noised results.
import type { Result } from '../../core/result.ts';
import type { BudgetState } from './question-service.ts';

export interface AdmitRequest {
  /** The staff handle charged, as for a question. */
  readonly asker: string;
  /** A question purpose code, e.g. "credit_offers". */
  readonly purpose: string;
  /** What is being admitted, unique per use, e.g. "delivery:<campaign id>"; recorded, never reused. */
  readonly label: string;
  /** The exact size of the audience that would actually be delivered, after every filter. */
  readonly size: number;
}

export interface ReleaseRequest {
  readonly asker: string;
  readonly purpose: string;
  /** Names the release, e.g. "results:<campaign id>"; the same label on the same day returns the same numbers. */
  readonly label: string;
  /** Exact counts, by name; each has sensitivity 1 (one customer changes each by at most one). */
  readonly counts: { readonly [name: string]: number };
}

export interface Release {
  /** Noised counts; null where the noised count fell under the noised k. */
  readonly counts: { readonly [name: string]: number | null };
  /** True when this repeats the day's earlier release under the same label (charged nothing). */
  readonly repeated: boolean;
  readonly releasedOn: string;
  readonly budget: BudgetState;
}

export type GuardRefusal =
  | { readonly code: 'QUESTION_PURPOSE_UNKNOWN'; readonly message: string }
  | {
      readonly code: 'PRIVACY_TOO_FEW' | 'PRIVACY_BUDGET_EXHAUSTED';
      readonly message: string;
      readonly budget: BudgetState;
    };

/**
 * Implemented by QuestionService: both charge the asker's and the vault's budget like a question, record the
 * decision with the questions, and write it to the transparency log.
 */
export interface AudienceGuard {
  /**
   * Whether an audience may be engaged: its noised size against a noised k (invariant 5). A refusal says only
   * "too small" (PRIVACY_TOO_FEW), never by how much.
   */
  admit(request: AdmitRequest): Promise<Result<{ readonly budget: BudgetState }, GuardRefusal>>;
  /** Noised counts for the hub (invariant 2), stored so that asking again the same day returns them again. */
  release(request: ReleaseRequest): Promise<Result<Release, GuardRefusal>>;
}
