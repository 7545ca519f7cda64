// The exact discrete Gaussian: goodness of fit against the exact law at small and large σ², moments, inputs.
import { describe, expect, it } from 'vitest';
import { chiSquareTest, significance } from './chi-square.test-support.ts';
import { sampleDiscreteGaussian } from './discrete-gaussian.ts';
import { seededRandomSource } from './random-source.ts';
import { Rational, rational } from './rational.ts';

/** The exact law's weights on −m … m, the tails folded into the end bins (floating point: for checking only). */
function expectedBins(sigmaSquared: number, m: number, total: number): number[] {
  const weight = (x: number) => Math.exp(-(x * x) / (2 * sigmaSquared));
  let normaliser = 0;
  for (let x = -40 * Math.ceil(Math.sqrt(sigmaSquared)) - 40; x <= 40 * Math.sqrt(sigmaSquared) + 40; x++) {
    normaliser += weight(x);
  }
  const bins = Array.from({ length: 2 * m + 1 }, (_, i) => weight(i - m) / normaliser);
  const inner = bins.slice(1, -1).reduce((s, p) => s + p, 0);
  bins[0] = (1 - inner) / 2;
  bins[2 * m] = (1 - inner) / 2;
  return bins.map((p) => p * total);
}

function fit(sigmaSquared: Rational, m: number, total: number, seed: string) {
  const random = seededRandomSource(seed);
  const observed = new Array<number>(2 * m + 1).fill(0);
  for (let i = 0; i < total; i++) {
    const x = Math.max(-m, Math.min(m, Number(sampleDiscreteGaussian(sigmaSquared, random))));
    observed[x + m]! += 1;
  }
  const variance = Number(sigmaSquared.numerator) / Number(sigmaSquared.denominator);
  return chiSquareTest(observed, expectedBins(variance, m, total));
}

describe('sampleDiscreteGaussian', () => {
  it('fits the exact law at σ² = 1/2 (where the discrete law is far from the continuous one)', () => {
    expect(fit(rational('1/2'), 2, 20_000, 'dg-half').pValue).toBeGreaterThan(significance);
  });

  it('fits the exact law at σ² = 9', () => {
    expect(fit(rational(9), 8, 20_000, 'dg-nine').pValue).toBeGreaterThan(significance);
  });

  it('a wrong variance fails the same fit (the test can tell)', () => {
    const random = seededRandomSource('dg-wrong');
    const m = 8;
    const observed = new Array<number>(2 * m + 1).fill(0);
    for (let i = 0; i < 20_000; i++) {
      const x = Math.max(-m, Math.min(m, Number(sampleDiscreteGaussian(rational(12), random))));
      observed[x + m]! += 1;
    }
    expect(chiSquareTest(observed, expectedBins(9, m, 20_000)).pValue).toBeLessThan(significance);
  });

  it('has mean 0 and variance close to σ² at σ² = 10⁶', () => {
    const random = seededRandomSource('dg-large');
    const draws = Array.from({ length: 4000 }, () =>
      Number(sampleDiscreteGaussian(rational(1_000_000), random)),
    );
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    const variance = draws.reduce((s, x) => s + (x - mean) ** 2, 0) / (draws.length - 1);
    // Standard errors: 1000/√4000 ≈ 16 for the mean, 10⁶·√(2/4000) ≈ 2.2·10⁴ for the variance.
    expect(Math.abs(mean)).toBeLessThan(80);
    expect(Math.abs(variance - 1_000_000)).toBeLessThan(110_000);
  });

  it('refuses a variance that is not positive', () => {
    const random = seededRandomSource('dg-bad');
    expect(() => sampleDiscreteGaussian(Rational.zero, random)).toThrow(/must be positive/);
    expect(() => sampleDiscreteGaussian(rational(-1), random)).toThrow(/must be positive/);
  });
});
