// The distributed discrete Gaussian: the curve against its closed form, the per-vault variance pinned.
import { describe, expect, it } from 'vitest';
import { gaussianCurve, rdpOrders, toApproximateDp } from '../privacy/accounting/rdp.ts';
import { seededRandomSource } from '../privacy/dp/random-source.ts';
import {
  discreteGaussianNoise,
  distributedGaussianCurve,
  kairouzTau,
  noiseVector,
  vaultVariance,
} from './distributed-noise.ts';
import { RecordingGaussianNoise } from './distributed-noise.test-support.ts';

const sensitivity = { l2: 260, l1: 260 * 4, dimension: 16 };

describe('the distributed discrete Gaussian (Kairouz, Liu & Steinke 2021)', () => {
  it('τ vanishes for realistic σ and the curve is the Gaussian one of the m − 1 vaults together', () => {
    expect(kairouzTau(10_000, 2)).toBe(0);
    expect(kairouzTau(0.25, 3)).toBeGreaterThan(0);
    const curve = distributedGaussianCurve(40_000, 2, sensitivity);
    const closed = gaussianCurve(Math.sqrt(2 * 40_000), 260);
    rdpOrders.forEach((_, i) => expect(curve[i]).toBeCloseTo(closed[i]!, 10));
  });

  it('a small σ pays the τ terms (the sum of discrete Gaussians is not one)', () => {
    const curve = distributedGaussianCurve(0.5, 3, { l2: 1, l1: 1, dimension: 4 });
    const closed = gaussianCurve(Math.sqrt(1.5), 1);
    rdpOrders.forEach((_, i) => expect(curve[i]).toBeGreaterThan(closed[i]!));
  });

  it('pins the per-vault variance for ε = 1, δ = 10⁻⁶ at three vaults', () => {
    const variance = vaultVariance({ epsilon: 1, delta: 1e-6, vaults: 3 }, sensitivity);
    expect(variance).toBe(699_238n);
    // Any two vaults' noise carries the budget; a looser variance would not.
    const cost = (v: number) => toApproximateDp(distributedGaussianCurve(v, 2, sensitivity), 1e-6).epsilon;
    expect(cost(Number(variance))).toBeLessThanOrEqual(1);
    expect(cost(Number(variance) * 0.99)).toBeGreaterThan(1);
    // More vaults: each carries less, as the remaining m − 1 share it.
    expect(vaultVariance({ epsilon: 1, delta: 1e-6, vaults: 5 }, sensitivity)).toBe(349_620n);
  });

  it('draws every coordinate at the vault variance (recorded)', () => {
    const noise = new RecordingGaussianNoise(() => 3n);
    expect([...noiseVector(4, 699_238n, noise)]).toEqual([3, 3, 3, 3]);
    expect(noise.variances).toEqual(['699238', '699238', '699238', '699238']);
  });

  it('the production source draws integers', () => {
    const draws = noiseVector(8, 100n, discreteGaussianNoise(seededRandomSource('noise-vector')));
    expect(draws.every((x) => Number.isInteger(x) && Math.abs(x) < 100)).toBe(true);
  });
});
