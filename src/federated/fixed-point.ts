// Per-customer contributions clipped, scaled and randomised-rounded to integers, summed modulo 2^32.
import type { RandomSource } from '../privacy/dp/random-source.ts';

/** The ring of secure aggregation: Z/2^32, one unsigned 32-bit word per coordinate. */
export const ringBits = 32;
const ring = 2 ** ringBits;
const half = 2 ** (ringBits - 1);

/** How real vectors become ring elements. */
export interface Quantisation {
  /** C: every customer's contribution is clipped to this L2 norm before scaling. */
  readonly clip: number;
  /** γ: one integer step is worth γ, so a contribution is scaled by 1/γ before rounding. */
  readonly step: number;
}

export function checkQuantisation(q: Quantisation): Quantisation {
  if (!(q.clip > 0 && Number.isFinite(q.clip)))
    throw new RangeError(`clip: must be positive (got ${q.clip})`);
  if (!(q.step > 0 && Number.isFinite(q.step)))
    throw new RangeError(`step: must be positive (got ${q.step})`);
  return q;
}

/**
 * The L2 sensitivity of the integer sum to one customer, whatever the rounding: a rounded vector r of the scaled
 * x (‖x‖₂ ≤ C/γ) differs from x by less than 1 in each coordinate, so ‖r‖₂ ≤ C/γ + √d (triangle inequality).
 * Kairouz, Liu & Steinke 2021 get a tighter bound by conditional rounding; this one needs no retries to prove.
 */
export function l2Sensitivity(q: Quantisation, dimension: number): number {
  return q.clip / q.step + Math.sqrt(dimension);
}

/** The L1 sensitivity: at most √d times the L2 one (Cauchy–Schwarz). */
export const l1Sensitivity = (q: Quantisation, dimension: number): number =>
  Math.sqrt(dimension) * l2Sensitivity(q, dimension);

/** `v` scaled down to L2 norm `clip` if it is longer (a copy). */
export function clipL2(v: Float64Array, clip: number): Float64Array {
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  const factor = norm > clip ? clip / norm : 1;
  return v.map((x) => x * factor);
}

const fractionDenominator = 2n ** 32n;

/** Rounds each x to ⌊x⌋ or ⌈x⌉, up with probability x − ⌊x⌋ (unbiased), drawing from `random`. */
export function randomisedRound(x: Float64Array, random: RandomSource): Float64Array {
  return x.map((value) => {
    const floor = Math.floor(value);
    const up = random.uniformBelow(fractionDenominator) < BigInt(Math.floor((value - floor) * 2 ** 32));
    return up ? floor + 1 : floor;
  });
}

/**
 * Accumulates the customers' rounded contributions: `add` clips, scales and rounds one; `total` is the exact
 * integer sum (a float64 holds integers exactly up to 2^53, far beyond any bank's sum at these scales).
 */
export class FixedPointSum {
  readonly #q: Quantisation;
  readonly #random: RandomSource;
  readonly total: Float64Array;

  constructor(q: Quantisation, dimension: number, random: RandomSource) {
    this.#q = checkQuantisation(q);
    this.#random = random;
    this.total = new Float64Array(dimension);
  }

  add(contribution: Float64Array): void {
    if (contribution.length !== this.total.length) {
      throw new RangeError(
        `A contribution has ${contribution.length} values, expected ${this.total.length}.`,
      );
    }
    const scaled = clipL2(contribution, this.#q.clip).map((x) => x / this.#q.step);
    randomisedRound(scaled, this.#random).forEach((r, i) => {
      this.total[i]! += r;
    });
  }
}

/** Integers (any sign) as ring elements: x mod 2^32. */
export function toRing(values: ArrayLike<number | bigint>): Uint32Array {
  return Uint32Array.from({ length: values.length }, (_, i) => {
    const x = values[i]!;
    const mod = typeof x === 'bigint' ? Number(BigInt.asUintN(ringBits, x)) : ((x % ring) + ring) % ring;
    return mod;
  });
}

/** Ring elements as the integers in [−2^31, 2^31) they stand for (centred lift). */
export function fromRing(values: Uint32Array): Float64Array {
  return Float64Array.from(values, (x) => (x >= half ? x - ring : x));
}

/** a + b mod 2^32, coordinate-wise, into a new array. */
export function addRing(a: Uint32Array, b: Uint32Array): Uint32Array {
  if (a.length !== b.length) throw new RangeError(`Ring vectors of ${a.length} and ${b.length} values.`);
  return a.map((x, i) => x + b[i]!); // Uint32Array stores modulo 2^32.
}

/** a − b mod 2^32, coordinate-wise, into a new array. */
export function subRing(a: Uint32Array, b: Uint32Array): Uint32Array {
  if (a.length !== b.length) throw new RangeError(`Ring vectors of ${a.length} and ${b.length} values.`);
  return a.map((x, i) => x - b[i]!);
}
