// The guard's data-dependent decisions, all on noised values: differencing (sparse vector) and suppression.
import { Rational } from '../dp/rational.ts';
import type { NoiseSampler } from './noise.ts';
import type { GuardPolicy } from './policy.ts';

export type GuardDecision =
  | { readonly outcome: 'answered'; readonly noisyCount: number }
  | { readonly outcome: 'too_few' }
  | { readonly outcome: 'differencing' };

/**
 * Decides what to release about an audience of `size` people compared with the period's earlier releases
 * (`comparisons`: their symmetric differences, each of sensitivity 1). Costs the policy's three ε parts
 * whatever the outcome (only the count's and the threshold's when there is nothing to compare with).
 * Draws the differencing check's noise first, then the count's (scale 1/ε_c), then the threshold's (1/ε_k).
 */
export function decide(
  size: number,
  comparisons: Iterable<Comparison>,
  policy: GuardPolicy,
  noise: NoiseSampler,
): GuardDecision {
  if (anyTooClose(comparisons, policy, noise)) return { outcome: 'differencing' };
  return suppressOrCount(size, policy, noise);
}

/** The noised count (scale 1/ε_c) against the noised k (scale 1/ε_k): the count, or too few. */
export function suppressOrCount(size: number, policy: GuardPolicy, noise: NoiseSampler): GuardDecision {
  const noisyCount = BigInt(size) + noise.discreteLaplace(Rational.one.div(policy.countEpsilon));
  const noisyK = BigInt(policy.k) + noise.discreteLaplace(Rational.one.div(policy.thresholdEpsilon));
  if (noisyCount < noisyK) return { outcome: 'too_few' };
  // Clamping at zero is post-processing: it costs no privacy and never shows a negative audience.
  return { outcome: 'answered', noisyCount: Number(noisyCount < 0n ? 0n : noisyCount) };
}

/**
 * AboveThreshold (Dwork & Roth, The Algorithmic Foundations of Differential Privacy, §3.6) run on "below":
 * one noised threshold k + Lap(2/ε), each distance + Lap(4/ε); the first distance under the threshold stops.
 * ε is spent once, however many distances are compared.
 */
export function tooClose(distances: readonly number[], policy: GuardPolicy, noise: NoiseSampler): boolean {
  return anyTooClose(exactDistances(distances), policy, noise);
}

/** Comparisons whose distances are known: each its own lower bound. */
export function exactDistances(distances: readonly number[]): Comparison[] {
  return distances.map((d) => ({ lowerBound: d, exact: () => d }));
}

/** One comparison of the sparse-vector check: a cheap lower bound of a distance, and the distance itself. */
export interface Comparison {
  /** At most the distance, e.g. the difference of the two audiences' sizes. */
  readonly lowerBound: number;
  /** The distance, computed only when the lower bound plus its noise falls under the noised threshold. */
  exact(): number;
}

/**
 * `tooClose` over comparisons whose exact distance is computed only when it could matter: each comparison
 * draws its noise ν first, and when lowerBound + ν is not under the threshold, neither is distance + ν. The
 * draws, and so the outcome, are exactly those of `tooClose` on the exact distances.
 */
export function anyTooClose(
  comparisons: Iterable<Comparison>,
  policy: GuardPolicy,
  noise: NoiseSampler,
): boolean {
  let threshold: bigint | undefined;
  for (const comparison of comparisons) {
    threshold ??= BigInt(policy.k) + noise.discreteLaplace(thresholdScale(policy));
    const noised = noise.discreteLaplace(queryScale(policy));
    if (BigInt(comparison.lowerBound) + noised >= threshold) continue;
    if (BigInt(comparison.exact()) + noised < threshold) return true;
  }
  return false;
}

/** The scale of the sparse-vector check's noised threshold: 2/ε_d. */
export function thresholdScale(policy: GuardPolicy): Rational {
  return Rational.of(2n).div(policy.differencingEpsilon);
}

/** The scale of each compared distance's noise: 4/ε_d (sensitivity 1, queries not monotone). */
export function queryScale(policy: GuardPolicy): Rational {
  return Rational.of(4n).div(policy.differencingEpsilon);
}
