// A set of internal customer ids as a bitmap: bit n in byte n >> 3, least significant bit first (PostgreSQL get_bit order).

export class CustomerSet {
  readonly #bits: Uint8Array;
  #size: number | undefined;

  /** Wraps a bitmap as stored in `consent_bitsets.bits`; the array is not copied. */
  constructor(bits: Uint8Array) {
    this.#bits = bits;
  }

  static empty(): CustomerSet {
    return new CustomerSet(new Uint8Array(0));
  }

  static fromIds(ids: Iterable<number>): CustomerSet {
    let max = -1;
    const list = [...ids];
    for (const id of list) if (id > max) max = id;
    const bits = new Uint8Array(max < 0 ? 0 : (max >> 3) + 1);
    for (const id of list) bits[id >> 3]! |= 1 << (id & 7);
    return new CustomerSet(bits);
  }

  /** The bitmap itself (shared, do not modify). */
  get bytes(): Uint8Array {
    return this.#bits;
  }

  has(id: number): boolean {
    const byte = id >= 0 ? this.#bits[id >>> 3] : undefined;
    return byte !== undefined && (byte & (1 << (id & 7))) !== 0;
  }

  get size(): number {
    if (this.#size === undefined) {
      let count = 0;
      for (const byte of this.#bits) count += popcount[byte]!;
      this.#size = count;
    }
    return this.#size;
  }

  /** Every member, ascending. */
  ids(): Uint32Array {
    const out = new Uint32Array(this.size);
    let k = 0;
    const bits = this.#bits;
    for (let i = 0; i < bits.length; i++) {
      let byte = bits[i]!;
      while (byte !== 0) {
        const low = byte & -byte;
        out[k++] = (i << 3) | (31 - Math.clz32(low));
        byte ^= low;
      }
    }
    return out;
  }

  /** The members among `ids`, in the order given. */
  filter(ids: ArrayLike<number>): Uint32Array {
    const out = new Uint32Array(ids.length);
    let k = 0;
    const bits = this.#bits;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      const byte = id >= 0 ? bits[id >>> 3] : undefined;
      if (byte !== undefined && (byte & (1 << (id & 7))) !== 0) out[k++] = id;
    }
    return out.slice(0, k);
  }

  intersect(other: CustomerSet): CustomerSet {
    const a = this.#bits;
    const b = other.#bits;
    const out = new Uint8Array(Math.min(a.length, b.length));
    for (let i = 0; i < out.length; i++) out[i] = a[i]! & b[i]!;
    return new CustomerSet(out);
  }

  /** Members of this set that are not in `other`. */
  subtract(other: CustomerSet): CustomerSet {
    const a = this.#bits;
    const b = other.#bits;
    const out = Uint8Array.from(a);
    for (let i = 0; i < Math.min(a.length, b.length); i++) out[i] = a[i]! & ~b[i]!;
    return new CustomerSet(out);
  }
}

const popcount = Uint8Array.from({ length: 256 }, (_, n) => {
  let count = 0;
  for (let x = n; x !== 0; x &= x - 1) count++;
  return count;
});

/** Sets or clears bits, growing the bitmap as needed; returns the new bitmap. */
export function applyBits(
  bits: Uint8Array,
  changes: readonly (readonly [id: number, on: boolean])[],
): Uint8Array {
  let max = bits.length * 8 - 1;
  for (const [id] of changes) if (id > max) max = id;
  const out = new Uint8Array((max >> 3) + 1);
  out.set(bits);
  for (const [id, on] of changes) {
    if (on) out[id >> 3]! |= 1 << (id & 7);
    else out[id >> 3]! &= ~(1 << (id & 7));
  }
  return out;
}
