// Test support for frozen models in edge mode: an approved model version over the feature list, its scores stored
// as the vault's scorer stores them, computed by the same featureMatrix over the vault's whole columnar store.
import { featureMatrix, featuresFor, scoreVector, type FeatureMatrix } from '../../src/models/features.ts';
import {
  insertModelVersion,
  markApproved,
  replaceScores,
  type ModelVersion,
} from '../../src/models/model-store.ts';
import type { SqlExecutor, Storage } from '../../src/storage/ports.ts';
import type { ColumnarEngine } from '../../src/vault/questions/columnar/columnar-engine.ts';

/** Deterministic weights for a product's feature list: mixed signs, so scores spread. */
export function weightsFor(product: string): number[] {
  return featuresFor(product).map((_, j) => Math.sin(j * 1.7 + 0.3) * 6);
}

/** A trained version approved by a second person (the registry's own data functions). */
export async function approvedModel(
  db: Storage,
  product: string,
  weights: readonly number[],
  bias: number,
): Promise<ModelVersion> {
  const trained = await insertModelVersion(db, {
    product,
    featureListVersion: 1,
    weights,
    bias,
    mechanism: 'output-perturbation',
    epsilon: 1,
    delta: 1e-6,
    trainedFrom: '2025-11-01',
    trainedTo: '2026-10-31',
    trainedBy: 'ana',
  });
  return (await markApproved(db, trained.id, 'ola', 'edge test', new Date('2026-11-01T09:00:00Z')))!;
}

/** Every profiled customer's vault features and score on `asOf`, stored as the model's scores. */
export async function scoreInVault(
  db: SqlExecutor,
  engine: ColumnarEngine,
  model: ModelVersion,
  profiled: ReadonlySet<number>,
  asOf: string,
): Promise<{ features: FeatureMatrix; scores: Map<number, number> }> {
  const features = featureMatrix(engine, model.product, { currency: 'GBP', asOf, retentionDays: 730 });
  const scores = new Map<number, number>();
  features.ids.forEach((id, r) => {
    if (profiled.has(id)) {
      scores.set(id, scoreVector(model.weights, model.bias, features.matrix, r * features.columns));
    }
  });
  await replaceScores(db, model.id, [...scores.keys()], [...scores.values()]);
  return { features, scores };
}
