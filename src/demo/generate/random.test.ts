// Per-customer streams: reproducible, independent of each other, roughly uniform.
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { customerRandom, hashSeed, Random } from './random.ts';

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

  it('steps exactly as pure-rand’s xoroshiro128+ (the inlined generator against the library)', () => {
    for (const state of [
      [1, 0, 0, 0],
      [-1, 0x12345678, -0x7fffffff, 42],
      [0x9e3779b9 | 0, 0x85ebca6b | 0, 0xc2b2ae35 | 0, 7],
    ] as const) {
      const ours = new Random(state);
      const theirs = xoroshiro128plusFromState([...state]);
      for (let i = 0; i < 10_000; i++) expect(ours.nextInt32()).toBe(theirs.next());
    }
  });
});
