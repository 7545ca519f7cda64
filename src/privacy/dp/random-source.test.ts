// Random sources: seeded determinism, rejection without modulo bias, uniformity, and the crypto source.
import { describe, expect, it } from 'vitest';
import { chiSquareTest, significance, tally } from './chi-square.test-support.ts';
import { cryptoRandomSource, randomSourceFromBytes, seededRandomSource } from './random-source.ts';
import type { RandomSource } from './random-source.ts';

function draws(random: RandomSource, n: bigint, count: number): bigint[] {
  return Array.from({ length: count }, () => random.uniformBelow(n));
}

/** A byte source that replays `bytes` and records how many it handed out. */
function scripted(bytes: number[]): { random: RandomSource; consumed: () => number } {
  let position = 0;
  const random = randomSourceFromBytes((count) => {
    const chunk = Uint8Array.from(bytes.slice(position, position + count));
    position += count;
    return chunk;
  });
  return { random, consumed: () => position };
}

describe('seededRandomSource', () => {
  it('replays the same draws for the same seed', () => {
    const sizes = [2n, 3n, 1000n, 2n ** 64n + 13n, 10n ** 40n, 7n];
    const run = (): bigint[] => {
      const random = seededRandomSource('curtain-test');
      return Array.from({ length: 600 }, (_, i) => random.uniformBelow(sizes[i % sizes.length] ?? 1n));
    };
    expect(run()).toEqual(run());
  });

  it('pins the stream, so a change of construction is noticed', () => {
    expect(draws(seededRandomSource('curtain-test'), 1_000_000n, 5)).toEqual([
      646693n,
      760167n,
      191900n,
      928639n,
      105468n,
    ]);
  });

  it('gives different seeds different streams', () => {
    const a = draws(seededRandomSource('a'), 2n ** 32n, 20);
    const b = draws(seededRandomSource('b'), 2n ** 32n, 20);
    const empty = draws(seededRandomSource(''), 2n ** 32n, 20);
    expect(a).not.toEqual(b);
    expect(a).not.toEqual(empty);
  });

  it('crosses the buffer boundary without repeating or skipping', () => {
    // 4096-byte chunks; 3-byte draws straddle the boundary every third chunk.
    const random = seededRandomSource('boundary');
    const values = draws(random, 2n ** 24n, 5000);
    expect(new Set(values).size).toBeGreaterThan(4990);
  });
});

describe('randomSourceFromBytes', () => {
  it('rejects values ≥ n instead of folding them with a modulo', () => {
    // n = 3 reads 2 bits per byte: 3 is rejected, the next byte's low bits give 1.
    const { random, consumed } = scripted([0b11, 0b01]);
    expect(random.uniformBelow(3n)).toBe(1n);
    expect(consumed()).toBe(2);
  });

  it('masks the unused high bits of the first byte', () => {
    // n = 5 keeps the low 3 bits: 0xfe gives 6 ≥ 5 (rejected), then 0x0b gives 3.
    expect(scripted([0xfe, 0x0b]).random.uniformBelow(5n)).toBe(3n);
    expect(scripted([0xfe]).random.uniformBelow(8n)).toBe(6n);
    expect(scripted([0xff, 0xff, 0x01, 0x02]).random.uniformBelow(300n)).toBe(0x01_02n); // 0x1ff ≥ 300: rejected
  });

  it('reads big-endian bytes for large n', () => {
    const { random, consumed } = scripted([0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09]);
    expect(random.uniformBelow(2n ** 72n)).toBe(0x01_02_03_04_05_06_07_08_09n);
    expect(consumed()).toBe(9);
  });

  it('reads nothing for n = 1', () => {
    const { random, consumed } = scripted([]);
    expect(random.uniformBelow(1n)).toBe(0n);
    expect(consumed()).toBe(0);
  });

  it('refuses n < 1', () => {
    const { random } = scripted([1, 2, 3]);
    expect(() => random.uniformBelow(0n)).toThrow(RangeError);
    expect(() => random.uniformBelow(-5n)).toThrow(/n ≥ 1/);
  });

  it('fails loudly when the byte source runs dry', () => {
    expect(() => scripted([1]).random.uniformBelow(2n ** 16n)).toThrow(/returned 1 of 2 bytes/);
  });
});

describe('uniformBelow is uniform', () => {
  it.each([2n, 3n, 5n, 6n, 7n, 10n, 100n, 255n, 257n])('has no bias for n = %i', (n) => {
    const count = 20_000;
    const random = seededRandomSource(`uniform-${n}`);
    const observed = tally(draws(random, n, count), Number(n));
    const result = chiSquareTest(
      observed,
      observed.map(() => count / Number(n)),
    );
    expect(result.pValue).toBeGreaterThan(significance);
  });

  it('would catch modulo bias', () => {
    // The same test does reject `3 random bits % 5`, which favours 0, 1 and 2: the check above has teeth.
    const random = seededRandomSource('modulo');
    const biased = Array.from({ length: 20_000 }, () => random.uniformBelow(8n) % 5n);
    const observed = tally(biased, 5);
    expect(
      chiSquareTest(
        observed,
        observed.map(() => 20_000 / 5),
      ).pValue,
    ).toBeLessThan(significance);
  });

  it('spreads huge ranges evenly across their top bits', () => {
    const n = 10n ** 30n + 7n;
    const random = seededRandomSource('huge');
    const values = draws(random, n, 8000);
    expect(values.every((value) => value >= 0n && value < n)).toBe(true);
    const observed = tally(
      values.map((value) => (value * 16n) / n),
      16,
    );
    expect(
      chiSquareTest(
        observed,
        observed.map(() => 8000 / 16),
      ).pValue,
    ).toBeGreaterThan(significance);
  });
});

describe('cryptoRandomSource', () => {
  it('draws in range and varies', () => {
    const random = cryptoRandomSource();
    for (const n of [1n, 2n, 3n, 1000n, 2n ** 64n + 1n]) {
      const values = draws(random, n, 200);
      expect(values.every((value) => value >= 0n && value < n)).toBe(true);
      if (n > 2n) expect(new Set(values).size).toBeGreaterThan(1);
    }
  });

  it('gives independent instances independent streams', () => {
    expect(draws(cryptoRandomSource(), 2n ** 128n, 4)).not.toEqual(
      draws(cryptoRandomSource(), 2n ** 128n, 4),
    );
  });
});
