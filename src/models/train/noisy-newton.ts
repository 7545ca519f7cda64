// Noisy-statistics Newton: one Newton step from the public prior on per-customer gradient and curvature
// statistics summed over several label windows, clipped per customer, in fixed point, plus one exact discrete
// Gaussian draw per coordinate (approximate DP, accounted by RDP). docs/privacy-model.md derives it.
import {
  distributedGaussianCurve,
  noiseVector,
  varianceFor,
  type GaussianNoise,
  type SumSensitivity,
} from '../../federated/distributed-noise.ts';
import {
  FixedPointSum,
  l1Sensitivity,
  l2Sensitivity,
  type Quantisation,
} from '../../federated/fixed-point.ts';
import { federatedPrior, newtonFromStatistics, statisticsDimension } from '../../federated/newton-update.ts';
import type { RdpCurve } from '../../privacy/accounting/rdp.ts';
import type { RandomSource } from '../../privacy/dp/random-source.ts';
import { interceptInput } from '../feature-list.ts';
import type { TrainingSet } from './logistic.ts';

/** The mechanism's name in the ledger, the version row and the card. */
export const noisyNewton = 'noisy-newton';

/**
 * A customer with at most one take-up among K windows has a statistics vector (Σ gradients, ¼/K·Σ xxᵀ) of norm
 * ≤ √((1 + K·p₀)² + 1/16), under 1.15 for K ≤ 5, so the clip C bites no such customer (it bounds everyone's);
 * the grid is C/1024 (rounding adds √d to Δ₂).
 */
export const newtonQuantisation: Quantisation = Object.freeze({ clip: 1.15, step: 1.15 / 1024 });

/** Label windows per customer by default: the as-of day and the two quarters before it. */
export const defaultWindows = 3;

/** The most windows a training may sum: beyond it the clip could bite (see `newtonQuantisation`). */
export const maxWindows = 5;

/** Sensitivity of the integer sum to adding or removing one customer (all their windows at once). */
export function newtonSensitivity(inputs: number): SumSensitivity {
  const dimension = statisticsDimension(inputs);
  return {
    dimension,
    l2: l2Sensitivity(newtonQuantisation, dimension),
    l1: l1Sensitivity(newtonQuantisation, dimension),
  };
}

/** The integer variance σ² of each coordinate's discrete Gaussian for (ε, δ) and `inputs` weights: pinned by tests. */
export function newtonVariance(epsilon: number, delta: number, inputs: number): bigint {
  return varianceFor(epsilon, delta, 1, newtonSensitivity(inputs));
}

/** The charge: the central discrete Gaussian's curve αΔ₂²/(2σ²) (one summand, so no τ term). */
export function newtonCurve(variance: bigint, inputs: number): RdpCurve {
  return distributedGaussianCurve(Number(variance), 1, newtonSensitivity(inputs));
}

/**
 * The exact integer sum over customers of their clipped, rounded statistics. `windows` are training sets of one
 * label window each, whose rows are the same customers (row r is one customer in every window); a customer's
 * contributions over all windows are added before the clip, so the customer is the unit of privacy.
 */
export function customerStatistics(windows: readonly TrainingSet[], random: RandomSource): Float64Array {
  const columns = windows[0]!.columns;
  const inputs = columns + 1;
  const outer = 0.25 / windows.length;
  const p = 1 / (1 + Math.exp(-federatedPrior));
  const dimension = statisticsDimension(inputs);
  const byCustomer = new Map<number, Float64Array>();
  const x = new Float64Array(inputs);
  x[columns] = interceptInput(columns);
  for (const set of windows) {
    set.rows.forEach((row, i) => {
      let contribution = byCustomer.get(row);
      if (contribution === undefined) byCustomer.set(row, (contribution = new Float64Array(dimension)));
      for (let j = 0; j < columns; j++) x[j] = set.matrix[row * columns + j]!;
      const residual = p - set.labels[i]!;
      let k = 0;
      for (let j = 0; j < inputs; j++) contribution[k++]! += x[j]! * residual;
      for (let j = 0; j < inputs; j++) {
        for (let l = j; l < inputs; l++) contribution[k++]! += outer * x[j]! * x[l]!;
      }
    });
  }
  const sum = new FixedPointSum(newtonQuantisation, dimension, random);
  for (const contribution of byCustomer.values()) sum.add(contribution);
  return sum.total;
}

export interface NoisyNewtonFit {
  /** `inputs` weights: features, then the intercept's (its input is `interceptInput(columns)`). */
  readonly weights: Float64Array;
  /** The ridge the step used: Λ, doubled while the noised Hessian was not positive definite. */
  readonly ridge: number;
}

/**
 * The released model: the statistics' integer sum plus N_Z(0, σ²) per coordinate (exact, BigInt), then the
 * Newton step −(p₀(1 − p₀)Σxxᵀ/K + ΛI)⁻¹Σg from the public prior — post-processing of the noised sum.
 */
export function noisyNewtonFit(
  windows: readonly TrainingSet[],
  variance: bigint,
  lambda: number,
  noise: GaussianNoise,
  random: RandomSource,
): NoisyNewtonFit {
  const inputs = windows[0]!.columns + 1;
  const statistics = customerStatistics(windows, random);
  const drawn = noiseVector(statistics.length, variance, noise);
  const released = statistics.map((s, i) => (s + drawn[i]!) * newtonQuantisation.step);
  const step = newtonFromStatistics(released, inputs, lambda, 0.25 / windows.length);
  return { weights: step.weights, ridge: step.ridge };
}

/**
 * The mechanism in words, for the model card: what was released and with what noise. `windows` is read from the
 * version's training period (a year of features before the first window's day, a quarter between windows).
 */
export function mechanismSentence(model: {
  readonly mechanism: string;
  readonly epsilon: number;
  readonly delta: number;
  readonly trainedFrom: string;
  readonly trainedTo: string;
}): string {
  if (model.mechanism === noisyNewton) {
    const days = (Date.parse(model.trainedTo) - Date.parse(model.trainedFrom)) / 86_400_000;
    const windows = Math.round((days - 365) / 90) + 1;
    return (
      `noisy-statistics Newton: one Newton step from each consenting customer’s clipped gradient and curvature ` +
      `statistics over ${windows} quarterly label window${windows === 1 ? '' : 's'}, with exact discrete ` +
      `Gaussian noise; (ε, δ) = (${model.epsilon}, ${model.delta})`
    );
  }
  if (model.mechanism === 'output-perturbation') {
    return (
      `output perturbation: the regularised logistic regression on consenting customers, each weight plus ` +
      `exact discrete Laplace noise; pure ε = ${model.epsilon}`
    );
  }
  return `${model.mechanism}; (ε, δ) = (${model.epsilon}, ${model.delta})`;
}
