// A frozen logistic model's score: the probability σ(w·x + b) for one feature row.
import type { ModelVersion } from './model-store.ts';

export function scoreRow(model: Pick<ModelVersion, 'weights' | 'bias'>, row: Float64Array): number {
  let z = model.bias;
  for (let f = 0; f < model.weights.length; f++) z += model.weights[f]! * row[f]!;
  return 1 / (1 + Math.exp(-z));
}
