// The issuer's blind signature (RFC 9474 §4.3, BlindSign: s = m^d mod n, checked by s^e mod n = m) with Node's
// native RSA: the library signs with a JavaScript big-number library at about two tokens a second.
import { publicVerif } from '@cloudflare/privacypass-ts';
import {
  constants,
  createHash,
  createPublicKey,
  privateDecrypt,
  publicEncrypt,
  type KeyObject,
} from 'node:crypto';
import { CurtainError } from '../../core/errors.ts';

export interface BlindIssuer {
  /** Signs one blinded token request; returns the serialised token response (RFC 9578 §6.2). */
  issue(request: InstanceType<typeof publicVerif.TokenRequest>): Uint8Array;
}

/**
 * `privateKey` is the issuer's RSA key; `publicKeyBytes` the RSASSA-PSS SPKI clients use, whose SHA-256 is the
 * token key id (a request names its last byte).
 */
export function nativeBlindIssuer(privateKey: KeyObject, publicKeyBytes: Uint8Array): BlindIssuer {
  const publicKey = createPublicKey(privateKey);
  const truncatedKeyId = createHash('sha256').update(publicKeyBytes).digest().at(-1);
  const raw = { padding: constants.RSA_NO_PADDING };
  return {
    issue(request) {
      if (request.truncatedTokenKeyId !== truncatedKeyId) {
        throw new CurtainError('USAGE', 'requests: a token request for another issuer key');
      }
      const blinded = Buffer.from(request.blindedMsg);
      let signature: Buffer;
      try {
        signature = privateDecrypt({ key: privateKey, ...raw }, blinded);
      } catch {
        throw new CurtainError('USAGE', 'requests: a blinded message outside the key’s modulus');
      }
      // RFC 9474 §4.3 step 3–4: a faulty signature would leak the key; check it before it leaves.
      if (!publicEncrypt({ key: publicKey, ...raw }, signature).equals(blinded)) {
        throw new Error('blind signature failed its check');
      }
      return new publicVerif.TokenResponse(signature).serialize();
    },
  };
}
