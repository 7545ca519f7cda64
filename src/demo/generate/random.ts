// Deterministic randomness: one independent xoroshiro128+ stream per (bank seed, customer index).

const golden = 0x9e3779b9;

/** The murmur3 finaliser: a bijection on 32-bit integers that spreads every input bit. */
function mix32(x: number): number {
  let z = x | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) | 0;
}

/** Hashes a seed to 32 bits (FNV-1a, then mixed); `1` and `"1"` are the same seed. */
export function hashSeed(seed: number | string): number {
  const text = String(seed);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  return mix32(h);
}

/**
 * A uniform float in [0, 1) and the usual draws on top of it. Mutable, not shared across customers.
 * The xoroshiro128+ step is pure-rand's, inlined on four 32-bit fields (the hot path of the generator);
 * random.test.ts checks it against pure-rand.
 */
export class Random {
  #s01: number;
  #s00: number;
  #s11: number;
  #s10: number;

  /** `state` as pure-rand's `xoroshiro128plusFromState` takes it. */
  constructor(state: readonly [number, number, number, number]) {
    [this.#s01, this.#s00, this.#s11, this.#s10] = state;
  }

  /** The generator's next 32 bits, signed. */
  nextInt32(): number {
    const s00 = this.#s00;
    const s01 = this.#s01;
    const out = (s00 + this.#s10) | 0;
    const a0 = this.#s10 ^ s00;
    const a1 = this.#s11 ^ s01;
    this.#s00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
    this.#s01 = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
    this.#s10 = (a1 << 5) ^ (a0 >>> 27);
    this.#s11 = (a0 << 5) ^ (a1 >>> 27);
    return out;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return (this.nextInt32() >>> 0) * 2.3283064365386963e-10;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform float in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }

  /** Approximately standard normal (Irwin–Hall of four uniforms): cheap, bounded at ±3.5. */
  normal(): number {
    return (this.next() + this.next() + this.next() + this.next() - 2) * 1.7320508075688772;
  }

  /** Log-normal around `median` with log-scale spread `sigma`. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }
}

/** The stream of one customer: independent of how many customers are generated. */
export function customerRandom(seedHash: number, index: number): Random {
  let x = (seedHash + Math.imul(index | 0, golden)) | 0;
  x = mix32(x ^ Math.floor(index / 0x100000000));
  const state: number[] = [];
  for (let k = 0; k < 4; k++) {
    x = (x + golden) | 0;
    state.push(mix32(x));
  }
  if ((state[0]! | state[1]! | state[2]! | state[3]!) === 0) state[0] = 1;
  return new Random(state as [number, number, number, number]);
}
