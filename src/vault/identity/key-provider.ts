// The key-provider seam: key-encryption keys and derived secrets live here, never in the database.

export interface WrappedKey {
  /** Which key-encryption key wrapped it. */
  readonly kekId: string;
  readonly blob: Uint8Array;
}

/** Secrets derived for one purpose each; their ids are published, their values never leave the vault. */
export type SecretPurpose = 'blind-index' | 'token';

export interface KeyInfo {
  readonly id: string;
  readonly purpose: 'key-encryption' | SecretPurpose;
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
  recordShred(keyIds: readonly string[]): Promise<void>;
  shreddedKeyIds(): ReadonlySet<string>;
  inventory(): readonly KeyInfo[];
}
