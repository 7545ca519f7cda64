// Properties of the release planner: every released vector is shared by k avatars across the epoch's releases.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generalisationKeys, planRelease, vectorKey, type ReleaseCandidate } from './k-anonymity.ts';

const groups = ['food', 'housing', 'mobility', 'travel', 'family', 'leisure'] as const;

/** The epoch's releases so far: distinct avatars per vector key, as the database keeps them. */
class EpochState {
  readonly members = new Map<string, Set<number>>();

  candidates(release: readonly { id: number; attributes: readonly string[] }[]): ReleaseCandidate<number>[] {
    return release.map(({ id, attributes }) => {
      const releasedWith = new Set([...this.members].filter(([, ids]) => ids.has(id)).map(([key]) => key));
      return { id, attributes, releasedWith };
    });
  }

  counts(): Map<string, number> {
    return new Map([...this.members].map(([key, ids]) => [key, ids.size]));
  }

  record(id: number, key: string): void {
    const ids = this.members.get(key) ?? new Set<number>();
    ids.add(id);
    this.members.set(key, ids);
  }
}

const releaseArbitrary = fc.uniqueArray(
  fc.record({
    id: fc.integer({ min: 1, max: 40 }),
    attributes: fc.subarray([...groups], { minLength: 0, maxLength: 4 }),
  }),
  { selector: (c) => c.id, minLength: 0, maxLength: 40 },
);

describe('planRelease', () => {
  it('keeps, generalises and suppresses as the counts require', () => {
    const candidates = [
      { id: 1, attributes: ['travel', 'food'] },
      { id: 2, attributes: ['food', 'travel'] },
      { id: 3, attributes: ['food', 'travel'] },
      { id: 4, attributes: ['food', 'shopping'] },
    ];
    const alone = planRelease(candidates, new Map(), 3);
    expect(alone.released.map((r) => [r.id, r.key, r.generalised])).toEqual([
      [1, 'food,travel', false],
      [2, 'food,travel', false],
      [3, 'food,travel', false],
    ]);
    expect(alone.suppressed).toEqual([4]);
    // Earlier releases of the epoch count: five avatars already share {food}.
    const later = planRelease(candidates, new Map([['food', 5]]), 3);
    expect(later.released.find((r) => r.id === 4)).toMatchObject({ key: 'food', generalised: true });
    expect(later.counts.get('food')).toBe(6);
  });

  it('does not count an avatar twice for a vector it was already released with', () => {
    const candidates = [{ id: 7, attributes: ['food'], releasedWith: new Set(['food']) }];
    expect(planRelease(candidates, new Map([['food', 1]]), 2).suppressed).toEqual([7]);
    expect(planRelease(candidates, new Map([['food', 2]]), 2).released).toHaveLength(1);
  });

  it('every released vector is shared by at least k avatars across all releases of the epoch', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(releaseArbitrary, { minLength: 1, maxLength: 4 }),
        (k, releases) => {
          const epoch = new EpochState();
          for (const release of releases) {
            const candidates = epoch.candidates(release);
            const prior = epoch.counts();
            const plan = planRelease(candidates, prior, k);
            const consulted = generalisationKeys(candidates);

            const released = new Set(plan.released.map((r) => r.id));
            const suppressed = new Set(plan.suppressed);
            expect(released.size + suppressed.size).toBe(candidates.length);
            for (const c of candidates) expect(released.has(c.id) !== suppressed.has(c.id)).toBe(true);

            for (const r of plan.released) {
              const candidate = candidates.find((c) => c.id === r.id)!;
              expect(r.attributes.every((a) => candidate.attributes.includes(a))).toBe(true);
              expect(r.key).toBe(vectorKey(r.attributes));
              expect(r.generalised).toBe(r.key !== vectorKey(candidate.attributes));
              expect(consulted.has(r.key)).toBe(true);
              epoch.record(r.id, r.key);
            }
            for (const r of plan.released) {
              expect(epoch.members.get(r.key)!.size).toBeGreaterThanOrEqual(k);
              expect(plan.counts.get(r.key)).toBe(epoch.members.get(r.key)!.size);
            }
            // A vector already common enough is released as it is.
            for (const c of candidates) {
              const key = vectorKey(c.attributes);
              const fresh = candidates.filter(
                (o) => vectorKey(o.attributes) === key && !o.releasedWith?.has(key),
              ).length;
              if ((prior.get(key) ?? 0) + fresh >= k) {
                expect(plan.released.find((r) => r.id === c.id)?.generalised).toBe(false);
              }
            }
          }
          for (const ids of epoch.members.values()) expect(ids.size).toBeGreaterThanOrEqual(k);
        },
      ),
      { seed: 20261105, numRuns: 200 },
    );
  });

  it('rejects a k that is not a positive integer', () => {
    for (const k of [0, -1, 1.5, Number.NaN]) {
      expect(() => planRelease([], new Map(), k)).toThrow(new RangeError('k must be a positive integer'));
    }
  });

  it('drops the least common category first, whatever its name', () => {
    const candidates = [
      { id: 1, attributes: ['apple', 'zebra'] },
      { id: 2, attributes: ['zebra'] },
      { id: 3, attributes: ['zebra'] },
    ];
    expect([...generalisationKeys(candidates)].sort()).toEqual(['', 'apple,zebra', 'zebra']);
    const plan = planRelease(candidates, new Map(), 3);
    expect(plan.released.map((r) => [r.id, r.key, r.generalised])).toEqual([
      [1, 'zebra', true],
      [2, 'zebra', false],
      [3, 'zebra', false],
    ]);
    expect(plan.suppressed).toEqual([]);
    expect(plan.counts).toEqual(new Map([['zebra', 3]]));
  });

  it('counts each category once per candidate when ranking', () => {
    // 'alpha' is repeated in one candidate but held by one avatar; 'zulu' by three.
    const candidates = [
      { id: 1, attributes: ['alpha', 'alpha', 'alpha', 'zulu'] },
      { id: 2, attributes: ['zulu'] },
      { id: 3, attributes: ['zulu'] },
    ];
    expect(planRelease(candidates, new Map(), 3).released.map((r) => r.key)).toEqual([
      'zulu',
      'zulu',
      'zulu',
    ]);
  });

  it('breaks ties in frequency by name, keeping the earlier name', () => {
    for (const order of [
      ['b', 'a'],
      ['a', 'b'],
    ]) {
      const candidates = [
        { id: 1, attributes: order },
        { id: 2, attributes: [...order].reverse() },
        { id: 3, attributes: ['a'] },
        { id: 4, attributes: ['b'] },
      ];
      const plan = planRelease(candidates, new Map(), 3);
      expect(plan.released.map((r) => [r.id, r.key])).toEqual([
        [1, 'a'],
        [2, 'a'],
        [3, 'a'],
      ]);
      expect(plan.suppressed).toEqual([4]);
    }
    const many = [{ id: 1, attributes: ['d', 'b', 'e', 'a', 'c'] }];
    expect([...generalisationKeys(many)]).toEqual(['a,b,c,d,e', 'a,b,c,d', 'a,b,c', 'a,b', 'a', '']);
  });
});
