// Secure aggregation with double masking: exact sums, a hub view that reveals nothing, dropouts, aborts.
import { generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chiSquareTest, significance } from '../privacy/dp/chi-square.test-support.ts';
import { addRing, toRing } from './fixed-point.ts';
import { minimumFor, type KeyBundle, type RoundPlan, type Unmasking } from './secure-aggregation.ts';
import { SecureAggregationClient } from './secure-aggregation-client.ts';
import { SecureAggregationServer } from './secure-aggregation-server.ts';

/** n vaults with long-term Ed25519 keys; every party pins the same public keys. */
function setup(n: number, threshold: number, dimension: number) {
  const ids = Array.from({ length: n }, (_, i) => `region-${String.fromCharCode(97 + i)}`);
  const plan: RoundPlan = {
    round: 'round-1',
    participants: ids,
    threshold,
    minimum: minimumFor(n),
    dimension,
  };
  const longTerm = new Map(ids.map((id) => [id, generateKeyPairSync('ed25519')]));
  const pinned = new Map<string, KeyObject>(ids.map((id) => [id, longTerm.get(id)!.publicKey]));
  const verifier = (id: string, statement: Buffer, signature: string) =>
    pinned.has(id) && verify(null, statement, pinned.get(id)!, Buffer.from(signature, 'base64'));
  const clients = new Map(
    ids.map((id) => {
      const signer = (statement: Buffer) =>
        sign(null, statement, longTerm.get(id)!.privateKey).toString('base64');
      return [id, new SecureAggregationClient(plan, id, signer, verifier)];
    }),
  );
  return { plan, ids, clients, server: new SecureAggregationServer(plan, verifier), pinned };
}

type Setup = ReturnType<typeof setup>;

/** Rounds 0–2 for everyone in `sharing`; only `masking` send masked inputs. */
async function upToMasked(s: Setup, inputs: Map<string, Uint32Array>, sharing: string[], masking: string[]) {
  const bundles = s.server.collectBundles(sharing.map((id) => s.clients.get(id)!.advertise()));
  const sealed = await Promise.all(sharing.map((id) => s.clients.get(id)!.shareKeys(bundles)));
  const routed = s.server.routeShares(sealed);
  const masked = new Map(
    masking.map((id) => [id, s.clients.get(id)!.maskInput(routed.get(id) ?? [], inputs.get(id)!)] as const),
  );
  return masked;
}

const randomInput = (dimension: number, seed: number) =>
  toRing(Array.from({ length: dimension }, (_, i) => (((i + 1) * 7919 * seed) % 100_000) - 50_000));

const sumOf = (vectors: Uint32Array[]) => vectors.reduce((a, b) => addRing(a, b));

/** Chi-square of the words' top bytes against uniform over 256 values. */
function topByteUniformity(words: Uint32Array): number {
  const observed = new Array<number>(256).fill(0);
  for (const w of words) observed[w >>> 24]! += 1;
  return chiSquareTest(observed, new Array<number>(256).fill(words.length / 256)).pValue;
}

describe('secure aggregation (Bonawitz et al. 2017, double masking)', () => {
  it('three vaults: the hub learns exactly the sum', async () => {
    const s = setup(3, 2, 64);
    const inputs = new Map(s.ids.map((id, i) => [id, randomInput(64, i + 1)]));
    const masked = await upToMasked(s, inputs, s.ids, s.ids);
    const survivors = s.server.collectMasked(masked);
    expect(survivors).toEqual(s.ids);
    const sum = await s.server.unmask(survivors.map((id) => s.clients.get(id)!.unmask(survivors)));
    expect([...sum]).toEqual([...sumOf([...inputs.values()])]);
  });

  it("the hub's view of a proper subset is uniform: masked inputs of all-zero updates reveal nothing", async () => {
    const dimension = 8192;
    const s = setup(3, 2, dimension);
    const zeros = new Map(s.ids.map((id) => [id, new Uint32Array(dimension)]));
    const masked = await upToMasked(s, zeros, s.ids, s.ids);
    const [a, b, c] = s.ids.map((id) => masked.get(id)!) as [Uint32Array, Uint32Array, Uint32Array];
    // One vault's masked input, and the sum of any two, look uniform; nothing of the (zero) inputs shows.
    for (const view of [a, addRing(a, b), addRing(b, c), addRing(a, c)]) {
      expect(topByteUniformity(view)).toBeGreaterThan(significance);
      expect(view.filter((w) => w === 0).length).toBeLessThan(3);
    }
    // All three still carry the self masks: without the unmasking round the sum is no more readable.
    expect(topByteUniformity(addRing(addRing(a, b), c))).toBeGreaterThan(significance);
    // And the test itself can tell: an unmasked zero vector fails the same check.
    expect(() => topByteUniformity(new Uint32Array(dimension))).not.toThrow();
    expect(topByteUniformity(new Uint32Array(dimension))).toBeLessThan(significance);
  });

  it('five vaults, threshold 3: two drop after sharing keys and the sum of the three others is recovered', async () => {
    const s = setup(5, 3, 32);
    const inputs = new Map(s.ids.map((id, i) => [id, randomInput(32, i + 3)]));
    const alive = s.ids.slice(0, 3);
    const masked = await upToMasked(s, inputs, s.ids, alive);
    const survivors = s.server.collectMasked(masked);
    expect(survivors).toEqual(alive);
    const unmaskings = survivors.map((id) => s.clients.get(id)!.unmask(survivors));
    // Survivors reveal self-mask shares of survivors and mask-key shares of the dropped, never both for one vault.
    for (const u of unmaskings) {
      expect(u.selfMaskShares.map((x) => x.of)).toEqual(alive);
      expect(u.maskKeyShares.map((x) => x.of)).toEqual(s.ids.slice(3));
    }
    const sum = await s.server.unmask(unmaskings);
    expect([...sum]).toEqual([...sumOf(alive.map((id) => inputs.get(id)!))]);
  });

  it('five vaults: fewer than the threshold of unmaskings rebuild nothing', async () => {
    const s = setup(5, 3, 16);
    const inputs = new Map(s.ids.map((id, i) => [id, randomInput(16, i + 1)]));
    const masked = await upToMasked(s, inputs, s.ids, s.ids);
    const survivors = s.server.collectMasked(masked);
    const two: Unmasking[] = survivors.slice(0, 2).map((id) => s.clients.get(id)!.unmask(survivors));
    await expect(s.server.unmask(two)).rejects.toMatchObject({ code: 'FEDERATED_ROUND_ABORTED' });
  });

  it('three vaults, one drops before masking: the round aborts and the survivors reveal nothing', async () => {
    const s = setup(3, 2, 16);
    const inputs = new Map(s.ids.map((id, i) => [id, randomInput(16, i + 1)]));
    const two = s.ids.slice(0, 2);
    const masked = await upToMasked(s, inputs, s.ids, two);
    expect(() => s.server.collectMasked(masked)).toThrow(
      /2 of 3 vaults sent masked inputs; the round needs 3/,
    );
    // A hub that pretends otherwise gets no shares from the vaults either.
    for (const id of two) {
      expect(() => s.clients.get(id)!.unmask(two)).toThrow(
        expect.objectContaining({ code: 'FEDERATED_ROUND_ABORTED' }),
      );
    }
  });

  it('three vaults, one never advertises: the round aborts before any share is made', () => {
    const s = setup(3, 2, 8);
    const bundles = s.ids.slice(0, 2).map((id) => s.clients.get(id)!.advertise());
    expect(() => s.server.collectBundles(bundles)).toThrow(/2 of 3 vaults advertised keys/);
  });

  it('a bundle the hub altered (or signed by another key) aborts the round at every vault', async () => {
    const s = setup(3, 2, 8);
    const bundles = s.ids.map((id) => s.clients.get(id)!.advertise());
    const forged: KeyBundle = { ...bundles[1]!, maskKey: bundles[0]!.maskKey };
    await expect(s.clients.get(s.ids[0]!)!.shareKeys([bundles[0]!, forged, bundles[2]!])).rejects.toThrow(
      /does not verify against its pinned key/,
    );
    expect(() => s.server.collectBundles([bundles[0]!, forged, bundles[2]!])).toThrow(/pinned key/);
  });

  it('a vault answers each step once: a second unmasking request is refused', async () => {
    const s = setup(3, 2, 8);
    const inputs = new Map(s.ids.map((id, i) => [id, randomInput(8, i + 1)]));
    await upToMasked(s, inputs, s.ids, s.ids);
    const client = s.clients.get(s.ids[0]!)!;
    client.unmask(s.ids);
    expect(() => client.unmask(s.ids.slice(0, 2))).toThrow(/asked to unmask while at done/);
  });
});
