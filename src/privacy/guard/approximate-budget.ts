// The shapes of the vault-wide (ε, δ) budget, apart from its ledger so the guard's interface can name them.
import type { ApproximateDp, RdpCurve } from '../accounting/rdp.ts';

/** The vault-wide (ε, δ) budget of one period (the pure-ε policy's period). */
export interface ApproximateBudget {
  readonly epsilon: number;
  readonly delta: number;
}

/**
 * The default: ε = 28 at δ = 10⁻⁶ per period. The pure-ε vault budget (20 by default) is reserved in it whole,
 * so about 8 is left for approximate-DP work when no question has been asked (docs/privacy-model.md).
 */
export const defaultApproximateBudget: ApproximateBudget = Object.freeze({ epsilon: 28, delta: 1e-6 });

export interface SpendRequest {
  /** The staff handle that started the work, as for a question. */
  readonly asker: string;
  /** A question purpose code, e.g. "bank_offers". */
  readonly purpose: string;
  /** What is charged, unique in the period, e.g. "training:<model id>"; recorded and logged. */
  readonly label: string;
  /** The mechanism, e.g. "dp-sgd" or "federated-round"; recorded and logged. */
  readonly mechanism: string;
  /** Its RDP curve on `rdpOrders`, e.g. `subsampledGaussianCurve(q, σ, steps)`. */
  readonly rdp: RdpCurve;
}

/** Where the period's (ε, δ) budget stands; ε figures are read at the budget's δ. */
export interface ApproximateBudgetState {
  /** What this spend alone costs (0 for a status or a refusal). */
  readonly charged: number;
  /** The period's spends composed with the pure-ε budget reserved whole. */
  readonly spent: ApproximateDp;
  readonly budget: ApproximateBudget;
  /** When the period's budgets reset (ISO 8601). */
  readonly resetsAt: string;
}

export type SpendRefusal =
  | { readonly code: 'QUESTION_PURPOSE_UNKNOWN'; readonly message: string }
  | {
      readonly code: 'PRIVACY_BUDGET_EXHAUSTED';
      readonly message: string;
      readonly budget: ApproximateBudgetState;
    };
