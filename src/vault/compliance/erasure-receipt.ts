// The signed erasure receipt: a compact JWS (EdDSA, the receipt-signing key) whose hash goes into the log.
import { createHash, randomUUID, type KeyObject } from 'node:crypto';
import { CompactSign, compactVerify, decodeProtectedHeader } from 'jose';
import { err, ok, type Result } from '../../core/result.ts';

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

export async function signErasureReceipt(
  receipt: ErasureReceipt,
  key: { readonly id: string; readonly privateKey: KeyObject },
): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(receipt)))
    .setProtectedHeader({ alg: 'EdDSA', kid: key.id, typ: erasureReceiptType })
    .sign(key.privateKey);
}

/** The receipt's fingerprint as logged: SHA-256 of the compact JWS, base64url (no digit runs to look like PII). */
export function receiptHash(jws: string): string {
  return createHash('sha256').update(jws.trim()).digest('base64url');
}

export type ErasureReceiptProblem = 'malformed' | 'unknown-key' | 'bad-signature';

export async function openErasureReceipt(
  jws: string,
  publicKeys: readonly { readonly id: string; readonly publicKey: KeyObject }[],
): Promise<Result<ErasureReceipt, ErasureReceiptProblem>> {
  let kid: string | undefined;
  try {
    const header = decodeProtectedHeader(jws.trim());
    if (header.alg !== 'EdDSA' || header.typ !== erasureReceiptType) return err('malformed');
    kid = header.kid;
  } catch {
    return err('malformed');
  }
  const key = publicKeys.find((k) => k.id === kid);
  if (key === undefined) return err('unknown-key');
  try {
    const { payload } = await compactVerify(jws.trim(), key.publicKey, { algorithms: ['EdDSA'] });
    return ok(JSON.parse(new TextDecoder().decode(payload)) as ErasureReceipt);
  } catch {
    return err('bad-signature');
  }
}
