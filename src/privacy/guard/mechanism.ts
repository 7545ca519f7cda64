// The guard's data-dependent decisions, all on noised values: differencing (sparse vector) and suppression.
import { Rational } from '../dp/rational.ts';
import type { NoiseSampler } from './noise.ts';
import type { GuardPolicy } from './policy.ts';

export type GuardDecision =
  | { readonly outcome: 'answered'; readonly noisyCount: number }
  | { readonly outcome: 'too_few' }
  | { readonly outcome: 'differencing' };

/**
 * Decides what to release about an audience of `size` people whose symmetric differences with the asker's
 * earlier audiences in the period are `distances` (each of sensitivity 1). Costs the policy's three ε parts
 * whatever the outcome (only the count's and the threshold's when there are no earlier audiences).
 * Draws the differencing check's noise first, then the count's (scale 1/ε_c), then the threshold's (1/ε_k).
 */
export function decide(
  size: number,
  distances: readonly number[],
  policy: GuardPolicy,
  noise: NoiseSampler,
): GuardDecision {
  if (tooClose(distances, policy, noise)) return { outcome: 'differencing' };
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
  if (distances.length === 0) return false;
  const thresholdScale = Rational.of(2n).div(policy.differencingEpsilon);
  const queryScale = Rational.of(4n).div(policy.differencingEpsilon);
  const threshold = BigInt(policy.k) + noise.discreteLaplace(thresholdScale);
  return distances.some((d) => BigInt(d) + noise.discreteLaplace(queryScale) < threshold);
}

/** |a △ b| of two ascending id lists. */
export function symmetricDifferenceSize(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return a.length + b.length - 2 * common;
}
