// A model card's figures are released through the guard: noised, charged to the person who asks, logged.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecordingNoise } from '../../src/privacy/guard/noise.test-support.ts';
import { bandedAuc, bandedLift } from '../../src/models/registry/model-card.ts';
import { testBackends } from '../support/backends.ts';
import type { TestVault } from '../support/test-vault.ts';
import { frozenModel, logEntries, modelBankVault } from './support.ts';

/** Each count is the exact count plus this (the count's noise draws at scale 4 = 1/ε with ε = 1/4). */
const countNoise = 60n;

describe.each(testBackends)('model cards on $name', (backend) => {
  let vault: TestVault;
  let noise: RecordingNoise;

  beforeEach(async () => {
    noise = new RecordingNoise((scale) => (scale.toString() === '4' ? countNoise : 0n));
    vault = await modelBankVault(backend, 40, { noise });
  }, 180_000);
  afterEach(async () => vault.dispose());

  it('releases noised, charged figures only, and the features’ fair-lending check, ε and δ', async () => {
    const model = await frozenModel(vault);
    const { card } = await vault.models.releaseCard(model.id, 'risk.bob');
    const calibration = card['calibration'] as { customers: number; tookUp: number }[];
    // The customers counted are those who granted profiling: each band's count is exact + the count's noise.
    const profiled = await vault.models.profiledCustomers();
    const exact = calibration.map((band) => band.customers - Number(countNoise));
    expect(exact.reduce((a, b) => a + b, 0)).toBe(profiled.length);
    for (const band of calibration) expect(band.tookUp).toBeGreaterThanOrEqual(Number(countNoise));
    // Twelve counts at 1/4 + 1/8 each and one differencing check at 1/4: charged to the asker.
    expect(card['epsilonCharged']).toBe('19/4');
    expect((await vault.guard.budget('risk.bob')).askerRemaining.toString()).toBe('1/4');
    expect(card['training']).toMatchObject({ epsilon: 1, delta: 0, mechanism: 'output-perturbation' });
    expect(card['fairLending']).toMatchObject({ passed: true, findings: [] });
    expect((card['byAgeBand'] as unknown[]).length).toBe(3);
    const logged = (await logEntries(vault)).filter((e) => e.type === 'model.card');
    expect(logged).toHaveLength(1);
    expect(Object.keys(logged[0]!.details).sort()).toEqual(['by', 'epsilon', 'model', 'product', 'version']);
    // Asking again shows the stored card, charging nothing.
    await vault.models.releaseCard(model.id, 'risk.bob');
    expect((await vault.guard.budget('risk.bob')).askerRemaining.toString()).toBe('1/4');
  });

  it('derives AUC and lift from banded counts alone', () => {
    expect(bandedAuc([0, 0, 10], [10, 10, 0])).toBe(1);
    expect(bandedAuc([5, 5, 5], [5, 5, 5])).toBeCloseTo(0.5);
    expect(bandedLift([90, 0, 10], [0, 0, 10])).toBeCloseTo(10);
    expect(bandedLift([50, 30, 20], [5, 3, 2])).toBeCloseTo(1);
    expect(bandedAuc([0, 0, 0], [1, 1, 1])).toBeNull();
  });
});
