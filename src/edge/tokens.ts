// Privacy Pass (RFC 9578) with publicly verifiable blind RSA (RFC 9474), the client's half and the shared rules:
// one issuer key per epoch, the same number of tokens to every customer, a challenge bound to the epoch only.
import { publicVerif, Token, TOKEN_TYPES, type TokenChallenge } from '@cloudflare/privacypass-ts';
import type { CryptoKey } from './log-proof.ts';

const { BlindRSAMode, Client, Origin, TokenResponse } = publicVerif;

/** Tokens each customer gets per epoch, whatever matched: one per report they will send. */
export const reportsPerEpoch = 4;
/** Days per epoch; an epoch is named by its first day, 'YYYY-MM-DD', counted from 1970-01-01. */
export const epochDays = 7;
/** The issuer and origin names in every challenge. */
export const issuerName = 'curtain-vault';
export const originName = 'curtain-edge-reports';
export const tokenMode = BlindRSAMode.PSS;
/** The issuer key's algorithm in WebCrypto: RSABSSA-SHA384-PSS (RFC 9474), as the library's BLIND_RSA uses. */
export const issuerKeyAlgorithm = { name: 'RSA-PSS', hash: 'SHA-384' } as const;
/** Token length with a 2048-bit issuer key: type, nonce, challenge digest, key id, authenticator. */
export const tokenBytes = 2 + 32 + 32 + 32 + 256;

/** The epoch a day falls in, named by its first day. */
export function epochOf(day: string): string {
  const days = Math.floor(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
  const first = days - (((days % epochDays) + epochDays) % epochDays);
  return new Date(first * 86_400_000).toISOString().slice(0, 10);
}

/** The 32-byte redemption context of an epoch: the same for every customer, so it links nothing. */
export async function redemptionContext(epoch: string): Promise<Uint8Array> {
  return new Uint8Array(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`edge-epoch:${epoch}`)),
  );
}

export async function epochChallenge(epoch: string): Promise<TokenChallenge> {
  const origin = new Origin(tokenMode, [originName]);
  return origin.createTokenChallenge(issuerName, await redemptionContext(epoch));
}

export const toBase64Url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

export const fromBase64Url = (text: string): Uint8Array =>
  Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

/** The device's side of issuance: blinded requests now, finalised tokens once the issuer answers. */
export class TokenRequests {
  readonly #clients: InstanceType<typeof Client>[];
  readonly requests: readonly string[];

  private constructor(clients: InstanceType<typeof Client>[], requests: string[]) {
    this.#clients = clients;
    this.requests = requests;
  }

  /** `count` blinded token requests for the epoch's issuer key (its SPKI bytes, base64url). */
  static async create(epoch: string, issuerKey: string, count: number): Promise<TokenRequests> {
    const challenge = await epochChallenge(epoch);
    const key = fromBase64Url(issuerKey);
    const clients = Array.from({ length: count }, () => new Client(tokenMode));
    const requests = await Promise.all(clients.map((c) => c.createTokenRequest(challenge, key)));
    return new TokenRequests(
      clients,
      requests.map((r) => toBase64Url(r.serialize())),
    );
  }

  /** Unblinds the issuer's responses (same order) into tokens, base64url. */
  async finalise(responses: readonly string[]): Promise<string[]> {
    if (responses.length !== this.#clients.length) throw new Error('the issuer answered a different count');
    const tokens = await Promise.all(
      this.#clients.map((c, i) => c.finalize(TokenResponse.deserialize(fromBase64Url(responses[i]!)))),
    );
    return tokens.map((t) => toBase64Url(t.serialize()));
  }
}

/** Parses a token; undefined when it is not a blind-RSA token. */
export function parseToken(text: string): Token | undefined {
  try {
    const bytes = fromBase64Url(text);
    if (bytes.length !== tokenBytes) return undefined;
    return Token.deserialize(TOKEN_TYPES.BLIND_RSA, bytes);
  } catch {
    return undefined;
  }
}

/** Whether a token verifies under the epoch's issuer key and carries the epoch's challenge. */
export async function tokenValid(token: Token, epoch: string, issuerKey: CryptoKey): Promise<boolean> {
  const expected = new Uint8Array(
    await crypto.subtle.digest('SHA-256', new Uint8Array((await epochChallenge(epoch)).serialize())),
  );
  const digest = token.authInput.challengeDigest;
  if (digest.length !== expected.length || digest.some((b, i) => b !== expected[i])) return false;
  return new Origin(tokenMode, [originName]).verify(token, issuerKey);
}
