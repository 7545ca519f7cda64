// Push through the bank's push gateway: the neutral notice as JSON, under the stable id as Idempotency-Key.
import type { ChannelAdapter, NeutralNotice, SendResult } from './channel.ts';
import { postWithRetry, resolveRetryOptions, type RetryClock, type RetryOptions } from './http-delivery.ts';
import { checkNeutralNotice, neutralText, parseHttpUrl, parseInboxOrigin } from './neutral-notice.ts';
import { CurtainError } from '../../../core/errors.ts';

export interface PushChannelConfig {
  /** The gateway's endpoint; https, or http on a loopback host. */
  readonly gatewayUrl: string;
  /** Sent as `Authorization: Bearer …` when set. */
  readonly bearerToken?: string;
  readonly bankName: string;
  /** Every notice's inbox link must be on this origin. */
  readonly inboxOrigin: string;
  readonly retry?: RetryOptions;
}

/**
 * The gateway receives `{ "to", "title", "body", "link" }`: `to` is the device endpoint from the identity
 * store, `title` the bank's name, `body` the fixed sentence, `link` the inbox link.
 */
export class PushChannel implements ChannelAdapter<'push'> {
  readonly channel = 'push';
  readonly #url: URL;
  readonly #bearerToken: string | undefined;
  readonly #bankName: string;
  readonly #inboxOrigin: string;
  readonly #retry: Required<RetryOptions>;
  readonly #clock: RetryClock;

  constructor(config: PushChannelConfig, clock: RetryClock = {}) {
    if (config.bankName.trim() === '') {
      throw new CurtainError('CONFIG_INVALID', 'The push channel needs the bank name.', {
        setting: 'bankName',
      });
    }
    this.#url = parseHttpUrl(config.gatewayUrl, 'gatewayUrl');
    this.#bearerToken = config.bearerToken;
    this.#bankName = config.bankName;
    this.#inboxOrigin = parseInboxOrigin(config.inboxOrigin, 'inboxOrigin');
    this.#retry = resolveRetryOptions(config.retry);
    this.#clock = clock;
  }

  async send(notice: NeutralNotice): Promise<SendResult> {
    checkNeutralNotice(notice, this.#inboxOrigin);
    const { subject } = neutralText(this.#bankName, notice.inboxLink);
    const body = JSON.stringify({
      to: notice.to,
      title: this.#bankName,
      body: subject,
      link: notice.inboxLink,
    });
    const headers: Record<string, string> = { 'idempotency-key': notice.messageId };
    if (this.#bearerToken !== undefined) headers.authorization = `Bearer ${this.#bearerToken}`;
    return await postWithRetry({ url: this.#url, body, headers: () => headers }, this.#retry, this.#clock);
  }
}
