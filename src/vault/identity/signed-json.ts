// Signed JSON documents (consent and erasure receipts): a compact JWS, EdDSA, the key id and a media type.
import type { KeyObject } from 'node:crypto';
import { CompactSign, compactVerify, decodeProtectedHeader } from 'jose';
import { err, ok, type Result } from '../../core/result.ts';

export type SignedJsonProblem = 'malformed' | 'unknown-key' | 'bad-signature';

export interface PublicSigningKey {
  readonly id: string;
  readonly publicKey: KeyObject;
}

export function signJson(
  document: unknown,
  type: string,
  key: { readonly id: string; readonly privateKey: KeyObject },
): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(document)))
    .setProtectedHeader({ alg: 'EdDSA', kid: key.id, typ: type })
    .sign(key.privateKey);
}

/**
 * Verifies a document of media type `type` against published public keys (active and retired), chosen by
 * the `kid` header; the payload is returned as signed, for the caller to type.
 */
export async function openSignedJson<T>(
  jws: string,
  type: string,
  publicKeys: readonly PublicSigningKey[],
): Promise<Result<T, SignedJsonProblem>> {
  const compact = jws.trim();
  let kid: string | undefined;
  try {
    const header = decodeProtectedHeader(compact);
    if (header.alg !== 'EdDSA' || header.typ !== type) return err('malformed');
    kid = header.kid;
  } catch {
    return err('malformed');
  }
  const key = publicKeys.find((k) => k.id === kid);
  if (key === undefined) return err('unknown-key');
  try {
    const { payload } = await compactVerify(compact, key.publicKey, { algorithms: ['EdDSA'] });
    return ok(JSON.parse(new TextDecoder().decode(payload)) as T);
  } catch {
    return err('bad-signature');
  }
}
