// Private training on a small generated bank: features, consent, the charge before the data, frozen versions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentNotice } from '../../src/core/consent.ts';
import { questionPurpose } from '../../src/core/question-purposes.ts';
import { checkExpression } from '../../src/language/checker.ts';
import { parseExpression } from '../../src/language/parser.ts';
import { featureMatrix, featurePlans, featuresFor, interceptInput } from '../../src/models/features.ts';
import { isCreditProduct, type FeatureDefinition } from '../../src/models/feature-list.ts';
import {
  trainingSet,
  trainPropensityModel,
  windowDays,
  type TrainingVault,
} from '../../src/models/train/train-model.ts';
import {
  gradientSensitivity,
  mechanismSentence,
  newtonCurve,
  newtonVariance,
  newtonVariances,
} from '../../src/models/train/noisy-newton.ts';
import { statisticsDimension } from '../../src/federated/newton-update.ts';
import { discreteGaussianNoise, distributedGaussianCurve } from '../../src/federated/distributed-noise.ts';
import { RecordingGaussianNoise } from '../../src/federated/distributed-noise.test-support.ts';
import { compose, toApproximateDp } from '../../src/privacy/accounting/rdp.ts';
import { seededRandomSource } from '../../src/privacy/dp/random-source.ts';
import { pureDpCurve, rdpOrders } from '../../src/privacy/accounting/rdp.ts';
import { defaultApproximateBudget } from '../../src/privacy/guard/approximate-budget.ts';
import type { NoiseSampler } from '../../src/privacy/guard/noise.ts';
import { restrict } from '../../src/vault/compliance/restrictions.ts';
import { consentChannels } from '../../src/core/consent.ts';
import { productCatalog } from '../../src/core/products.ts';
import { testBackends } from '../support/backends.ts';
import { createDemoBankVault, type TestVault } from '../support/test-vault.ts';

const bank = { customers: 80, seed: 20, end: '2026-06-30' } as const;
const asOf = '2026-03-31';
const context = { currency: 'GBP', asOf };
const zeroNoise: NoiseSampler = { discreteLaplace: () => 0n };

/** The noisy-Newton weights of the first backend: the second must train the very same from the same seeds. */
let seededNewtonWeights: readonly number[] | undefined;

async function profiled(vault: TestVault): Promise<Set<number>> {
  const sets = await Promise.all(consentChannels.map((c) => vault.consent.allowed('profiling', c)));
  const ids = (await vault.questionEngine.columnar()).customerIds;
  return new Set([...ids].filter((id) => sets.some((s) => s.has(id))));
}

describe.each(testBackends)('private propensity training on $name', (backend) => {
  let vault: TestVault;
  beforeAll(async () => {
    vault = await createDemoBankVault(backend, bank);
  }, 120_000);
  afterAll(() => vault.dispose());

  it('scales every customer’s vector to L2 norm ≤ 1 and reads the values the question engine reads', async () => {
    const engine = await vault.questionEngine.columnar();
    const m = featureMatrix(engine, 'savings', context);
    const intercept = interceptInput(m.columns);
    for (let r = 0; r < m.ids.length; r++) {
      let norm = intercept * intercept;
      for (let j = 0; j < m.columns; j++) norm += m.matrix[r * m.columns + j]! ** 2;
      expect(norm).toBeLessThanOrEqual(1 + 1e-12);
    }
    const column = m.features.findIndex((f) => f.name === 'spent_groceries_90d');
    const parsed = parseExpression('spent(category: "groceries", within: 90d) > 0');
    if (!parsed.ok) throw new Error('parse');
    const checked = checkExpression(parsed.ast, {
      purpose: questionPurpose('bank_offers')!,
      currency: 'GBP',
      retentionDays: 3650,
      maxAttributes: 3,
      asOf,
    });
    if (!checked.ok) throw new Error('check');
    const audience = new Set(engine.evaluateNow(checked.value.plan, asOf));
    expect(audience.size).toBeGreaterThan(0);
    m.ids.forEach((id, r) => expect(m.matrix[r * m.columns + column]! > 0).toBe(audience.has(id)));
  });

  it('trains on customers who granted profiling only, never on one who withdrew it or objected', async () => {
    const engine = await vault.questionEngine.columnar();
    const m = featureMatrix(engine, 'savings', context);
    const before = await trainingSet(vault, m, 'savings', asOf);
    const allowed = await profiled(vault);
    const trained = [...before.rows].map((r) => m.ids[r]!);
    expect(trained.length).toBeGreaterThan(10);
    expect(trained.length).toBeLessThan(m.ids.length);
    for (const id of trained) expect(allowed.has(id)).toBe(true);
    const [withdrawn, objecting] = trained;
    const recorded = await vault.consent.record([
      {
        customerId: withdrawn!,
        purpose: 'profiling',
        channel: 'all',
        granted: false,
        source: 'console',
        noticeVersion: currentNotice('profiling').id,
        decidedAt: new Date(),
      },
    ]);
    expect(recorded.ok).toBe(true);
    await restrict(vault.storage, objecting!, 'objection', undefined, new Date());
    const after = await trainingSet(vault, m, 'savings', asOf);
    const ids = new Set([...after.rows].map((r) => m.ids[r]!));
    expect(ids.has(withdrawn!)).toBe(false);
    expect(ids.has(objecting!)).toBe(false);
    expect(ids.size).toBe(trained.length - 2);
  });

  it('charges the pure-ε curve before training, then freezes numbered versions and logs them', async () => {
    const request = { product: 'savings', asOf, epsilon: 1, asker: 'ada', purpose: 'bank_offers' };
    const stages: string[] = [];
    const first = await trainPropensityModel(vault, request, {
      noise: zeroNoise,
      onProgress: (s) => stages.push(s),
    });
    if (!first.ok) throw new Error(first.error.message);
    const { model, budget } = first.value;
    expect(stages).toEqual(['charged', 'features', 'labels', 'fitted', 'stored']);
    // The RDP closed form of a pure ε-DP mechanism, min(ε, αε²/2), converted at the budget's δ (Balle et al.).
    const delta = defaultApproximateBudget.delta;
    const closedForm = Math.min(
      ...rdpOrders.map(
        (a) => Math.min(1, a / 2) + (Math.log(1 / delta) - Math.log(a)) / (a - 1) + Math.log((a - 1) / a),
      ),
    );
    expect(budget.charged).toBeCloseTo(closedForm, 12);
    expect(pureDpCurve(1)[3]).toBe(1);
    expect(model).toMatchObject({
      product: 'savings',
      version: 1,
      featureListVersion: 1,
      state: 'trained',
      mechanism: 'output-perturbation',
      epsilon: 1,
      delta: 0,
      trainedTo: asOf,
      trainedFrom: '2025-03-31',
      trainedBy: 'ada',
    });
    expect(model.weights).toHaveLength(featuresFor('savings').length);
    expect(model.weights.some((w) => w !== 0)).toBe(true);
    const second = await trainPropensityModel(vault, { ...request, epsilon: 0.5 });
    expect(second.ok && second.value.model.version).toBe(2);
    const entries = await vault.audit.entries(0, 10_000);
    const logged = entries.map((e) => e.entry as { type: string; details: Record<string, unknown> });
    expect(logged.filter((e) => e.type === 'model.trained').map((e) => e.details['version'])).toEqual([1, 2]);
    expect(logged.filter((e) => e.type === 'privacy.spent')).toHaveLength(2);
  });

  it('trains nothing and reads no data when the (ε, δ) budget refuses the charge', async () => {
    const untouchable: TrainingVault = {
      ...vault,
      questionEngine: {
        columnar: () => Promise.reject(new Error('the data was read before the charge')),
      },
    };
    const before = await vault.storage.query<{ n: number }>('SELECT count(*)::int AS n FROM model_versions');
    const refused = await trainPropensityModel(untouchable, {
      product: 'mortgage',
      asOf,
      epsilon: 50,
      asker: 'ada',
      purpose: 'credit_offers',
    });
    expect(!refused.ok && refused.error.code).toBe('PRIVACY_BUDGET_EXHAUSTED');
    const after = await vault.storage.query<{ n: number }>('SELECT count(*)::int AS n FROM model_versions');
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it('trains by noisy Newton in two steps over three label windows at the pinned variances, the same from the same seeds', async () => {
    const request = {
      product: 'savings',
      asOf,
      epsilon: 1,
      asker: 'ada',
      purpose: 'bank_offers',
      mechanism: 'noisy-newton',
      steps: 2,
    } as const;
    const seeded = discreteGaussianNoise(seededRandomSource('e2e-noise'));
    const noise = new RecordingGaussianNoise((v) => seeded.discreteGaussian(v));
    const trained = await trainPropensityModel(vault, request, {
      gaussianNoise: noise,
      random: seededRandomSource('e2e-rounding'),
    });
    if (!trained.ok) throw new Error(trained.error.message);
    const { model, budget } = trained.value;
    const inputs = featuresFor('savings').length + 1;
    const variances = newtonVariances(1, defaultApproximateBudget.delta, inputs, 2);
    // Half the budget's ρ each: twice the one-step variance for the statistics, then the gradients' own.
    expect(variances).toHaveLength(2);
    expect(variances[0]).toBe(2n * newtonVariance(1, defaultApproximateBudget.delta, inputs));
    // Every coordinate of the statistics drew once, then every coordinate of the second step's gradient.
    const first = statisticsDimension(inputs);
    expect(noise.variances).toHaveLength(first + inputs);
    expect(new Set(noise.variances.slice(0, first))).toEqual(new Set([variances[0]!.toString()]));
    expect(new Set(noise.variances.slice(first))).toEqual(new Set([variances[1]!.toString()]));
    // The ledger holds both steps: the first step's curve plus the gradient release's.
    const both = compose(
      newtonCurve(variances[0]!, inputs),
      distributedGaussianCurve(Number(variances[1]), 1, gradientSensitivity(inputs)),
    );
    const charged = toApproximateDp(both, defaultApproximateBudget.delta).epsilon;
    expect(budget.charged).toBeCloseTo(charged, 12);
    expect(budget.charged).toBeLessThanOrEqual(1);
    expect(budget.charged).toBeGreaterThan(0.999);
    // Three windows a quarter apart ending on asOf; features read up to a year before the first.
    expect(windowDays(asOf, 3)).toEqual(['2025-10-02', '2025-12-31', asOf]);
    expect(model).toMatchObject({
      mechanism: 'noisy-newton-2-steps',
      epsilon: 1,
      delta: defaultApproximateBudget.delta,
      trainedFrom: '2024-10-02',
      trainedTo: asOf,
    });
    expect(model.weights.every(Number.isFinite)).toBe(true);
    // The card states the mechanism in words, the windows read back from the training period.
    expect(mechanismSentence(model)).toBe(
      'noisy-statistics Newton: a Newton step from each consenting customer’s clipped gradient and ' +
        'curvature statistics over 3 quarterly label windows, then a second step from noised gradients alone ' +
        '(the budget split between the steps), with exact discrete Gaussian noise; (ε, δ) = (1, 0.000001)',
    );
    if (seededNewtonWeights === undefined) seededNewtonWeights = model.weights;
    else expect(model.weights).toEqual(seededNewtonWeights);
  });

  it('refuses labels that have not happened yet, and unknown products', async () => {
    const request = {
      product: 'savings',
      asOf: '2026-11-01',
      epsilon: 1,
      asker: 'ada',
      purpose: 'bank_offers',
    };
    await expect(trainPropensityModel(vault, request)).rejects.toMatchObject({ code: 'USAGE' });
    await expect(trainPropensityModel(vault, { ...request, product: 'yacht', asOf })).rejects.toMatchObject({
      code: 'USAGE',
    });
  });
});

describe('the feature list and fair lending', () => {
  it('has a compact version 2 and a mid-sized version 3 for mortgage, credit card and savings, of version 1’s definitions', () => {
    expect(featuresFor('mortgage', 2).map((f) => f.name)).toEqual([
      'spent_home_inspection_180d',
      'days_since_home_inspection',
      'spent_rent_90d',
    ]);
    for (const code of ['mortgage', 'credit_card', 'savings']) {
      const compact = featuresFor(code, 2);
      expect(compact).toHaveLength(3);
      for (const feature of compact) expect(featuresFor(code, 1)).toContain(feature);
      expect(() => featurePlans(compact, code, context)).not.toThrow();
      // Version 3 is the compact list and more of version 1's definitions: between 3 and all.
      const mid = featuresFor(code, 3);
      expect(mid.slice(0, 3)).toEqual(compact);
      expect(mid.length).toBeGreaterThan(3);
      expect(mid.length).toBeLessThan(featuresFor(code, 1).length);
      for (const feature of mid) expect(featuresFor(code, 1)).toContain(feature);
      expect(() => featurePlans(mid, code, context)).not.toThrow();
    }
    expect(() => featuresFor('overdraft', 2)).toThrow(expect.objectContaining({ code: 'USAGE' }) as Error);
    expect(() => featuresFor('mortgage', 4)).toThrow(expect.objectContaining({ code: 'USAGE' }) as Error);
  });

  it('gives credit products no proxy feature, and the checker refuses one under credit offers', () => {
    for (const { code } of productCatalog) {
      const features = featuresFor(code);
      expect(() => featurePlans(features, code, context)).not.toThrow();
      if (isCreditProduct(code)) expect(features.some((f) => f.proxy === true)).toBe(false);
    }
    const proxy = featuresFor('savings').find((f) => f.name === 'spent_baby_365d') as FeatureDefinition;
    expect(proxy).toBeDefined();
    expect(() => featurePlans([proxy], 'mortgage', context)).toThrow(/baby|proxy|fair/i);
  });
});
