// L2-regularised logistic regression over typed arrays, minimised by Newton's method to a certified gradient norm.
import { interceptInput } from '../feature-list.ts';

/** The examples: rows of a scaled feature matrix (see features.ts) and a 0/1 label for each. */
export interface TrainingSet {
  /** Row-major, `columns` values per row, each row of L2 norm ≤ 1 together with the intercept input. */
  readonly matrix: Float64Array;
  readonly columns: number;
  /** The matrix rows that are examples, one per customer. */
  readonly rows: Int32Array;
  /** 1 when the example's customer took the product up, by position in `rows`. */
  readonly labels: Uint8Array;
}

export interface LogisticOptions {
  /**
   * Λ in J(w) = Σᵢ ℓ(w·x̃ᵢ, yᵢ) + Λ/2·‖w‖², the sum over examples (not the mean): a fixed Λ keeps the
   * sensitivity 1/Λ whatever the number of examples (docs/privacy-model.md).
   */
  readonly lambda: number;
  /**
   * A fixed margin added to every example's w·x̃: a public prior logit (never read from the data), so that the
   * regularised intercept need not carry the whole base rate. Default 0.
   */
  readonly offset?: number;
  /** Stop once ‖∇J(w)‖₂ ≤ this; then ‖w − w*‖₂ ≤ tolerance/Λ by Λ-strong convexity. */
  readonly tolerance: number;
  readonly maxIterations?: number;
}

export interface LogisticFit {
  /** `columns + 1` weights: one per feature, then the intercept's (its input is `interceptInput(columns)`). */
  readonly weights: Float64Array;
  /** ‖∇J(weights)‖₂ at the end: at most `tolerance`. */
  readonly gradientNorm: number;
  readonly iterations: number;
}

/** The fixed margin offset of a public prior rate: log(p / (1 − p)). */
export const priorLogit = (rate: number): number => Math.log(rate / (1 - rate));

/** log(1 + e^z) − y·z without overflow. */
function loss(z: number, y: number): number {
  const softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
  return softplus - y * z;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

function margin(set: TrainingSet, row: number, w: Float64Array, intercept: number, offset: number): number {
  const c = set.columns;
  let z = offset + w[c]! * intercept;
  const base = row * c;
  for (let j = 0; j < c; j++) z += w[j]! * set.matrix[base + j]!;
  return z;
}

/** J(w). */
export function objective(set: TrainingSet, w: Float64Array, lambda: number, offset = 0): number {
  const intercept = interceptInput(set.columns);
  let sum = 0;
  for (let k = 0; k < set.rows.length; k++)
    sum += loss(margin(set, set.rows[k]!, w, intercept, offset), set.labels[k]!);
  let norm = 0;
  for (const v of w) norm += v * v;
  return sum + (lambda / 2) * norm;
}

/** ∇J(w) and, when `hessian` is given, ∇²J(w) written into it (row-major, dimension²). */
export function gradient(
  set: TrainingSet,
  w: Float64Array,
  lambda: number,
  hessian?: Float64Array,
  offset = 0,
): Float64Array {
  const c = set.columns;
  const dim = c + 1;
  const intercept = interceptInput(c);
  const g = new Float64Array(dim);
  const x = new Float64Array(dim);
  x[c] = intercept;
  hessian?.fill(0);
  for (let k = 0; k < set.rows.length; k++) {
    const base = set.rows[k]! * c;
    for (let j = 0; j < c; j++) x[j] = set.matrix[base + j]!;
    const p = sigmoid(margin(set, set.rows[k]!, w, intercept, offset));
    const residual = p - set.labels[k]!;
    for (let j = 0; j < dim; j++) g[j]! += residual * x[j]!;
    if (hessian === undefined) continue;
    const curvature = p * (1 - p);
    for (let i = 0; i < dim; i++) {
      const ci = curvature * x[i]!;
      if (ci === 0) continue;
      for (let j = i; j < dim; j++) hessian[i * dim + j]! += ci * x[j]!;
    }
  }
  for (let j = 0; j < dim; j++) g[j]! += lambda * w[j]!;
  if (hessian !== undefined) {
    for (let i = 0; i < dim; i++) {
      hessian[i * dim + i]! += lambda;
      for (let j = 0; j < i; j++) hessian[i * dim + j] = hessian[j * dim + i]!;
    }
  }
  return g;
}

/** Solves A·x = b for a symmetric positive-definite A (Cholesky); A is overwritten. */
export function solveSpd(a: Float64Array, b: Float64Array): Float64Array {
  const n = b.length;
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j]!;
    for (let k = 0; k < j; k++) d -= a[j * n + k]! ** 2;
    const root = Math.sqrt(d);
    a[j * n + j] = root;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k++) s -= a[i * n + k]! * a[j * n + k]!;
      a[i * n + j] = s / root;
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= a[i * n + k]! * y[k]!;
    y[i] = s / a[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= a[k * n + i]! * x[k]!;
    x[i] = s / a[i * n + i]!;
  }
  return x;
}

const norm2 = (v: Float64Array): number => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

/**
 * The minimiser of J to within `tolerance` in gradient norm: damped Newton steps (backtracking on J). J is
 * Λ-strongly convex and smooth, so the steps converge; a run that does not reach the tolerance throws.
 */
export function fitLogistic(set: TrainingSet, options: LogisticOptions): LogisticFit {
  const dim = set.columns + 1;
  const { lambda, tolerance, maxIterations = 100, offset = 0 } = options;
  let w = new Float64Array(dim);
  let value = objective(set, w, lambda, offset);
  const hessian = new Float64Array(dim * dim);
  for (let iteration = 0; iteration <= maxIterations; iteration++) {
    const g = gradient(set, w, lambda, hessian, offset);
    const gradientNorm = norm2(g);
    if (gradientNorm <= tolerance) return { weights: w, gradientNorm, iterations: iteration };
    const step = solveSpd(hessian, g);
    let t = 1;
    for (;;) {
      const next = w.map((v, j) => v - t * step[j]!);
      const nextValue = objective(set, next, lambda, offset);
      // Near the minimum J is flat to within its rounding: a full step that does not raise it beyond that is taken.
      if (nextValue <= value + 1e-12 * Math.abs(value) || t < 1e-10) {
        w = next;
        value = nextValue;
        break;
      }
      t /= 2;
    }
  }
  throw new Error(`logistic regression did not reach gradient norm ${tolerance} in ${maxIterations} steps`);
}
