// The RDP accountant against closed forms and, for the subsampled Gaussian, an independent numerical integral.
import { describe, expect, it } from 'vitest';
import {
  compose,
  discreteGaussianCurve,
  gaussianCurve,
  pureDpCurve,
  rdpOrders,
  repeated,
  subsampledAtInteger,
  subsampledGaussianCurve,
  toApproximateDp,
  zeroCurve,
} from './rdp.ts';

const at = (alpha: number) => {
  const i = rdpOrders.indexOf(alpha);
  if (i < 0) throw new Error(`${alpha} is not on the grid`);
  return i;
};

/**
 * D_α((1 − q)N(0, σ²) + qN(1, σ²) ‖ N(0, σ²)) by the trapezoid rule in log space over a wide interval: a
 * computation that shares nothing with the binomial sum.
 */
function numericalRenyi(q: number, sigma: number, alpha: number): number {
  const low = -14 * sigma;
  const high = alpha + 14 * sigma;
  const n = 100_000;
  const h = (high - low) / n;
  const logTerms: number[] = [];
  for (let j = 0; j <= n; j++) {
    const x = low + j * h;
    const logP0 = -(x * x) / (2 * sigma * sigma) - Math.log(sigma * Math.sqrt(2 * Math.PI));
    const ratio = 1 - q + q * Math.exp((2 * x - 1) / (2 * sigma * sigma));
    const weight = j === 0 || j === n ? 0.5 : 1;
    logTerms.push(Math.log(weight * h) + logP0 + alpha * Math.log(ratio));
  }
  const top = logTerms.reduce((a, b) => Math.max(a, b), -Infinity);
  const logIntegral = top + Math.log(logTerms.reduce((s, t) => s + Math.exp(t - top), 0));
  return logIntegral / (alpha - 1);
}

describe('the Gaussian mechanism', () => {
  it('is (α, αΔ²/(2σ²))-RDP at every order', () => {
    const c = gaussianCurve(2, 3);
    rdpOrders.forEach((alpha, i) => expect(c[i]).toBeCloseTo((alpha * 9) / 8, 12));
    expect(gaussianCurve(1)[at(2)]).toBe(1);
  });

  it('k compositions equal one Gaussian with σ/√k', () => {
    const k = 7;
    const composed = compose(...Array.from({ length: k }, () => gaussianCurve(3)));
    const single = gaussianCurve(3 / Math.sqrt(k));
    rdpOrders.forEach((_, i) => expect(composed[i]).toBeCloseTo(single[i]!, 10));
    repeated(gaussianCurve(3), k).forEach((v, i) => expect(v).toBeCloseTo(composed[i]!, 12));
  });

  it('the discrete Gaussian is charged the same bound, and only for an integer sensitivity', () => {
    expect(discreteGaussianCurve(1.5, 2)).toEqual(gaussianCurve(1.5, 2));
    expect(() => discreteGaussianCurve(1.5, 0.5)).toThrow(/sensitivity/);
    expect(() => gaussianCurve(0)).toThrow(/sigma/);
  });
});

describe('pure ε-DP as RDP', () => {
  it('is the smaller of ε and αε²/2', () => {
    const c = pureDpCurve(0.5);
    expect(c[at(2)]).toBeCloseTo(0.25, 12);
    expect(c[at(4)]).toBeCloseTo(0.5, 12);
    expect(c[at(256)]).toBe(0.5);
    expect(pureDpCurve(0)).toBe(zeroCurve);
  });
});

describe('conversion to (ε, δ)', () => {
  it('classic: min over α of ε_α + log(1/δ)/(α − 1)', () => {
    const sigma = 5;
    const delta = 1e-5;
    const expected = Math.min(
      ...rdpOrders.map((alpha) => alpha / (2 * sigma * sigma) + Math.log(1 / delta) / (alpha - 1)),
    );
    expect(toApproximateDp(gaussianCurve(sigma), delta, 'classic').epsilon).toBeCloseTo(expected, 12);
  });

  it('tight: Balle et al. 2020, never above the classic one, at the order it names', () => {
    const c = gaussianCurve(5);
    const tight = toApproximateDp(c, 1e-5);
    const alpha = tight.order;
    const formula =
      c[at(alpha)]! + (Math.log(1e5) - Math.log(alpha)) / (alpha - 1) + Math.log((alpha - 1) / alpha);
    expect(tight.epsilon).toBeCloseTo(formula, 12);
    expect(tight.epsilon).toBeLessThan(toApproximateDp(c, 1e-5, 'classic').epsilon);
    // Pinned: σ = 5, δ = 1e-5 reads 0.797 (the classic conversion 0.98, the textbook √(2 ln(1.25/δ))/σ 0.97).
    expect(tight.epsilon).toBeCloseTo(0.797, 3);
  });

  it('grows as δ shrinks and as mechanisms compose; nothing released costs no ε', () => {
    const c = gaussianCurve(4);
    expect(toApproximateDp(c, 1e-8).epsilon).toBeGreaterThan(toApproximateDp(c, 1e-4).epsilon);
    expect(toApproximateDp(repeated(c, 3), 1e-6).epsilon).toBeGreaterThan(toApproximateDp(c, 1e-6).epsilon);
    expect(toApproximateDp(zeroCurve, 1e-6).epsilon).toBeLessThan(0.06);
    expect(() => toApproximateDp(c, 0)).toThrow(/delta/);
  });
});

describe('the Poisson-subsampled Gaussian', () => {
  const cases: [q: number, sigma: number, alpha: number][] = [
    [0.01, 1, 8],
    [0.1, 2, 4],
    [0.05, 0.8, 16],
    [0.5, 1.5, 3],
    [0.02, 1.1, 32],
    [0.3, 4, 2],
  ];

  it.each(cases)('agrees with numerical integration at q=%s, σ=%s, α=%s', (q, sigma, alpha) => {
    const closed = subsampledAtInteger(q, sigma, alpha);
    const numerical = numericalRenyi(q, sigma, alpha);
    expect(Math.abs(closed - numerical)).toBeLessThan(1e-6 + 1e-6 * numerical);
    expect(subsampledGaussianCurve(q, sigma)[at(alpha)]).toBeCloseTo(
      Math.min(closed, alpha / (2 * sigma ** 2)),
      12,
    );
  });

  it('at a fractional order is bounded by the next integer order, above the true value', () => {
    const c = subsampledGaussianCurve(0.1, 1);
    expect(c[at(2.5)]).toBe(subsampledAtInteger(0.1, 1, 3));
    expect(c[at(2.5)]).toBeGreaterThanOrEqual(numericalRenyi(0.1, 1, 2.5));
  });

  it('with q = 1 is the Gaussian, and with q = 0 or no steps releases nothing', () => {
    rdpOrders.forEach((_, i) =>
      expect(subsampledGaussianCurve(1, 2)[i]).toBeCloseTo(gaussianCurve(2)[i]!, 12),
    );
    expect(subsampledGaussianCurve(0, 2)).toBe(zeroCurve);
    expect(subsampledGaussianCurve(0.1, 2, 0)).toBe(zeroCurve);
  });

  it('grows with q, with α and with the steps, and shrinks with σ', () => {
    const rates = [0.001, 0.01, 0.05, 0.2, 0.6, 1];
    for (let i = 1; i < rates.length; i++) {
      const lower = subsampledGaussianCurve(rates[i - 1]!, 1.2);
      const higher = subsampledGaussianCurve(rates[i]!, 1.2);
      rdpOrders.forEach((_, j) => expect(higher[j]).toBeGreaterThanOrEqual(lower[j]!));
    }
    const c = subsampledGaussianCurve(0.02, 1.1);
    for (let j = 1; j < c.length; j++) expect(c[j]).toBeGreaterThanOrEqual(c[j - 1]!);
    const noisier = subsampledGaussianCurve(0.02, 2);
    rdpOrders.forEach((_, j) => expect(noisier[j]).toBeLessThan(c[j]!));
    expect(subsampledGaussianCurve(0.02, 1.1, 100)).toEqual(repeated(c, 100));
  });

  it('DP-SGD in figures: q = 0.01, σ = 1.1, 10 000 steps, δ = 1e-5', () => {
    // Abadi et al. 2016 report ε ≈ 8 for this setting with the moments accountant (integer orders).
    const { epsilon } = toApproximateDp(subsampledGaussianCurve(0.01, 1.1, 10_000), 1e-5);
    expect(epsilon).toBeGreaterThan(4);
    expect(epsilon).toBeLessThan(9);
  });
});
