// The hub's side of a secure-aggregation round: it relays bundles and sealed shares and unmasks only the sum.
import { combine } from 'shamir-secret-sharing';
import { addRing, subRing } from './fixed-point.ts';
import { agreementKeysFrom, expandMask } from './mask-prg.ts';
import { pairwiseMask } from './secure-aggregation-client.ts';
import {
  aborted,
  acceptBundles,
  checkPlan,
  requireMinimum,
  type BundleVerifier,
  type KeyBundle,
  type RoundPlan,
  type SealedShares,
  type Unmasking,
} from './secure-aggregation.ts';

/**
 * Sees only signed public keys, sealed shares, masked inputs and the shares survivors reveal. `verify` checks
 * bundles against the keys the hub pinned at registration, so the hub never relays a bundle it could not vouch
 * for (the vaults check again against their own pins).
 */
export class SecureAggregationServer {
  readonly #plan: RoundPlan;
  readonly #verify: BundleVerifier;
  #bundles = new Map<string, KeyBundle>();
  #sharers: string[] = [];
  #masked = new Map<string, Uint32Array>();

  constructor(plan: RoundPlan, verify: BundleVerifier) {
    this.#plan = checkPlan(plan);
    this.#verify = verify;
  }

  get plan(): RoundPlan {
    return this.#plan;
  }

  /** Round 0 → 1: the verified bundles to send to every vault. */
  collectBundles(bundles: readonly KeyBundle[]): KeyBundle[] {
    acceptBundles(this.#plan, this.#verify, this.#bundles, bundles);
    requireMinimum(this.#plan, [...this.#bundles.keys()], 'advertised keys');
    return [...this.#bundles.values()];
  }

  /** Round 1 → 2: the sealed shares, grouped by recipient. */
  routeShares(sealed: readonly (readonly SealedShares[])[]): Map<string, SealedShares[]> {
    const routed = new Map<string, SealedShares[]>();
    this.#sharers = sealed.map((batch) => batch[0]?.from ?? '').filter((id) => this.#bundles.has(id));
    requireMinimum(this.#plan, this.#sharers, 'shared their keys');
    for (const share of sealed.flat()) {
      if (!this.#sharers.includes(share.from) || !this.#sharers.includes(share.to)) continue;
      routed.set(share.to, [...(routed.get(share.to) ?? []), share]);
    }
    return routed;
  }

  /** Round 2 → 3: records the masked inputs; returns the survivors every vault is told. */
  collectMasked(inputs: ReadonlyMap<string, Uint32Array>): string[] {
    for (const [id, input] of inputs) {
      if (!this.#sharers.includes(id)) throw aborted(`a masked input from "${id}", which shared no keys`);
      if (input.length !== this.#plan.dimension) throw aborted(`"${id}" sent ${input.length} values`);
      this.#masked.set(id, input);
    }
    const survivors = this.#sharers.filter((id) => this.#masked.has(id));
    requireMinimum(this.#plan, survivors, 'sent masked inputs');
    return survivors;
  }

  /** Round 3: rebuilds the survivors' self masks and the dropped vaults' mask keys, and returns the sum. */
  async unmask(unmaskings: readonly Unmasking[]): Promise<Uint32Array> {
    if (unmaskings.length < this.#plan.threshold) {
      throw aborted(`${unmaskings.length} vaults unmasked; ${this.#plan.threshold} are needed`);
    }
    const survivors = [...this.#masked.keys()];
    const dropped = this.#sharers.filter((id) => !this.#masked.has(id));
    let sum: Uint32Array = new Uint32Array(this.#plan.dimension);
    for (const id of survivors) sum = addRing(sum, this.#masked.get(id)!);
    for (const id of survivors) {
      const seed = await combine(sharesOf(unmaskings, 'selfMaskShares', id));
      sum = subRing(sum, expandMask(seed, this.#plan.dimension));
    }
    for (const id of dropped) {
      const keys = agreementKeysFrom(
        await combine(sharesOf(unmaskings, 'maskKeyShares', id)),
        this.#maskKeyOf(id),
      );
      for (const peer of survivors) {
        // The survivor added sign·mask for the dropped vault; the dropped vault's mask-key rebuilds the same mask.
        const { mask, sign } = pairwiseMask(this.#plan, id, keys, peer, this.#maskKeyOf(peer));
        sum = sign === 1 ? addRing(sum, mask) : subRing(sum, mask);
      }
    }
    return sum;
  }

  #maskKeyOf(id: string): string {
    return this.#bundles.get(id)!.maskKey;
  }
}

function sharesOf(unmaskings: readonly Unmasking[], kind: 'selfMaskShares' | 'maskKeyShares', of: string) {
  return unmaskings.flatMap((u) =>
    u[kind].filter((s) => s.of === of).map((s) => Uint8Array.from(Buffer.from(s.share, 'base64'))),
  );
}
