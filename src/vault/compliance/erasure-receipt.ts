// The signed erasure receipt: a compact JWS (EdDSA, the receipt-signing key) whose hash goes into the log.
import { createHash, randomUUID, type KeyObject } from 'node:crypto';
import type { Result } from '../../core/result.ts';
import {
  openSignedJson,
  signJson,
  type PublicSigningKey,
  type SignedJsonProblem,
} from '../identity/signed-json.ts';

export const erasureReceiptType = 'erasure-receipt+json';

/** What the receipt states: what was done and what the scan found, in counts and names of tables. */
export interface ErasureReceipt {
  readonly receiptId: string;
  readonly requestId: string;
  readonly controller: string;
  /** ISO time of issue. */
  readonly erasedAt: string;
  readonly method: 'crypto-shred';
  /** Rows deleted per table (derived data), and rows kept under legal hold. */
  readonly deleted: { readonly [table: string]: number };
  readonly legalHold: {
    readonly id: string;
    readonly transactions: number;
    readonly heldUntil: string | null;
  };
  readonly scan: {
    readonly schemas: readonly string[];
    readonly tables: number;
    readonly rowsScanned: number;
    readonly needleKinds: readonly string[];
    /** Size of the transparency log when it was scanned (its entries are rows of `audit_entries`). */
    readonly logSize: number;
    readonly matches: 0;
  };
}

export function newReceiptId(): string {
  return randomUUID();
}

export function signErasureReceipt(
  receipt: ErasureReceipt,
  key: { readonly id: string; readonly privateKey: KeyObject },
): Promise<string> {
  return signJson(receipt, erasureReceiptType, key);
}

/** The receipt's fingerprint as logged: SHA-256 of the compact JWS, base64url (no digit runs to look like PII). */
export function receiptHash(jws: string): string {
  return createHash('sha256').update(jws.trim()).digest('base64url');
}

export type ErasureReceiptProblem = SignedJsonProblem;

export function openErasureReceipt(
  jws: string,
  publicKeys: readonly PublicSigningKey[],
): Promise<Result<ErasureReceipt, ErasureReceiptProblem>> {
  return openSignedJson<ErasureReceipt>(jws, erasureReceiptType, publicKeys);
}
