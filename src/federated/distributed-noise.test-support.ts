// FOR TESTS ONLY: a Gaussian noise source that records the variance of every draw and draws what the test says.
import type { Rational } from '../privacy/dp/rational.ts';
import type { GaussianNoise } from './distributed-noise.ts';

export class RecordingGaussianNoise implements GaussianNoise {
  readonly variances: string[] = [];
  draw: (sigmaSquared: Rational) => bigint;

  constructor(draw: (sigmaSquared: Rational) => bigint = () => 0n) {
    this.draw = draw;
  }

  discreteGaussian(sigmaSquared: Rational): bigint {
    this.variances.push(sigmaSquared.toString());
    return this.draw(sigmaSquared);
  }
}
