// A vault proves to the hub that it holds the log-signing key the hub pinned: it signs the hub's fresh nonce.
import { randomBytes, sign, verify } from 'node:crypto';
import type { LogKeys } from './audit-log.ts';
import { logKeyName, noteVerifier, parseVerifierKey, verifierKeyString } from './checkpoint.ts';

/** What the vault answers to a challenge: its current verifier key and its signature over the statement. */
export interface DoorIdentityProof {
  readonly publicKey: string;
  readonly signature: string;
}

/** A nonce: 32 random bytes, base64url, so that an old proof never answers a new challenge. */
export const identityNonce = (): string => randomBytes(32).toString('base64url');

/**
 * The signed text. Its first line is not a log origin followed by a size, so no proof can pass for a
 * checkpoint (a checkpoint note needs an origin, a decimal size and a root hash): the log key signs both.
 */
const statement = (nonce: string): Buffer =>
  Buffer.from(`curtain door identity v1\nnonce ${nonce}\n`, 'utf8');

/** The log's active verifier key: what an operator gives `curtain vaults add --public-key` to pin. */
export function activeVerifierKey(keys: LogKeys, origin: string): string {
  const key = keys.signingKey('log-signing');
  return verifierKeyString(noteVerifier(logKeyName(origin, key.id), key.publicKey));
}

export function proveIdentity(keys: LogKeys, origin: string, nonce: string): DoorIdentityProof {
  const key = keys.signingKey('log-signing');
  return {
    publicKey: activeVerifierKey(keys, origin),
    signature: sign(null, statement(nonce), key.privateKey).toString('base64'),
  };
}

/** Whether `proof` answers `nonce` under the pinned verifier key (and names that very key). */
export function identityHolds(pinned: string, nonce: string, proof: DoorIdentityProof): boolean {
  const verifier = parseVerifierKey(pinned);
  if (verifier === undefined || proof.publicKey !== pinned) return false;
  const signature = Buffer.from(proof.signature, 'base64');
  if (signature.length !== 64) return false;
  return verify(null, statement(nonce), verifier.publicKey, signature);
}

/** Whether text is a well-formed verifier key (`<name>+<hash>+<key>`), as `curtain vaults add` takes it. */
export const isVerifierKey = (text: string): boolean => parseVerifierKey(text) !== undefined;
