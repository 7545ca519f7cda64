// Edge campaign definitions: what the bank publishes, signed, and how the device checks them against the log.
import { compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import { keyFingerprint } from '../core/key-fingerprint.ts';
import { err, ok, type Result } from '../core/result.ts';
import { verifyInclusion, verifyCheckpoint, type CryptoKey, type LogProof } from './log-proof.ts';

/** The media type of a signed definition (the JWS `typ`). */
export const definitionType = 'curtain-edge-campaign+jws';

/**
 * A frozen propensity model, signed with the definition that uses it: the segment's `propensity("product")`
 * reads σ(w·x + bias) over the customer's own features under the feature list's version, computed on the device.
 * The threshold is the segment's own literal (`propensity("mortgage") >= 0.6`), signed with it.
 */
export interface FrozenModel {
  /** The approved model version (model_versions id) the vault's checker bound `propensity(product)` to. */
  readonly id: string;
  readonly product: string;
  readonly featureListVersion: number;
  readonly weights: readonly number[];
  readonly bias: number;
}

/** What one signed definition states: the segment, the offer and when it is valid. Nothing about anyone. */
export interface EdgeDefinition {
  readonly format: 'curtain-edge-campaign/1';
  /** Public campaign id, also the report's campaign field. */
  readonly id: string;
  readonly expression: string;
  readonly purpose: string;
  /** The vault's base currency and retention, as the central checker used them. */
  readonly currency: string;
  readonly retentionDays: number;
  readonly maxAttributes: number;
  readonly offer: {
    readonly title: string;
    readonly body: string;
    readonly callToAction: string;
    readonly productCode: string;
    readonly category: string;
    readonly provider: string;
  };
  /** The frozen models its segment's `propensity(…)` reads; absent when it reads none. */
  readonly models?: readonly FrozenModel[];
  /** First and last day it may be shown, 'YYYY-MM-DD'. */
  readonly validFrom: string;
  readonly validUntil: string;
}

/** An edge key as the device receives it: the key, and its log entry with an inclusion proof. */
export interface PublishedKey {
  readonly keyId: string;
  /** Base64url: the raw Ed25519 key (definitions) or the issuer's RSASSA-PSS SPKI (tokens). */
  readonly publicKey: string;
  readonly log: LogProof;
}

export type DefinitionProblem =
  'key-not-in-log' | 'log-proof-invalid' | 'malformed' | 'unknown-key' | 'bad-signature';

const fromBase64Url = (text: string): Uint8Array =>
  Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

/**
 * Whether the transparency log recorded this key for this use (and epoch): an entry of type
 * `edge.key_published` naming its id and fingerprint, included under a checkpoint signed by a pinned log key.
 */
export async function keyInLog(
  key: PublishedKey,
  logVerifiers: readonly string[],
  use: 'definitions' | 'tokens',
  epoch?: string,
): Promise<Result<true, DefinitionProblem>> {
  if (!(await verifyCheckpoint(key.log.checkpoint, logVerifiers))) return err('log-proof-invalid');
  if (!(await verifyInclusion(key.log))) return err('log-proof-invalid');
  let entry: { type?: unknown; details?: Record<string, unknown> };
  try {
    entry = JSON.parse(key.log.json) as typeof entry;
  } catch {
    return err('log-proof-invalid');
  }
  const fingerprint = await keyFingerprint(fromBase64Url(key.publicKey));
  const details = entry.details ?? {};
  const named =
    entry.type === 'edge.key_published' &&
    details['use'] === use &&
    details['keyId'] === key.keyId &&
    details['fingerprint'] === fingerprint &&
    (epoch === undefined || details['epoch'] === epoch);
  return named ? ok(true) : err('key-not-in-log');
}

/** The definitions key, once the log vouches for it, ready to verify definitions with. */
export async function trustKey(
  key: PublishedKey,
  logVerifiers: readonly string[],
): Promise<Result<CryptoKey, DefinitionProblem>> {
  const logged = await keyInLog(key, logVerifiers, 'definitions');
  if (!logged.ok) return logged;
  const jwk = { kty: 'OKP', crv: 'Ed25519', x: key.publicKey };
  return ok((await importJWK(jwk, 'EdDSA')) as CryptoKey);
}

/** Verifies one signed definition with a trusted key; the payload is returned as signed. */
export async function openDefinition(
  jws: string,
  key: { readonly keyId: string; readonly cryptoKey: CryptoKey },
): Promise<Result<EdgeDefinition, DefinitionProblem>> {
  try {
    const header = decodeProtectedHeader(jws);
    if (header.alg !== 'EdDSA' || header.typ !== definitionType) return err('malformed');
    if (header.kid !== key.keyId) return err('unknown-key');
  } catch {
    return err('malformed');
  }
  try {
    const { payload } = await compactVerify(jws, key.cryptoKey, { algorithms: ['EdDSA'] });
    const definition = JSON.parse(new TextDecoder().decode(payload)) as EdgeDefinition;
    return definition.format === 'curtain-edge-campaign/1' ? ok(definition) : err('malformed');
  } catch {
    return err('bad-signature');
  }
}
