// A uniform random order (Fisher–Yates) drawn from a cryptographic source: the frozen audience's order.
import type { RandomSource } from '../../privacy/dp/random-source.ts';

/** Shuffles `ids` in place and returns it. */
export function shuffle<T extends { length: number; [index: number]: number }>(
  ids: T,
  random: RandomSource,
): T {
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Number(random.uniformBelow(BigInt(i + 1)));
    const swap = ids[i]!;
    ids[i] = ids[j]!;
    ids[j] = swap;
  }
  return ids;
}
