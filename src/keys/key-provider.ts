// The key-provider seam: key-encryption keys, signing keys and derived secrets live here, never in the database.
import type { KeyObject } from 'node:crypto';

export interface WrappedKey {
  /** Which key-encryption key wrapped it. */
  readonly kekId: string;
  readonly blob: Uint8Array;
}

/**
 * Secrets derived for one purpose each; their ids are published, their values never leave the vault.
 * 'avatar-token' keys the PRF that turns an avatar and a campaign into a token (vault/avatars).
 * 'message-id' keys the stable ids of email, push and webhook notices (vault/delivery).
 */
export type SecretPurpose = 'blind-index' | 'token' | 'avatar-token' | 'message-id';

/** Ed25519 key pairs: one signs transparency-log heads, the other consent receipts. */
export type SigningPurpose = 'log-signing' | 'receipt-signing';

export interface SigningKey {
  readonly id: string;
  readonly purpose: SigningPurpose;
  readonly createdAt: string;
  readonly status: 'active' | 'retired';
  /** Absent for retired keys: they only verify what they signed before the rotation. */
  readonly privateKey: KeyObject | undefined;
  readonly publicKey: KeyObject;
}

export interface KeyInfo {
  readonly id: string;
  readonly purpose: 'key-encryption' | SecretPurpose | SigningPurpose;
  readonly createdAt: string;
  readonly status: 'active' | 'retired';
}

/**
 * Wraps and unwraps per-customer data keys. The local key file implements it; a KMS
 * (AWS KMS, Google Cloud KMS, Vault transit) implements the same four operations.
 *
 * Shredding is recorded here, not only in the database: a provider refuses to unwrap a
 * shredded key id, so a database backup taken before an erasure and restored afterwards
 * cannot decrypt that customer either.
 */
export interface KeyProvider {
  readonly currentKekId: string;
  wrap(dataKey: Uint8Array, keyId: string): Promise<WrappedKey>;
  /** Fails with KEY_UNAVAILABLE when the KEK is gone or the key id was shredded. */
  unwrap(wrapped: WrappedKey, keyId: string): Promise<Buffer>;
  secret(purpose: SecretPurpose): Buffer;
  /** Starts a new KEK; older ones stay, retired (unwrap only), until destroyed. */
  rotateKek(): Promise<string>;
  /** Destroys a retired KEK: whatever it wrapped can no longer be unwrapped. */
  destroyKek(kekId: string): Promise<void>;
  /** The active signing key of a purpose. */
  signingKey(purpose: SigningPurpose): SigningKey & { readonly privateKey: KeyObject };
  /** Every key of a purpose, active and retired, so that old signatures still verify. */
  verificationKeys(purpose: SigningPurpose): readonly SigningKey[];
  /** A new signing key; the old one is retired and its private half destroyed. */
  rotateSigningKey(purpose: SigningPurpose): Promise<string>;
  recordShred(keyIds: readonly string[]): Promise<void>;
  shreddedKeyIds(): ReadonlySet<string>;
  inventory(): readonly KeyInfo[];
}
