// Audience bitsets against a plain Set model: membership, size, distance, the stored bytes; and the
// sparse-vector check's size shortcut, which must draw and decide exactly as the check on exact distances.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AudienceBitset, popcount } from './audience-bitset.ts';
import { anyTooClose, exactDistances, tooClose, type Comparison } from './mechanism.ts';
import { RecordingNoise } from './noise.test-support.ts';
import { defaultGuardPolicy } from './policy.ts';
import { seededRandomSource } from '../dp/random-source.ts';
import { discreteLaplaceNoise } from './noise.ts';

const idLists = fc.array(fc.integer({ min: 0, max: 3_000 }), { maxLength: 200 });

function setDistance(a: readonly number[], b: readonly number[]): number {
  const x = new Set(a);
  const y = new Set(b);
  let d = 0;
  for (const id of x) if (!y.has(id)) d++;
  for (const id of y) if (!x.has(id)) d++;
  return d;
}

describe('audience bitsets', () => {
  it('hold exactly the ids given, once each, and list them ascending', () => {
    fc.assert(
      fc.property(idLists, (ids) => {
        const set = AudienceBitset.fromIds(ids);
        const distinct = [...new Set(ids)].sort((a, b) => a - b);
        expect(set.size).toBe(distinct.length);
        expect([...set.ids()]).toEqual(distinct);
        for (const id of ids) expect(set.has(id)).toBe(true);
        for (let id = 0; id < 3_100; id += 37) expect(set.has(id)).toBe(distinct.includes(id));
      }),
      { numRuns: 200, seed: 14 },
    );
  });

  it('measure the symmetric difference, whichever is longer', () => {
    fc.assert(
      fc.property(idLists, idLists, (a, b) => {
        const x = AudienceBitset.fromIds(a);
        const y = AudienceBitset.fromIds(b);
        expect(x.distance(y)).toBe(setDistance(a, b));
        expect(y.distance(x)).toBe(setDistance(a, b));
      }),
      { numRuns: 200, seed: 15 },
    );
    expect(AudienceBitset.fromIds([1, 2, 3]).distance(AudienceBitset.fromIds([2, 3, 4]))).toBe(2);
    expect(AudienceBitset.fromIds([]).distance(AudienceBitset.fromIds([5, 6, 100]))).toBe(3);
    expect(AudienceBitset.fromIds([31, 32, 63, 64]).distance(AudienceBitset.fromIds([31]))).toBe(3);
  });

  it('round-trip through their stored bytes, little-endian words of 25 kB at 200,000 customers', () => {
    fc.assert(
      fc.property(idLists, (ids) => {
        const set = AudienceBitset.fromIds(ids);
        const back = AudienceBitset.fromBytes(set.bytes());
        expect(back.size).toBe(set.size);
        expect([...back.ids()]).toEqual([...set.ids()]);
      }),
      { numRuns: 100, seed: 16 },
    );
    expect([...AudienceBitset.fromIds([0, 9, 33]).bytes()]).toEqual([0x01, 0x02, 0, 0, 0x02, 0, 0, 0]);
    expect([...AudienceBitset.fromIds([31]).bytes()]).toEqual([0, 0, 0, 0x80]);
    expect(AudienceBitset.fromIds([199_999]).bytes().byteLength).toBe(25_000);
    const offset = new Uint8Array([9, 9, 9, 9, 0x04, 0, 0, 0]).subarray(4);
    expect([...AudienceBitset.fromBytes(offset).ids()]).toEqual([2]);
    expect(() => AudienceBitset.fromBytes(new Uint8Array(3))).toThrow(/whole number of 32-bit words/);
  });

  it('refuse ids that are not customer ids', () => {
    for (const bad of [-1, 1.5, Number.NaN, 2 ** 31]) {
      expect(() => AudienceBitset.fromIds([3, bad])).toThrow(/an integer from 0 to 2\^31 − 1/);
    }
    expect(AudienceBitset.fromIds([]).words).toHaveLength(0);
    expect(AudienceBitset.fromIds([31]).words).toHaveLength(1);
    expect(AudienceBitset.fromIds([32]).words).toHaveLength(2);
    expect(AudienceBitset.fromIds([0]).has(0)).toBe(true);
    expect(AudienceBitset.fromIds([0]).has(1)).toBe(false);
    expect(AudienceBitset.fromIds([]).size).toBe(0);
  });

  it('count bits of any 32-bit word, signed or not', () => {
    expect(popcount(0)).toBe(0);
    expect(popcount(1)).toBe(1);
    expect(popcount(0xffff_ffff)).toBe(32);
    expect(popcount(-1)).toBe(32);
    expect(popcount(-(2 ** 31))).toBe(1);
    expect(popcount(0x8000_0001)).toBe(2);
    expect(popcount(0x0f0f_0f0f)).toBe(16);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (word) => {
        expect(popcount(word)).toBe(word.toString(2).replaceAll('0', '').length);
      }),
      { numRuns: 300, seed: 17 },
    );
  });
});

describe('the sparse-vector check’s size shortcut', () => {
  it('draws and decides exactly as the check on exact distances, computing only what it must', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 })), {
          maxLength: 12,
        }),
        fc.string(),
        (pairs, seed) => {
          // Each pair: a lower bound, and a distance at least as large.
          const distances = pairs.map(([bound, extra]) => bound + extra);
          let computed = 0;
          const comparisons: Comparison[] = pairs.map(([bound], i) => ({
            lowerBound: bound,
            exact: () => {
              computed++;
              return distances[i]!;
            },
          }));
          const exact = new RecordingNoise(wrap(seed));
          const shortcut = new RecordingNoise(wrap(seed));
          expect(anyTooClose(comparisons, defaultGuardPolicy, shortcut)).toBe(
            tooClose(distances, defaultGuardPolicy, exact),
          );
          expect(shortcut.recorded()).toEqual(exact.recorded());
          expect(computed).toBeLessThanOrEqual(pairs.length);
        },
      ),
      { numRuns: 150, seed: 18 },
    );
  });

  it('skips the exact distance when the bound plus its noise clears the threshold', () => {
    // Threshold 50 + 0; every distance noised by 0: a bound of 50 clears it, 49 needs the distance.
    let computed = 0;
    const comparison = (lowerBound: number, distance: number): Comparison => ({
      lowerBound,
      exact: () => {
        computed++;
        return distance;
      },
    });
    expect(anyTooClose([comparison(50, 10)], defaultGuardPolicy, new RecordingNoise())).toBe(false);
    expect(computed).toBe(0);
    expect(anyTooClose([comparison(49, 49)], defaultGuardPolicy, new RecordingNoise())).toBe(true);
    expect(anyTooClose([comparison(49, 50)], defaultGuardPolicy, new RecordingNoise())).toBe(false);
    expect(computed).toBe(2);
    expect(anyTooClose(exactDistances([]), defaultGuardPolicy, new RecordingNoise())).toBe(false);
  });
});

function wrap(seed: string) {
  const noise = discreteLaplaceNoise(seededRandomSource(`shortcut-${seed}`));
  return (scale: Parameters<typeof noise.discreteLaplace>[0]) => noise.discreteLaplace(scale);
}
