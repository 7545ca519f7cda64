// Clipping, randomised rounding and the ring: the sensitivity bound holds for every rounding, sums wrap exactly.
import { describe, expect, it } from 'vitest';
import { seededRandomSource } from '../privacy/dp/random-source.ts';
import {
  addRing,
  clipL2,
  FixedPointSum,
  fromRing,
  l1Sensitivity,
  l2Sensitivity,
  randomisedRound,
  subRing,
  toRing,
} from './fixed-point.ts';

const norm = (v: ArrayLike<number>) => Math.sqrt(Array.from(v).reduce((s, x) => s + x * x, 0));

describe('fixed point', () => {
  it('clips to the L2 norm C and leaves shorter vectors alone', () => {
    expect(norm(clipL2(Float64Array.from([3, 4]), 1))).toBeCloseTo(1, 12);
    expect([...clipL2(Float64Array.from([0.3, 0.4]), 1)]).toEqual([0.3, 0.4]);
  });

  it('pins the sensitivity: C/γ + √d in L2, √d times that in L1', () => {
    expect(l2Sensitivity({ clip: 1, step: 1 / 256 }, 16)).toBe(260);
    expect(l1Sensitivity({ clip: 1, step: 1 / 256 }, 16)).toBe(1040);
  });

  it('one customer changes the rounded sum by at most the L2 sensitivity, whatever the rounding', () => {
    const q = { clip: 1, step: 1 / 64 };
    const random = seededRandomSource('fixed-point-sensitivity');
    for (let trial = 0; trial < 200; trial++) {
      const long = Float64Array.from({ length: 9 }, (_, i) => Math.sin(trial * 13 + i) * 5);
      const sum = new FixedPointSum(q, 9, random);
      sum.add(long);
      expect(norm(sum.total)).toBeLessThanOrEqual(l2Sensitivity(q, 9));
    }
  });

  it('rounds without bias', () => {
    const random = seededRandomSource('fixed-point-bias');
    let total = 0;
    for (let i = 0; i < 20_000; i++) total += randomisedRound(Float64Array.from([0.3]), random)[0]!;
    // Binomial(20000, 0.3): mean 6000, standard deviation ≈ 65.
    expect(Math.abs(total - 6000)).toBeLessThan(330);
  });

  it('wraps modulo 2^32 and lifts back to the signed integers', () => {
    const a = toRing([-5, 2 ** 31 - 1, 7]);
    expect([...a]).toEqual([2 ** 32 - 5, 2 ** 31 - 1, 7]);
    expect([...fromRing(addRing(a, toRing([10, 0, -9])))]).toEqual([5, 2 ** 31 - 1, -2]);
    expect([...fromRing(subRing(toRing([0n, 1n]), toRing([1n, 3n])))]).toEqual([-1, -2]);
  });

  it('refuses a contribution of the wrong length', () => {
    const sum = new FixedPointSum({ clip: 1, step: 0.01 }, 3, seededRandomSource('x'));
    expect(() => sum.add(new Float64Array(2))).toThrow(/2 values, expected 3/);
  });
});
