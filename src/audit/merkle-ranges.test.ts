// Edges of the Merkle writer against a naive RFC 6962 MTH: big leaves, range plans, refused ranges, TreeBuilder events.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  consistencyProof,
  consistencyRanges,
  inclusionProof,
  inclusionRanges,
  leafHash,
  leafHashHexOfText,
  nodeHash,
  rangeSubtrees,
  TreeBuilder,
  type NodeSource,
  type Subtree,
} from './merkle.ts';

const sha256 = (...parts: Uint8Array[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

/** MTH(D[n]) of RFC 6962 §2.1, recursively, from leaf hashes. */
function naiveRoot(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 0) return sha256();
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return sha256(Buffer.from([1]), naiveRoot(leaves.slice(0, k)), naiveRoot(leaves.slice(k)));
}

const leaves = Array.from({ length: 40 }, (_, i) => leafHash(Buffer.from(`entry ${i}`)));
const source: NodeSource = {
  hashes: (nodes) =>
    nodes.map((n) => naiveRoot(leaves.slice(n.index * 2 ** n.level, (n.index + 1) * 2 ** n.level))),
};
const refusing: NodeSource = {
  hashes: () => {
    throw new Error('the source must not be asked');
  },
};

describe('leaf and node hashing', () => {
  it('hashes leaves of any size, around the 64 KiB scratch buffer, as SHA-256(0x00 ‖ data)', () => {
    for (const size of [0, 1, 65_534, 65_535, 65_536, 65_537, 200_000]) {
      const data = Buffer.alloc(size, size % 251);
      expect([size, leafHash(data).toString('hex')]).toEqual([
        size,
        sha256(Buffer.from([0]), data).toString('hex'),
      ]);
    }
  });

  it('hashes the UTF-8 text of an entry as its leaf', () => {
    for (const text of ['', '{"kind":"release"}', 'Zürich – 東京 🙂']) {
      expect(leafHashHexOfText(text)).toBe(leafHash(Buffer.from(text, 'utf8')).toString('hex'));
    }
  });

  it('hashes nodes of any child length as SHA-256(0x01 ‖ left ‖ right)', () => {
    const a = leafHash(Buffer.from('a'));
    const b = leafHash(Buffer.from('b'));
    const pairs: [Buffer, Buffer][] = [
      [a, b],
      [b, a],
      [a, Buffer.from('short')],
      [Buffer.alloc(33, 7), b],
      [Buffer.alloc(0), Buffer.alloc(0)],
    ];
    for (const [left, right] of pairs) {
      expect(nodeHash(left, right).toString('hex')).toBe(
        sha256(Buffer.from([1]), left, right).toString('hex'),
      );
    }
  });
});

describe('range plans', () => {
  it('covers a range with the fewest complete subtrees, largest first', () => {
    expect(rangeSubtrees({ start: 0, end: 1 })).toEqual([{ level: 0, index: 0 }]);
    expect(rangeSubtrees({ start: 0, end: 2 })).toEqual([{ level: 1, index: 0 }]);
    expect(rangeSubtrees({ start: 0, end: 8 })).toEqual([{ level: 3, index: 0 }]);
    expect(rangeSubtrees({ start: 8, end: 15 })).toEqual([
      { level: 2, index: 2 },
      { level: 1, index: 6 },
      { level: 0, index: 14 },
    ]);
    expect(rangeSubtrees({ start: 4, end: 4 })).toEqual([]);
  });

  it('plans the paths of RFC 6962 §2.1.1 and the proofs of §2.1.2', () => {
    expect(inclusionRanges(0, 1)).toEqual([]);
    expect(inclusionRanges(2, 3)).toEqual([{ start: 0, end: 2 }]);
    expect(inclusionRanges(5, 8)).toEqual([
      { start: 4, end: 5 },
      { start: 6, end: 8 },
      { start: 0, end: 4 },
    ]);
    expect(consistencyRanges(4, 4)).toEqual([]);
    expect(consistencyRanges(4, 8)).toEqual([{ start: 4, end: 8 }]);
    expect(consistencyRanges(3, 7)).toEqual([
      { start: 2, end: 3 },
      { start: 3, end: 4 },
      { start: 0, end: 2 },
      { start: 4, end: 7 },
    ]);
  });

  it('refuses leaves outside the tree and impossible consistency proofs, naming them', async () => {
    for (const [index, size] of [
      [-1, 3],
      [3, 3],
      [4, 3],
      [0, 0],
    ] as const) {
      expect(() => inclusionRanges(index, size)).toThrow(
        new RangeError(`leaf ${index} is not in a tree of ${size}`),
      );
      await expect(inclusionProof(index, size, refusing)).rejects.toThrow(RangeError);
    }
    for (const [oldSize, size] of [
      [0, 0],
      [0, 5],
      [-1, 5],
      [6, 5],
    ] as const) {
      expect(() => consistencyRanges(oldSize, size)).toThrow(
        new RangeError(`no consistency proof from ${oldSize} to ${size}`),
      );
    }
    await expect(consistencyProof(6, 5, refusing)).rejects.toThrow(RangeError);
  });

  it('answers equal sizes with an empty proof without asking the source', async () => {
    for (const size of [1, 2, 7, 8]) expect(await consistencyProof(size, size, refusing)).toEqual([]);
  });

  it('proves against the naive root for sizes 1, 2, powers of two and their neighbours', async () => {
    for (const size of [1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33]) {
      const root = naiveRoot(leaves.slice(0, size));
      for (const index of new Set([0, Math.floor(size / 2), size - 1])) {
        let hash = leaves[index]!;
        const ranges = inclusionRanges(index, size);
        const proof = await inclusionProof(index, size, source);
        for (const [i, range] of ranges.entries()) {
          const sibling = naiveRoot(leaves.slice(range.start, range.end));
          expect(proof[i]).toEqual(sibling);
          hash = range.start > index ? nodeHash(hash, sibling) : nodeHash(sibling, hash);
        }
        expect([size, index, hash]).toEqual([size, index, root]);
      }
    }
  });
});

describe('TreeBuilder', () => {
  it('reports every complete subtree once, with its level, index and naive hash', () => {
    for (const size of [0, 1, 2, 3, 8, 13]) {
      const seen: [Subtree, Buffer][] = [];
      const builder = new TreeBuilder((node, hash) => seen.push([node, hash]));
      for (const leaf of leaves.slice(0, size)) builder.push(leaf);
      expect(builder.size).toBe(size);
      expect(builder.root()).toEqual(naiveRoot(leaves.slice(0, size)));
      const expected: [Subtree, Buffer][] = [];
      for (let i = 0; i < size; i++) {
        for (let level = 0; (i + 1) % 2 ** level === 0; level++) {
          const index = (i + 1) / 2 ** level - 1;
          expected.push([
            { level, index },
            naiveRoot(leaves.slice(index * 2 ** level, (index + 1) * 2 ** level)),
          ]);
        }
      }
      expect(seen).toEqual(expected);
    }
  });
});
