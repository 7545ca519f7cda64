// The console's own logic, checked in Node against the server's: its inclusion-proof check and diagnostics reader.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leafHashOf, verifyInclusion } from '../../console/src/merkle.ts';
import { problemsOf } from '../../console/src/problems.ts';
import {
  inclusionProof,
  leafHash,
  leafHashHexOfText,
  rootOfLeaves,
  type NodeSource,
} from '../../src/audit/merkle.ts';
import type { VaultServices } from '../../src/app/vault-process.ts';
import { testBackends } from '../support/backends.ts';
import { createTestVault } from '../support/test-vault.ts';

// Hashes and proofs travel as standard base64 everywhere (docs/transparency-log.md).
const encoded = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('the inclusion proof checked in the browser', () => {
  const leaves = Array.from({ length: 37 }, (_, i) => leafHash(Buffer.from(`{"entry":${i}}`)));
  const source: NodeSource = {
    hashes: (nodes) =>
      nodes.map((n) => rootOfLeaves(leaves.slice(n.index * 2 ** n.level, (n.index + 1) * 2 ** n.level))),
  };

  it('hashes a leaf as the log does', async () => {
    const json = '{"at":"2026-11-01T10:00:00Z","type":"question.asked","details":{"n":1}}';
    expect(await leafHashOf(json)).toBe(Buffer.from(leafHashHexOfText(json), 'hex').toString('base64'));
  });

  it('accepts every proof the log gives, for every index and size', async () => {
    for (const size of [1, 2, 3, 7, 8, 9, 37]) {
      const root = encoded(rootOfLeaves(leaves.slice(0, size)));
      for (let index = 0; index < size; index++) {
        const proof = (await inclusionProof(index, size, source)).map(encoded);
        expect(
          await verifyInclusion(encoded(leaves[index]!), index, size, proof, root),
          `${index}/${size}`,
        ).toBe(true);
      }
    }
  });

  it('refuses a proof for another leaf, index, size or root, or one tampered with', async () => {
    const size = 37;
    const index = 20;
    const root = encoded(rootOfLeaves(leaves.slice(0, size)));
    const proof = (await inclusionProof(index, size, source)).map(encoded);
    const leaf = encoded(leaves[index]!);
    expect(await verifyInclusion(encoded(leaves[21]!), index, size, proof, root)).toBe(false);
    expect(await verifyInclusion(leaf, 21, size, proof, root)).toBe(false);
    expect(await verifyInclusion(leaf, index, 100, proof, root)).toBe(false);
    expect(await verifyInclusion(leaf, index, size, proof, encoded(rootOfLeaves(leaves.slice(0, 36))))).toBe(
      false,
    );
    const tampered = [...proof];
    tampered[1] = tampered[1]!.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    expect(await verifyInclusion(leaf, index, size, tampered, root)).toBe(false);
    expect(await verifyInclusion(leaf, index, size, proof.slice(1), root)).toBe(false);
    expect(await verifyInclusion(leaf, size, size, proof, root)).toBe(false);
  });
});

describe('the diagnostics shown under the segment editor', () => {
  let vault: VaultServices & { dispose(): Promise<void> };
  beforeAll(async () => {
    vault = await createTestVault(testBackends[0]!);
  });
  afterAll(() => vault?.dispose());

  it('reads each problem of the vault’s refusal with its line and column', async () => {
    const checked = await vault.questions.check(
      'spent(category: "home_inspection", within: 90d) > 0 and\n  not hold("mortgage")',
      'credit_offers',
    );
    if (checked.ok) throw new Error('the typos were accepted');
    const problems = problemsOf(checked.error.message);
    expect(problems.length).toBe(1);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ line: 2, column: 7 });
    expect(problems[0]!.message).toMatch(/hold/);
  });

  it('splits several problems, and only where a position starts one', () => {
    expect(problemsOf('1:5: expected "and"; or "or"; 2:3: unknown function "spnt"')).toEqual([
      { line: 1, column: 5, message: 'expected "and"; or "or"' },
      { line: 2, column: 3, message: 'unknown function "spnt"' },
    ]);
  });

  it('keeps a message without a position whole', () => {
    expect(problemsOf('the segment is too long')).toEqual([
      { line: 1, column: 1, message: 'the segment is too long' },
    ]);
  });
});
