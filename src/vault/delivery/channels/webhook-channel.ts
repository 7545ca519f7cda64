// Signed webhooks to the bank's own systems only: HMAC signature, retries with backoff, one idempotency key.
import { CurtainError } from '../../../core/errors.ts';
import { isMessageId, type ChannelAdapter, type SendResult, type WebhookNotice } from './channel.ts';
import { postWithRetry, resolveRetryOptions, type RetryClock, type RetryOptions } from './http-delivery.ts';
import { parseHttpUrl } from './neutral-notice.ts';
import { idempotencyHeader, signWebhook } from './webhook-signature.ts';

export { verifyWebhookSignature, type WebhookVerification } from './webhook-signature.ts';

export interface WebhookChannelConfig {
  /** The bank's endpoint; https, or http on a loopback host. */
  readonly url: string;
  /**
   * The bank's own hosts, as host names (`crm.bank.example`) or host and port (`crm.bank.example:8443`),
   * compared exactly and without wildcards. A URL on any other host, such as a partner's, is refused.
   */
  readonly allowedHosts: readonly string[];
  /** The shared signing secret, at least 32 bytes. */
  readonly secret: string | Uint8Array;
  readonly retry?: RetryOptions;
}

const minimumSecretBytes = 32;

export class WebhookChannel implements ChannelAdapter<'webhook'> {
  readonly channel = 'webhook';
  readonly #url: URL;
  readonly #secret: string | Uint8Array;
  readonly #retry: Required<RetryOptions>;
  readonly #clock: RetryClock;

  constructor(config: WebhookChannelConfig, clock: RetryClock = {}) {
    const url = parseHttpUrl(config.url, 'webhook url');
    const allowed = new Set(config.allowedHosts.map((host) => host.toLowerCase()));
    if (!allowed.has(url.hostname) && !allowed.has(url.host)) {
      throw new CurtainError(
        'CONFIG_INVALID',
        `The webhook host ${url.host} is not one of the bank's own hosts (webhook allowedHosts); ` +
          'webhooks never go to a partner.',
        { setting: 'allowedHosts', host: url.host },
      );
    }
    const secretBytes =
      typeof config.secret === 'string' ? Buffer.byteLength(config.secret) : config.secret.length;
    if (secretBytes < minimumSecretBytes) {
      const message = `The webhook secret must have at least ${minimumSecretBytes} bytes.`;
      throw new CurtainError('CONFIG_INVALID', message, { setting: 'secret' });
    }
    this.#url = url;
    this.#secret = config.secret;
    this.#retry = resolveRetryOptions(config.retry);
    this.#clock = clock;
  }

  async send(notice: WebhookNotice): Promise<SendResult> {
    if (!isMessageId(notice.messageId)) throw new TypeError('The notice has a malformed message id.');
    const body = JSON.stringify(notice.payload);
    const headers = (): Record<string, string> => ({
      [idempotencyHeader]: notice.messageId,
      ...signWebhook(this.#secret, body),
    });
    return await postWithRetry({ url: this.#url, body, headers }, this.#retry, this.#clock);
  }
}
