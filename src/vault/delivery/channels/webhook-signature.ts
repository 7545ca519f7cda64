// Signs webhook bodies and verifies them on the receiving side (scheme v1: HMAC-SHA256 over timestamp.body).
import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The scheme, for the bank's receiving systems:
 *
 * - `X-Curtain-Timestamp`: the sending time in whole seconds since the Unix epoch, new for every attempt.
 * - `X-Curtain-Signature`: `v1=<hex>`, where `<hex>` is HMAC-SHA256 under the shared secret of the UTF-8 bytes
 *   of the timestamp, a `.`, and the raw request body, exactly as received (before any JSON parsing). More
 *   than one `v1=` entry may appear, separated by commas; one matching entry suffices.
 * - `Idempotency-Key`: the message id, the same on every attempt and after a crash of the sender.
 *
 * A receiver checks the signature in constant time, refuses a timestamp more than a few minutes from its
 * own clock (a replay), and answers 2xx to a key it has already processed without acting on it again.
 */
export const signatureHeader = 'x-curtain-signature';
export const timestampHeader = 'x-curtain-timestamp';
export const idempotencyHeader = 'idempotency-key';

export function webhookSignature(
  secret: string | Uint8Array,
  timestamp: string,
  body: string | Uint8Array,
): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

/** The headers that sign `body` at `nowSeconds`. */
export function signWebhook(
  secret: string | Uint8Array,
  body: string,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): { [timestampHeader]: string; [signatureHeader]: string } {
  const timestamp = String(nowSeconds);
  return {
    [timestampHeader]: timestamp,
    [signatureHeader]: `v1=${webhookSignature(secret, timestamp, body)}`,
  };
}

export type WebhookHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

export type WebhookVerification =
  | { readonly ok: true; readonly timestamp: number }
  | {
      readonly ok: false;
      readonly reason: 'missing-header' | 'malformed' | 'stale-timestamp' | 'bad-signature';
    };

/**
 * Verifies a received webhook: the signature over the raw body, and a timestamp within `toleranceSeconds` of
 * `nowSeconds` either way. `headers` may be a fetch `Headers` or node's `IncomingHttpHeaders`.
 */
export function verifyWebhookSignature(
  secret: string | Uint8Array,
  headers: WebhookHeaders,
  body: string | Uint8Array,
  toleranceSeconds: number,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): WebhookVerification {
  const timestamp = header(headers, timestampHeader);
  const signature = header(headers, signatureHeader);
  if (timestamp === undefined || signature === undefined) return { ok: false, reason: 'missing-header' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'malformed' };
  const candidates = signature
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.startsWith('v1='))
    .map((entry) => entry.slice(3));
  if (candidates.length === 0 || !candidates.every((c) => /^[0-9a-f]{64}$/i.test(c))) {
    return { ok: false, reason: 'malformed' };
  }
  const expected = Buffer.from(webhookSignature(secret, timestamp, body), 'hex');
  const matches = candidates.some((c) => timingSafeEqual(Buffer.from(c, 'hex'), expected));
  if (!matches) return { ok: false, reason: 'bad-signature' };
  const seconds = Number(timestamp);
  if (Math.abs(nowSeconds - seconds) > toleranceSeconds) return { ok: false, reason: 'stale-timestamp' };
  return { ok: true, timestamp: seconds };
}

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  return typeof value === 'string' ? value : undefined;
}
