// Per-customer streams: reproducible, independent of each other, roughly uniform.
import { describe, expect, it } from 'vitest';
import { customerRandom, hashSeed } from './random.ts';

describe('random', () => {
  it('reproduces a stream from (seed, index)', () => {
    const a = customerRandom(hashSeed(1), 5);
    const b = customerRandom(hashSeed('1'), 5);
    for (let i = 0; i < 100; i++) expect(a.next()).toBe(b.next());
  });

  it('gives different customers and seeds different streams', () => {
    const first = (seed: number, index: number): number[] => {
      const r = customerRandom(hashSeed(seed), index);
      return [r.next(), r.next(), r.next()];
    };
    expect(first(1, 0)).not.toEqual(first(1, 1));
    expect(first(1, 0)).not.toEqual(first(2, 0));
  });

  it('draws in range and about uniformly', () => {
    const r = customerRandom(hashSeed(9), 0);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      buckets[Math.floor(r.next() * 10)]!++;
    }
    expect(buckets.reduce((a, b) => a + b, 0)).toBe(100_000);
    for (const b of buckets) expect(Math.abs(b - 10_000)).toBeLessThan(500);
    const ints = new Set(Array.from({ length: 1000 }, () => r.int(3, 7)));
    expect([...ints].sort()).toEqual([3, 4, 5, 6, 7]);
  });
});
