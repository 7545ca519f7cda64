// One participant (a vault) of a secure-aggregation round: keys, sealed Shamir shares, the masked input, unmasking.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { split } from 'shamir-secret-sharing';
import { addRing, subRing } from './fixed-point.ts';
import { agreedKey, expandMask, newAgreementKeys, rawPrivate, type AgreementKeys } from './mask-prg.ts';
import {
  aborted,
  acceptBundles,
  bundleStatement,
  checkPlan,
  requireMinimum,
  type BundleSigner,
  type BundleVerifier,
  type KeyBundle,
  type RoundPlan,
  type SealedShares,
  type Unmasking,
} from './secure-aggregation.ts';

type Step = 'advertise' | 'share' | 'mask' | 'unmask' | 'done';

interface HeldShares {
  readonly selfMask: string;
  readonly maskKey: string;
}

/** Seals `plain` to a peer: AES-256-GCM under the agreed cipher key, the sender and recipient as associated data. */
function seal(key: Buffer, aad: string, plain: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64');
}

function open(key: Buffer, aad: string, sealed: string): Buffer {
  const bytes = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12)).setAAD(
    Buffer.from(aad, 'utf8'),
  );
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]);
}

/** The pairwise mask between `me` and `peer`: added by the smaller id, subtracted by the larger, so pairs cancel. */
export function pairwiseMask(
  plan: RoundPlan,
  me: string,
  keys: AgreementKeys,
  peer: string,
  peerKey: string,
): { readonly mask: Uint32Array; readonly sign: 1 | -1 } {
  const seed = agreedKey(keys, peerKey, plan.round, `mask ${[me, peer].sort().join(' ')}`);
  return { mask: expandMask(seed, plan.dimension), sign: me < peer ? 1 : -1 };
}

/**
 * A vault's side of the round. Each step runs once, in order; anything else aborts the round. Its secrets (the
 * self-mask seed, the mask key) leave it only as Shamir shares sealed to peers whose bundles verified.
 */
export class SecureAggregationClient {
  readonly #plan: RoundPlan;
  readonly #me: string;
  readonly #sign: BundleSigner;
  readonly #verify: BundleVerifier;
  readonly #cipherKeys = newAgreementKeys();
  readonly #maskKeys = newAgreementKeys();
  readonly #selfSeed = Uint8Array.from(randomBytes(32));
  #step: Step = 'advertise';
  #peers = new Map<string, KeyBundle>();
  #held = new Map<string, HeldShares>();

  constructor(plan: RoundPlan, me: string, sign: BundleSigner, verify: BundleVerifier) {
    this.#plan = checkPlan(plan);
    if (!plan.participants.includes(me)) throw aborted(`"${me}" is not a participant of the round`);
    this.#me = me;
    this.#sign = sign;
    this.#verify = verify;
  }

  #enter(step: Step, next: Step): void {
    if (this.#step !== step) throw aborted(`"${this.#me}" was asked to ${step} while at ${this.#step}`);
    this.#step = next;
  }

  /** Round 0: the two fresh public keys, signed. */
  advertise(): KeyBundle {
    this.#enter('advertise', 'share');
    const bundle = {
      participant: this.#me,
      cipherKey: this.#cipherKeys.publicKey,
      maskKey: this.#maskKeys.publicKey,
    };
    return { ...bundle, signature: this.#sign(bundleStatement(this.#plan, bundle)) };
  }

  /** Round 1: verifies every bundle against its pinned key, then seals a share of each secret to each peer. */
  async shareKeys(bundles: readonly KeyBundle[]): Promise<SealedShares[]> {
    this.#enter('share', 'mask');
    acceptBundles(this.#plan, this.#verify, this.#peers, bundles);
    const mine = this.#peers.get(this.#me);
    if (mine?.maskKey !== this.#maskKeys.publicKey)
      throw aborted(`"${this.#me}"'s own bundle was not relayed`);
    const present = this.#plan.participants.filter((id) => this.#peers.has(id));
    requireMinimum(this.#plan, present, 'advertised keys');
    const [selfShares, keyShares] = await Promise.all([
      split(this.#selfSeed, present.length, this.#plan.threshold),
      split(rawPrivate(this.#maskKeys), present.length, this.#plan.threshold),
    ]);
    return present.map((to, i) => {
      const plain = Buffer.from(
        JSON.stringify({
          selfMask: Buffer.from(selfShares[i]!).toString('base64'),
          maskKey: Buffer.from(keyShares[i]!).toString('base64'),
        }),
      );
      const key = agreedKey(this.#cipherKeys, this.#peers.get(to)!.cipherKey, this.#plan.round, 'shares');
      return { from: this.#me, to, sealed: seal(key, `${this.#plan.round} ${this.#me}→${to}`, plain) };
    });
  }

  /**
   * Round 2: opens the shares sent to it (their senders are the peers it masks with), then returns
   * input + self mask ± one pairwise mask per peer, mod 2^32.
   */
  maskInput(shares: readonly SealedShares[], input: Uint32Array): Uint32Array {
    this.#enter('mask', 'unmask');
    if (input.length !== this.#plan.dimension) throw aborted(`an input of ${input.length} values`);
    for (const share of shares) {
      const peer = this.#peers.get(share.from);
      if (share.to !== this.#me || peer === undefined || this.#held.has(share.from)) {
        throw aborted(`a share from "${share.from}" to "${share.to}" was not expected here`);
      }
      const key = agreedKey(this.#cipherKeys, peer.cipherKey, this.#plan.round, 'shares');
      const plain = open(key, `${this.#plan.round} ${share.from}→${this.#me}`, share.sealed);
      this.#held.set(share.from, JSON.parse(plain.toString('utf8')) as HeldShares);
    }
    const senders = [...this.#held.keys()];
    requireMinimum(this.#plan, senders, 'shared their keys');
    let masked: Uint32Array = addRing(input, expandMask(this.#selfSeed, this.#plan.dimension));
    for (const peer of senders.filter((id) => id !== this.#me)) {
      const { mask, sign } = pairwiseMask(
        this.#plan,
        this.#me,
        this.#maskKeys,
        peer,
        this.#peers.get(peer)!.maskKey,
      );
      masked = sign === 1 ? addRing(masked, mask) : subRing(masked, mask);
    }
    return masked;
  }

  /**
   * Round 3: given who sent masked inputs, reveals self-mask shares of those and mask-key shares of the others
   * — never both for one peer, so no peer's input can be unmasked alone. Below the minimum it reveals nothing.
   */
  unmask(survivors: readonly string[]): Unmasking {
    this.#enter('unmask', 'done');
    const known = new Set(this.#held.keys());
    if (new Set(survivors).size !== survivors.length || survivors.some((id) => !known.has(id))) {
      throw aborted('the survivors named are not among the vaults that shared keys');
    }
    requireMinimum(this.#plan, survivors, 'sent masked inputs');
    const alive = new Set(survivors);
    const held = [...this.#held.entries()];
    return {
      participant: this.#me,
      selfMaskShares: held.filter(([of]) => alive.has(of)).map(([of, s]) => ({ of, share: s.selfMask })),
      maskKeyShares: held.filter(([of]) => !alive.has(of)).map(([of, s]) => ({ of, share: s.maskKey })),
    };
  }
}
