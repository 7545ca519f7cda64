// Uniform random integers for the DP samplers: cryptographic in production, seeded and repeatable in tests.
import { createCipheriv, createHash, randomBytes } from 'node:crypto';

/** Where the noise samplers get their randomness: the only primitive they use. */
export interface RandomSource {
  /** A uniformly random integer in [0, n), for any n ≥ 1 (a RangeError otherwise). */
  uniformBelow(n: bigint): bigint;
}

const chunkSize = 4096;

/** The production source: bytes from the operating system's CSPRNG (`node:crypto` randomBytes). */
export function cryptoRandomSource(): RandomSource {
  return randomSourceFromBytes(bufferedReader(() => randomBytes(chunkSize)));
}

/**
 * FOR TESTS ONLY: a deterministic source, AES-256-CTR keyed by SHA-256(seed) over a zero IV, so a
 * seed replays the same draws on every machine. Anyone who knows the seed knows the noise: never use
 * it to protect a real answer.
 */
export function seededRandomSource(seed: string): RandomSource {
  const key = createHash('sha256').update(seed, 'utf8').digest();
  const keystream = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
  const zeros = Buffer.alloc(chunkSize);
  return randomSourceFromBytes(bufferedReader(() => keystream.update(zeros)));
}

/**
 * A source over a stream of uniformly random bytes, `read(count)` returning the next `count` of them.
 * Draws with rejection sampling: it reads just enough bits for n − 1 and retries values ≥ n, so no
 * value is favoured (no modulo bias) and each draw needs fewer than two reads on average.
 */
export function randomSourceFromBytes(read: (count: number) => Uint8Array): RandomSource {
  return {
    uniformBelow(n: bigint): bigint {
      if (n < 1n) throw new RangeError(`uniformBelow needs n ≥ 1, got ${n}.`);
      if (n === 1n) return 0n;
      const bits = bitLength(n - 1n);
      const count = Math.ceil(bits / 8);
      const topMask = 0xff >> (count * 8 - bits);
      for (;;) {
        const bytes = read(count);
        if (bytes.length !== count) {
          throw new RangeError(`The byte source returned ${bytes.length} of ${count} bytes.`);
        }
        const value = toBigInt(bytes, topMask);
        if (value < n) return value;
      }
    },
  };
}

function bufferedReader(refill: () => Buffer): (count: number) => Buffer {
  let chunk = Buffer.alloc(0);
  let offset = 0;
  return (count) => {
    while (chunk.length - offset < count) {
      chunk = Buffer.concat([chunk.subarray(offset), refill()]);
      offset = 0;
    }
    offset += count;
    return chunk.subarray(offset - count, offset);
  };
}

/** Big-endian bytes as an unsigned integer, the first byte masked to the bits in use. */
function toBigInt(bytes: Uint8Array, topMask: number): bigint {
  let value = 0n;
  bytes.forEach((byte, index) => {
    value = (value << 8n) | BigInt(index === 0 ? byte & topMask : byte);
  });
  return value;
}

function bitLength(value: bigint): number {
  if (value <= 0xffffffffn) return 32 - Math.clz32(Number(value));
  const hex = value.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0] ?? '0', 16)));
}
