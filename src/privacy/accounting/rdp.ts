// A Rényi-DP accountant: RDP curves over a fixed grid of orders, composition, and conversion to (ε, δ).
import { CurtainError } from '../../core/errors.ts';

/**
 * The orders α at which every curve is kept. Fractional orders near 1 serve large δ and large ε; high orders
 * serve small ε. A curve is only ever evaluated on this grid, so the grid is part of the stored ledger.
 */
export const rdpOrders: readonly number[] = Object.freeze([
  1.25, 1.5, 1.75, 2, 2.5, 3, 4, 5, 6, 8, 10, 12, 14, 16, 20, 24, 32, 48, 64, 96, 128, 192, 256,
]);

/** ε_α for each order of `rdpOrders`, in order: the mechanism is (α, ε_α)-RDP for each α. */
export type RdpCurve = readonly number[];

/** How ε is recovered from a curve at a given δ; see `toApproximateDp`. */
export type Conversion = 'classic' | 'tight';

/** An (ε, δ) guarantee, and the order α it was read at. */
export interface ApproximateDp {
  readonly epsilon: number;
  readonly delta: number;
  readonly order: number;
}

function curve(f: (alpha: number, index: number) => number): RdpCurve {
  return Object.freeze(rdpOrders.map((alpha, index) => f(alpha, index)));
}

function positive(name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new CurtainError('USAGE', `${name}: must be a positive finite number (got ${value})`);
  }
}

/** The curve of a mechanism that releases nothing. */
export const zeroCurve: RdpCurve = curve(() => 0);

/**
 * The Gaussian mechanism of standard deviation σ on a query of L2 sensitivity Δ: ε_α = αΔ²/(2σ²)
 * (Mironov 2017, Prop. 7).
 */
export function gaussianCurve(sigma: number, sensitivity = 1): RdpCurve {
  positive('sigma', sigma);
  positive('sensitivity', sensitivity);
  return curve((alpha) => (alpha * sensitivity * sensitivity) / (2 * sigma * sigma));
}

/**
 * The discrete Gaussian on the integers with scale σ, integer sensitivity Δ: ½(Δ/σ)²-zCDP (Canonne, Kamath and
 * Steinke 2020, Thm. 4), that is the continuous Gaussian's curve αΔ²/(2σ²), which bounds it.
 */
export function discreteGaussianCurve(sigma: number, sensitivity = 1): RdpCurve {
  if (!Number.isInteger(sensitivity)) {
    throw new CurtainError(
      'USAGE',
      `sensitivity: the discrete Gaussian needs an integer (got ${sensitivity})`,
    );
  }
  return gaussianCurve(sigma, sensitivity);
}

/**
 * A pure ε-DP mechanism (the guard's discrete Laplace counts, thresholds and sparse vector): ε-DP implies
 * (α, ε)-RDP for every α (Mironov 2017, Prop. 3) and ½ε²-zCDP, i.e. (α, αε²/2)-RDP (Bun and Steinke 2016,
 * Prop. 3.3); the curve is the smaller of the two at each order.
 */
export function pureDpCurve(epsilon: number): RdpCurve {
  if (epsilon === 0) return zeroCurve;
  positive('epsilon', epsilon);
  return curve((alpha) => Math.min(epsilon, (alpha * epsilon * epsilon) / 2));
}

/** log(e^a + e^b) without overflow. */
function logAdd(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const high = Math.max(a, b);
  return high + Math.log1p(Math.exp(-Math.abs(a - b)));
}

/**
 * The Poisson-subsampled Gaussian (DP-SGD: each record joins a step with probability q, noise σ on
 * sensitivity 1), one step. At an integer order α it is Mironov, Talwar and Zhang 2019 (Sec. 3.3):
 * ε_α = log A_α / (α − 1), A_α = Σ_k C(α, k) (1 − q)^(α−k) q^k exp((k² − k) / (2σ²)), summed in log space.
 * A fractional order is bounded by the next integer's value (Rényi divergence grows with α), and every order
 * by the Gaussian without subsampling.
 */
export function subsampledGaussianCurve(q: number, sigma: number, steps = 1): RdpCurve {
  positive('sigma', sigma);
  if (!(q >= 0 && q <= 1)) throw new CurtainError('USAGE', `q: a sampling rate in [0, 1] (got ${q})`);
  if (!(Number.isInteger(steps) && steps >= 0)) {
    throw new CurtainError('USAGE', `steps: a whole number of steps (got ${steps})`);
  }
  if (q === 0 || steps === 0) return zeroCurve;
  const full = gaussianCurve(sigma);
  return curve((alpha, i) => steps * Math.min(subsampledAtInteger(q, sigma, Math.ceil(alpha)), full[i]!));
}

/** ε_α of one subsampled Gaussian step at an integer order α ≥ 2. */
export function subsampledAtInteger(q: number, sigma: number, alpha: number): number {
  if (q === 1) return alpha / (2 * sigma * sigma);
  const logQ = Math.log(q);
  const log1mQ = Math.log1p(-q);
  let logBinomial = 0;
  let logA = -Infinity;
  for (let k = 0; k <= alpha; k++) {
    if (k > 0) logBinomial += Math.log(alpha - k + 1) - Math.log(k);
    const term = logBinomial + (alpha - k) * log1mQ + k * logQ + (k * k - k) / (2 * sigma * sigma);
    logA = logAdd(logA, term);
  }
  // A_α ≥ 1 in exact arithmetic; rounding may leave it a hair under.
  return Math.max(0, logA) / (alpha - 1);
}

/** Sequential composition: the curves add, order by order. */
export function compose(...curves: readonly RdpCurve[]): RdpCurve {
  return curve((_, i) => curves.reduce((sum, c) => sum + c[i]!, 0));
}

/** The curve of `repeat` runs of one mechanism. */
export function repeated(c: RdpCurve, times: number): RdpCurve {
  return curve((_, i) => c[i]! * times);
}

/** The smaller of two valid bounds on one mechanism, order by order. */
export function tightest(a: RdpCurve, b: RdpCurve): RdpCurve {
  return curve((_, i) => Math.min(a[i]!, b[i]!));
}

/**
 * The (ε, δ)-DP guarantee of a curve at δ, at the order that gives the smallest ε.
 * - classic: ε = ε_α + log(1/δ)/(α − 1) (Mironov 2017, Prop. 3);
 * - tight (the default): ε = ε_α + (log(1/δ) − log α)/(α − 1) + log((α − 1)/α) (Balle et al. 2020, Thm. 21;
 *   the same as Canonne, Kamath and Steinke 2020, Prop. 12), never larger than the classic one.
 */
export function toApproximateDp(c: RdpCurve, delta: number, conversion: Conversion = 'tight'): ApproximateDp {
  if (!(delta > 0 && delta < 1)) throw new CurtainError('USAGE', `delta: must be in (0, 1) (got ${delta})`);
  let best = { epsilon: Infinity, order: rdpOrders[0]! };
  rdpOrders.forEach((alpha, i) => {
    const base = c[i]! + Math.log(1 / delta) / (alpha - 1);
    const epsilon =
      conversion === 'classic' ? base : base - Math.log(alpha) / (alpha - 1) + Math.log((alpha - 1) / alpha);
    if (epsilon < best.epsilon) best = { epsilon, order: alpha };
  });
  return { epsilon: Math.max(0, best.epsilon), delta, order: best.order };
}

/** The curve as stored: one finite, non-negative number per order of the grid, or a USAGE error. */
export function checkCurve(value: readonly number[], where: string): RdpCurve {
  if (value.length !== rdpOrders.length || !value.every((v) => Number.isFinite(v) && v >= 0)) {
    throw new CurtainError(
      'USAGE',
      `${where}: an RDP curve has ${rdpOrders.length} finite, non-negative values, one per order`,
    );
  }
  return Object.freeze([...value]);
}
