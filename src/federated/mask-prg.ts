// Masks for secure aggregation: X25519 agreements and seeds expanded by AES-256-CTR into vectors mod 2^32.
import {
  createCipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
} from 'node:crypto';

/** An X25519 key pair with its raw 32-byte halves (base64url), as bundles and shares carry them. */
export interface AgreementKeys {
  readonly privateKey: KeyObject;
  readonly publicKey: string;
}

export function newAgreementKeys(): AgreementKeys {
  const { privateKey, publicKey } = generateKeyPairSync('x25519');
  return { privateKey, publicKey: rawPublic(publicKey) };
}

const rawPublic = (key: KeyObject): string => key.export({ format: 'jwk' }).x!;

/** The raw 32-byte private half (what Shamir shares of a mask key split). */
export const rawPrivate = (keys: AgreementKeys): Uint8Array =>
  Uint8Array.from(Buffer.from(keys.privateKey.export({ format: 'jwk' }).d!, 'base64url'));

/** Rebuilds a key pair from its raw private half (a reconstructed mask key), checked against its public half. */
export function agreementKeysFrom(raw: Uint8Array, publicKey: string): AgreementKeys {
  const d = Buffer.from(raw).toString('base64url');
  const privateKey = createPrivateKey({ key: { kty: 'OKP', crv: 'X25519', d, x: publicKey }, format: 'jwk' });
  if (rawPublic(createPublicKey(privateKey)) !== publicKey) {
    throw new RangeError('The reconstructed key does not match its advertised public key.');
  }
  return { privateKey, publicKey };
}

/** A 32-byte key both ends derive from X25519(mine, theirs), bound to the round and the use. */
export function agreedKey(mine: AgreementKeys, theirs: string, round: string, use: string): Buffer {
  const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: theirs }, format: 'jwk' });
  const shared = diffieHellman({ privateKey: mine.privateKey, publicKey });
  return Buffer.from(hkdfSync('sha256', shared, Buffer.from(round, 'utf8'), `curtain secagg ${use}`, 32));
}

/** The PRG: AES-256-CTR under `seed` (32 bytes) over a zero counter, read as little-endian words mod 2^32. */
export function expandMask(seed: Uint8Array, dimension: number): Uint32Array {
  if (seed.length !== 32) throw new RangeError(`A mask seed has 32 bytes, got ${seed.length}.`);
  const cipher = createCipheriv('aes-256-ctr', seed, Buffer.alloc(16));
  const bytes = Buffer.concat([cipher.update(Buffer.alloc(4 * dimension)), cipher.final()]);
  return Uint32Array.from({ length: dimension }, (_, i) => bytes.readUInt32LE(4 * i));
}
