// A federated round's statistics of the logistic model: per-customer gradient, input outer product and a count,
// summed in fixed point; and the one Newton step every vault computes alike from the released (noised) sum.
import { priorLogit, solveSpd, type TrainingSet } from '../models/train/logistic.ts';
import type { RandomSource } from '../privacy/dp/random-source.ts';
import { FixedPointSum, fromRing, type Quantisation } from './fixed-point.ts';

/** Each customer's vector is ‖(g, ¼·xxᵀ, ½)‖₂ ≤ √(1 + 1/16 + 1/4) < 1.15: clipping at C never bites honestly. */
export const federatedQuantisation: Quantisation = Object.freeze({ clip: 1.15, step: 1.15 / 256 });
const outerWeight = 0.25;
const countWeight = 0.5;

/** Ring elements of a model with `inputs` inputs (features + intercept): gradient, upper triangle, count. */
export const statisticsDimension = (inputs: number): number => inputs + (inputs * (inputs + 1)) / 2 + 1;

/** The prior every margin starts from (the trainer's public 1 % per 90 days): the round's w₀ = 0 plus it. */
export const federatedPrior = priorLogit(0.01);

/**
 * The vault's fixed-point sum of per-customer statistics at w₀ = 0 (the margin is the public prior logit, so
 * the Hessian weight p(1 − p) is a public constant and only Σ xxᵀ need be summed).
 */
export function localStatistics(set: TrainingSet, q: Quantisation, random: RandomSource): Float64Array {
  const inputs = set.columns + 1;
  const p = 1 / (1 + Math.exp(-federatedPrior));
  const sum = new FixedPointSum(q, statisticsDimension(inputs), random);
  const x = new Float64Array(inputs);
  const contribution = new Float64Array(statisticsDimension(inputs));
  const intercept = 1 / Math.sqrt(set.columns + 1);
  set.rows.forEach((row, i) => {
    for (let j = 0; j < set.columns; j++) x[j] = set.matrix[row * set.columns + j]!;
    x[set.columns] = intercept;
    const residual = p - set.labels[i]!;
    let k = 0;
    for (let j = 0; j < inputs; j++) contribution[k++] = x[j]! * residual;
    for (let j = 0; j < inputs; j++) {
      for (let l = j; l < inputs; l++) contribution[k++] = outerWeight * x[j]! * x[l]!;
    }
    contribution[k] = countWeight;
    sum.add(contribution);
  });
  return sum.total;
}

export interface NewtonStep {
  /** `inputs` weights: features, then the intercept's. */
  readonly weights: Float64Array;
  /** The noised number of customers the round summed (a released figure, never exact). */
  readonly customers: number;
  /** The ridge the step needed (Λ, doubled while the noised Hessian was not positive definite). */
  readonly ridge: number;
  /** The regularised Hessian the step solved (row-major, `inputs`²): a later step may reuse it. */
  readonly system: Float64Array;
}

/** w₁ = −(p(1 − p)·Σxxᵀ + ΛI)⁻¹·Σg from the released sum: post-processing, the same at every vault. */
export function newtonStep(
  released: Uint32Array,
  inputs: number,
  q: Quantisation,
  lambda: number,
): NewtonStep {
  return newtonFromStatistics(
    fromRing(released).map((v) => v * q.step),
    inputs,
    lambda,
  );
}

/**
 * The Newton step from released statistics in real units (gradient, outer products weighted by `outer`, the
 * count weighted by ½): the ridge is doubled while the noised Hessian is not positive definite.
 */
export function newtonFromStatistics(
  values: Float64Array,
  inputs: number,
  lambda: number,
  outer = outerWeight,
): NewtonStep {
  const p = 1 / (1 + Math.exp(-federatedPrior));
  const gradient = values.slice(0, inputs);
  const hessian = new Float64Array(inputs * inputs);
  let k = inputs;
  for (let j = 0; j < inputs; j++) {
    for (let l = j; l < inputs; l++) {
      const v = (values[k++]! / outer) * p * (1 - p);
      hessian[j * inputs + l] = v;
      hessian[l * inputs + j] = v;
    }
  }
  const customers = Math.max(0, Math.round(values[k]! / countWeight));
  for (let ridge = lambda; ridge < lambda * 2 ** 40; ridge *= 2) {
    const system = hessian.map((v, i) => (i % (inputs + 1) === 0 ? v + ridge : v));
    const solved = solveSpd(system.slice(), gradient);
    if (solved.every(Number.isFinite)) return { weights: solved.map((v) => -v), customers, ridge, system };
  }
  throw new RangeError('The released Hessian stayed indefinite under every ridge tried.');
}
