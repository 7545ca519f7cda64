// Output perturbation: the noise scale pinned for given (ε, Λ, D, tolerance), and every weight drawn at it.
import { describe, expect, it } from 'vitest';
import { Rational } from '../../privacy/dp/rational.ts';
import type { NoiseSampler } from '../../privacy/guard/noise.ts';
import { fixedPointUnits, perturbationScale, perturbWeights } from './output-perturbation.ts';

describe('perturbationScale', () => {
  it('is ⌈2¹⁶·√D·(1 + 2·tol)/Λ⌉ + D grid units of L1 sensitivity, over ε', () => {
    // 65536·√31·(1 + 2·10⁻⁶)/10 = 36488.97…, so ⌈…⌉ + 31 = 36520.
    const one = perturbationScale({ epsilon: 1, lambda: 10, dimension: 31, tolerance: 1e-6 });
    expect(one.sensitivity).toBe(36_520n);
    expect(one.scale.equals(Rational.of(36_520n))).toBe(true);
    // 65536·√38·(1 + 2·10⁻⁶)/10 = 40399.18…, so 40400 + 38 = 40438; at ε = 1/2 the scale doubles.
    const half = perturbationScale({ epsilon: 0.5, lambda: 10, dimension: 38, tolerance: 1e-6 });
    expect(half.sensitivity).toBe(40_438n);
    expect(half.scale.equals(Rational.of(80_876n))).toBe(true);
    // A stronger Λ shrinks the sensitivity in proportion.
    const strong = perturbationScale({ epsilon: 1, lambda: 20, dimension: 31, tolerance: 1e-6 });
    expect(strong.sensitivity).toBe(BigInt(Math.ceil(36_488.973_506 / 2)) + 31n);
  });

  it('refuses a bad ε, Λ or dimension with a USAGE error', () => {
    for (const bad of [
      { epsilon: 0, lambda: 10, dimension: 3, tolerance: 1e-6 },
      { epsilon: 1, lambda: -1, dimension: 3, tolerance: 1e-6 },
      { epsilon: 1, lambda: 1, dimension: 2.5, tolerance: 1e-6 },
      { epsilon: Number.NaN, lambda: 1, dimension: 2, tolerance: 1e-6 },
    ]) {
      expect(() => perturbationScale(bad)).toThrow(expect.objectContaining({ code: 'USAGE' }) as Error);
    }
  });
});

describe('perturbWeights', () => {
  it('adds one integer draw at the given scale to each weight on the 2⁻¹⁶ grid', () => {
    const scales: Rational[] = [];
    const noise: NoiseSampler = {
      discreteLaplace(scale) {
        scales.push(scale);
        return BigInt(scales.length);
      },
    };
    const scale = Rational.of(36_520n);
    const released = perturbWeights(Float64Array.of(1.5, -0.25, 0.1), scale, noise);
    expect(scales.map((s) => s.toString())).toEqual(['36520', '36520', '36520']);
    expect([...released]).toEqual([
      (1.5 * fixedPointUnits + 1) / fixedPointUnits,
      (-0.25 * fixedPointUnits + 2) / fixedPointUnits,
      (Math.round(0.1 * fixedPointUnits) + 3) / fixedPointUnits,
    ]);
  });
});
