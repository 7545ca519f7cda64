import { describe, expect, it } from 'vitest';
import { shardOf } from './shard-route.ts';

const key = new Uint8Array(32).fill(7);
const ids = Array.from({ length: 20_000 }, (_, i) => `C${String(i).padStart(8, '0')}`);

describe('shardOf', () => {
  it('spreads customers evenly and depends on the key', () => {
    const counts = new Array<number>(4).fill(0);
    for (const id of ids) counts[shardOf(key, id, 4)]!++;
    // 5,000 each expected; a binomial's standard deviation here is about 61.
    for (const count of counts) expect(Math.abs(count - 5_000)).toBeLessThan(400);
    const other = new Uint8Array(32).fill(8);
    const moved = ids.filter((id) => shardOf(key, id, 4) !== shardOf(other, id, 4)).length;
    expect(moved).toBeGreaterThan(ids.length / 2);
  });

  it('growing from 3 to 4 shards moves about a quarter of the customers, all to the new shard', () => {
    let moved = 0;
    for (const id of ids) {
      const before = shardOf(key, id, 3);
      const after = shardOf(key, id, 4);
      if (before === after) continue;
      moved++;
      expect(after).toBe(3);
    }
    expect(Math.abs(moved - ids.length / 4)).toBeLessThan(600);
    expect(shardOf(key, 'C00000001', 1)).toBe(0);
  });

  it('refuses a shard count that is not a positive integer', () => {
    expect(() => shardOf(key, 'x', 0)).toThrow(RangeError);
    expect(() => shardOf(key, 'x', 1.5)).toThrow(RangeError);
  });
});
