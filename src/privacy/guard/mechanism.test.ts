import { describe, expect, it } from 'vitest';
import { seededRandomSource } from '../dp/random-source.ts';
import { Rational } from '../dp/rational.ts';
import { decide, exactDistances, tooClose } from './mechanism.ts';
import { discreteLaplaceNoise, type NoiseSampler } from './noise.ts';
import { drawByScale, RecordingNoise } from './noise.test-support.ts';
import { defaultGuardPolicy, parseGuardPolicy, periodOf, policyToJson, questionEpsilon } from './policy.ts';

const policy = defaultGuardPolicy;

const seededNoise = (seed: string) => discreteLaplaceNoise(seededRandomSource(seed));

function rate(trials: number, seed: string, event: (noise: NoiseSampler) => boolean) {
  const noise = seededNoise(seed);
  let hits = 0;
  for (let i = 0; i < trials; i++) if (event(noise)) hits++;
  return hits / trials;
}

describe('the guard’s decisions', () => {
  it('releases a large audience with noise of the count’s scale, never the exact size every time', () => {
    const noise = seededNoise('count');
    const counts = Array.from({ length: 2000 }, () => decide(10_000, [], policy, noise)).map((d) => {
      if (d.outcome !== 'answered') throw new Error('expected an answer');
      return d.noisyCount - 10_000;
    });
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    const variance = counts.reduce((a, b) => a + (b - mean) ** 2, 0) / counts.length;
    // Discrete Laplace of scale 4: variance 2e^{-1/4}/(1-e^{-1/4})^2 ≈ 31.5.
    expect(Math.abs(mean)).toBeLessThan(0.6);
    expect(variance).toBeGreaterThan(26);
    expect(variance).toBeLessThan(37);
    expect(counts.filter((c) => c === 0).length).toBeLessThan(counts.length / 4);
  });

  it('suppresses on noised values: an audience at k is refused about half the time, far below k always', () => {
    expect(rate(2000, 'empty', (r) => decide(0, [], policy, r).outcome === 'too_few')).toBeGreaterThan(0.99);
    const atK = rate(2000, 'at-k', (r) => decide(policy.k, [], policy, r).outcome === 'too_few');
    expect(atK).toBeGreaterThan(0.4);
    expect(atK).toBeLessThan(0.6);
    // Noise, not an exact oracle: k − 1 and k + 1 are answered at similar rates.
    const below = rate(2000, 'below', (r) => decide(policy.k - 1, [], policy, r).outcome === 'answered');
    const above = rate(2000, 'above', (r) => decide(policy.k + 1, [], policy, r).outcome === 'answered');
    expect(Math.abs(above - below)).toBeLessThan(0.1);
    expect(rate(500, 'large', (r) => decide(1000, [], policy, r).outcome === 'answered')).toBe(1);
  });

  it('refuses differencing by the rates docs/privacy-model.md states', () => {
    const refused = (d: number, seed: string) => rate(3000, seed, (r) => tooClose([d], policy, r));
    expect(refused(10, 'd10')).toBeGreaterThan(0.7);
    const at50 = refused(50, 'd50');
    expect(at50).toBeGreaterThan(0.4);
    expect(at50).toBeLessThan(0.6);
    expect(refused(300, 'd300')).toBeLessThan(0.01);
  });

  it('stops at the first earlier question that is too close, whatever its position', () => {
    const sharp = { ...policy, differencingEpsilon: Rational.of(4n) };
    expect(rate(500, 'late', (r) => tooClose([5000, 5000, 5000, 0], sharp, r))).toBe(1);
    expect(rate(500, 'none', (r) => tooClose([5000, 4000, 3000], sharp, r))).toBe(0);
    expect(decide(10_000, exactDistances([0]), sharp, seededNoise('x')).outcome).toBe('differencing');
  });
});

describe('the guard’s noise scales, pinned', () => {
  const custom = {
    ...policy,
    countEpsilon: Rational.of(1n, 3n),
    thresholdEpsilon: Rational.of(2n, 5n),
    differencingEpsilon: Rational.of(1n, 2n),
  };

  it('draws the count at 1/ε_c, then the threshold at 1/ε_k, and nothing more without earlier audiences', () => {
    const noise = new RecordingNoise();
    decide(1_000, [], policy, noise);
    expect(noise.recorded()).toEqual(['4', '8']);
    noise.clear();
    decide(1_000, [], custom, noise);
    expect(noise.recorded()).toEqual(['3', '5/2']);
  });

  it('runs the sparse vector first: its threshold at 2/ε_d once, each earlier audience at 4/ε_d', () => {
    const noise = new RecordingNoise();
    expect(decide(1_000, exactDistances([500, 400, 300]), policy, noise).outcome).toBe('answered');
    expect(noise.recorded()).toEqual(['8', '16', '16', '16', '4', '8']);
    noise.clear();
    expect(tooClose([500, 400], custom, noise)).toBe(false);
    expect(noise.recorded()).toEqual(['4', '8', '8']);
  });

  it('stops drawing at the first earlier audience that is too close', () => {
    const noise = new RecordingNoise();
    expect(decide(1_000, exactDistances([500, 10, 400]), policy, noise).outcome).toBe('differencing');
    expect(noise.recorded()).toEqual(['8', '16', '16']);
  });

  it('adds the count’s noise to the size and the threshold’s to k, and compares the two', () => {
    // k̃ = 50 − 3 = 47: a size of 40 noised by +7 reaches it, 39 does not.
    const noise = new RecordingNoise(drawByScale({ '4': 7n, '8': -3n }));
    expect(decide(40, [], policy, noise)).toEqual({ outcome: 'answered', noisyCount: 47 });
    expect(decide(39, [], policy, noise)).toEqual({ outcome: 'too_few' });
    expect(decide(10_000, [], policy, noise)).toEqual({ outcome: 'answered', noisyCount: 10_007 });
    // A noised count under zero that clears a noised k under zero is shown as 0, never negative.
    const low = new RecordingNoise(drawByScale({ '4': -20n, '8': -100n }));
    expect(decide(0, [], policy, low)).toEqual({ outcome: 'answered', noisyCount: 0 });
  });

  it('compares each noised distance with the noised threshold: T̃ = k + draw(2/ε_d), d + draw(4/ε_d) < T̃', () => {
    // T̃ = 50 − 10 = 40; each distance is noised by +5.
    const noise = new RecordingNoise(drawByScale({ '8': -10n, '16': 5n }));
    expect(tooClose([34], policy, noise)).toBe(true);
    expect(tooClose([35], policy, noise)).toBe(false);
    expect(tooClose([300, 35, 34], policy, noise)).toBe(true);
  });
});

describe('the guard’s policy', () => {
  it('costs exactly 5/8 per question by default and fits eight questions in an asker’s budget', () => {
    const epsilon = questionEpsilon(defaultGuardPolicy);
    expect(epsilon.toString()).toBe(Rational.of(5n, 8n).toString());
    let spent = Rational.zero;
    for (let i = 0; i < 8; i++) spent = spent.add(epsilon);
    expect(spent.equals(defaultGuardPolicy.askerBudget)).toBe(true);
  });

  it('round-trips through JSON and refuses k below the floor, a vault budget under an asker’s, bad ε', () => {
    const json = policyToJson(defaultGuardPolicy);
    const back = parseGuardPolicy(json);
    expect(back.ok && policyToJson(back.value)).toEqual(json);
    const low = parseGuardPolicy({ ...json, k: 5 });
    expect(!low.ok && low.error).toContain('k: k may not be below the floor of 20');
    const budget = parseGuardPolicy({ ...json, vaultBudget: '1' });
    expect(!budget.ok && budget.error).toContain('vaultBudget');
    expect(parseGuardPolicy({ ...json, countEpsilon: '-1' }).ok).toBe(false);
    expect(parseGuardPolicy({ ...json, countEpsilon: '0' }).ok).toBe(false);
    expect(parseGuardPolicy({ ...json, surprise: 1 }).ok).toBe(false);
  });

  it('computes periods in UTC: months, Monday weeks, days', () => {
    const at = new Date('2026-11-23T15:00:00Z');
    expect(periodOf('month', at)).toEqual({
      start: new Date('2026-11-01T00:00:00Z'),
      end: new Date('2026-12-01T00:00:00Z'),
    });
    expect(periodOf('week', at).start).toEqual(new Date('2026-11-23T00:00:00Z'));
    expect(periodOf('week', new Date('2026-11-22T23:00:00Z')).start).toEqual(
      new Date('2026-11-16T00:00:00Z'),
    );
    expect(periodOf('day', at).end).toEqual(new Date('2026-11-24T00:00:00Z'));
    expect(periodOf('month', new Date('2026-12-31T23:59:59Z')).end).toEqual(new Date('2027-01-01T00:00:00Z'));
  });
});
