// The registry scores a model on the trainer's own feature list: a trained version's stored scores equal the
// scores recomputed feature by feature (by name), and a version of another list or width is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { featureListVersion, featurePlans, featuresFor, inputScale } from '../../src/models/features.ts';
import { transformValue } from '../../src/models/feature-list.ts';
import { insertModelVersion, type ModelVersion } from '../../src/models/model-store.ts';
import { trainPropensityModel } from '../../src/models/train/train-model.ts';
import type { NoiseSampler } from '../../src/privacy/guard/noise.ts';
import { seededRandomSource } from '../../src/privacy/dp/random-source.ts';
import { testBackends } from '../support/backends.ts';
import type { TestVault } from '../support/test-vault.ts';
import { end, modelBankVault, storedScores } from './support.ts';

const zeroNoise: NoiseSampler = { discreteLaplace: () => 0n };
const product = 'mortgage';

/**
 * Each customer's score recomputed apart from the registry: every feature's value read on its own, by name,
 * paired with the weight the trainer stored at that feature's place; `order` permutes the weights.
 */
async function recomputed(vault: TestVault, model: ModelVersion, order: (j: number) => number) {
  const engine = await vault.questionEngine.columnar();
  const features = featuresFor(product, model.featureListVersion);
  const weightOf = new Map(features.map((f, j) => [f.name, model.weights[order(j)]!]));
  const z = new Float64Array(engine.customerIds.length).fill(model.bias);
  for (const feature of features) {
    const [plan] = featurePlans([feature], product, { currency: 'GBP', asOf: end });
    const raw = engine.valuesNow(plan!, end);
    const weight = weightOf.get(feature.name)!;
    raw.forEach((x, r) => (z[r]! += (weight * transformValue(feature, x)) / inputScale(features.length)));
  }
  return new Map([...engine.customerIds].map((id, r) => [id, 1 / (1 + Math.exp(-z[r]!))]));
}

describe.each(testBackends)('the registry scores on the trainer’s feature list, on $name', (backend) => {
  let vault: TestVault;

  beforeAll(async () => {
    vault = await modelBankVault(backend);
  }, 180_000);
  afterAll(async () => vault.dispose());

  /** Approves `model` (which scores it) and checks each stored score against the list's recomputation. */
  async function approveAndCompare(model: ModelVersion): Promise<Map<number, number>> {
    await vault.models.approve(model.id, 'risk.bob', 'card reviewed');
    const stored = await storedScores(vault, model.id);
    expect(stored.size).toBeGreaterThan(5);
    const expected = await recomputed(vault, model, (j) => j);
    for (const [id, score] of stored) expect(score, `customer ${id}`).toBeCloseTo(expected.get(id)!, 12);
    return stored;
  }

  it('stores the scores of a trained version that the real list gives, in the trainer’s feature order', async () => {
    const trained = await trainPropensityModel(
      vault,
      { product, asOf: '2026-07-31', epsilon: 1, asker: 'trainer.ann', purpose: 'credit_offers' },
      { noise: zeroNoise, now: () => new Date(`${end}T12:00:00Z`) },
    );
    if (!trained.ok) throw new Error(trained.error.message);
    const { model } = trained.value;
    expect(model.weights).toHaveLength(featuresFor(product).length);
    const stored = await approveAndCompare(model);
    // Not vacuous: the same weights read in another order give other scores.
    const last = model.weights.length - 1;
    const reversed = await recomputed(vault, model, (j) => last - j);
    expect([...stored].some(([id, score]) => Math.abs(score - reversed.get(id)!) > 1e-9)).toBe(true);
  });

  it('scores a noisy-Newton version of the compact list 2 on that list’s three features', async () => {
    const trained = await trainPropensityModel(
      vault,
      {
        product,
        asOf: '2026-07-31',
        epsilon: 1,
        asker: 'trainer.ann',
        purpose: 'credit_offers',
        mechanism: 'noisy-newton',
        featureList: 2,
      },
      {
        gaussianNoise: { discreteGaussian: () => 0n },
        random: seededRandomSource('registry-v2'),
        now: () => new Date(`${end}T12:00:00Z`),
      },
    );
    if (!trained.ok) throw new Error(trained.error.message);
    const { model } = trained.value;
    expect(model).toMatchObject({ featureListVersion: 2, mechanism: 'noisy-newton' });
    expect(model.weights).toHaveLength(3);
    await approveAndCompare(model);
  });

  it('refuses to approve or score a version of another feature list or width, writing nothing', async () => {
    const base = {
      product,
      bias: -1,
      mechanism: 'output-perturbation',
      epsilon: 1,
      delta: 0,
      trainedFrom: '2025-10-01',
      trainedTo: '2026-04-30',
      trainedBy: 'trainer.ann',
    };
    const width = featuresFor(product).length;
    const narrow = await insertModelVersion(vault.storage, {
      ...base,
      featureListVersion,
      weights: [1.5, 2, -1, 0.5, 1, 0.8, 1.2],
    });
    const unknown = await insertModelVersion(vault.storage, {
      ...base,
      featureListVersion: featureListVersion + 98,
      weights: Array.from({ length: width }, () => 1),
    });
    for (const model of [narrow, unknown]) {
      await expect(vault.models.approve(model.id, 'risk.bob', 'reviewed')).rejects.toMatchObject({
        code: 'MODEL_FEATURES_MISMATCH',
      });
      expect((await vault.models.get(model.id)).state).toBe('trained');
    }
    // A version approved by other means (an older vault's list) is still refused when it scores.
    await vault.storage.query(`UPDATE model_versions SET state = 'approved' WHERE id = $1::uuid`, [
      narrow.id,
    ]);
    await expect(vault.models.score(narrow.id, 'risk.bob')).rejects.toMatchObject({
      code: 'MODEL_FEATURES_MISMATCH',
    });
    expect((await storedScores(vault, narrow.id)).size).toBe(0);
  });
});
