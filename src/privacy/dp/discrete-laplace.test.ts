// Discrete Laplace and Bernoulli(exp(−γ)): goodness of fit against the exact laws, moments, exactness, inputs.
import { describe, expect, it } from 'vitest';
import { chiSquareTest, significance } from './chi-square.test-support.ts';
import { bernoulliExpMinus, laplaceScaleFor, noisyCount, sampleDiscreteLaplace } from './discrete-laplace.ts';
import { cryptoRandomSource, seededRandomSource } from './random-source.ts';
import type { RandomSource } from './random-source.ts';
import { Rational, rational } from './rational.ts';

/** P[X = x] for the discrete Laplace with scale t, in floating point: for checking only. */
function discreteLaplacePmf(x: bigint, scale: number): number {
  const q = Math.exp(-1 / scale);
  return ((1 - q) / (1 + q)) * q ** Math.abs(Number(x));
}

/** P[X ≥ m] for m ≥ 1: the geometric tail q^m/(1 + q). */
function discreteLaplaceUpperTail(m: number, scale: number): number {
  const q = Math.exp(-1 / scale);
  return q ** m / (1 + q);
}

/**
 * Chi-square fit of `samples` to the discrete Laplace: one bin per value in (−m, m) and one per tail,
 * with m as large as keeps every bin's expectation at 5 or more.
 */
function fitDiscreteLaplace(samples: readonly bigint[], scale: number) {
  const total = samples.length;
  let m = 1;
  while (
    total * discreteLaplacePmf(BigInt(m), scale) >= 5 &&
    total * discreteLaplaceUpperTail(m + 1, scale) >= 5
  ) {
    m++;
  }
  const observed = new Array<number>(2 * m + 1).fill(0);
  for (const sample of samples) {
    const x = Math.max(-m, Math.min(m, Number(sample)));
    observed[x + m] = (observed[x + m] ?? 0) + 1;
  }
  const expected = observed.map((_, index) => {
    const x = index - m;
    return (
      total * (Math.abs(x) === m ? discreteLaplaceUpperTail(m, scale) : discreteLaplacePmf(BigInt(x), scale))
    );
  });
  return chiSquareTest(observed, expected);
}

function samplesOf(scale: Rational, count: number, random: RandomSource): bigint[] {
  return Array.from({ length: count }, () => sampleDiscreteLaplace(scale, random));
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** A source that records every n it is asked for, to show what the sampler computes with. */
function recording(random: RandomSource): { random: RandomSource; asked: bigint[] } {
  const asked: bigint[] = [];
  return {
    asked,
    random: {
      uniformBelow(n) {
        asked.push(n);
        return random.uniformBelow(n);
      },
    },
  };
}

describe('bernoulliExpMinus', () => {
  it.each(['1/3', '1/2', '1', '3/2', '5/2', '4', '1/1000'])('is true with probability exp(−%s)', (text) => {
    const gamma = rational(text);
    const count = 40_000;
    const random = seededRandomSource(`bernoulli-${text}`);
    let successes = 0;
    for (let i = 0; i < count; i++) if (bernoulliExpMinus(gamma, random)) successes++;
    const p = Math.exp(-Number(gamma.numerator) / Number(gamma.denominator));
    const result = chiSquareTest([successes, count - successes], [count * p, count * (1 - p)]);
    expect(result.pValue).toBeGreaterThan(significance);
  });

  it('is always true for γ = 0', () => {
    const random = seededRandomSource('bernoulli-0');
    for (let i = 0; i < 2000; i++) expect(bernoulliExpMinus(Rational.zero, random)).toBe(true);
  });

  it('is never true for a huge γ, and stops at the first failed exp(−1)', () => {
    const { random, asked } = recording(seededRandomSource('bernoulli-huge'));
    const gamma = Rational.of(10n ** 30n + 1n, 3n);
    for (let i = 0; i < 1000; i++) expect(bernoulliExpMinus(gamma, random)).toBe(false);
    expect(asked.length).toBeLessThan(5000);
  });

  it('refuses a negative γ', () => {
    expect(() => bernoulliExpMinus(rational('-1/10'), seededRandomSource('x'))).toThrow(
      /bernoulliExpMinus needs γ ≥ 0, got -1\/10/,
    );
  });
});

describe('sampleDiscreteLaplace', () => {
  it.each([
    ['1/2', 50_000],
    ['1', 50_000],
    ['3', 50_000],
    ['20', 50_000],
  ])('fits the exact pmf at scale %s', (text, count) => {
    const scale = rational(text);
    const samples = samplesOf(scale, count, seededRandomSource(`laplace-fit-${text}`));
    const result = fitDiscreteLaplace(samples, Number(scale.numerator) / Number(scale.denominator));
    expect(result.degreesOfFreedom).toBeGreaterThanOrEqual(4);
    expect(result.pValue).toBeGreaterThan(significance);
  });

  it.each(['1/2', '1', '3', '20', '1000/7'])(
    'is symmetric with the right mean and variance at scale %s',
    (text) => {
      const scale = rational(text);
      const t = Number(scale.numerator) / Number(scale.denominator);
      const count = 20_000;
      const samples = samplesOf(scale, count, seededRandomSource(`laplace-moments-${text}`)).map(Number);

      const q = Math.exp(-1 / t);
      const variance = (2 * q) / (1 - q) ** 2;
      // Fourth moment of the discrete Laplace: 2q(1 + 10q + q²)/(1 − q)⁴.
      const fourth = (2 * q * (1 + 10 * q + q * q)) / (1 - q) ** 4;
      const meanError = Math.sqrt(variance / count);
      const varianceError = Math.sqrt((fourth - variance ** 2) / count);

      expect(Math.abs(mean(samples))).toBeLessThan(5 * meanError);
      expect(Math.abs(mean(samples.map((x) => x * x)) - variance)).toBeLessThan(5 * varianceError);

      const positive = samples.filter((x) => x > 0).length;
      const negative = samples.filter((x) => x < 0).length;
      expect(Math.abs(positive - negative)).toBeLessThan(5 * Math.sqrt(positive + negative));
      const zeros = samples.filter((x) => x === 0).length;
      const p0 = discreteLaplacePmf(0n, t);
      expect(Math.abs(zeros - count * p0)).toBeLessThan(5 * Math.sqrt(count * p0 * (1 - p0)) + 1);
    },
  );

  it('replays the same noise from the same seed', () => {
    const scale = rational('10');
    const run = (): bigint[] => samplesOf(scale, 200, seededRandomSource('laplace-replay'));
    expect(run()).toEqual(run());
  });

  it('computes with exact integers: a scale of (2^53 + 1)/7 reaches the source unrounded', () => {
    const t = 2n ** 53n + 1n;
    const { random, asked } = recording(seededRandomSource('laplace-exact'));
    sampleDiscreteLaplace(Rational.of(t, 7n), random);
    expect(asked[0]).toBe(t);
    expect(BigInt(Number(t))).not.toBe(t); // a double cannot hold t
    expect(asked.every((n) => typeof n === 'bigint')).toBe(true);
  });

  it('handles a scale of 10^12/7 with the right spread', () => {
    const scale = Rational.of(10n ** 12n, 7n);
    const count = 2000;
    const samples = samplesOf(scale, count, seededRandomSource('laplace-large'));
    const absoluteSum = samples.reduce((sum, x) => sum + (x < 0n ? -x : x), 0n);
    // E|X| ≈ t for a large scale; the standard error of the mean |X| is about t/√count.
    const ratio = Rational.of(absoluteSum).div(scale.mul(count));
    expect(Math.abs(Number(ratio.toDecimalString(6)) - 1)).toBeLessThan(5 / Math.sqrt(count));
  });

  it('does not overflow for a scale of 10^40 or a tiny one of 10^-30', () => {
    const hugeScale = Rational.of(10n ** 40n);
    const huge = samplesOf(hugeScale, 50, seededRandomSource('laplace-huge'));
    // P[|X| < 10^36] ≈ 10^-4 per draw at this scale.
    expect(huge.filter((x) => (x < 0n ? -x : x) > 10n ** 36n).length).toBeGreaterThanOrEqual(48);
    expect(huge.some((x) => x < 0n) && huge.some((x) => x > 0n)).toBe(true);

    const tiny = samplesOf(Rational.of(1n, 10n ** 30n), 200, seededRandomSource('laplace-tiny'));
    expect(tiny.every((x) => x === 0n)).toBe(true);
  });

  it('works with the cryptographic source', () => {
    const samples = samplesOf(rational('2'), 1000, cryptoRandomSource());
    expect(samples.every((x) => typeof x === 'bigint')).toBe(true);
    expect(new Set(samples).size).toBeGreaterThan(5);
  });

  it('refuses a scale that is not positive', () => {
    const random = seededRandomSource('x');
    expect(() => sampleDiscreteLaplace(Rational.zero, random)).toThrow(RangeError);
    expect(() => sampleDiscreteLaplace(rational('-1'), random)).toThrow(/must be positive/);
  });
});

describe('laplaceScaleFor', () => {
  it('is sensitivity over ε, exactly', () => {
    expect(laplaceScaleFor(rational('0.1'))).toEqual(Rational.of(10n));
    expect(laplaceScaleFor(rational('0.3'))).toEqual(Rational.of(10n, 3n));
    expect(laplaceScaleFor(rational('1/2'), 3n)).toEqual(Rational.of(6n));
    expect(laplaceScaleFor(rational('7'))).toEqual(Rational.of(1n, 7n));
  });

  it('refuses ε ≤ 0 and sensitivity < 1', () => {
    expect(() => laplaceScaleFor(Rational.zero)).toThrow(/ε must be positive/);
    expect(() => laplaceScaleFor(rational('-0.5'))).toThrow(RangeError);
    expect(() => laplaceScaleFor(rational('1'), 0n)).toThrow(/sensitivity/);
  });
});

describe('noisyCount', () => {
  it('adds zero-mean noise of scale 1/ε around the count', () => {
    const random = seededRandomSource('noisy-count');
    const epsilon = rational('0.5');
    const count = 20_000;
    const answers = Array.from({ length: count }, () => Number(noisyCount(1234, epsilon, random)));
    const q = Math.exp(-0.5);
    const variance = (2 * q) / (1 - q) ** 2;
    expect(Math.abs(mean(answers) - 1234)).toBeLessThan(5 * Math.sqrt(variance / count));
    expect(answers.every(Number.isInteger)).toBe(true);
  });

  it('does not clamp: a zero count can come out negative', () => {
    const random = seededRandomSource('noisy-zero');
    const answers = Array.from({ length: 200 }, () => noisyCount(0n, rational('0.1'), random));
    expect(answers.some((x) => x < 0n)).toBe(true);
    expect(answers.some((x) => x > 0n)).toBe(true);
  });

  it('takes bigints beyond the safe integers', () => {
    const big = 2n ** 80n;
    const answer = noisyCount(big, rational('1'), seededRandomSource('noisy-big'));
    expect(answer - big < 100n && big - answer < 100n).toBe(true);
  });

  it('refuses a negative, fractional or unsafe count and a non-positive ε', () => {
    const random = seededRandomSource('x');
    expect(() => noisyCount(-1, rational('1'), random)).toThrow(/cannot be negative/);
    expect(() => noisyCount(-1n, rational('1'), random)).toThrow(RangeError);
    expect(() => noisyCount(1.5, rational('1'), random)).toThrow(/safe integer/);
    expect(() => noisyCount(Number.NaN, rational('1'), random)).toThrow(RangeError);
    expect(() => noisyCount(2 ** 60, rational('1'), random)).toThrow(RangeError);
    expect(() => noisyCount(5, Rational.zero, random)).toThrow(/ε must be positive/);
  });
});
