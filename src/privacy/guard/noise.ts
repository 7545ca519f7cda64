// Where the guard's noise comes from: every draw names its scale, so a test can pin each one.
import { sampleDiscreteLaplace } from '../dp/discrete-laplace.ts';
import type { RandomSource } from '../dp/random-source.ts';
import type { Rational } from '../dp/rational.ts';

/**
 * The one source of the guard's noise. The count, the noised threshold k and the sparse-vector check all draw
 * through it, so that a test can record the scale of every draw (`noise.test-support.ts`).
 */
export interface NoiseSampler {
  /** One draw of discrete Laplace noise of the given scale t > 0: P[X = x] ∝ e^{−|x|/t} on the integers. */
  discreteLaplace(scale: Rational): bigint;
}

/** The production sampler: exact discrete Laplace noise (Canonne, Kamath & Steinke) from `random`. */
export function discreteLaplaceNoise(random: RandomSource): NoiseSampler {
  return { discreteLaplace: (scale) => sampleDiscreteLaplace(scale, random) };
}
