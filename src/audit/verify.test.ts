// The verifier's refusals, each with its reason, including forged proofs built to fool a verifier that skips a check.
import { describe, expect, it } from 'vitest';
import {
  consistencyProof,
  inclusionProof,
  leafHash,
  nodeHash,
  rootOfLeaves,
  type NodeSource,
} from './merkle.ts';
import { verifyConsistency, verifyInclusion } from './verify.ts';

const leaves = Array.from({ length: 16 }, (_, i) => leafHash(Buffer.from(`leaf ${i}`)));
const source: NodeSource = {
  hashes: (nodes) =>
    nodes.map((n) => rootOfLeaves(leaves.slice(n.index * 2 ** n.level, (n.index + 1) * 2 ** n.level))),
};
const rootOf = (n: number) => rootOfLeaves(leaves.slice(0, n));
const refused = (reason: string) => ({ ok: false, reason });

describe('verifyInclusion', () => {
  it('refuses impossible positions with their reason', () => {
    const leaf = leaves[0]!;
    for (const [index, size] of [
      [-1, 3],
      [0.5, 3],
      [0, -1],
      [0, 2.5],
      [Number.NaN, 3],
      [0, Number.MAX_SAFE_INTEGER + 1],
    ] as const) {
      expect(verifyInclusion(leaf, index, size, [], rootOf(3))).toEqual(
        refused('index and size must be non-negative integers'),
      );
    }
    expect(verifyInclusion(leaf, 3, 3, [], rootOf(3))).toEqual(
      refused('leaf index is not smaller than the tree size'),
    );
  });

  it('refuses hashes of the wrong length even when the root was computed from them', () => {
    const short = Buffer.from('short leaf');
    expect(verifyInclusion(short, 0, 1, [], short)).toEqual(refused('a hash has the wrong length'));
    const sibling = leaves[1]!;
    expect(verifyInclusion(short, 0, 2, [sibling], nodeHash(short, sibling))).toEqual(
      refused('a hash has the wrong length'),
    );
    const long = Buffer.alloc(33, 1);
    expect(verifyInclusion(leaves[0]!, 0, 2, [long], nodeHash(leaves[0]!, long))).toEqual(
      refused('a hash has the wrong length'),
    );
    expect(
      verifyInclusion(leaves[0]!, 0, 3, [leaves[1]!, long], nodeHash(nodeHash(leaves[0]!, leaves[1]!), long)),
    ).toEqual(refused('a hash has the wrong length'));
  });

  it('refuses a proof longer or shorter than the path, even when the root matches the extra hashing', async () => {
    const proof = await inclusionProof(5, 8, source);
    const extra = leaves[9]!;
    expect(verifyInclusion(leaves[5]!, 5, 8, [...proof, extra], nodeHash(extra, rootOf(8)))).toEqual(
      refused('proof is longer than the path'),
    );
    expect(verifyInclusion(leaves[0]!, 0, 1, [extra], nodeHash(leaves[0]!, extra))).toEqual(
      refused('proof is longer than the path'),
    );
    expect(verifyInclusion(leaves[5]!, 5, 8, proof.slice(0, 2), rootOf(8))).toEqual(
      refused('proof is shorter than the path'),
    );
    expect(verifyInclusion(leaves[5]!, 5, 8, proof, rootOf(7))).toEqual(
      refused('computed root does not match'),
    );
    expect(verifyInclusion(leaves[5]!, 5, 8, proof, rootOf(8))).toEqual({ ok: true });
  });
});

describe('verifyConsistency', () => {
  it('refuses impossible sizes with their reason', () => {
    for (const [size1, size2] of [
      [-1, 3],
      [1.5, 3],
      [1, -3],
      [1, 3.5],
      [Number.NaN, 3],
    ] as const) {
      expect(verifyConsistency(size1, size2, [], rootOf(1), rootOf(3))).toEqual(
        refused('sizes must be non-negative integers'),
      );
    }
    expect(verifyConsistency(4, 3, [], rootOf(4), rootOf(3))).toEqual(
      refused('the old tree is larger than the new one'),
    );
  });

  it('refuses proof hashes of the wrong length', async () => {
    const proof = await consistencyProof(3, 5, source);
    const bad = [...proof.slice(0, -1), Buffer.alloc(31)];
    expect(verifyConsistency(3, 5, bad, rootOf(3), rootOf(5))).toEqual(
      refused('a hash has the wrong length'),
    );
    expect(verifyConsistency(4, 4, [Buffer.alloc(0)], rootOf(4), rootOf(4))).toEqual(
      refused('a hash has the wrong length'),
    );
  });

  it('handles equal sizes and the empty tree', () => {
    expect(verifyConsistency(4, 4, [], rootOf(4), rootOf(4))).toEqual({ ok: true });
    expect(verifyConsistency(4, 4, [leaves[0]!], rootOf(4), rootOf(4))).toEqual(
      refused('a proof between equal sizes must be empty'),
    );
    expect(verifyConsistency(4, 4, [], rootOf(4), rootOf(5))).toEqual(refused('roots of equal sizes differ'));
    expect(verifyConsistency(4, 4, [], Buffer.from('x'), Buffer.from('x'))).toEqual(
      refused('roots of equal sizes differ'),
    );
    expect(verifyConsistency(4, 4, [], Buffer.from('x'), rootOf(4))).toEqual(
      refused('roots of equal sizes differ'),
    );
    expect(verifyConsistency(4, 4, [], rootOf(4), Buffer.alloc(33))).toEqual(
      refused('roots of equal sizes differ'),
    );
    expect(verifyConsistency(0, 5, [], rootOf(0), rootOf(5))).toEqual({ ok: true });
    expect(verifyConsistency(0, 5, [leaves[0]!], rootOf(0), rootOf(5))).toEqual(
      refused('a proof from the empty tree must be empty'),
    );
  });

  it('refuses an empty, a longer or a shorter proof, even when the roots match the extra hashing', async () => {
    expect(verifyConsistency(3, 5, [], rootOf(3), rootOf(5))).toEqual(refused('proof is empty'));
    expect(verifyConsistency(4, 8, [], rootOf(4), rootOf(8))).toEqual(refused('proof is empty'));
    const proof = await consistencyProof(3, 5, source);
    const extra = leaves[9]!;
    expect(verifyConsistency(3, 5, [...proof, extra], rootOf(3), nodeHash(extra, rootOf(5)))).toEqual(
      refused('proof is longer than needed'),
    );
    expect(verifyConsistency(3, 5, proof.slice(0, -1), rootOf(3), rootOf(5))).toEqual(
      refused('proof is shorter than needed'),
    );
    expect(verifyConsistency(3, 5, proof, rootOf(4), rootOf(5))).toEqual(
      refused('proof does not match the old root'),
    );
    expect(verifyConsistency(3, 5, proof, rootOf(3), rootOf(6))).toEqual(
      refused('proof does not match the new root'),
    );
    expect(verifyConsistency(3, 5, proof, rootOf(3), rootOf(5))).toEqual({ ok: true });
  });

  it('refuses an old root of the wrong length that the forged new root was computed from', () => {
    const forgedOld = Buffer.from('not a hash');
    const sibling = leaves[1]!;
    expect(verifyConsistency(1, 2, [sibling], forgedOld, nodeHash(forgedOld, sibling))).toEqual(
      refused('proof does not match the old root'),
    );
  });
});
