// Exact discrete Laplace noise for counts: integer noise drawn with BigInt arithmetic only, no floats.
//
// Canonne, Kamath & Steinke, "The Discrete Gaussian for Differential Privacy", NeurIPS 2020
// (arXiv:2004.00010): Algorithm 1 draws Bernoulli(exp(−γ)) and Algorithm 2 the discrete Laplace,
// both from fair integer draws alone. Floating-point samplers leak through their rounding pattern
// (Mironov, CCS 2012); these are exact in distribution.
import type { RandomSource } from './random-source.ts';
import { Rational } from './rational.ts';

/** Bernoulli(numerator/denominator) for 0 ≤ p ≤ 1. */
function bernoulli(numerator: bigint, denominator: bigint, random: RandomSource): boolean {
  return random.uniformBelow(denominator) < numerator;
}

/** Algorithm 1 for γ in [0, 1]: K counts how long Bernoulli(γ/1), Bernoulli(γ/2), … keep succeeding. */
function bernoulliExpMinusAtMostOne(numerator: bigint, denominator: bigint, random: RandomSource): boolean {
  let k = 1n;
  while (bernoulli(numerator, denominator * k, random)) k += 1n;
  return k % 2n === 1n;
}

/** True with probability exp(−γ), exactly, for a rational γ ≥ 0 (Algorithm 1). */
export function bernoulliExpMinus(gamma: Rational, random: RandomSource): boolean {
  if (gamma.isNegative()) throw new RangeError(`bernoulliExpMinus needs γ ≥ 0, got ${gamma.toString()}.`);
  const whole = gamma.floor();
  // exp(−γ) = exp(−1)^⌊γ⌋ · exp(−(γ − ⌊γ⌋)): stop at the first failure, so a huge γ costs ~1.6 draws.
  for (let i = 0n; i < whole; i += 1n) {
    if (!bernoulliExpMinusAtMostOne(1n, 1n, random)) return false;
  }
  const remainder = gamma.numerator - whole * gamma.denominator;
  return bernoulliExpMinusAtMostOne(remainder, gamma.denominator, random);
}

/**
 * One draw from the discrete Laplace distribution with the given scale t > 0:
 * P[X = x] = (e^{1/t} − 1)/(e^{1/t} + 1) · e^{−|x|/t} for every integer x (Algorithm 2).
 */
export function sampleDiscreteLaplace(scale: Rational, random: RandomSource): bigint {
  if (!scale.isPositive()) throw new RangeError(`The noise scale must be positive, got ${scale.toString()}.`);
  // The paper's scale is t/s with integers s, t ≥ 1.
  const t = scale.numerator;
  const s = scale.denominator;
  for (;;) {
    // X = U + t·V is geometric with P[X = x] ∝ exp(−x/t): U carries the fractional part of x/t, V the rest.
    const u = random.uniformBelow(t);
    if (!bernoulliExpMinusAtMostOne(u, t, random)) continue;
    let v = 0n;
    while (bernoulliExpMinusAtMostOne(1n, 1n, random)) v += 1n;
    const y = (u + t * v) / s;
    const negative = random.uniformBelow(2n) === 1n;
    // Both signs would yield zero; rejecting one of them gives zero its proper weight.
    if (negative && y === 0n) continue;
    return negative ? -y : y;
  }
}

/** The discrete Laplace scale that makes a query of this sensitivity ε-differentially private: Δ/ε. */
export function laplaceScaleFor(epsilon: Rational, sensitivity = 1n): Rational {
  if (!epsilon.isPositive()) throw new RangeError(`ε must be positive, got ${epsilon.toString()}.`);
  if (sensitivity < 1n) throw new RangeError(`The sensitivity must be at least 1, got ${sensitivity}.`);
  return Rational.of(sensitivity).div(epsilon);
}

/**
 * A count with ε-DP discrete Laplace noise (sensitivity 1). It may come out negative or above the
 * population: clamping or suppressing is the caller's decision, made after the noise.
 */
export function noisyCount(count: number | bigint, epsilon: Rational, random: RandomSource): bigint {
  if (typeof count === 'number' && !Number.isSafeInteger(count)) {
    throw new RangeError(`A count must be a safe integer, got ${count}.`);
  }
  if (count < 0) throw new RangeError(`A count cannot be negative, got ${count}.`);
  return BigInt(count) + sampleDiscreteLaplace(laplaceScaleFor(epsilon), random);
}
