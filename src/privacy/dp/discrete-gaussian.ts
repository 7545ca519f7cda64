// Exact discrete Gaussian noise: integers drawn with BigInt arithmetic only, for the federated rounds.
//
// Canonne, Kamath & Steinke, "The Discrete Gaussian for Differential Privacy", NeurIPS 2020
// (arXiv:2004.00010), Algorithm 3: a discrete Laplace proposal of scale t = ⌊σ⌋ + 1, accepted with
// probability exp(−(|Y| − σ²/t)²/(2σ²)), which Algorithm 1 decides exactly for a rational exponent.
import { bernoulliExpMinus, sampleDiscreteLaplace } from './discrete-laplace.ts';
import type { RandomSource } from './random-source.ts';
import { Rational } from './rational.ts';

/** The integer square root ⌊√n⌋ of n ≥ 0 (Newton's method on BigInt). */
function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = n;
  let y = (x + 1n) / 2n;
  while (y < x) {
    x = y;
    y = (x + n / x) / 2n;
  }
  return x;
}

/**
 * One draw from the discrete Gaussian N_Z(0, σ²): P[X = x] ∝ exp(−x²/(2σ²)) for every integer x, with σ² a
 * positive rational (the variance parameter, not the standard deviation).
 */
export function sampleDiscreteGaussian(sigmaSquared: Rational, random: RandomSource): bigint {
  if (!sigmaSquared.isPositive()) {
    throw new RangeError(`The variance σ² must be positive, got ${sigmaSquared.toString()}.`);
  }
  // t = ⌊σ⌋ + 1, and ⌊√x⌋ = ⌊√⌊x⌋⌋ for real x ≥ 0, so integer arithmetic suffices.
  const t = isqrt(sigmaSquared.floor()) + 1n;
  const laplaceScale = Rational.of(t);
  const shift = sigmaSquared.div(t);
  const twiceVariance = sigmaSquared.mul(2);
  for (;;) {
    const y = sampleDiscreteLaplace(laplaceScale, random);
    const magnitude = y < 0n ? -y : y;
    const gap = Rational.of(magnitude).sub(shift);
    if (bernoulliExpMinus(gap.mul(gap).div(twiceVariance), random)) return y;
  }
}
