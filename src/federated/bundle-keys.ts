// Key bundles signed with the vault's log-signing key and checked against the verifier keys pinned for each region.
import { sign, verify } from 'node:crypto';
import type { LogKeys } from '../audit/audit-log.ts';
import { parseVerifierKey } from '../audit/checkpoint.ts';
import type { BundleSigner, BundleVerifier } from './secure-aggregation.ts';

/**
 * Signs with the key the hub and the peers pinned at registration. A bundle's first line is not a log origin
 * followed by a size, so no bundle can pass for a checkpoint note signed by the same key.
 */
export const logKeySigner =
  (keys: LogKeys): BundleSigner =>
  (statement) =>
    sign(null, statement, keys.signingKey('log-signing').privateKey).toString('base64');

/** Verifies a bundle against the verifier key pinned for its region (`curtain vaults add --public-key`). */
export function pinnedVerifier(pins: ReadonlyMap<string, string>): BundleVerifier {
  return (participant, statement, signature) => {
    const pinned = pins.get(participant);
    const verifier = pinned === undefined ? undefined : parseVerifierKey(pinned);
    const bytes = Buffer.from(signature, 'base64');
    return (
      verifier !== undefined && bytes.length === 64 && verify(null, statement, verifier.publicKey, bytes)
    );
  };
}
