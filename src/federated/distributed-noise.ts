// The distributed discrete Gaussian: each vault's share of the noise, sized so any m − 1 vaults carry the budget.
//
// Kairouz, Liu & Steinke, "The Distributed Discrete Gaussian Mechanism for Federated Learning with Secure
// Aggregation", ICML 2021 (arXiv:2102.06387), Proposition 14: the sum of n independent draws of N_Z(0, σ²)^d
// added to a vector sum whose L2 (L1) sensitivity is Δ₂ (Δ₁) is (α, ε_α)-RDP with
//   ε_α = min{ αΔ₂²/(2nσ²) + τd,  α/2·(Δ₂²/(nσ²) + 2Δ₁τ/(√n σ) + τ²d),  α/2·(Δ₂/(√n σ) + τ√d)² },
//   τ = 10·Σ_{k=1}^{n−1} exp(−2π²σ²·k/(k + 1)),  for σ ≥ 1/2.
// docs/privacy-model.md ("Federated rounds") derives the rest.
import { rdpOrders, toApproximateDp, type RdpCurve } from '../privacy/accounting/rdp.ts';
import { sampleDiscreteGaussian } from '../privacy/dp/discrete-gaussian.ts';
import type { RandomSource } from '../privacy/dp/random-source.ts';
import { Rational } from '../privacy/dp/rational.ts';

/** The mechanism's name in the (ε, δ) ledger. */
export const distributedGaussian = 'federated-round';

export interface SumSensitivity {
  /** L2 sensitivity of the integer sum to one customer. */
  readonly l2: number;
  /** L1 sensitivity of the same sum. */
  readonly l1: number;
  readonly dimension: number;
}

/** τ of Proposition 14 for n summands of variance σ² each. */
export function kairouzTau(sigmaSquared: number, summands: number): number {
  let tau = 0;
  for (let k = 1; k < summands; k++) tau += Math.exp((-2 * Math.PI ** 2 * sigmaSquared * k) / (k + 1));
  return 10 * tau;
}

/** The RDP curve of the sum of `summands` vaults' noise, each N_Z(0, σ²)^d, on `rdpOrders`. */
export function distributedGaussianCurve(
  sigmaSquared: number,
  summands: number,
  s: SumSensitivity,
): RdpCurve {
  if (!(sigmaSquared >= 0.25)) throw new RangeError(`σ² must be at least 1/4 (got ${sigmaSquared})`);
  if (!(Number.isInteger(summands) && summands >= 1))
    throw new RangeError(`summands: at least 1 (got ${summands})`);
  const tau = kairouzTau(sigmaSquared, summands);
  const total = summands * sigmaSquared;
  const root = Math.sqrt(total);
  return Object.freeze(
    rdpOrders.map((alpha) =>
      Math.min(
        (alpha * s.l2 ** 2) / (2 * total) + tau * s.dimension,
        (alpha / 2) * (s.l2 ** 2 / total + (2 * s.l1 * tau) / root + tau ** 2 * s.dimension),
        (alpha / 2) * (s.l2 / root + tau * Math.sqrt(s.dimension)) ** 2,
      ),
    ),
  );
}

export interface NoiseTarget {
  readonly epsilon: number;
  readonly delta: number;
  /** m: the vaults in the round; the noise of any m − 1 of them must carry (ε, δ). */
  readonly vaults: number;
}

/**
 * The smallest integer σ² per vault (to within one part in 10⁶ of a binary search) such that the noise of any
 * m − 1 vaults makes the sum (ε, δ)-DP through the RDP curve (its conversion is the ledger's). An integer keeps
 * the exact sampler's arithmetic small and is recorded as it is.
 */
export function vaultVariance(target: NoiseTarget, s: SumSensitivity): bigint {
  if (!(target.vaults >= 2)) throw new RangeError(`vaults: at least 2 (got ${target.vaults})`);
  return varianceFor(target.epsilon, target.delta, target.vaults - 1, s);
}

/**
 * The smallest integer σ² (to within one part in 10⁶) such that `summands` independent N_Z(0, σ²)^d draws added
 * to a sum of sensitivity `s` make it (ε, δ)-DP through the ledger's RDP conversion. With one summand it is the
 * central discrete Gaussian mechanism (τ = 0): the curve αΔ₂²/(2σ²).
 */
export function varianceFor(epsilon: number, delta: number, summands: number, s: SumSensitivity): bigint {
  if (!(epsilon > 0)) throw new RangeError(`epsilon: must be positive (got ${epsilon})`);
  const cost = (v: number) => toApproximateDp(distributedGaussianCurve(v, summands, s), delta).epsilon;
  let low = 0.25;
  let high = 1;
  while (cost(high) > epsilon) high *= 2;
  while (high - low > Math.max(1, high * 1e-6)) {
    const middle = (low + high) / 2;
    if (cost(middle) > epsilon) low = middle;
    else high = middle;
  }
  return BigInt(Math.ceil(high));
}

/** Where a vault's round noise comes from: every draw names its variance, so a test can pin it. */
export interface GaussianNoise {
  discreteGaussian(sigmaSquared: Rational): bigint;
}

/** The production source: exact discrete Gaussian draws (Canonne, Kamath & Steinke) from `random`. */
export function discreteGaussianNoise(random: RandomSource): GaussianNoise {
  return { discreteGaussian: (sigmaSquared) => sampleDiscreteGaussian(sigmaSquared, random) };
}

/** One vault's noise vector: d independent draws of N_Z(0, σ²). */
export function noiseVector(dimension: number, sigmaSquared: bigint, noise: GaussianNoise): Float64Array {
  const variance = Rational.of(sigmaSquared);
  return Float64Array.from({ length: dimension }, () => Number(noise.discreteGaussian(variance)));
}
