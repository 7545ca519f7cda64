// The shapes of a secure-aggregation round (Bonawitz et al. 2017, double masking) shared by vaults and hub.
import { CurtainError } from '../core/errors.ts';

/** What every participant agrees on before the round; the key bundles sign it. */
export interface RoundPlan {
  readonly round: string;
  /** Participant ids (regions), sorted; share i goes to participant i. */
  readonly participants: readonly string[];
  /** t: shares needed to rebuild a seed; more than half the participants. */
  readonly threshold: number;
  /** Fewer participants than this at any step and the round aborts (with three vaults: all three). */
  readonly minimum: number;
  /** Ring elements per input. */
  readonly dimension: number;
}

/** Round 0: a participant's two fresh X25519 public keys, signed with its pinned long-term key. */
export interface KeyBundle {
  readonly participant: string;
  /** For encrypting shares to it (base64url, 32 bytes). */
  readonly cipherKey: string;
  /** For its pairwise masks (base64url, 32 bytes). */
  readonly maskKey: string;
  /** The signature over `bundleStatement` (base64). */
  readonly signature: string;
}

/** Round 1: a participant's shares for one other participant, sealed under their agreed key (AES-256-GCM). */
export interface SealedShares {
  readonly from: string;
  readonly to: string;
  /** base64 of iv (12) ‖ ciphertext ‖ tag (16). */
  readonly sealed: string;
}

/** Round 3: the shares a survivor reveals — self-mask seeds of survivors, mask keys of dropped ones. */
export interface Unmasking {
  readonly participant: string;
  readonly selfMaskShares: readonly { readonly of: string; readonly share: string }[];
  readonly maskKeyShares: readonly { readonly of: string; readonly share: string }[];
}

/** Signs a bundle's statement with the participant's pinned long-term key (base64 signature). */
export type BundleSigner = (statement: Buffer) => string;
/** Whether `signature` over `statement` verifies under the key pinned for `participant`. */
export type BundleVerifier = (participant: string, statement: Buffer, signature: string) => boolean;

/** The signed text of a bundle: the whole plan and both keys, so a bundle cannot serve another round. */
export function bundleStatement(plan: RoundPlan, bundle: Omit<KeyBundle, 'signature'>): Buffer {
  return Buffer.from(
    [
      'curtain secure aggregation v1',
      `round ${plan.round}`,
      `participants ${plan.participants.join(',')}`,
      `threshold ${plan.threshold} minimum ${plan.minimum} dimension ${plan.dimension}`,
      `participant ${bundle.participant}`,
      `cipher ${bundle.cipherKey}`,
      `mask ${bundle.maskKey}`,
      '',
    ].join('\n'),
    'utf8',
  );
}

export const aborted = (why: string): CurtainError =>
  new CurtainError('FEDERATED_ROUND_ABORTED', `the federated round stopped: ${why}`);

/** A plan that can be run: sorted distinct ids, 2 ≤ minimum ≤ n, n/2 < t ≤ minimum, a positive dimension. */
export function checkPlan(plan: RoundPlan): RoundPlan {
  const ids = plan.participants;
  const sorted = [...ids].sort();
  if (new Set(ids).size !== ids.length || sorted.some((id, i) => id !== ids[i])) {
    throw new CurtainError('USAGE', 'participants: distinct ids in sorted order');
  }
  if (!(Number.isInteger(plan.minimum) && plan.minimum >= 2 && plan.minimum <= ids.length)) {
    throw new CurtainError('USAGE', `minimum: between 2 and ${ids.length} (got ${plan.minimum})`);
  }
  if (!(
    Number.isInteger(plan.threshold) &&
    2 * plan.threshold > ids.length &&
    plan.threshold <= plan.minimum
  )) {
    throw new CurtainError('USAGE', `threshold: above half the participants and at most the minimum`);
  }
  if (!(Number.isInteger(plan.dimension) && plan.dimension >= 1)) {
    throw new CurtainError('USAGE', `dimension: a positive integer (got ${plan.dimension})`);
  }
  return plan;
}

/** The minimum rule: three vaults need all three (two could each subtract its own input and learn the other's). */
export const minimumFor = (vaults: number): number => (vaults <= 3 ? vaults : Math.floor(vaults / 2) + 1);

/** Refuses a step that fewer than the plan's minimum took part in. */
export function requireMinimum(plan: RoundPlan, present: readonly string[], step: string): void {
  if (present.length < plan.minimum) {
    throw aborted(
      `${present.length} of ${plan.participants.length} vaults ${step}; the round needs ${plan.minimum}`,
    );
  }
}

/** Adds each bundle to `accepted` after checking it names a participant once and verifies under its pinned key. */
export function acceptBundles(
  plan: RoundPlan,
  verify: BundleVerifier,
  accepted: Map<string, KeyBundle>,
  bundles: readonly KeyBundle[],
): void {
  for (const bundle of bundles) {
    const { signature, ...unsigned } = bundle;
    if (!plan.participants.includes(bundle.participant) || accepted.has(bundle.participant)) {
      throw aborted(`a bundle names "${bundle.participant}", unknown or twice`);
    }
    if (!verify(bundle.participant, bundleStatement(plan, unsigned), signature)) {
      throw aborted(`the key bundle of "${bundle.participant}" does not verify against its pinned key`);
    }
    accepted.set(bundle.participant, bundle);
  }
}
