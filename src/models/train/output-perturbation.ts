// Output perturbation: the regularised minimiser on a fixed-point grid plus exact discrete Laplace noise (pure ε).
//
// The proof is in docs/privacy-model.md ("Propensity models"). In short, for J(w) = Σᵢ ℓᵢ(w) + Λ/2‖w‖² with
// inputs of norm ≤ 1 (so each ℓᵢ is 1-Lipschitz), adding or removing one customer moves the minimiser by at
// most 1/Λ in L2; the trainer's answer is within tolerance/Λ of it; rounding to the grid adds at most one unit
// per weight; and the L1 norm is at most √D times the L2 norm in D dimensions.
import { CurtainError } from '../../core/errors.ts';
import { laplaceScaleFor } from '../../privacy/dp/discrete-laplace.ts';
import { Rational } from '../../privacy/dp/rational.ts';
import type { NoiseSampler } from '../../privacy/guard/noise.ts';

/** Grid units per 1.0 of a weight: weights are released as multiples of 2⁻¹⁶. */
export const fixedPointUnits = 2 ** 16;

export interface PerturbationParameters {
  /** The ε charged for the model: pure ε-DP, δ = 0. */
  readonly epsilon: number;
  /** Λ, the regularisation of the summed objective. */
  readonly lambda: number;
  /** D, the number of weights (features and the intercept). */
  readonly dimension: number;
  /** The trainer's certified gradient norm bound. */
  readonly tolerance: number;
}

export interface PerturbationScale {
  /** The L1 sensitivity of the rounded weights in grid units: ⌈S·√D·(1 + 2·tol)/Λ⌉ + D. */
  readonly sensitivity: bigint;
  /** The discrete Laplace scale per weight, in grid units: sensitivity / ε (exact). */
  readonly scale: Rational;
}

function positive(name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new CurtainError('USAGE', `${name}: must be a positive finite number (got ${value})`);
  }
}

/** The noise every weight receives for (ε, Λ, D, tolerance): pinned by the tests. */
export function perturbationScale(parameters: PerturbationParameters): PerturbationScale {
  const { epsilon, lambda, dimension, tolerance } = parameters;
  positive('epsilon', epsilon);
  positive('lambda', lambda);
  positive('tolerance', tolerance);
  if (!(Number.isInteger(dimension) && dimension >= 1)) {
    throw new CurtainError('USAGE', `dimension: a whole number of weights (got ${dimension})`);
  }
  const l1 = (fixedPointUnits * Math.sqrt(dimension) * (1 + 2 * tolerance)) / lambda;
  const sensitivity = BigInt(Math.ceil(l1)) + BigInt(dimension);
  return { sensitivity, scale: laplaceScaleFor(Rational.parse(String(epsilon)), sensitivity) };
}

/**
 * The released weights: each rounded to the grid, plus an independent discrete Laplace draw of `scale`
 * grid units, back in weight units. Integer arithmetic from the rounding on: no floating-point noise.
 */
export function perturbWeights(weights: Float64Array, scale: Rational, noise: NoiseSampler): Float64Array {
  return weights.map((w) => {
    const units = BigInt(Math.round(w * fixedPointUnits)) + noise.discreteLaplace(scale);
    return Number(units) / fixedPointUnits;
  });
}
