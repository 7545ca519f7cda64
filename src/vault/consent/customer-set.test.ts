import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyBits, CustomerSet } from './customer-set.ts';

describe('CustomerSet', () => {
  it('holds exactly the ids it was built from', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5_000 })),
        fc.array(fc.integer({ min: 0, max: 6_000 })),
        (ids, probe) => {
          const set = CustomerSet.fromIds(ids);
          const expected = [...new Set(ids)].sort((a, b) => a - b);
          expect([...set.ids()]).toEqual(expected);
          expect(set.size).toBe(expected.length);
          const members = new Set(ids);
          expect([...set.filter(probe)]).toEqual(probe.filter((id) => members.has(id)));
        },
      ),
    );
  });

  it('sets and clears bits in PostgreSQL get_bit order, growing as needed', () => {
    const bits = applyBits(new Uint8Array(0), [
      [1, true],
      [9, true],
      [17, true],
    ]);
    expect([...bits]).toEqual([0b10, 0b10, 0b10]);
    const cleared = applyBits(bits, [
      [9, false],
      [30, true],
    ]);
    expect([...new CustomerSet(cleared).ids()]).toEqual([1, 17, 30]);
  });

  it('intersects and subtracts', () => {
    const a = CustomerSet.fromIds([1, 2, 3, 100]);
    const b = CustomerSet.fromIds([2, 3, 4]);
    expect([...a.intersect(b).ids()]).toEqual([2, 3]);
    expect([...a.subtract(b).ids()]).toEqual([1, 100]);
    expect(a.has(100)).toBe(true);
    expect(a.has(-1)).toBe(false);
    expect(a.has(10_000)).toBe(false);
  });
});
