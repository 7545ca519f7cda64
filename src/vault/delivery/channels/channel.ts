// The channel seam: what the delivery loop hands a channel adapter, and what it gets back.
import { createHmac } from 'node:crypto';

/** The channels an adapter sends through; the in-app inbox is kept in the vault and is not one of them. */
export type ChannelKind = 'email' | 'push' | 'webhook';

export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * What email and push carry: a neutral notice and nothing else. There is deliberately no field for an offer's
 * title, text, segment or campaign, so none can reach a mail provider or a push gateway; the adapter renders
 * a fixed text ("You have a new message from <bank>") from its configuration and `inboxLink`.
 */
export interface NeutralNotice {
  /**
   * Stable across retries and crashes, for the same campaign, customer and channel (see `deriveMessageId`):
   * the email `Message-ID` and the HTTP `Idempotency-Key`. Written `local@domain`, without angle brackets.
   */
  readonly messageId: string;
  /** The customer's address on this channel: an email address or a push endpoint, from the identity store. */
  readonly to: string;
  /** Where the customer reads the message: a URL on the adapter's configured inbox origin. */
  readonly inboxLink: string;
}

/** What a webhook carries to the bank's own systems (never a partner's): a JSON payload under a stable id. */
export interface WebhookNotice {
  readonly messageId: string;
  readonly payload: JsonValue;
}

interface NoticeByChannel {
  email: NeutralNotice;
  push: NeutralNotice;
  webhook: WebhookNotice;
}

export type OutboundNotice<C extends ChannelKind = ChannelKind> = NoticeByChannel[C];

/**
 * The outcome of one `send`. A failure is a value, not an exception: `retryable` says whether sending the same
 * notice again (same `messageId`) later may succeed. `reason` is a short code such as `smtp 550` or `http 503`
 * and never holds an address or message text. `retryAfterMs` is the receiver's own `Retry-After` on the last
 * attempt, for the caller to wait at least that long (the adapter does not sleep through a long one). Bugs (a malformed notice, a misconfigured adapter) throw.
 */
export type SendResult =
  | { readonly ok: true; readonly attempts: number; readonly providerId?: string }
  | {
      readonly ok: false;
      readonly retryable: boolean;
      readonly reason: string;
      readonly attempts: number;
      readonly retryAfterMs?: number;
    };

/**
 * A channel adapter sends one notice, at least once: the caller retries a retryable failure with the same
 * notice, and the receiver recognises a repeat by its `messageId`. Adapters keep no state between sends.
 */
export interface ChannelAdapter<C extends ChannelKind = ChannelKind> {
  readonly channel: C;
  send(notice: OutboundNotice<C>): Promise<SendResult>;
}

/** One adapter of any channel, narrowed by its `channel`. */
export type AnyChannelAdapter = { [C in ChannelKind]: ChannelAdapter<C> }[ChannelKind];

const messageIdPattern = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,128}@[A-Za-z0-9.-]{1,253}$/;

/** Whether `id` is a message id as the notices carry it: `local@domain`, printable, no brackets or spaces. */
export const isMessageId = (id: string): boolean => messageIdPattern.test(id);

export interface MessageIdInput {
  readonly channel: ChannelKind;
  /** The campaign's id. */
  readonly campaign: string;
  /** A stable reference to the customer inside the vault (an internal id); it is hashed, never sent. */
  readonly recipient: string;
}

/**
 * A message id that is the same every time for one campaign, customer and channel, and says nothing about
 * them: the first 128 bits of HMAC-SHA256 under a vault key, in hex, `@domain`. The channel is part of the
 * input so that a mail provider and a push gateway do not see a shared id they could join on.
 */
export function deriveMessageId(key: Uint8Array | string, input: MessageIdInput, domain: string): string {
  const digest = createHmac('sha256', key)
    .update(JSON.stringify([input.channel, input.campaign, input.recipient]))
    .digest('hex');
  const id = `${digest.slice(0, 32)}@${domain}`;
  if (!isMessageId(id)) throw new TypeError('The message id domain must be a plain host name.');
  return id;
}
