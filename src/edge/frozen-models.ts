// Frozen propensity models on the device: the vault's feature list and engine compute the customer's own features,
// the definition's signed weights score them, and the segment's `propensity(…) >= c` reads that score.
import { featureMatrix, featuresFor, scoreVector } from '../models/features.ts';
import { ColumnarEngine } from '../vault/questions/columnar/columnar-engine.ts';
import { ScoreColumns } from '../vault/questions/columnar/score-columns.ts';
import type { CustomerSource } from './customer-source.ts';
import type { EdgeDefinition, FrozenModel } from './definitions.ts';

export interface ScoreContext {
  readonly asOf: string;
  /**
   * Whether the customer granted profiling: the vault stores scores only for those who did, so without it every
   * score is absent on the device too and a `propensity(…)` comparison is false, as in the vault.
   */
  readonly profiling: boolean;
}

/**
 * One customer's scaled feature vectors, computed once per (product, feature-list version) and visit: the same
 * `featureMatrix` the vault's trainer and scorer run over every customer, here over the one-customer store.
 */
export class DeviceFeatures {
  readonly #source: CustomerSource;
  readonly #engine: ColumnarEngine;
  readonly #vectors = new Map<string, Float64Array>();

  constructor(source: CustomerSource) {
    this.#source = source;
    this.#engine = new ColumnarEngine(source, { features: false });
  }

  /** The customer's vector for a model (throws a USAGE error for a product or version the list does not know). */
  vector(model: FrozenModel, definition: EdgeDefinition, asOf: string): Float64Array {
    const key = `${model.product}/${model.featureListVersion}/${definition.currency}/${definition.retentionDays}`;
    let vector = this.#vectors.get(key);
    if (vector === undefined) {
      vector = featureMatrix(this.#engine, model.product, {
        currency: definition.currency,
        asOf,
        retentionDays: definition.retentionDays,
        version: model.featureListVersion,
      }).matrix;
      this.#vectors.set(key, vector);
    }
    return vector;
  }

  get source(): CustomerSource {
    return this.#source;
  }
}

/** Why a model cannot score on the device, or undefined when it can. */
function modelProblem(model: FrozenModel): string | undefined {
  let expected: number;
  try {
    expected = featuresFor(model.product, model.featureListVersion).length;
  } catch (error) {
    return `model ${model.id}: ${(error as Error).message}`;
  }
  if (
    model.weights.length !== expected ||
    !model.weights.every(Number.isFinite) ||
    !Number.isFinite(model.bias)
  ) {
    return `model ${model.id}: ${model.weights.length} weights for ${expected} features of list version ${model.featureListVersion}`;
  }
  return undefined;
}

/** The customer's score under one frozen model: σ(w·x + bias), as the vault's scorer computes it. */
export function deviceScore(
  features: DeviceFeatures,
  model: FrozenModel,
  definition: EdgeDefinition,
  asOf: string,
): number {
  return scoreVector(model.weights, model.bias, features.vector(model, definition, asOf));
}

/**
 * The engine a definition is evaluated with: its frozen models' scores for the customer (absent without the
 * profiling consent), or the reason a model cannot score here.
 */
export function engineFor(
  definition: EdgeDefinition,
  features: DeviceFeatures,
  context: ScoreContext,
): ColumnarEngine | string {
  const scores = new ScoreColumns();
  const models = definition.models ?? [];
  for (const model of models) {
    const problem = modelProblem(model);
    if (problem !== undefined) return problem;
  }
  if (context.profiling && models.length > 0) {
    try {
      const stored = models.map((model) => {
        const score = deviceScore(features, model, definition, context.asOf);
        // The one row of the device's store is the customer, id 1 (customer-source.ts).
        return [model.id, { customerIds: Int32Array.of(1), scores: Float64Array.of(score) }] as const;
      });
      scores.replace(new Map(stored));
    } catch (error) {
      return `features: ${(error as Error).message}`;
    }
  }
  return new ColumnarEngine(features.source, { features: false, scores });
}

/** The product → model map the checker binds `propensity(product)` with: the definition's own models. */
export function modelsOf(definition: EdgeDefinition): ReadonlyMap<string, string> {
  return new Map((definition.models ?? []).map((m) => [m.product, m.id]));
}
