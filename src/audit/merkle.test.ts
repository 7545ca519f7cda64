// Known answers from RFC 6962's reference tests (transparency-dev/merkle, certificate-transparency-go) and
// properties over random tree sizes: the writer's proofs must pass the separate verifier.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  consistencyProof,
  emptyRoot,
  inclusionProof,
  leafHash,
  nodeHash,
  rootOfLeaves,
  treeRoot,
  type NodeSource,
} from './merkle.ts';
import { verifyConsistency, verifyInclusion } from './verify.ts';

const hex = (s: string) => Buffer.from(s, 'hex');

// transparency-dev/merkle testonly/constants.go: LeafInputs, RootHashes.
const leafInputs = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map(hex);
const roots = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
].map(hex);

// testonly/reference_test.go TestRefInclusionProof (0-based leaf index).
const inclusionVectors: { index: number; size: number; proof: string[] }[] = [
  { index: 0, size: 1, proof: [] },
  { index: 0, size: 2, proof: ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7'] },
  { index: 1, size: 2, proof: ['6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d'] },
  { index: 2, size: 3, proof: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  {
    index: 1,
    size: 5,
    proof: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
  {
    index: 0,
    size: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    index: 5,
    size: 8,
    proof: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];

// proof/verify_test.go consistencyProofs.
const consistencyVectors: { size1: number; size2: number; proof: string[] }[] = [
  { size1: 1, size2: 1, proof: [] },
  {
    size1: 1,
    size2: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    size1: 6,
    size2: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    size1: 2,
    size2: 5,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
];

/** compact/range_test.go TestGetRootHashGolden: leaf i is the two bytes of i, little-endian. */
const goldenRoots: [number, string][] = [
  [10, 'VjWMPSYNtCuCNlF/RLnQy6HcwSk6CIipfxm+hettA+4='],
  [15, 'j4SulYmocFuxdeyp12xXCIgK6PekBcxzAIj4zbQzNEI='],
  [16, 'c+4Uc6BCMOZf/v3NZK1kqTUJe+bBoFtOhP+P3SayKRE='],
  [100, 'dUh9hYH88p0CMoHkdr1wC2szbhcLAXOejWpINIooKUY='],
  [255, 'SmdsuKUqiod3RX2jyF2M6JnbdE4QuTwwipfAowI4/i0='],
];

function memorySource(leaves: readonly Buffer[]): NodeSource {
  return {
    hashes: (nodes) =>
      nodes.map((n) => rootOfLeaves(leaves.slice(n.index * 2 ** n.level, (n.index + 1) * 2 ** n.level))),
  };
}

const leafHashes = leafInputs.map(leafHash);
const source8 = memorySource(leafHashes);
const hexes = (hs: readonly Uint8Array[]) => hs.map((h) => Buffer.from(h).toString('hex'));

describe('RFC 6962 hashing', () => {
  it('matches the reference hasher (rfc6962_test.go)', () => {
    expect(emptyRoot.toString('hex')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(leafHash(Buffer.alloc(0)).toString('hex')).toBe(
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    );
    expect(leafHash(Buffer.from('L123456')).toString('hex')).toBe(
      '395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56',
    );
    expect(nodeHash(Buffer.from('N123'), Buffer.from('N456')).toString('hex')).toBe(
      'aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb',
    );
  });

  it('computes the reference roots of sizes 0 to 8', async () => {
    for (let n = 0; n <= 8; n++) {
      expect(rootOfLeaves(leafHashes.slice(0, n)).toString('hex')).toBe(roots[n]!.toString('hex'));
      expect((await treeRoot(n, source8)).toString('hex')).toBe(roots[n]!.toString('hex'));
    }
  });

  it('computes the golden roots of larger trees (compact/range_test.go)', async () => {
    for (const [size, root] of goldenRoots) {
      const leaves = Array.from({ length: size }, (_, i) =>
        leafHash(Buffer.from([i & 0xff, (i >> 8) & 0xff])),
      );
      expect(rootOfLeaves(leaves).toString('base64')).toBe(root);
      expect((await treeRoot(size, memorySource(leaves))).toString('base64')).toBe(root);
    }
  });
});

describe('inclusion proofs', () => {
  it.each(inclusionVectors)('generates and verifies leaf $index of $size', async ({ index, size, proof }) => {
    const generated = await inclusionProof(index, size, source8);
    expect(hexes(generated)).toEqual(proof);
    expect(verifyInclusion(leafHashes[index]!, index, size, generated, roots[size]!)).toEqual({ ok: true });
  });

  it.each(inclusionVectors.filter((v) => v.size > 1))(
    'rejects corrupted proofs of leaf $index of $size (verify_test.go corruptInclusionProof)',
    ({ index, size, proof: proofHex }) => {
      const proof = proofHex.map(hex);
      const root = roots[size]!;
      const leaf = leafHashes[index]!;
      const some = hex('abacaba000000000000000000000000000000000000000000060061e00123456');
      const probes: [number, number, Buffer, Buffer, Buffer[]][] = [
        [index - 1, size, root, leaf, proof],
        [index + 1, size, root, leaf, proof],
        [index ^ 2, size, root, leaf, proof],
        [index, size * 2, root, leaf, proof],
        [index, Math.floor(size / 2), root, leaf, proof],
        [index, size, root, Buffer.from('WrongLeaf'), proof],
        [index, size, emptyRoot, leaf, proof],
        [index, size, some, leaf, proof],
        [index, size, root, leaf, [...proof, Buffer.alloc(0)]],
        [index, size, root, leaf, [...proof, root]],
        [index, size, root, leaf, [Buffer.alloc(0), ...proof]],
        [index, size, root, leaf, [root, ...proof]],
        [index, size, root, leaf, proof.slice(0, -1)],
        ...proof.map((_, i): [number, number, Buffer, Buffer, Buffer[]] => {
          const flipped = proof.map((p) => Buffer.from(p));
          flipped[i]![0]! ^= 8;
          return [index, size, root, leaf, flipped];
        }),
      ];
      if (proof.length > 1) probes.push([index, size, root, leaf, [proof[0]!, some, ...proof.slice(1)]]);
      for (const [i, n, r, l, p] of probes) {
        expect(verifyInclusion(l, i, n, p, r).ok).toBe(false);
      }
    },
  );

  it('never throws on nonsense', () => {
    expect(verifyInclusion(leafHashes[0]!, 0, 0, [], emptyRoot).ok).toBe(false);
    expect(verifyInclusion(leafHashes[0]!, -1, 3, [], emptyRoot).ok).toBe(false);
    expect(verifyInclusion(leafHashes[0]!, 0.5, 3, [], emptyRoot).ok).toBe(false);
    const single = leafHash(Buffer.from('data'));
    expect(verifyInclusion(single, 0, 1, [], single)).toEqual({ ok: true });
    expect(verifyInclusion(single, 0, 1, [], Buffer.alloc(0)).ok).toBe(false);
  });
});

describe('consistency proofs', () => {
  it.each(consistencyVectors)('generates and verifies $size1 → $size2', async ({ size1, size2, proof }) => {
    const generated = await consistencyProof(size1, size2, source8);
    expect(hexes(generated)).toEqual(proof);
    expect(verifyConsistency(size1, size2, generated, roots[size1]!, roots[size2]!)).toEqual({ ok: true });
  });

  it.each(consistencyVectors.filter((v) => v.proof.length > 0))(
    'rejects corrupted proofs $size1 → $size2 (after verify_test.go corruptConsistencyProof)',
    ({ size1, size2, proof: proofHex }) => {
      const proof = proofHex.map(hex);
      const r1 = roots[size1]!;
      const r2 = roots[size2]!;
      const probes: [number, number, Buffer[], Buffer, Buffer][] = [
        [size1 - 1, size2, proof, r1, r2],
        [size1 + 1, size2, proof, r1, r2],
        [size1 ^ 2, size2, proof, r1, r2],
        [size1, size2 * 2, proof, r1, r2],
        [size1, Math.floor(size2 / 2), proof, r1, r2],
        [size1, size2, proof, r2, r1],
        [size1, size2, proof.slice(0, -1), r1, r2],
        [size1, size2, [...proof, r2], r1, r2],
        [size1, size2, [r1, ...proof], r1, r2],
        [size1, size2, [], r1, r2],
        ...proof.map((_, i): [number, number, Buffer[], Buffer, Buffer] => {
          const flipped = proof.map((p) => Buffer.from(p));
          flipped[i]![31]! ^= 1;
          return [size1, size2, flipped, r1, r2];
        }),
      ];
      for (const [m, n, p, a, b] of probes) {
        if (m === n && a.equals(b) && p.length === 0) continue;
        expect([m, n, hexes(p), verifyConsistency(m, n, p, a, b).ok]).toEqual([m, n, hexes(p), false]);
      }
    },
  );
});

describe('properties', () => {
  const leaves = Array.from({ length: 300 }, (_, i) => leafHash(Buffer.from(`leaf ${i}`)));
  const source = memorySource(leaves);
  const rootOf = (n: number) => rootOfLeaves(leaves.slice(0, n));

  it('any two tree sizes m ≤ n are consistent, and a flipped byte breaks the proof', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: 300 })
          .chain((n) => fc.tuple(fc.integer({ min: 1, max: n }), fc.constant(n))),
        async ([m, n]) => {
          const proof = await consistencyProof(m, n, source);
          expect(verifyConsistency(m, n, proof, rootOf(m), rootOf(n))).toEqual({ ok: true });
          if (proof.length > 0) {
            const bad = proof.map((p) => Buffer.from(p));
            bad[bad.length - 1]![0]! ^= 0x80;
            expect(verifyConsistency(m, n, bad, rootOf(m), rootOf(n)).ok).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('every leaf has a verifying inclusion proof, and only at its own index', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: 300 })
          .chain((n) => fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.constant(n))),
        async ([i, n]) => {
          const proof = await inclusionProof(i, n, source);
          expect(verifyInclusion(leaves[i]!, i, n, proof, rootOf(n))).toEqual({ ok: true });
          if (n > 1) expect(verifyInclusion(leaves[i]!, (i + 1) % n, n, proof, rootOf(n)).ok).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});
