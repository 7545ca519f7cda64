// The hand-written trainer against TensorFlow.js as a non-private oracle: same data, same objective, no noise.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { interceptInput } from '../feature-list.ts';
import { fitLogistic, gradient, objective, type TrainingSet } from './logistic.ts';
import { fixedPointUnits, perturbationScale, perturbWeights } from './output-perturbation.ts';
import type { NoiseSampler } from '../../privacy/guard/noise.ts';

/** A deterministic set: `n` rows of `columns` values in [0, 1/√(c + 1)], labels from a known logistic model. */
function syntheticSet(n: number, columns: number, seed: number): TrainingSet {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const scale = Math.sqrt(columns + 1);
  const matrix = new Float64Array(n * columns).map(() => next() / scale);
  const truth = [6, -4, 3, 0.5, -2, 1].slice(0, columns);
  const labels = new Uint8Array(n).map((_, r) => {
    let z = -1;
    for (let j = 0; j < columns; j++) z += truth[j]! * matrix[r * columns + j]! * scale;
    return next() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  });
  return { matrix, columns, rows: Int32Array.from({ length: n }, (_, r) => r), labels };
}

/** The same objective minimised by TensorFlow.js (Adam, full batch): Σ softplus(z) − y·z + Λ/2‖w‖², mean-scaled. */
function tfjsFit(set: TrainingSet, lambda: number, offset: number): number[] {
  const n = set.rows.length;
  const c = set.columns;
  const rows = Array.from({ length: n }, (_, r) => [
    ...set.matrix.subarray(r * c, (r + 1) * c),
    interceptInput(c),
  ]);
  return tf.tidy(() => {
    const x = tf.tensor2d(rows);
    const y = tf.tensor1d(Array.from(set.labels));
    const w = tf.variable(tf.zeros([c + 1]));
    const optimizer = tf.train.adam(0.1);
    for (let step = 0; step < 1_500; step++) {
      optimizer.minimize(() => {
        const z = x
          .matMul(w.reshape([c + 1, 1]))
          .reshape([n])
          .add(offset);
        const data = tf.sum(tf.sub(tf.softplus(z), tf.mul(y, z)));
        return tf.div<tf.Scalar>(tf.add(data, tf.mul(lambda / 2, tf.sum(tf.square(w)))), n);
      });
    }
    return Array.from(w.dataSync());
  });
}

const zeroNoise: NoiseSampler = { discreteLaplace: () => 0n };

describe('fitLogistic', () => {
  it('finds the weights TensorFlow.js finds for the same regularised objective (noise off)', async () => {
    await tf.setBackend('cpu');
    const set = syntheticSet(400, 5, 7);
    const lambda = 2;
    // A public prior logit as the margin's offset, as the trainer uses one.
    const offset = -2;
    const fit = fitLogistic(set, { lambda, tolerance: 1e-9, offset });
    const oracle = tfjsFit(set, lambda, offset);
    expect(fit.gradientNorm).toBeLessThanOrEqual(1e-9);
    // With the noise sampler returning 0, the released weights are the fit on the 2⁻¹⁶ grid.
    const { scale } = perturbationScale({ epsilon: 1, lambda, dimension: 6, tolerance: 1e-9 });
    const released = perturbWeights(fit.weights, scale, zeroNoise);
    released.forEach((w, j) => {
      expect(Math.abs(w - fit.weights[j]!)).toBeLessThanOrEqual(0.5 / fixedPointUnits);
      expect(w).toBeCloseTo(oracle[j]!, 2);
    });
    // The weights are not trivial: the data's signal is learned.
    expect(Math.abs(fit.weights[0]!)).toBeGreaterThan(1);
  }, 60_000);

  it('stops at a point whose gradient is the certified bound, and decreases the objective', () => {
    const set = syntheticSet(200, 3, 11);
    const fit = fitLogistic(set, { lambda: 5, tolerance: 1e-7 });
    const g = gradient(set, fit.weights, 5);
    expect(Math.hypot(...g)).toBeLessThanOrEqual(1e-7);
    expect(objective(set, fit.weights, 5)).toBeLessThan(objective(set, new Float64Array(4), 5));
  });
});
