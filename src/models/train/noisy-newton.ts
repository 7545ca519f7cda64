// Noisy-statistics Newton: a Newton step from the public prior on per-customer gradient and curvature
// statistics summed over several label windows, clipped per customer, in fixed point, plus one exact discrete
// Gaussian draw per coordinate, then further steps on noised gradients alone (approximate DP, accounted by
// RDP). docs/privacy-model.md derives it.
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
import { compose, type RdpCurve } from '../../privacy/accounting/rdp.ts';
import type { RandomSource } from '../../privacy/dp/random-source.ts';
import { interceptInput } from '../feature-list.ts';
import { solveSpd, type TrainingSet } from './logistic.ts';

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

const priorRate = 1 / (1 + Math.exp(-federatedPrior));

/**
 * Newton steps by default: one. A second step (on noised gradients only, half the budget each) lost lift on the
 * measured bank, so it is an option, not the default (docs/personalisation-quality.md).
 */
export const defaultSteps = 1;

/** The most steps a training may take (each after the first releases one more noised gradient). */
export const maxSteps = 3;

/** The share of the RDP budget (its ρ in the curve αρ) the first step spends; later steps share the rest. */
export const firstStepShare = 0.5;

/**
 * The later steps' curvature is the prior's, p₀(1 − p₀)Σxxᵀ, times this public constant: ¼/(p₀(1 − p₀)), so
 * ¼Σxxᵀ, the bound on the logistic loss's curvature everywhere (Böhning and Lindsay 1988). A step on that bound
 * never increases the objective (majorisation), however far the first step overshot; the prior's curvature alone
 * (damping 1) overshoots back, since a customer's σ′ grows with the score the first step gave them.
 */
export const laterStepDamping = 0.25 / (priorRate * (1 - priorRate));

/** Sensitivity of a later step's integer gradient sum to one customer (gradients only, `inputs` coordinates). */
export function gradientSensitivity(inputs: number): SumSensitivity {
  return {
    dimension: inputs,
    l2: l2Sensitivity(newtonQuantisation, inputs),
    l1: l1Sensitivity(newtonQuantisation, inputs),
  };
}

/**
 * One integer variance per step for (ε, δ) in all. Each step's curve is αΔ₂²/(2σ²), linear in 1/σ²: the first
 * step gets `share` of the ρ that meets (ε, δ) on its own sensitivity, each later one an equal part of the rest,
 * so the composed curve is at most the single step's and converts to at most ε (rounded up, never down).
 */
export function newtonVariances(
  epsilon: number,
  delta: number,
  inputs: number,
  steps = defaultSteps,
  share = firstStepShare,
): bigint[] {
  if (steps === 1) return [newtonVariance(epsilon, delta, inputs)];
  if (!(share > 0 && share < 1)) throw new RangeError(`share: in (0, 1) (got ${share})`);
  const first = Number(newtonVariance(epsilon, delta, inputs));
  const later = Number(varianceFor(epsilon, delta, 1, gradientSensitivity(inputs)));
  return [
    BigInt(Math.ceil(first / share)),
    ...Array.from({ length: steps - 1 }, () => BigInt(Math.ceil((later * (steps - 1)) / (1 - share)))),
  ];
}

/** The charge of all steps: the first step's curve composed with each later gradient release's. */
export function newtonStepsCurve(variances: readonly bigint[], inputs: number): RdpCurve {
  const [first, ...later] = variances;
  return compose(
    newtonCurve(first!, inputs),
    ...later.map((v) => distributedGaussianCurve(Number(v), 1, gradientSensitivity(inputs))),
  );
}

/**
 * The exact integer sum over customers of their clipped, rounded vectors of `dimension`: `add` accumulates one
 * example (its input `x`, intercept last, and label) into its customer's vector. `windows` are training sets of
 * one label window each whose rows are the same customers (row r is one customer in every window); a customer's
 * contributions over all windows are added before the clip, so the customer is the unit of privacy.
 */
function perCustomerSum(
  windows: readonly TrainingSet[],
  dimension: number,
  random: RandomSource,
  add: (contribution: Float64Array, x: Float64Array, label: number) => void,
): Float64Array {
  const columns = windows[0]!.columns;
  const byCustomer = new Map<number, Float64Array>();
  const x = new Float64Array(columns + 1);
  x[columns] = interceptInput(columns);
  for (const set of windows) {
    set.rows.forEach((row, i) => {
      let contribution = byCustomer.get(row);
      if (contribution === undefined) byCustomer.set(row, (contribution = new Float64Array(dimension)));
      for (let j = 0; j < columns; j++) x[j] = set.matrix[row * columns + j]!;
      add(contribution, x, set.labels[i]!);
    });
  }
  const sum = new FixedPointSum(newtonQuantisation, dimension, random);
  for (const contribution of byCustomer.values()) sum.add(contribution);
  return sum.total;
}

/** The first step's statistics at the prior: per customer Σ gradients and ¼/K·Σ xxᵀ over the K windows. */
export function customerStatistics(windows: readonly TrainingSet[], random: RandomSource): Float64Array {
  const inputs = windows[0]!.columns + 1;
  const outer = 0.25 / windows.length;
  const p = 1 / (1 + Math.exp(-federatedPrior));
  return perCustomerSum(windows, statisticsDimension(inputs), random, (contribution, x, label) => {
    const residual = p - label;
    let k = 0;
    for (let j = 0; j < inputs; j++) contribution[k++]! += x[j]! * residual;
    for (let j = 0; j < inputs; j++) {
      for (let l = j; l < inputs; l++) contribution[k++]! += outer * x[j]! * x[l]!;
    }
  });
}

/** A later step's statistics: per customer Σ over windows of x·(σ(prior + w·x) − y) at public weights `w`. */
export function customerGradients(
  windows: readonly TrainingSet[],
  weights: Float64Array,
  random: RandomSource,
): Float64Array {
  return perCustomerSum(windows, weights.length, random, (contribution, x, label) => {
    let margin = federatedPrior;
    for (let j = 0; j < x.length; j++) margin += weights[j]! * x[j]!;
    const residual = 1 / (1 + Math.exp(-margin)) - label;
    for (let j = 0; j < x.length; j++) contribution[j]! += x[j]! * residual;
  });
}

export interface NoisyNewtonFit {
  /** `inputs` weights: features, then the intercept's (its input is `interceptInput(columns)`). */
  readonly weights: Float64Array;
  /** The ridge the steps used: Λ, doubled while the noised Hessian was not positive definite. */
  readonly ridge: number;
}

/** An exact integer sum plus N_Z(0, σ²) per coordinate (exact, BigInt), in real units. */
function release(sum: Float64Array, variance: bigint, noise: GaussianNoise): Float64Array {
  const drawn = noiseVector(sum.length, variance, noise);
  return sum.map((s, i) => (s + drawn[i]!) * newtonQuantisation.step);
}

/**
 * (damping·H₁ + rI)⁻¹·gradient, H₁ the first step's released curvature (its `system` less its ridge r); where
 * the damped noise makes it indefinite the matrix's ridge is doubled, as the first step's was.
 */
function laterStep(
  system: Float64Array,
  ridge: number,
  damping: number,
  gradient: Float64Array,
): Float64Array {
  const inputs = gradient.length;
  for (let extra = ridge; extra < ridge * 2 ** 40; extra *= 2) {
    const damped = system.map((v, i) =>
      i % (inputs + 1) === 0 ? damping * (v - ridge) + extra : damping * v,
    );
    const move = solveSpd(damped, gradient);
    if (move.every(Number.isFinite)) return move;
  }
  throw new RangeError('The damped Hessian stayed indefinite under every ridge tried.');
}

/**
 * The released model, post-processing of the noised sums only. Step 1: the statistics at the prior, then
 * w₁ = −(p₀(1 − p₀)Σxxᵀ/K + ΛI)⁻¹Σg. Each later step (one per further variance) releases the gradients at the
 * last weights and moves w ← w − (H₁ + ΛI)⁻¹(Σg(w) + Λw) with the first step's released Hessian H₁: the
 * curvature of a rare product barely moves off the prior, and reusing it costs no budget.
 */
export function noisyNewtonFit(
  windows: readonly TrainingSet[],
  variances: readonly bigint[],
  lambda: number,
  noise: GaussianNoise,
  random: RandomSource,
  damping = laterStepDamping,
): NoisyNewtonFit {
  const inputs = windows[0]!.columns + 1;
  const [firstVariance, ...later] = variances;
  const statistics = release(customerStatistics(windows, random), firstVariance!, noise);
  const first = newtonFromStatistics(statistics, inputs, lambda, 0.25 / windows.length);
  let weights = first.weights;
  for (const variance of later) {
    const gradient = release(customerGradients(windows, weights, random), variance, noise);
    const current = weights;
    const move = laterStep(
      first.system,
      first.ridge,
      damping,
      gradient.map((g, j) => g + first.ridge * current[j]!),
    );
    weights = current.map((w, j) => w - move[j]!);
  }
  return { weights, ridge: first.ridge };
}

/** The mechanism as the ledger and the version row record it: the name, with the steps when more than one. */
export function recordedMechanism(steps: number): string {
  return steps === 1 ? noisyNewton : `${noisyNewton}-${steps}-steps`;
}

const recordedPattern = /^noisy-newton(?:-(\d)-steps)?$/;

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
  const newton = recordedPattern.exec(model.mechanism);
  if (newton !== null) {
    const steps = Number(newton[1] ?? 1);
    const days = (Date.parse(model.trainedTo) - Date.parse(model.trainedFrom)) / 86_400_000;
    const windows = Math.round((days - 365) / 90) + 1;
    const later =
      steps === 1
        ? ''
        : `, then ${steps === 2 ? 'a second step' : `${steps - 1} more steps`} from noised gradients alone ` +
          `(the budget split between the steps)`;
    return (
      `noisy-statistics Newton: a Newton step from each consenting customer’s clipped gradient and curvature ` +
      `statistics over ${windows} quarterly label window${windows === 1 ? '' : 's'}${later}, with exact ` +
      `discrete Gaussian noise; (ε, δ) = (${model.epsilon}, ${model.delta})`
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
