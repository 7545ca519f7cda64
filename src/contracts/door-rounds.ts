// The door's federated-round messages: keys, shares, masked input, unmasking, store and abort, one schema each.
import { z } from 'zod';

const roundId = z.uuid('a round id (a UUID)').describe('the hub’s id of the round');
/** Region ids, as the hub registers them (hub.vaults). */
const region = z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'a region id');
const base64Url32 = z.string().regex(/^[A-Za-z0-9_-]{43}$/, '32 bytes, base64url');
const base64 = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');
/** A ring vector (Z / 2^32) as little-endian bytes in base64: at most 2^16 elements. */
const ringVector = base64(Math.ceil((4 * 65_536) / 3) * 4).describe(
  'ring elements mod 2^32, little-endian uint32, base64',
);

/** Round 0: the plan the hub proposes and the training it serves; the vault charges its ledger first. */
export const roundBeginRequest = z
  .strictObject({
    round: roundId,
    participants: z
      .array(region)
      .min(2)
      .max(32)
      .describe('every vault of the round, sorted; the vault must find itself here'),
    threshold: z.number().int().min(2).max(32),
    minimum: z.number().int().min(2).max(32),
    product: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'a product code'),
    asOf: z.iso.date('an ISO date, YYYY-MM-DD').describe('features read on this day, labels in the 90 after'),
    epsilon: z.number().positive().max(100).describe('ε at the vault budget’s δ the round costs each vault'),
    asker: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/i, 'a staff handle'),
    purpose: z.string().min(1).max(64),
  })
  .meta({ id: 'DoorRoundBeginRequest' });

export const keyBundle = z
  .strictObject({
    participant: region,
    cipherKey: base64Url32,
    maskKey: base64Url32,
    signature: base64(100).describe('Ed25519 under the vault’s pinned log key, over the bundle statement'),
  })
  .meta({ id: 'KeyBundle' });

export const sealedShares = z
  .strictObject({
    from: region,
    to: region,
    sealed: base64(4_096).describe('iv ‖ AES-256-GCM ciphertext ‖ tag'),
  })
  .meta({ id: 'SealedShares' });

export const roundShareRequest = z
  .strictObject({ round: roundId, bundles: z.array(keyBundle).max(32) })
  .meta({ id: 'DoorRoundShareRequest' });
export const roundShareAnswer = z
  .strictObject({ shares: z.array(sealedShares).max(32) })
  .meta({ id: 'DoorRoundShareAnswer' });

export const roundMaskRequest = z
  .strictObject({ round: roundId, shares: z.array(sealedShares).max(32) })
  .meta({ id: 'DoorRoundMaskRequest' });
export const roundMaskAnswer = z
  .strictObject({ masked: ringVector.describe('the masked, noised input: uniform to anyone but the sum') })
  .meta({ id: 'DoorRoundMaskAnswer' });

export const roundUnmaskRequest = z
  .strictObject({ round: roundId, survivors: z.array(region).max(32) })
  .meta({ id: 'DoorRoundUnmaskRequest' });

const seedShare = z.strictObject({ of: region, share: base64(200) });
export const unmasking = z
  .strictObject({
    participant: region,
    selfMaskShares: z.array(seedShare).max(32).describe('shares of survivors’ self-mask seeds'),
    maskKeyShares: z.array(seedShare).max(32).describe('shares of dropped vaults’ mask keys'),
  })
  .meta({ id: 'Unmasking' });

export const roundFinishRequest = z
  .strictObject({ round: roundId, sum: ringVector.describe('the released, noised sum') })
  .meta({ id: 'DoorRoundFinishRequest' });
export const roundFinishAnswer = z
  .strictObject({
    model: z.uuid().describe('the model version the vault stored, awaiting its approval'),
    version: z.number().int().min(1),
  })
  .meta({ id: 'DoorRoundFinishAnswer' });

export const roundAbortRequest = z
  .strictObject({ round: roundId, why: z.string().min(1).max(500) })
  .meta({ id: 'DoorRoundAbortRequest' });

/** The door methods of a round, merged into `doorMethods` (contracts/door.ts). */
export const roundDoorMethods = {
  roundBegin: {
    path: 'round/begin',
    summary:
      'VaultDoor.roundBegin: charges the round to the vault’s (ε, δ) ledger, answers its signed key bundle',
    request: roundBeginRequest,
    answer: keyBundle,
  },
  roundShare: {
    path: 'round/share',
    summary: 'VaultDoor.roundShare: checks peers’ bundles against its own pins, answers sealed Shamir shares',
    request: roundShareRequest,
    answer: roundShareAnswer,
  },
  roundMask: {
    path: 'round/mask',
    summary: 'VaultDoor.roundMask: reads its data, adds its noise, answers the masked input',
    request: roundMaskRequest,
    answer: roundMaskAnswer,
  },
  roundUnmask: {
    path: 'round/unmask',
    summary:
      'VaultDoor.roundUnmask: reveals self-mask shares of survivors, mask-key shares of dropped vaults',
    request: roundUnmaskRequest,
    answer: unmasking,
  },
  roundFinish: {
    path: 'round/finish',
    summary: 'VaultDoor.roundFinish: takes the Newton step from the released sum and stores the model',
    request: roundFinishRequest,
    answer: roundFinishAnswer,
  },
  roundAbort: {
    path: 'round/abort',
    summary: 'VaultDoor.roundAbort: forgets the round’s secrets and logs the abort',
    request: roundAbortRequest,
    answer: null,
  },
} as const;
